/* notices.c — what the store kept to tell this user (a chief released
 * their lock, someone took an item their gone desk held), shown when the
 * desk starts: on the message line, and all of them in :messages. */
#include "newsdesk/notices.h"
#include "newsdesk/tui_editor.h"

#include <stdlib.h>

void tui_notices_show(struct tui *t)
{
	struct nd_notice *n;
	size_t count;
	struct nd_error err = { 0 };
	if (nd_notices_take(t->st, t->actor, &n, &count, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < count; i++) {
		char text[512];
		nd_notice_text(&n[i], text, sizeof text);
		tui_message(t, false, "%s", text);
	}
	free(n);
}
