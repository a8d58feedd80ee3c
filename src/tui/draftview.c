/* draftview.c — offering an unsaved draft when its item is opened:
 * recover it, see what it changes (the review's [-deleted-] {+inserted+}
 * marks, in a pager), or discard it (asked first). */
#include "newsdesk/drafts.h"
#include "newsdesk/external.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/width.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A diff under title, wrapped to the screen, paged with j/k/Space; any
 * other key returns. */
static void show_text(const char *title, struct nd_buf *diff)
{
	/* Rows: byte ranges of the diff text, wrapped by paragraph. */
	const char *s = nd_buf_str(diff);
	size_t len = strlen(s), nrows = 0, cap = 0;
	struct row {
		size_t start, end;
	} *rows = NULL;
	for (size_t start = 0; start <= len;) {
		const char *nl = memchr(s + start, '\n', len - start);
		size_t n = nl ? (size_t)(nl - (s + start)) : len - start;
		struct nd_wrap_line *w = NULL;
		long count = nd_wrap(s + start, n, COLS > 2 ? COLS - 1 : 1, &w);
		for (long i = 0; i < (count > 0 ? count : 1); i++) {
			if (nrows == cap) {
				cap = cap ? cap * 2 : 64;
				struct row *grown = realloc(rows, cap * sizeof *rows);
				if (!grown)
					break;
				rows = grown;
			}
			if (nrows < cap)
				rows[nrows++] =
				    count > 0 ? (struct row){ start + w[i].start, start + w[i].end }
					      : (struct row){ start, start };
		}
		if (count > 0)
			free(w);
		if (!nl)
			break;
		start += n + 1;
	}
	int top = 0, height = LINES - 2;
	for (;;) {
		erase();
		tui_draw_row(0, 0, COLS, title, A_BOLD);
		for (int i = 0; i < height; i++) {
			size_t r = (size_t)(top + i);
			char *text = r < nrows
					 ? strndup(s + rows[r].start, rows[r].end - rows[r].start)
					 : NULL;
			tui_draw_row(i + 1, 0, COLS, text ? text : "", A_NORMAL);
			free(text);
		}
		tui_draw_row(LINES - 1, 0, COLS, _("j/k/Space scroll · q back to the choice"),
			     A_REVERSE);
		refresh();
		wint_t ch;
		timeout(-1);
		int kind = get_wch(&ch);
		timeout(500);
		if (kind == ERR && tui_hangup(kind))
			break;
		if (kind == ERR)
			continue;
		if ((kind == OK && ch == 'j') || (kind == KEY_CODE_YES && ch == KEY_DOWN))
			top += top + height < (int)nrows ? 1 : 0;
		else if ((kind == OK && ch == 'k') || (kind == KEY_CODE_YES && ch == KEY_UP))
			top -= top > 0 ? 1 : 0;
		else if ((kind == OK && ch == ' ') || (kind == KEY_CODE_YES && ch == KEY_NPAGE))
			top = top + height < (int)nrows ? top + height : top;
		else
			break;
	}
	free(rows);
}

static void show_diff(struct tui *t, const struct nd_draft *d, const struct nd_story *current)
{
	struct nd_buf diff = ND_BUF_INIT;
	if (nd_draft_diff(current, &d->story, &diff) < 0) {
		nd_buf_free(&diff);
		tui_message(t, true, "%s", _("out of memory"));
		return;
	}
	char title[160];
	snprintf(title, sizeof title,
		 _("── your draft of #%1$lld against revision %2$d: [-deleted-] {+inserted+} "),
		 (long long)d->item_id, d->current_rev);
	show_text(title, &diff);
	nd_buf_free(&diff);
}

int tui_draft_offer(struct tui *t, const struct nd_draft *d, const struct nd_story *current)
{
	char when[32], q[320];
	time_t tt = (time_t)d->saved_at;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(when, sizeof when, "%m-%d %H:%M", &tm))
		snprintf(when, sizeof when, "?");
	for (;;) {
		snprintf(q, sizeof q,
			 _("#%1$lld has your unsaved draft (%2$s, %3$ld chars). (r)ecover (d)iff "
			   "(x) discard, Esc: not now "),
			 (long long)d->item_id, when, d->chars);
		int c = tui_choice(q, "rdx");
		if (c == 'd') {
			show_diff(t, d, current);
			continue;
		}
		if (c != 'x')
			return c;
		snprintf(q, sizeof q,
			 _("Discard your draft of #%lld for good? It cannot be recovered (y/n) "),
			 (long long)d->item_id);
		if (!tui_confirm(q))
			continue;
		struct nd_error err = { 0 };
		if (nd_draft_discard(t->st, t->actor, d->item_id, &err) < 0) {
			tui_message(t, true, "%s", err.msg);
			return 0;
		}
		tui_message(t, false, _("#%lld: draft discarded"), (long long)d->item_id);
		return 'x';
	}
}

/* What E offers first: the user's own unfinished $EDITOR draft (or the
 * desk's draft in the store), as `newsdesk edit ID` offers it. */
static int ask_external(int64_t id, bool file, const char *where)
{
	char q[4400];
	if (file)
		snprintf(q, sizeof q,
			 _("#%1$lld has your unsaved $EDITOR draft (%2$s). (r)ecover (d)iff (x) "
			   "discard, Esc: not now "),
			 (long long)id, where);
	else
		snprintf(
		    q, sizeof q,
		    _("#%1$lld has your unsaved draft from the desk (%2$s). (r)ecover (d)iff (x) "
		      "discard, Esc: not now "),
		    (long long)id, where);
	return tui_choice(q, "rdx");
}

static bool discard_external(struct tui *t, int64_t id, bool file, const char *path)
{
	char q[200];
	struct nd_error err = { 0 };
	snprintf(q, sizeof q,
		 _("Discard your draft of #%lld for good? It cannot be recovered (y/n) "),
		 (long long)id);
	if (!tui_confirm(q))
		return false;
	if (nd_draft_discard(t->st, t->actor, id, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (file && unlink(path) < 0) {
		tui_message(t, true, "%s: %s", path, strerror(errno));
		return false;
	}
	tui_message(t, false, _("#%lld: draft discarded"), (long long)id);
	return true;
}

bool tui_external_offer(struct tui *t, int64_t id, unsigned *flags)
{
	struct nd_error err = { 0 };
	struct nd_draft d;
	char path[4096], where[64] = "";
	int found = nd_draft_get(t->st, t->actor, id, &d, &err);
	if (found < 0 || nd_draft_file_path(t->st, t->actor->user.login, id, false, path,
					    sizeof path, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	struct stat sb;
	bool file = stat(path, &sb) == 0;
	time_t at = file ? sb.st_mtime : found == 1 ? (time_t)d.saved_at : 0;
	struct tm tm;
	if (localtime_r(&at, &tm))
		strftime(where, sizeof where, "%m-%d %H:%M", &tm);
	if (found == 1)
		nd_draft_free(&d);
	if (found != 1 && !file)
		return true;
	for (;;) {
		int c = ask_external(id, file, where);
		if (c == 'r') {
			*flags |= ND_EDIT_RECOVER;
			return true;
		}
		if (c == 'x' && discard_external(t, id, file, path))
			return true;
		if (c == 'x')
			continue;
		if (c != 'd') {
			tui_message(t, false, _("#%lld not opened; your draft is kept"),
				    (long long)id);
			return false;
		}
		struct nd_buf diff = ND_BUF_INIT;
		if (nd_draft_diff_current(t->st, t->actor, id, file, &diff, &err) < 0)
			tui_message(t, true, "%s", err.msg);
		else
			show_text(_("── your draft against the current revision: [-deleted-] "
				    "{+inserted+} "),
				  &diff);
		nd_buf_free(&diff);
	}
}
