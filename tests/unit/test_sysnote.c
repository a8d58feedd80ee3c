/* test_sysnote.c — system notes: stored as a code with arguments and
 * rendered when shown; the English earlier versions stored is read back
 * into the same codes by the event's verb, and a person's words are never
 * taken for the program's. */
#include "newsdesk/lang.h"
#include "newsdesk/sysnote.h"
#include "tap.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void render(const char *code, const char *text, const char *verb, const char *want,
		   bool want_system, const char *name)
{
	bool system = !want_system;
	char *got = nd_sysnote_render(code, text, verb, &system);
	is_str(got ? got : "(null)", want, name);
	ok(system == want_system, "…%s", want_system ? "the program's" : "a person's");
	free(got);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	nd_lang_set("C.UTF-8");
	char args[128];
	nd_sysnote_args(args, sizeof args, 6,
			(const char *const[]){ "2024-07", "6", "1", "2024-07", "5", "4" });
	is_str(args,
	       "2024-07\x1f"
	       "6\x1f"
	       "1\x1f"
	       "2024-07\x1f"
	       "5\x1f"
	       "4",
	       "arguments are joined by U+001F");
	render(ND_SN_REPLACE, args, "move", "2024-07 p.6 #1 → 2024-07 p.5 #4", true,
	       "a move, rendered from its code");
	render(ND_SN_TAKEOVER, "wang", "takeover", "took over wang's expired lock", true,
	       "a takeover names the holder");
	render(ND_SN_HANGUP, NULL, "draft",
	       "the terminal went away; the lock is released and the unsaved text is kept as a "
	       "draft ('newsdesk drafts')",
	       true, "the hang-up takes no arguments");

	/* The English of earlier versions, read back by the event's verb. */
	render(NULL, "2024-07 p.6 #1 → 2024-07 p.5 #4", "move", "2024-07 p.6 #1 → 2024-07 p.5 #4",
	       true, "an old placement note is parsed");
	render(NULL, "2024-07 p.5 #4", "assign", "placed at 2024-07 p.5 #4", true,
	       "an old first placement is parsed into its code");
	render(NULL, "off 2024-07 p.5 #4", "unassign", "taken off 2024-07 p.5 #4", true,
	       "an old unassign is parsed");
	render(NULL, "broke wang's lock", "unlock", "broke wang's lock", true,
	       "an old unlock is parsed");
	render(NULL, "took over wang's lock: their desk (pid 4242 on desk1) is gone", "takeover",
	       "took over wang's lock: their desk (pid 4242 on desk1) is gone", true,
	       "an old takeover of a gone desk's lock is parsed");
	render(NULL,
	       "the terminal went away; the lock is released and the unsaved text is kept as a "
	       "draft ('newsdesk drafts')",
	       "draft",
	       "the terminal went away; the lock is released and the unsaved text is kept as a "
	       "draft ('newsdesk drafts')",
	       true, "an old hang-up note is the program's");
	render(NULL, "2024-07 p.5 #4 and more", "assign", "2024-07 p.5 #4 and more", false,
	       "what does not parse is shown as stored");

	/* A person's words are never the program's, whatever they say. */
	render(NULL, "broke wang's lock", "return", "broke wang's lock", false,
	       "a return note that looks like a system note stays a person's");
	render(NULL, "电头缺日期", "return", "电头缺日期", false, "a return's reason as typed");
	render(NULL, NULL, "finish", "(null)", false, "no note, nothing to show");
	render("from-a-newer-version",
	       "a\x1f"
	       "b",
	       "x", "from-a-newer-version: a b", true,
	       "an unknown code is shown with its arguments");

	is_str(nd_log_verb_label("finish", "编完"), "finish", "English: the verb's own name");
	nd_lang_set("zh_CN.UTF-8");
	is_str(nd_log_verb_label("finish", "编完"), "编完", "Chinese: the workflow's label");
	nd_lang_set("C.UTF-8");
	return tap_done();
}
