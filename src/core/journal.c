/* journal.c — reading an item's events and notes; adding notes. */
#include "newsdesk/journal.h"
#include "newsdesk/history.h"
#include "newsdesk/items.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/sysnote.h"

#include <stdlib.h>
#include <string.h>

int nd_event_append_code(struct nd_store *st, int64_t item, const char *actor, const char *verb,
			 const char *from, const char *to, const char *code, const char *note,
			 int rev, struct nd_error *err)
{
	/* The hash chains to the item's previous event and covers the hash of
	 * the revision the event names, and the note's code when it has one
	 * (schema: history_hashes, system_notes; check.c recomputes it). */
	int rc = nd_sql_exec(
	    st, err, "logging the event",
	    "INSERT INTO events(item_id, actor, verb, from_state, to_state, note, rev, created_at, "
	    "note_code, hash) SELECT v.item_id, v.actor, v.verb, v.from_state, v.to_state, v.note, "
	    "v.rev, v.created_at, v.note_code, CASE WHEN v.note_code IS NULL THEN "
	    "nd_chain(v.prev, v.item_id, v.actor, v.verb, v.from_state, v.to_state, v.note, v.rev, "
	    "v.created_at, v.rev_hash) ELSE nd_chain(v.prev, v.item_id, v.actor, v.verb, "
	    "v.from_state, v.to_state, v.note, v.rev, v.created_at, v.rev_hash, v.note_code) END "
	    "FROM (SELECT w.*, (SELECT hash FROM events WHERE item_id = w.item_id ORDER BY id DESC "
	    "LIMIT 1) AS prev, (SELECT hash FROM revisions r WHERE r.item_id = w.item_id AND "
	    "r.rev = w.rev) AS rev_hash FROM (SELECT ?1 AS item_id, ?2 AS actor, ?3 AS verb, "
	    "?4 AS from_state, ?5 AS to_state, ?6 AS note, CASE WHEN ?7 > 0 THEN ?7 "
	    "WHEN ?7 < 0 THEN (SELECT current_rev FROM items WHERE id = ?1) END AS rev, "
	    "?8 AS created_at, ?9 AS note_code) w) v",
	    "isssssdis", item, actor, verb, from, to, note && note[0] ? note : NULL, rev, nd_now(),
	    code);
	return rc < 0 ? rc : 0;
}

int nd_event_append(struct nd_store *st, int64_t item, const char *actor, const char *verb,
		    const char *from, const char *to, const char *note, int rev,
		    struct nd_error *err)
{
	return nd_event_append_code(st, item, actor, verb, from, to, NULL, note, rev, err);
}

/* Reading the journal needs the right to read the item. */
static int may_read(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_error *err)
{
	struct nd_item it;
	int rc = nd_item_get(st, actor, id, 0, &it, err);
	if (rc == 0)
		nd_item_free(&it);
	return rc;
}

static int fill_event(sqlite3_stmt *stmt, void *elem)
{
	struct nd_event *e = elem;
	e->id = sqlite3_column_int64(stmt, 0);
	e->actor = nd_column_dup(stmt, 1);
	e->verb = nd_column_dup(stmt, 2);
	e->actor_name = nd_column_dup(stmt, 10);
	e->from_state = nd_column_dup(stmt, 3);
	e->to_state = nd_column_dup(stmt, 4);
	e->rev = sqlite3_column_int(stmt, 6);
	e->at = sqlite3_column_int64(stmt, 7);
	const char *note = (const char *)sqlite3_column_text(stmt, 5);
	const char *code = (const char *)sqlite3_column_text(stmt, 8);
	e->note = nd_sysnote_render(code, note, e->verb, &e->system);
	e->verb_label =
	    e->verb ? strdup(nd_log_verb_label(e->verb, (const char *)sqlite3_column_text(stmt, 9)))
		    : NULL;
	if (!e->verb || !e->verb_label || (note && !e->note))
		return ND_ENOMEM;
	return 0;
}

int nd_events_list(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		   struct nd_event **events, size_t *n, struct nd_error *err)
{
	*events = NULL;
	*n = 0;
	int rc = may_read(st, actor, id, err);
	if (rc == 0)
		rc = nd_sql_list(
		    st, events, n, sizeof **events, fill_event, err, "reading the log",
		    "SELECT e.id, e.actor, e.verb, "
		    "coalesce(CASE WHEN ?2 THEN f.label_zh ELSE f.label_en END, e.from_state), "
		    "coalesce(CASE WHEN ?2 THEN t.label_zh ELSE t.label_en END, e.to_state), "
		    "e.note, e.rev, e.created_at, e.note_code, (SELECT x.label_zh FROM transitions "
		    "x WHERE x.verb = e.verb ORDER BY x.label_zh LIMIT 1), u.name FROM events e "
		    "LEFT JOIN users u ON u.login = e.actor "
		    "LEFT JOIN states f ON f.name = e.from_state "
		    "LEFT JOIN states t ON t.name = e.to_state "
		    "WHERE e.item_id = ?1 ORDER BY e.id",
		    "id", id, nd_lang_is_zh());
	if (rc < 0) {
		nd_events_free(*events, *n);
		*events = NULL;
		*n = 0;
	}
	return rc;
}

void nd_events_free(struct nd_event *events, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(events[i].actor);
		free(events[i].actor_name);
		free(events[i].verb);
		free(events[i].verb_label);
		free(events[i].from_state);
		free(events[i].to_state);
		free(events[i].note);
	}
	free(events);
}

int nd_note_add(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *text,
		int64_t *note_id, struct nd_error *err)
{
	int rc;
	if ((rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("add review notes"), err)) < 0)
		return rc;
	if (!text || !text[0])
		return nd_fail(err, ND_EINVAL, _("the note is empty"));
	if (strlen(text) > 64 * 1024)
		return nd_fail(err, ND_EINVAL, _("the note is over 64 KiB"));
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = nd_note_append(st, id, ND_EVENT_CURRENT_REV, actor->user.login, text, err)) < 0)
		goto fail;
	if (note_id)
		*note_id = sqlite3_last_insert_rowid(nd_store_db(st));
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

static int fill_note(sqlite3_stmt *stmt, void *elem)
{
	struct nd_note *note = elem;
	note->id = sqlite3_column_int64(stmt, 0);
	note->author = nd_column_dup(stmt, 1);
	note->author_name = nd_column_dup(stmt, 2);
	note->rev = sqlite3_column_int(stmt, 4);
	note->at = sqlite3_column_int64(stmt, 5);
	const char *body = (const char *)sqlite3_column_text(stmt, 3);
	note->body = nd_sysnote_render((const char *)sqlite3_column_text(stmt, 6), body, NULL,
				       &note->system);
	if (!note->body)
		note->body = strdup(body ? body : "");
	return note->body ? 0 : ND_ENOMEM;
}

int nd_notes_list(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		  struct nd_note **notes, size_t *n, struct nd_error *err)
{
	*notes = NULL;
	*n = 0;
	int rc = may_read(st, actor, id, err);
	if (rc == 0)
		rc = nd_sql_list(st, notes, n, sizeof **notes, fill_note, err, "reading notes",
				 "SELECT n.id, n.author, u.name, n.body, n.rev, n.created_at, "
				 "n.body_code "
				 "FROM notes n LEFT JOIN users u ON u.login = n.author "
				 "WHERE n.item_id = ? ORDER BY n.id",
				 "i", id);
	if (rc < 0) {
		nd_notes_free(*notes, *n);
		*notes = NULL;
		*n = 0;
	}
	return rc;
}

void nd_notes_free(struct nd_note *notes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(notes[i].author);
		free(notes[i].author_name);
		free(notes[i].body);
	}
	free(notes);
}
