/* edit.c — the lease lock and the save path. Everything runs in one
 * BEGIN IMMEDIATE transaction per call; a save stores the editor's text
 * before deciding anything else, so no outcome loses it. */
#include "newsdesk/edit.h"
#include "newsdesk/history.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/notices.h"
#include "newsdesk/proc.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/sysnote.h"
#include "newsdesk/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct head {
	char state[32];
	char reporter[72];
	char holder[72];
	char edit_to[32]; /* where an edit moves it (a correction), or "" */
	char state_label[64]; /* the state in the reader's language, for messages */
	char reopen_role[64]; /* who may make it editable again (a role's label)… */
	char reopen_verb[64]; /* …and how: the verb, or its label under Chinese */
	char lock_host[256]; /* where the holder's process runs, and which it is */
	long lock_pid;
	int64_t lock_pid_start;
	int64_t lock_since, lock_expires;
	int current_rev, max_rev;
	bool editable, reporter_edits;
};

static int read_head(struct nd_store *st, const struct nd_actor *actor, int64_t id, struct head *h,
		     struct nd_error *err)
{
	sqlite3_stmt *stmt;
	memset(h, 0, sizeof *h);
	int rc = nd_sql_prepare(
	    st, &stmt, err,
	    "SELECT i.state, i.reporter, i.lock_holder, i.lock_since, "
	    "i.lock_expires, i.current_rev, s.editable, "
	    "(SELECT max(rev) FROM revisions WHERE item_id = i.id), "
	    "s.reporter_edits, s.edit_to, "
	    "CASE WHEN ?2 THEN s.label_zh ELSE s.label_en END, "
	    "(SELECT CASE WHEN ?2 THEN r.label_zh ELSE r.label_en END || char(31) || "
	    "CASE WHEN ?2 THEN t.label_zh ELSE t.verb END "
	    "FROM transitions t JOIN states e ON e.name = t.to_state "
	    "JOIN roles r ON r.name = t.min_role WHERE t.from_state = i.state "
	    "AND e.editable AND NOT e.published ORDER BY r.rank LIMIT 1), "
	    "i.lock_host, i.lock_pid, i.lock_pid_start "
	    "FROM items i JOIN states s ON s.name = i.state WHERE i.id = ?1",
	    "id", id, nd_lang_is_zh());
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the item", err)) > 0) {
		rc = 0;
		const char *v;
		snprintf(h->state, sizeof h->state, "%s", sqlite3_column_text(stmt, 0));
		snprintf(h->reporter, sizeof h->reporter, "%s", sqlite3_column_text(stmt, 1));
		if ((v = (const char *)sqlite3_column_text(stmt, 2)))
			snprintf(h->holder, sizeof h->holder, "%s", v);
		h->lock_since = sqlite3_column_int64(stmt, 3);
		h->lock_expires = sqlite3_column_int64(stmt, 4);
		h->current_rev = sqlite3_column_int(stmt, 5);
		h->editable = sqlite3_column_int(stmt, 6) != 0;
		h->max_rev = sqlite3_column_int(stmt, 7);
		h->reporter_edits = sqlite3_column_int(stmt, 8) != 0;
		if ((v = (const char *)sqlite3_column_text(stmt, 9)))
			snprintf(h->edit_to, sizeof h->edit_to, "%s", v);
		if ((v = (const char *)sqlite3_column_text(stmt, 10)))
			snprintf(h->state_label, sizeof h->state_label, "%s", v);
		/* "role\x1fverb": who may reopen it, and how */
		if ((v = (const char *)sqlite3_column_text(stmt, 11)) && strchr(v, '\x1f')) {
			const char *sep = strchr(v, '\x1f');
			snprintf(h->reopen_role, sizeof h->reopen_role, "%.*s", (int)(sep - v), v);
			snprintf(h->reopen_verb, sizeof h->reopen_verb, "%s", sep + 1);
		}
		if ((v = (const char *)sqlite3_column_text(stmt, 12)))
			snprintf(h->lock_host, sizeof h->lock_host, "%s", v);
		h->lock_pid = (long)sqlite3_column_int64(stmt, 13);
		h->lock_pid_start = sqlite3_column_int64(stmt, 14);
	} else if (rc == 0) {
		rc = nd_item_unknown(actor, id, err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* A lock whose holder's process is gone from this host: the desk was
 * killed, or the machine rebooted. Locks from elsewhere, or from before
 * locks said where they were, run their lease. */
bool nd_lock_stale(const char *host, long pid, int64_t pid_start)
{
	char here[256];
	nd_proc_host(here, sizeof here);
	return host && host[0] && pid > 0 && strcmp(host, here) == 0 &&
	       !nd_proc_alive(pid, pid_start);
}

static bool lock_stale(const struct head *h)
{
	return h->holder[0] && nd_lock_stale(h->lock_host, h->lock_pid, h->lock_pid_start);
}

static bool held_by_other(const struct head *h, const char *login)
{
	return h->holder[0] && strcmp(h->holder, login) != 0 && h->lock_expires > nd_now() &&
	       !lock_stale(h);
}

/* Editors edit any item; a reporter only their own, while it is returned
 * to them (the workflow marks such states editable). */
static int may_edit(const struct nd_actor *actor, int64_t id, const struct head *h,
		    struct nd_error *err)
{
	if (actor->user.rank >= ND_RANK_EDITOR)
		return 0;
	if (strcmp(h->reporter, actor->user.login) != 0)
		return nd_item_unknown(actor, id, err);
	if (!h->reporter_edits)
		return nd_fail(err, ND_EPERM,
			       _("reporters edit their items only while returned to them; #%lld is "
				 "with the editors"),
			       (long long)id);
	return 0;
}

static void clock_text(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(out, size, "%H:%M", &tm))
		snprintf(out, size, "?");
}

static int locked_error(int64_t id, const struct head *h, struct nd_error *err)
{
	char since[16], until[16];
	clock_text(h->lock_since, since, sizeof since);
	clock_text(h->lock_expires, until, sizeof until);
	return nd_fail(
	    err, ND_ELOCKED,
	    _("#%1$lld is being edited by %2$s since %3$s (the lock runs until %4$s unless "
	      "renewed); you can still read it, and a chief may 'newsdesk unlock %5$lld'"),
	    (long long)id, h->holder, since, until, (long long)id);
}

/* The lock is the actor's, from this process on this host. */
static int record_lock(struct nd_store *st, const struct nd_actor *actor, int64_t id, int64_t since,
		       struct nd_error *err)
{
	char host[256];
	int64_t start = 0;
	nd_proc_host(host, sizeof host);
	if (nd_proc_start((long)getpid(), &start) < 0)
		start = 0;
	return nd_sql_exec(st, err, "taking the lock",
			   "UPDATE items SET lock_holder = ?, lock_since = ?, lock_expires = ?, "
			   "lock_host = ?, lock_pid = ?, lock_pid_start = ? WHERE id = ?",
			   "siisiii", actor->user.login, since, nd_now() + ND_LOCK_SECONDS,
			   host[0] ? host : NULL, (int64_t)getpid(), start, id);
}

int nd_lock_take(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		 struct nd_lock *lock, struct nd_error *err)
{
	struct head h;
	int rc;
	memset(lock, 0, sizeof *lock);
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = read_head(st, actor, id, &h, err)) < 0 || (rc = may_edit(actor, id, &h, err)) < 0)
		goto fail;
	if (!h.editable) {
		/* "(a chief editor may reopen it)", from the workflow's rows */
		bool an = strchr("aeiou", h.reopen_role[0]) != NULL;
		if (!h.reopen_role[0])
			rc = nd_fail(err, ND_ESTATE, _("#%1$lld is %2$s and cannot be edited now"),
				     (long long)id, h.state_label);
		else
			rc = nd_fail(err, ND_ESTATE,
				     an ? _("#%1$lld is %2$s and cannot be edited now (an %3$s may "
					    "%4$s it)")
					: _("#%1$lld is %2$s and cannot be edited now (a %3$s may "
					    "%4$s it)"),
				     (long long)id, h.state_label, h.reopen_role, h.reopen_verb);
		goto fail;
	}
	if (held_by_other(&h, actor->user.login)) {
		rc = locked_error(id, &h, err);
		goto fail;
	}
	int64_t now = nd_now();
	bool mine = h.holder[0] && strcmp(h.holder, actor->user.login) == 0;
	bool stale = h.holder[0] && !mine && h.lock_expires > now; /* live, not held: gone */
	if ((rc = record_lock(st, actor, id, mine && h.lock_expires > now ? h.lock_since : now,
			      err)) < 0)
		goto fail;
	if (h.holder[0] && !mine) {
		/* a system note: a code with its arguments (sysnote.h) */
		char pid[24], note[400];
		snprintf(pid, sizeof pid, "%ld", h.lock_pid);
		if (stale)
			nd_sysnote_args(note, sizeof note, 3,
					(const char *const[]){ h.holder, pid, h.lock_host });
		else
			nd_sysnote_args(note, sizeof note, 1, (const char *const[]){ h.holder });
		if ((rc = nd_event_append_code(
			 st, id, actor->user.login, "takeover", h.state, h.state,
			 stale ? ND_SN_TAKEOVER_GONE : ND_SN_TAKEOVER, note, 0, err)) < 0 ||
		    (rc = nd_notice_add(st, h.holder, "lock-taken", id, actor->user.login, err)) <
			0)
			goto fail;
		lock->took_over = true;
		lock->stale = stale;
		lock->previous_pid = h.lock_pid;
		snprintf(lock->previous_host, sizeof lock->previous_host, "%s", h.lock_host);
		snprintf(lock->previous, sizeof lock->previous, "%s", h.holder);
	}
	lock->id = id;
	lock->base_rev = h.current_rev;
	lock->expires = now + ND_LOCK_SECONDS;
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

int nd_lock_renew(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		  struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "renewing the lock",
			     "UPDATE items SET lock_expires = ? WHERE id = ? AND lock_holder = ?",
			     "iis", nd_now() + ND_LOCK_SECONDS, id, actor->user.login);
	if (rc == 0)
		rc = nd_fail(err, ND_ELOCKED, _("you no longer hold the lock on #%lld"),
			     (long long)id);
	return rc < 0 ? rc : 0;
}

int nd_lock_release(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "releasing the lock",
			     "UPDATE items SET lock_holder = NULL, lock_since = NULL, "
			     "lock_expires = NULL, lock_host = NULL, lock_pid = NULL, "
			     "lock_pid_start = NULL WHERE id = ? AND lock_holder = ?",
			     "is", id, actor->user.login);
	return rc < 0 ? rc : 0;
}

int nd_lock_break(struct nd_store *st, const struct nd_actor *actor, int64_t id, char *holder,
		  size_t holder_size, struct nd_error *err)
{
	struct head h;
	int rc;
	if ((rc = nd_require_rank(actor, ND_RANK_CHIEF, N_("break an edit lock"), err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = read_head(st, actor, id, &h, err)) < 0)
		goto fail;
	if (!h.holder[0]) {
		rc = nd_fail(err, ND_EINVAL, _("#%lld is not locked"), (long long)id);
		goto fail;
	}
	if ((rc = nd_sql_exec(st, err, "breaking the lock",
			      "UPDATE items SET lock_holder = NULL, lock_since = NULL, "
			      "lock_expires = NULL, lock_host = NULL, lock_pid = NULL, "
			      "lock_pid_start = NULL WHERE id = ?",
			      "i", id)) < 0)
		goto fail;
	if ((rc = nd_event_append_code(st, id, actor->user.login, "unlock", h.state, h.state,
				       ND_SN_UNLOCK, h.holder, 0, err)) < 0)
		goto fail;
	/* the holder is told next time; their draft stays theirs */
	if (strcmp(h.holder, actor->user.login) != 0 &&
	    (rc = nd_notice_add(st, h.holder, "lock-released", id, actor->user.login, err)) < 0)
		goto fail;
	snprintf(holder, holder_size, "%s", h.holder);
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

static bool same(const char *a, const char *b)
{
	if (!a || !a[0])
		return !b || !b[0];
	return b && strcmp(a, b) == 0;
}

/* 1 when story equals revision rev of item id, 0 when not, < 0 on error. */
static int equals_revision(struct nd_store *st, int64_t id, int rev, const struct nd_story *s,
			   struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT r.kind, i.section, r.kicker, r.headline, r.subhead, "
				"r.dateline, r.byline, r.body FROM revisions r JOIN items i "
				"ON i.id = r.item_id WHERE r.item_id = ? AND r.rev = ?",
				"id", id, rev);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the current revision", err)) > 0) {
		const char *cols[8];
		for (int i = 0; i < 8; i++)
			cols[i] = (const char *)sqlite3_column_text(stmt, i);
		rc = same(s->kind, cols[0]) && same(s->section, cols[1]) &&
		     same(s->kicker, cols[2]) && same(s->headline, cols[3]) &&
		     same(s->subhead, cols[4]) && same(s->dateline, cols[5]) &&
		     same(s->byline, cols[6]) && same(s->body, cols[7]);
	} else if (rc == 0) {
		rc = nd_fail(err, ND_ENOENT, _("#%1$lld has no revision %2$d"), (long long)id, rev);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int insert_revision(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev,
			   int base_rev, const struct nd_story *s, bool conflict,
			   struct nd_error *err)
{
	struct nd_revision_in r = { .item = id,
				    .rev = rev,
				    .base_rev = base_rev,
				    .story = s,
				    .author = actor->user.login,
				    .at = nd_now(),
				    .conflict = conflict };
	return nd_revision_append(st, &r, err);
}

/* The transition a save takes, through the workflow engine like any other:
 * only from a state whose edits move the item (a published one, corrected,
 * goes back to be signed off) the row into that state. Any other save
 * keeps the state: finishing is the explicit 'finish' verb, never a side
 * effect of saving (an editor who saves often must not move the item).
 * "" when the save moves nothing. */
static int save_verb(struct nd_store *st, const struct head *h, char *verb, size_t size,
		     struct nd_error *err)
{
	int rc = 0;
	verb[0] = '\0';
	if (h->edit_to[0])
		rc = nd_sql_text(st, verb, size, err, "reading the workflow",
				 "SELECT verb FROM transitions WHERE from_state = ? AND "
				 "to_state = ? ORDER BY verb LIMIT 1",
				 "ss", h->state, h->edit_to);
	return rc < 0 ? rc : 0;
}

/* Moves the saved item along verb with the workflow engine. */
static int save_move(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     const char *verb, const char *code, struct nd_error *err)
{
	struct nd_workflow wf;
	struct nd_transition_result tr;
	int rc = nd_workflow_load(st, &wf, err);
	if (rc < 0)
		return rc;
	rc = nd_workflow_move_code(st, &wf, actor, id, verb, code, NULL, &tr, err);
	nd_workflow_free(&wf);
	return rc;
}

int nd_item_save(struct nd_store *st, const struct nd_actor *actor, int64_t id, int base_rev,
		 const struct nd_story *story, unsigned flags, struct nd_save_result *res,
		 struct nd_error *err)
{
	struct head h;
	int rc;
	(void)flags; /* ND_SAVE_KEEP_STATE: every save keeps the state now */
	memset(res, 0, sizeof *res);
	if ((rc = nd_story_validate(story, err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = read_head(st, actor, id, &h, err)) < 0 || (rc = may_edit(actor, id, &h, err)) < 0)
		goto fail;
	res->current_rev = h.current_rev;
	int next = h.max_rev + 1;
	bool stale = base_rev != h.current_rev;
	bool locked = held_by_other(&h, actor->user.login);
	if (stale || locked || !h.editable) {
		/* Keep the text first; then explain. */
		if ((rc = insert_revision(st, actor, id, next, base_rev, story, true, err)) < 0 ||
		    (rc = nd_event_append_code(st, id, actor->user.login, "conflict", h.state,
					       h.state, stale ? ND_SN_STALE : ND_SN_LOCKED, NULL,
					       next, err)) < 0)
			goto fail;
		if ((rc = nd_store_commit(st, err)) < 0)
			return rc;
		res->rev = next;
		res->conflict = true;
		if (stale) {
			/* best effort, for the message only */
			nd_sql_text(st, res->other, sizeof res->other, NULL, "reading the revision",
				    "SELECT author FROM revisions WHERE item_id = ? AND rev = ?",
				    "id", id, h.current_rev);
			return nd_fail(
			    err, ND_ECONFLICT,
			    _("#%1$lld changed while you edited (you started from revision %2$d; "
			      "%3$s saved revision %4$d). Nothing was overwritten: your text is "
			      "kept as revision %5$d, a conflict draft; compare them and save "
			      "again from revision %6$d"),
			    (long long)id, base_rev, res->other, h.current_rev, next,
			    h.current_rev);
		}
		if (locked)
			return nd_fail(
			    err, ND_ECONFLICT,
			    _("#%1$lld is locked by %2$s; your text is kept as revision %3$d, a "
			      "conflict draft"),
			    (long long)id, h.holder, next);
		return nd_fail(
		    err, ND_ECONFLICT,
		    _("#%1$lld is %2$s and cannot be edited now; your text is kept as revision "
		      "%3$d, a conflict draft"),
		    (long long)id, h.state_label, next);
	}
	if ((rc = equals_revision(st, id, h.current_rev, story, err)) < 0)
		goto fail;
	if (rc == 1) {
		res->unchanged = true;
		nd_store_rollback(st);
		return 0;
	}
	if ((rc = insert_revision(st, actor, id, next, base_rev, story, false, err)) < 0)
		goto fail;
	char verb[32];
	bool correction = h.edit_to[0] != '\0';
	if ((rc = save_verb(st, &h, verb, sizeof verb, err)) < 0)
		goto fail;
	/* Guarded: 0 rows changed means someone moved current_rev under us. */
	int64_t now = nd_now();
	if ((rc = nd_sql_exec(st, err, "saving the item",
			      "UPDATE items SET current_rev = ?1, kind = ?2, section = ?3, "
			      "updated_at = ?4, lock_expires = CASE WHEN lock_holder = ?5 "
			      "THEN ?6 ELSE lock_expires END WHERE id = ?7 AND current_rev = ?8",
			      "dssisiid", next, story->kind ? story->kind : "article",
			      story->section && story->section[0] ? story->section : NULL, now,
			      actor->user.login, now + ND_LOCK_SECONDS, id, h.current_rev)) < 0)
		goto fail;
	if (rc != 1) {
		rc = nd_fail(err, ND_ECONFLICT, _("#%lld changed during the save; try again"),
			     (long long)id);
		goto fail;
	}
	if ((rc = nd_event_append(st, id, actor->user.login, "edit", h.state, h.state, NULL, next,
				  err)) < 0)
		goto fail;
	/* A correction goes back to be signed off and republished; what was
	 * published stays recorded as published_rev. */
	if (verb[0] &&
	    (rc = save_move(st, actor, id, verb, correction ? ND_SN_CORRECTION : NULL, err)) < 0)
		goto fail;
	if (story->section && story->section[0] &&
	    (rc = nd_sql_exec(st, err, "recording the section",
			      "INSERT OR IGNORE INTO sections(name) VALUES (?)", "s",
			      story->section)) < 0)
		goto fail;
	if ((rc = nd_store_commit(st, err)) < 0)
		return rc;
	res->rev = next;
	res->moved = verb[0] != '\0';
	return 0;
fail:
	nd_store_rollback(st);
	return rc;
}
