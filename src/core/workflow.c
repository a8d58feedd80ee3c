/* workflow.c — the transition engine over the states and transitions tables. */
#include "newsdesk/workflow.h"
#include "newsdesk/buf.h"
#include "newsdesk/edit.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/stats.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fill_state(sqlite3_stmt *stmt, void *elem)
{
	struct nd_state *s = elem;
	s->name = nd_column_dup(stmt, 0);
	s->label_zh = nd_column_dup(stmt, 1);
	s->label_en = nd_column_dup(stmt, 2);
	s->position = sqlite3_column_int(stmt, 3);
	s->editable = sqlite3_column_int(stmt, 4) != 0;
	s->initial = sqlite3_column_int(stmt, 5) != 0;
	s->signed_off = sqlite3_column_int(stmt, 6) != 0;
	s->published = sqlite3_column_int(stmt, 7) != 0;
	s->withdrawn = sqlite3_column_int(stmt, 8) != 0;
	s->reporter_edits = sqlite3_column_int(stmt, 9) != 0;
	s->edit_to = nd_column_dup(stmt, 10);
	return 0;
}

static int fill_transition(sqlite3_stmt *stmt, void *elem)
{
	struct nd_transition *t = elem;
	t->verb = nd_column_dup(stmt, 0);
	t->from_state = nd_column_dup(stmt, 1);
	t->to_state = nd_column_dup(stmt, 2);
	t->min_role = nd_column_dup(stmt, 3);
	t->min_rank = sqlite3_column_int(stmt, 4);
	t->note_required = sqlite3_column_int(stmt, 5) != 0;
	t->own_only = sqlite3_column_int(stmt, 6) != 0;
	t->label_zh = nd_column_dup(stmt, 7);
	t->label_en = nd_column_dup(stmt, 8);
	t->min_role_label = nd_column_dup(stmt, nd_lang_is_zh() ? 9 : 10);
	return 0;
}

int nd_workflow_load(struct nd_store *st, struct nd_workflow *wf, struct nd_error *err)
{
	memset(wf, 0, sizeof *wf);
	int rc = nd_sql_list(st, &wf->states, &wf->n_states, sizeof *wf->states, fill_state, err,
			     "reading the workflow states",
			     "SELECT name, label_zh, label_en, position, editable, initial, "
			     "signed_off, published, withdrawn, reporter_edits, edit_to "
			     "FROM states ORDER BY position",
			     NULL);
	if (rc == 0)
		rc = nd_sql_list(
		    st, &wf->transitions, &wf->n_transitions, sizeof *wf->transitions,
		    fill_transition, err, "reading the workflow transitions",
		    "SELECT t.verb, t.from_state, t.to_state, t.min_role, r.rank, "
		    "t.note_required, t.own_only, t.label_zh, t.label_en, r.label_zh, r.label_en "
		    "FROM transitions t JOIN roles r ON r.name = t.min_role "
		    "JOIN states s ON s.name = t.from_state ORDER BY s.position, t.verb",
		    NULL);
	if (rc < 0)
		nd_workflow_free(wf);
	return rc;
}

void nd_workflow_free(struct nd_workflow *wf)
{
	for (size_t i = 0; i < wf->n_states; i++) {
		free(wf->states[i].name);
		free(wf->states[i].label_zh);
		free(wf->states[i].label_en);
		free(wf->states[i].edit_to);
	}
	for (size_t i = 0; i < wf->n_transitions; i++) {
		struct nd_transition *t = &wf->transitions[i];
		free(t->verb);
		free(t->from_state);
		free(t->to_state);
		free(t->min_role);
		free(t->min_role_label);
		free(t->label_zh);
		free(t->label_en);
	}
	free(wf->states);
	free(wf->transitions);
	memset(wf, 0, sizeof *wf);
}

const struct nd_state *nd_workflow_state(const struct nd_workflow *wf, const char *name)
{
	for (size_t i = 0; name && i < wf->n_states; i++)
		if (strcmp(wf->states[i].name, name) == 0)
			return &wf->states[i];
	return NULL;
}

const struct nd_state *nd_workflow_find_state(const struct nd_workflow *wf, const char *word)
{
	for (size_t i = 0; word && i < wf->n_states; i++) {
		const struct nd_state *s = &wf->states[i];
		if (strcmp(s->name, word) == 0 || strcmp(s->label_zh, word) == 0 ||
		    strcmp(s->label_en, word) == 0)
			return s;
	}
	return NULL;
}

bool nd_workflow_has_verb(const struct nd_workflow *wf, const char *verb)
{
	for (size_t i = 0; i < wf->n_transitions; i++)
		if (strcmp(wf->transitions[i].verb, verb) == 0)
			return true;
	return false;
}

const struct nd_state *nd_workflow_initial(const struct nd_workflow *wf)
{
	for (size_t i = 0; i < wf->n_states; i++)
		if (wf->states[i].initial)
			return &wf->states[i];
	return NULL;
}

static bool publishes(const struct nd_workflow *wf, const struct nd_transition *t)
{
	const struct nd_state *to = nd_workflow_state(wf, t->to_state);
	return to && to->published;
}

const char *nd_workflow_publish_verb(const struct nd_workflow *wf, const char *state)
{
	for (size_t i = 0; i < wf->n_transitions; i++) {
		const struct nd_transition *t = &wf->transitions[i];
		if (strcmp(t->from_state, state) == 0 && publishes(wf, t))
			return t->verb;
	}
	return NULL;
}

int nd_workflow_publish_rank(const struct nd_workflow *wf)
{
	int least = 99;
	for (size_t i = 0; i < wf->n_transitions; i++)
		if (publishes(wf, &wf->transitions[i]) && wf->transitions[i].min_rank < least)
			least = wf->transitions[i].min_rank;
	return least;
}

const char *nd_state_label(const struct nd_state *s)
{
	return nd_lang_is_zh() ? s->label_zh : s->label_en;
}

static const char *label_of(const struct nd_workflow *wf, const char *name)
{
	const struct nd_state *s = nd_workflow_state(wf, name);
	return s ? nd_state_label(s) : name;
}

/* The item as the engine sees it, read inside the transaction. */
struct item_head {
	char state[32];
	char prev_state[32];
	char reporter[72];
	char lock_holder[72];
	char issue[40];
	int64_t lock_expires;
	bool lock_stale; /* its holder's process is gone from this host */
};

static int read_head(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     struct item_head *h, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_store_prepare(
	    st,
	    "SELECT state, prev_state, reporter, lock_holder, lock_expires, issue, "
	    "lock_host, lock_pid, lock_pid_start FROM items WHERE id = ?",
	    &stmt, err);
	memset(h, 0, sizeof *h);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	int found = nd_sql_step(st, stmt, "reading the item", err);
	if (found > 0) {
		const char *v;
		if ((v = (const char *)sqlite3_column_text(stmt, 0)))
			snprintf(h->state, sizeof h->state, "%s", v);
		if ((v = (const char *)sqlite3_column_text(stmt, 1)))
			snprintf(h->prev_state, sizeof h->prev_state, "%s", v);
		if ((v = (const char *)sqlite3_column_text(stmt, 2)))
			snprintf(h->reporter, sizeof h->reporter, "%s", v);
		if ((v = (const char *)sqlite3_column_text(stmt, 3)))
			snprintf(h->lock_holder, sizeof h->lock_holder, "%s", v);
		h->lock_expires = sqlite3_column_int64(stmt, 4);
		h->lock_stale = nd_lock_stale((const char *)sqlite3_column_text(stmt, 6),
					      (long)sqlite3_column_int64(stmt, 7),
					      sqlite3_column_int64(stmt, 8));
		if ((v = (const char *)sqlite3_column_text(stmt, 5)))
			snprintf(h->issue, sizeof h->issue, "%s", v);
	} else {
		rc = found < 0 ? found : nd_item_unknown(actor, id, err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static const char *rank_word(int rank)
{
	static const char *const words[] = { N_("someone"), N_("a reporter"), N_("an editor"),
					     N_("a chief editor"), N_("an admin") };
	return _(rank >= 0 && rank <= 4 ? words[rank] : words[0]);
}

/* Every check of a transition; on success *t is the row that applies. */
static int check(const struct nd_workflow *wf, const struct nd_actor *actor, int64_t id,
		 const struct item_head *h, const char *verb, const char *note,
		 const struct nd_transition **found, struct nd_error *err)
{
	const struct nd_transition *t = NULL;
	struct nd_buf from = ND_BUF_INIT;
	bool known = false;
	int least = 99; /* the lowest rank any row of this verb allows */
	for (size_t i = 0; i < wf->n_transitions; i++) {
		const struct nd_transition *c = &wf->transitions[i];
		if (strcmp(c->verb, verb) != 0)
			continue;
		known = true;
		if (c->min_rank < least)
			least = c->min_rank;
		if (strcmp(c->from_state, h->state) == 0)
			t = c;
		else
			nd_buf_printf(&from, "%s%s", from.len ? C_("list of states", " or ") : "",
				      label_of(wf, c->from_state));
	}
	if (!known) {
		nd_buf_free(&from);
		return nd_fail(err, ND_EINVAL, _("'%s' is not a workflow verb"), verb);
	}
	bool own = strcmp(h->reporter, actor->user.login) == 0;
	/* Reporters may not even learn that others' items exist: the answer
	   is the one a missing item gets, before anything else is said. */
	if (actor->user.rank < ND_RANK_EDITOR && !own) {
		nd_buf_free(&from);
		return nd_item_unknown(actor, id, err);
	}
	/* A verb the role may never use is refused for the role, not the state. */
	if (actor->user.rank < least) {
		nd_buf_free(&from);
		return nd_fail(err, ND_EPERM, _("only %1$s or above may %2$s (you are %3$s)"),
			       rank_word(least), verb, rank_word(actor->user.rank));
	}
	if (!t) {
		int rc = nd_fail(err, ND_ESTATE, _("#%1$lld is %2$s; '%3$s' needs %4$s"),
				 (long long)id, label_of(wf, h->state), verb, nd_buf_str(&from));
		nd_buf_free(&from);
		return rc;
	}
	nd_buf_free(&from);
	if (actor->user.rank < t->min_rank)
		return nd_fail(err, ND_EPERM, _("only %1$s or above may %2$s (you are %3$s)"),
			       rank_word(t->min_rank), verb, rank_word(actor->user.rank));
	/* own_only: at the least role, only on one's own items. */
	if (t->own_only && actor->user.rank == t->min_rank && !own)
		return nd_fail(err, ND_EPERM, _("only the item's own reporter may %1$s #%2$lld"),
			       verb, (long long)id);
	if (t->note_required && (!note || !note[0]))
		return nd_fail(err, ND_EINVAL, _("'%s' needs a note saying why (--note \"…\")"),
			       verb);
	if (!t->to_state && !h->prev_state[0])
		return nd_fail(err, ND_ESTATE, _("#%1$lld has no earlier state to %2$s to"),
			       (long long)id, verb);
	if (h->lock_holder[0] && h->lock_expires > nd_now() && !h->lock_stale &&
	    strcmp(h->lock_holder, actor->user.login) != 0)
		return nd_fail(
		    err, ND_ELOCKED,
		    _("#%1$lld is being edited by %2$s; wait until they finish, or ask a chief "
		      "to unlock it"),
		    (long long)id, h->lock_holder);
	*found = t;
	return 0;
}

/* An item placed in an issue is published by the issue's rule: only while
 * every other item placed in it is signed off (what publish --issue
 * demands), so the desk cannot send out one page of a half-ready issue. */
static int issue_rule(struct nd_store *st, int64_t id, const struct item_head *h,
		      struct nd_error *err)
{
	sqlite3_stmt *stmt;
	struct nd_buf held = ND_BUF_INIT;
	int n = 0;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT i.id, CASE WHEN ?3 THEN s.label_zh ELSE s.label_en END "
				"FROM items i JOIN states s ON s.name = i.state "
				"WHERE i.issue = ?1 AND i.id <> ?2 AND NOT s.signed_off "
				"ORDER BY i.page, i.position",
				"sid", h->issue, id, nd_lang_is_zh());
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(st, stmt, "reading the issue's items", err)) > 0)
		if (n++ < 10)
			nd_buf_printf(&held, "%s#%lld (%s)", held.len ? ", " : "",
				      (long long)sqlite3_column_int64(stmt, 0),
				      sqlite3_column_text(stmt, 1));
	sqlite3_finalize(stmt);
	if (rc == 0 && n > 0)
		rc = nd_fail(
		    err, ND_ESTATE,
		    ngettext("#%1$lld is placed in issue %2$s, which goes out only when all its "
			     "items are signed off; %3$d is not: %4$s%5$s. Sign it off and publish "
			     "the issue ('newsdesk publish --issue %2$s'), or take #%1$lld off the "
			     "issue",
			     "#%1$lld is placed in issue %2$s, which goes out only when all its "
			     "items are signed off; %3$d are not: %4$s%5$s. Sign them off and "
			     "publish the issue ('newsdesk publish --issue %2$s'), or take #%1$lld "
			     "off the issue",
			     n),
		    (long long)id, h->issue, n, nd_buf_str(&held), n > 10 ? ", …" : "");
	nd_buf_free(&held);
	return rc;
}

/* Once every item of the issue is out, the issue is published too. */
static int issue_follow(struct nd_store *st, const char *issue, struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "marking the issue published",
			     "UPDATE issues SET published_at = ?1 WHERE code = ?2 AND "
			     "published_at IS NULL AND NOT EXISTS (SELECT 1 FROM items i "
			     "JOIN states s ON s.name = i.state WHERE i.issue = ?2 "
			     "AND NOT s.published)",
			     "is", nd_now(), issue);
	return rc < 0 ? rc : 0;
}

int nd_workflow_check(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      const char *verb, const char *note, struct nd_error *err)
{
	struct nd_workflow wf;
	struct item_head h;
	const struct nd_transition *t;
	int rc = nd_workflow_load(st, &wf, err);
	if (rc < 0)
		return rc;
	if ((rc = read_head(st, actor, id, &h, err)) == 0 &&
	    (rc = check(&wf, actor, id, &h, verb, note, &t, err)) == 0 && h.issue[0] &&
	    publishes(&wf, t))
		rc = issue_rule(st, id, &h, err);
	nd_workflow_free(&wf);
	return rc;
}

/* Moves the item along t (already checked) and logs it. */
static int move(struct nd_store *st, const struct nd_workflow *wf, const struct nd_actor *actor,
		int64_t id, const struct item_head *h, const struct nd_transition *t,
		const char *code, const char *note, struct nd_transition_result *res,
		struct nd_error *err)
{
	const char *to = t->to_state ? t->to_state : h->prev_state;
	const struct nd_state *target = nd_workflow_state(wf, to);
	const bool publishing = target && target->published;
	int64_t now = nd_now();
	/* publishing moves the item's part of the stats to today (stats.h) */
	int rc = publishing ? nd_stats_item(st, id, -1, err) : 0;
	if (rc < 0)
		return rc;
	int moved =
	    nd_sql_exec(st, err, "moving the item",
			"UPDATE items SET state = ?1, prev_state = ?2, updated_at = ?3, "
			"published_rev = CASE WHEN ?6 THEN current_rev ELSE published_rev END, "
			"published_at = CASE WHEN ?6 THEN ?3 ELSE published_at END "
			"WHERE id = ?4 AND state = ?5",
			"ssiisd", to, h->state, now, id, h->state, publishing ? 1 : 0);
	if (moved < 0)
		return moved;
	/* moved or not, its part goes back in */
	if (publishing && (rc = nd_stats_item(st, id, +1, err)) < 0)
		return rc;
	if (moved == 0)
		rc = nd_fail(err, ND_ECONFLICT, _("#%lld changed meanwhile; try again"),
			     (long long)id);
	if (rc < 0 || (rc = nd_event_append_code(st, id, actor->user.login, t->verb, h->state, to,
						 code, note, ND_EVENT_CURRENT_REV, err)) < 0)
		return rc;
	res->event_id = sqlite3_last_insert_rowid(nd_store_db(st));
	snprintf(res->from, sizeof res->from, "%s", label_of(wf, h->state));
	snprintf(res->to, sizeof res->to, "%s", label_of(wf, to));
	return 0;
}

int nd_workflow_move_code(struct nd_store *st, const struct nd_workflow *wf,
			  const struct nd_actor *actor, int64_t id, const char *verb,
			  const char *code, const char *note, struct nd_transition_result *res,
			  struct nd_error *err)
{
	struct item_head h;
	const struct nd_transition *t;
	int rc;
	memset(res, 0, sizeof *res);
	if ((rc = read_head(st, actor, id, &h, err)) < 0 ||
	    (rc = check(wf, actor, id, &h, verb, code ? code : note, &t, err)) < 0)
		return rc;
	return move(st, wf, actor, id, &h, t, code, note, res, err);
}

int nd_workflow_move(struct nd_store *st, const struct nd_workflow *wf,
		     const struct nd_actor *actor, int64_t id, const char *verb, const char *note,
		     struct nd_transition_result *res, struct nd_error *err)
{
	return nd_workflow_move_code(st, wf, actor, id, verb, NULL, note, res, err);
}

int nd_workflow_apply(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      const char *verb, const char *note, struct nd_transition_result *res,
		      struct nd_error *err)
{
	struct nd_workflow wf;
	struct item_head h;
	const struct nd_transition *t;
	int rc;
	memset(res, 0, sizeof *res);
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	/* Read the workflow inside the transaction: what we check is what holds. */
	if ((rc = nd_workflow_load(st, &wf, err)) < 0)
		goto out_rollback;
	if ((rc = read_head(st, actor, id, &h, err)) < 0 ||
	    (rc = check(&wf, actor, id, &h, verb, note, &t, err)) < 0)
		goto out;
	bool publishing = publishes(&wf, t);
	if ((publishing && h.issue[0] && (rc = issue_rule(st, id, &h, err)) < 0) ||
	    (rc = move(st, &wf, actor, id, &h, t, NULL, note, res, err)) < 0 ||
	    (publishing && h.issue[0] && (rc = issue_follow(st, h.issue, err)) < 0))
		goto out;
	nd_workflow_free(&wf);
	return nd_store_commit(st, err);
out:
	nd_workflow_free(&wf);
out_rollback:
	nd_store_rollback(st);
	return rc;
}
