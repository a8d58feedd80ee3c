/* editor.c — the built-in editor: its keys are requests of the one table
 * (keys.c, the editor's rows), any other key types itself; it saves
 * through the workflow module's save path under the edit lock and keeps a
 * draft as the user types. The layout and drawing are edview.c's. */
#include "newsdesk/cleanup.h"
#include "newsdesk/drafts.h"
#include "newsdesk/edit.h"
#include "newsdesk/tui_draftsave.h"
#include "newsdesk/tui_editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RENEW_EVERY 300 /* seconds between lock renewals while typing */
/* The draft is written this long after the first key it does not hold
 * yet, whatever the typing rhythm, so that it is committed within 2 s of
 * that key even when the write itself is slow: a crash loses at most the
 * last 2 s of typing. */
#define AUTOSAVE_MS 1500

#define ED(t) ((struct tui_editor *)tui_pane_find((t), &tui_editor_pane))

/* ---- actions -------------------------------------------------------------- */

static void renew(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_error err = { 0 };
	time_t now = time(NULL);
	if (now - ed->last_renew < RENEW_EVERY)
		return;
	ed->last_renew = now;
	if (nd_lock_renew(t->st, t->actor, ed->id, &err) < 0)
		tui_message(t, true, "%s", err.msg);
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tui_editor_autosave_due(const struct tui *t)
{
	const struct tui_editor *ed = ED(t);
	if (!ed || !ed->unsynced)
		return -1;
	int64_t left = ed->pending_ms + AUTOSAVE_MS - mono_ms();
	return left < 0 ? 0 : (int)left;
}

/* Writes the text as the user's draft of the item on the desk's own
 * connection, now; true when stored. */
static bool write_draft_now(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_error err = { 0 };
	struct nd_story story;
	if (nd_doc_story(&ed->doc, &story) < 0) {
		tui_message(t, true, "%s", _("out of memory: the draft was not written"));
		return false;
	}
	int rc = nd_draft_put(t->st, t->actor, ed->id, ed->base_rev, &story, &err);
	nd_story_free(&story);
	if (rc < 0) {
		tui_message(t, true, _("the draft was not written: %s"), err.msg);
		return false;
	}
	ed->unsynced = false;
	return true;
}

/* Hands the text to the draft writer (its own thread and connection), so
 * the key that makes the draft due does not wait for the write; without a
 * writer, writes it now. */
static bool write_draft(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	if (!ed->saver)
		ed->saver = tui_draftsave_start(t->st, t->actor);
	if (!ed->saver)
		return write_draft_now(t);
	struct nd_story story;
	if (nd_doc_story(&ed->doc, &story) < 0) {
		tui_message(t, true, "%s", _("out of memory: the draft was not written"));
		return false;
	}
	tui_draftsave_put(ed->saver, ed->id, ed->base_rev, &story);
	ed->unsynced = false;
	return true;
}

/* A write the writer failed: said, and the text due again in 1.5 s. */
static void writer_failed(struct tui *t, bool wait)
{
	struct tui_editor *ed = ED(t);
	char msg[256];
	bool ok = wait ? tui_draftsave_settle(ed->saver, msg, sizeof msg)
		       : tui_draftsave_poll(ed->saver, msg, sizeof msg);
	if (ok)
		return;
	tui_message(t, true, _("the draft was not written: %s"), msg);
	if (!ed->unsynced) {
		ed->unsynced = true;
		ed->pending_ms = mono_ms();
	}
}

void tui_editor_autosave(struct tui *t, bool force)
{
	writer_failed(t, false);
	int due = tui_editor_autosave_due(t);
	if (due < 0 || (due > 0 && !force))
		return;
	if (!write_draft(t))
		ED(t)->pending_ms = mono_ms(); /* try again in 1.5 s, not at once */
}

/* The draft is done with: saved as a revision, or discarded on purpose.
 * A write still under way lands first, never after. */
static void drop_draft(struct tui *t)
{
	struct nd_error err = { 0 };
	tui_draftsave_settle(ED(t)->saver, NULL, 0);
	ED(t)->unsynced = false;
	if (nd_draft_discard(t->st, t->actor, ED(t)->id, &err) < 0)
		tui_message(t, true, "%s", err.msg);
}

void tui_editor_hangup(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	if (!ed)
		return;
	struct nd_error err = { 0 };
	writer_failed(t, true);
	bool kept = ed->unsynced ? write_draft_now(t) : nd_doc_dirty(&ed->doc);
	/* bracketed paste off; write(2), since the terminal may be gone */
	if (write(STDOUT_FILENO, "\033[?2004l", 8) < 0) {
		/* the terminal is gone: nothing to switch off */
	}
	if (kept)
		nd_draft_hangup(t->st, t->actor, ed->id, &err);
	else
		nd_lock_release(t->st, t->actor, ed->id, NULL);
	ed->hung = true; /* closing now only frees */
}

/* Keys that cannot change the text do not make a draft due. */
static bool changes_text(enum tui_req req)
{
	switch (req) {
	case REQ_ED_LEFT:
	case REQ_ED_RIGHT:
	case REQ_ED_LINE_UP:
	case REQ_ED_LINE_DOWN:
	case REQ_ED_LINE_START:
	case REQ_ED_LINE_END:
	case REQ_ED_SCREEN_UP:
	case REQ_ED_SCREEN_DOWN:
	case REQ_ED_WORD_LEFT:
	case REQ_ED_WORD_RIGHT:
	case REQ_ED_PARA_UP:
	case REQ_ED_PARA_DOWN:
	case REQ_ED_TEXT_START:
	case REQ_ED_TEXT_END:
	case REQ_ED_NEXT_FIELD:
	case REQ_ED_PREV_FIELD:
	case REQ_ED_MARK:
	case REQ_ED_COPY:
	case REQ_ED_FIND:
	case REQ_ED_SAVE:
	case REQ_ED_LEAVE:
		return false;
	default:
		return true;
	}
}

static void note_key(struct tui_editor *ed, enum tui_req req)
{
	if (changes_text(req) && !ed->unsynced) {
		ed->unsynced = true;
		ed->pending_ms = mono_ms();
	}
}

static bool save(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_error err = { 0 };
	struct nd_story story;
	struct nd_save_result res;
	if (ed->conflict_pending) {
		char q[200];
		snprintf(
		    q, sizeof q,
		    _("#%lld has a newer revision by someone else. Save yours on top of it? (y/n) "),
		    (long long)ed->id);
		if (!tui_confirm(q)) {
			tui_message(t, false, "%s", _("not saved"));
			return false;
		}
	}
	if (nd_doc_story(&ed->doc, &story) < 0) {
		tui_message(t, true, "%s", _("out of memory"));
		return false;
	}
	int rc = nd_item_save(t->st, t->actor, ed->id, ed->base_rev, &story, 0, &res, &err);
	nd_story_free(&story);
	if (rc == ND_ECONFLICT) {
		/* The text is stored as a conflict draft: nothing is lost. */
		nd_doc_mark_saved(&ed->doc);
		drop_draft(t);
		ed->conflict_pending = true;
		ed->base_rev = res.current_rev;
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (rc < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	ed->conflict_pending = false;
	nd_doc_mark_saved(&ed->doc);
	drop_draft(t);
	ed->last_renew = time(NULL);
	if (res.unchanged) {
		tui_message(t, false, "%s", _("no changes to save"));
	} else {
		ed->base_rev = res.rev;
		tui_message(t, false, _("saved #%1$lld as revision %2$d"), (long long)ed->id,
			    res.rev);
	}
	return true;
}

static void cleanup(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_buf report = ND_BUF_INIT;
	for (size_t i = 0; i < nd_cleanup_rule_count; i++) {
		const struct nd_cleanup_rule *r = &nd_cleanup_rules[i];
		struct nd_buf out = ND_BUF_INIT;
		long n = r->apply(nd_doc_text(&ed->doc, ND_F_BODY), &out);
		if (n > 0 && nd_doc_replace_body(&ed->doc, nd_buf_str(&out)) == 0) {
			if (report.len)
				nd_buf_adds(&report, C_("list", ", "));
			nd_buf_printf(&report, _(r->what_en), n);
		}
		nd_buf_free(&out);
	}
	if (report.len)
		tui_message(t, false, _("clean-up: %s (^Z undoes one rule at a time)"),
			    nd_buf_str(&report));
	else
		tui_message(t, false, "%s", _("clean-up: nothing to do"));
	nd_buf_free(&report);
}

static void find(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	char *text = tui_prompt(t, _("Find: "), ed->search, NULL);
	if (!text)
		return;
	if (text[0])
		snprintf(ed->search, sizeof ed->search, "%s", text);
	free(text);
	if (!ed->search[0])
		return;
	if (!nd_doc_find(&ed->doc, ed->search))
		tui_message(t, true, _("not found: %s"), ed->search);
}

/* Leaves, asking first when there are unsaved changes. */
static bool leave(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	if (nd_doc_dirty(&ed->doc)) {
		char q[160];
		snprintf(q, sizeof q,
			 _("#%lld has unsaved changes. Save them? (y)es (n)o (c)ancel "),
			 (long long)ed->id);
		int answer = tui_choice(q, "ync");
		if (answer == 'c' || answer == 0)
			return true;
		if (answer == 'y' && !save(t))
			return true;
		if (answer == 'n') {
			drop_draft(t);
			tui_message(t, false, _("#%lld: changes discarded"), (long long)ed->id);
		}
	}
	return false; /* the loop pops the pane, which closes it */
}

/* Bracketed paste: ESC [ 200 ~ text ESC [ 201 ~, inserted as one step. */
static void paste(struct tui *t)
{
	struct nd_buf text = ND_BUF_INIT;
	timeout(500);
	for (;;) {
		wint_t ch;
		int kind = get_wch(&ch);
		if (kind == ERR)
			break;
		if (kind == KEY_CODE_YES)
			continue;
		nd_buf_add_cp(&text, (unsigned)ch);
		if (text.len >= 6 && memcmp(text.data + text.len - 6, "\033[201~", 6) == 0) {
			text.len -= 6;
			text.data[text.len] = '\0';
			break;
		}
	}
	nd_doc_insert(&ED(t)->doc, nd_buf_str(&text), text.len);
	nd_buf_free(&text);
	ED(t)->doc.last_op = 0;
	timeout(500);
}

/* ESC: alone it is the Esc key; ESC c is Alt-c (Alt-b, Alt-f); ESC [200~
 * starts a bracketed paste. The key's code, or 0 for a paste (or a
 * sequence nobody asked for). */
static int escape(struct tui *t)
{
	wint_t ch;
	timeout(30);
	int kind = get_wch(&ch);
	timeout(500);
	if (kind == ERR)
		return 27;
	if (kind != OK)
		return 0;
	if (ch != '[')
		return TK_META((int)ch);
	char seq[8] = "";
	for (int i = 0; i < 4; i++) {
		timeout(30);
		if (get_wch(&ch) != OK)
			break;
		seq[i] = (char)ch;
	}
	timeout(500);
	if (strcmp(seq, "200~") == 0)
		paste(t);
	return 0;
}

static void type_char(struct tui *t, wint_t ch)
{
	struct nd_buf one = ND_BUF_INIT;
	nd_buf_add_cp(&one, (unsigned)ch);
	nd_doc_insert(&ED(t)->doc, nd_buf_str(&one), one.len);
	nd_buf_free(&one);
	renew(t);
}

/* The requests that move the cursor; false when req is not one. */
static bool cursor_request(struct tui_editor *ed, enum tui_req req, int height)
{
	struct nd_doc *d = &ed->doc;
	int page = height - 2 > 1 ? height - 2 : 1;
	tui_ed_prepare(ed);
	size_t row = tui_ed_cursor_row(ed);
	struct ed_line line = tui_ed_line(ed, row);
	const struct ed_line *l = &line;
	switch (req) {
	case REQ_ED_LEFT:
		nd_doc_left(d);
		break;
	case REQ_ED_RIGHT:
		nd_doc_right(d);
		break;
	case REQ_ED_LINE_UP:
	case REQ_ED_LINE_DOWN:
		tui_ed_vertical(ed, req == REQ_ED_LINE_UP ? -1 : 1);
		break;
	case REQ_ED_SCREEN_UP:
	case REQ_ED_SCREEN_DOWN:
		tui_ed_vertical(ed, req == REQ_ED_SCREEN_UP ? -page : page);
		break;
	case REQ_ED_LINE_START:
		nd_doc_set_cursor(d, l->field, l->start);
		break;
	case REQ_ED_LINE_END:
		nd_doc_set_cursor(d, l->field, l->para_end ? l->next : l->end);
		ed->at_row_end = !l->para_end;
		ed->end_row = row;
		break;
	case REQ_ED_WORD_LEFT:
		nd_doc_word_left(d);
		break;
	case REQ_ED_WORD_RIGHT:
		nd_doc_word_right(d);
		break;
	case REQ_ED_PARA_UP:
		nd_doc_paragraph_up(d);
		break;
	case REQ_ED_PARA_DOWN:
		nd_doc_paragraph_down(d);
		break;
	case REQ_ED_TEXT_START:
		nd_doc_set_cursor(d, ND_F_KICKER, 0);
		break;
	case REQ_ED_TEXT_END:
		nd_doc_set_cursor(d, ND_F_BODY, nd_doc_len(d, ND_F_BODY));
		break;
	case REQ_ED_NEXT_FIELD:
		nd_doc_next_field(d);
		break;
	case REQ_ED_PREV_FIELD:
		nd_doc_prev_field(d);
		break;
	default:
		return false;
	}
	return true;
}

/* The requests that change the text (or the selection and clipboard). */
static void edit(struct tui *t, enum tui_req req)
{
	struct nd_doc *d = &ED(t)->doc;
	switch (req) {
	case REQ_ED_BACKSPACE:
		nd_doc_backspace(d);
		break;
	case REQ_ED_DELETE:
		nd_doc_delete(d);
		break;
	case REQ_ED_NEWLINE:
		nd_doc_newline(d);
		break;
	case REQ_ED_UNDO:
		if (nd_doc_undo(d) == 0)
			tui_message(t, false, "%s", _("nothing to undo"));
		break;
	case REQ_ED_REDO:
		if (nd_doc_redo(d) == 0)
			tui_message(t, false, "%s", _("nothing to redo"));
		break;
	case REQ_ED_MARK:
		nd_doc_toggle_mark(d);
		break;
	case REQ_ED_CUT:
		nd_doc_cut(d);
		break;
	case REQ_ED_COPY:
		nd_doc_copy(d);
		tui_message(t, false, "%s", _("copied"));
		break;
	case REQ_ED_PASTE:
		nd_doc_paste(d);
		break;
	case REQ_ED_FIND:
		find(t);
		break;
	case REQ_ED_SAVE:
		save(t);
		break;
	case REQ_ED_CLEANUP:
		cleanup(t);
		break;
	default:
		break;
	}
}

/* One key: a request of the editor's rows in the table (the user's
 * bindings first), else a character typed. */
bool tui_editor_key(struct tui *t, int kind, wint_t ch, int height)
{
	struct tui_editor *ed = ED(t);
	int code = kind == OK && ch == 27 ? escape(t) : tui_key_code(kind, ch);
	if (!code) {
		note_key(ed, REQ_ED_PASTE); /* a bracketed paste came this way */
		return true;
	}
	enum tui_req req = tui_request_for_code(PANE_EDITOR, code);
	note_key(ed, req);
	if (req != REQ_ED_LINE_UP && req != REQ_ED_LINE_DOWN && req != REQ_ED_SCREEN_UP &&
	    req != REQ_ED_SCREEN_DOWN)
		ed->have_goal = false;
	bool row_end = false;
	if (req == REQ_NONE) {
		if (kind == OK && ch >= 0x20)
			type_char(t, ch);
	} else if (req == REQ_ED_HELP) {
		tui_help_open(t, PANE_EDITOR); /* F1: over the editor, q back to it */
	} else if (req == REQ_ED_LEAVE) {
		ed->at_row_end = false;
		return leave(t);
	} else if (cursor_request(ed, req, height)) {
		row_end = req == REQ_ED_LINE_END && ed->at_row_end;
	} else {
		edit(t, req);
	}
	ed->at_row_end = row_end;
	return true;
}

/* The user's own draft of the item, if any: offered before editing. A
 * draft equal to the current revision holds nothing and goes quietly.
 * Returns false when the user chose not to open the item. */
static bool take_draft(struct tui *t, int64_t id, const struct nd_story *current,
		       struct nd_draft *d, bool *recover)
{
	struct nd_error err = { 0 };
	*recover = false;
	int found = nd_draft_get(t->st, t->actor, id, d, &err);
	if (found < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (found == 0)
		return true;
	char *a = nd_story_format(current), *b = nd_story_format(&d->story);
	bool same = a && b && strcmp(a, b) == 0;
	free(a);
	free(b);
	if (same) {
		nd_draft_discard(t->st, t->actor, id, NULL);
		return true;
	}
	int choice = tui_draft_offer(t, d, current);
	*recover = choice == 'r';
	return choice != 0;
}

static void tell_others(struct tui *t, int64_t id)
{
	char who[72], when[16];
	int64_t at;
	if (nd_draft_other(t->st, t->actor, id, who, sizeof who, &at) != 1)
		return;
	time_t tt = (time_t)at;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(when, sizeof when, "%H:%M", &tm))
		snprintf(when, sizeof when, "?");
	tui_message(t, false, _("note: %1$s has an unsaved draft of #%2$lld (from %3$s)"), who,
		    (long long)id, when);
}

/* A stale lock was taken over: whose, where, and whether their draft is
 * kept (it stays theirs). */
static void tell_stale(struct tui *t, int64_t id, const struct nd_lock *lock)
{
	char who[72];
	int64_t at;
	bool kept = nd_draft_other(t->st, t->actor, id, who, sizeof who, &at) == 1 &&
		    strcmp(who, lock->previous) == 0;
	if (kept)
		tui_message(
		    t, false,
		    _("took #%1$lld over from %2$s, whose desk is gone (pid %3$ld on %4$s); "
		      "%2$s's unsaved draft stays theirs, offered to them when they open it"),
		    (long long)id, lock->previous, lock->previous_pid, lock->previous_host);
	else
		tui_message(
		    t, false,
		    _("took #%1$lld over from %2$s, whose desk is gone (pid %3$ld on %4$s)"),
		    (long long)id, lock->previous, lock->previous_pid, lock->previous_host);
}

bool tui_editor_open(struct tui *t, int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_lock lock;
	struct nd_item it;
	struct nd_draft draft = { 0 };
	bool recover = false;
	if (nd_lock_take(t->st, t->actor, id, &lock, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (nd_item_get(t->st, t->actor, id, lock.base_rev, &it, &err) < 0) {
		nd_lock_release(t->st, t->actor, id, NULL);
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (!take_draft(t, id, &it.story, &draft, &recover)) {
		nd_draft_free(&draft);
		nd_item_free(&it);
		nd_lock_release(t->st, t->actor, id, NULL);
		if (!t->message[0])
			tui_message(t, false, _("#%lld not opened; your draft is kept"),
				    (long long)id);
		return false;
	}
	struct tui_editor *ed = calloc(1, sizeof *ed);
	if (!ed || nd_doc_init(&ed->doc, recover ? &draft.story : &it.story) < 0) {
		free(ed);
		nd_draft_free(&draft);
		nd_item_free(&it);
		nd_lock_release(t->st, t->actor, id, NULL);
		tui_message(t, true, "%s", _("out of memory"));
		return false;
	}
	nd_item_free(&it);
	ed->id = id;
	ed->base_rev = lock.base_rev;
	ed->last_renew = time(NULL);
	if (!tui_pane_push(t, &tui_editor_pane, ed)) {
		nd_draft_free(&draft);
		return false; /* closed by push */
	}
	if (recover) {
		/* Unsaved until saved; from an older revision a save is a
		 * conflict, which the save path handles without loss. */
		ed->doc.saved_changes = ed->doc.changes - 1;
		if (draft.base_rev > 0 && draft.base_rev < lock.base_rev)
			ed->base_rev = draft.base_rev;
		tui_message(t, false, _("recovered your draft of #%lld: unsaved until ^S"),
			    (long long)id);
	} else if (lock.stale) {
		tell_stale(t, id, &lock);
	} else if (lock.took_over) {
		tui_message(t, false, _("took over %s's expired lock"), lock.previous);
	} else {
		tui_message(t, false, "%s", _("editing: ^S saves, Esc leaves, ^K cleans up"));
		tell_others(t, id);
	}
	nd_draft_free(&draft);
	/* Ask the terminal to bracket pastes. (The whole desk runs raw, so
	 * Ctrl-S, Ctrl-Z, Ctrl-C and Ctrl-Q are keys, never signals.) */
	fputs("\033[?2004h", stdout);
	fflush(stdout);
	return true;
}

void tui_unlock(struct tui *t, int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_item it;
	char holder[72] = "", q[200];
	if (!id) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	if (nd_item_get(t->st, t->actor, id, 0, &it, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if (it.lock_holder)
		snprintf(holder, sizeof holder, "%s", it.lock_holder);
	nd_item_free(&it);
	if (!holder[0]) {
		tui_message(t, true, _("#%lld is not locked"), (long long)id);
		return;
	}
	snprintf(q, sizeof q,
		 _("Release %1$s's edit lock on #%2$lld? Their unsaved draft is kept and they "
		   "are told (y/n) "),
		 holder, (long long)id);
	if (!tui_confirm(q))
		return;
	if (nd_lock_break(t->st, t->actor, id, holder, sizeof holder, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	/* the lock broken is a commit: every pane refreshes after the key */
	tui_message(t, false, _("#%1$lld unlocked (%2$s is told next time)"), (long long)id,
		    holder);
}

static void editor_close(struct tui *t, void *data)
{
	struct tui_editor *ed = data;
	/* after a hang-up the lock and the draft are dealt with, and the
	 * terminal may be gone: only the memory is left to free */
	tui_draftsave_stop(ed->saver); /* what it holds is written first */
	if (!ed->hung)
		nd_lock_release(t->st, t->actor, ed->id, NULL);
	tui_ed_layout_free(ed);
	nd_doc_free(&ed->doc);
	bool hung = ed->hung;
	free(ed);
	if (hung)
		return;
	fputs("\033[?2004l", stdout);
	fflush(stdout);
	curs_set(0); /* the lock released: the panes below refresh after the key */
}

static void editor_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)data;
	tui_editor_draw(t, y, height, width);
}

static bool editor_key(struct tui *t, void *data, int kind, wint_t ch, int height)
{
	(void)data;
	return tui_editor_key(t, kind, ch, height);
}

/* :desk, :q and a confirmed ^C leave the editor only by its own Esc,
 * which asks about unsaved changes. */
static bool editor_may_close(struct tui *t, void *data)
{
	(void)data;
	tui_message(t, true, "%s", _("leave the editor first (Esc)"));
	return false;
}

/* The draft's autosave, when the clock makes it due (typing or not). */
static int editor_idle(struct tui *t, void *data, bool typing, bool *changed)
{
	(void)data;
	(void)typing;
	if (tui_editor_autosave_due(t) == 0)
		*changed = true; /* the status line says the draft is kept */
	tui_editor_autosave(t, false);
	return tui_editor_autosave_due(t);
}

static void editor_hangup(struct tui *t, void *data)
{
	(void)data;
	tui_editor_hangup(t);
}

const struct pane_ops tui_editor_pane = {
	.draw = editor_draw,
	.key = editor_key,
	.close = editor_may_close,
	.free = editor_close,
	.idle = editor_idle,
	.hangup = editor_hangup,
	.cursor = true,
};
