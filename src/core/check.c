/* check.c — newsdesk check. The history proves itself: each revision,
 * event and note carries a hash chained to the one before it in its item
 * (schema: history_hashes), and the item keeps the newest of each chain,
 * so a record changed, deleted or added behind newsdesk's back is found
 * and named. The
 * rest is SQLite's own integrity, the guards (append-only triggers), the
 * workflow's invariants, and the derived data: the search index and the
 * per-state counts, which --repair rebuilds. */
#include "newsdesk/check.h"
#include "newsdesk/anchor.h"
#include "newsdesk/histcheck.h"
#include "newsdesk/lang.h"
#include "newsdesk/original.h"
#include "newsdesk/photos.h"
#include "newsdesk/revcheck.h"
#include "newsdesk/schema.h"
#include "newsdesk/search.h"
#include "newsdesk/stats.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/walcheck.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nd_check_problem(struct nd_check *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	nd_buf_vprintf(c->report, fmt, ap);
	va_end(ap);
	nd_buf_addc(c->report, '\n');
	c->problems++;
}

int nd_check_stmt(struct nd_check *c, const char *what, sqlite3_stmt *stmt, struct nd_error *err)
{
	int rc;
	bool said = sqlite3_column_count(stmt) > 1;
	while ((rc = nd_sql_step(c->st, stmt, what, err)) > 0) {
		const char *msg = said ? (const char *)sqlite3_column_text(stmt, 1) : NULL;
		if (sqlite3_column_type(stmt, 0) == SQLITE_NULL)
			nd_check_problem(c, "%s: %s", what, msg ? msg : "wrong");
		else
			nd_check_problem(c, "#%lld: %s", (long long)sqlite3_column_int64(stmt, 0),
					 msg ? msg : what);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_check_rows(struct nd_check *c, const char *what, const char *sql, int64_t arg,
		  struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = strstr(sql, "?1") ? nd_sql_prepare(c->st, &stmt, err, sql, "i", arg)
				   : nd_sql_prepare(c->st, &stmt, err, sql, NULL);
	return rc < 0 ? rc : nd_check_stmt(c, what, stmt, err);
}

static int problem_rows(struct nd_check *c, const char *what, const char *sql, struct nd_error *err)
{
	return nd_check_rows(c, what, sql, 0, err);
}

/* ---- SQLite's own view --------------------------------------------------- */

static int check_integrity(struct nd_check *c, struct nd_error *err)
{
	return problem_rows(c, "integrity",
			    "SELECT NULL, integrity_check FROM pragma_integrity_check "
			    "WHERE integrity_check <> 'ok'",
			    err);
}

/* Where check --full's pass over the revisions saw every revision's item
 * and author there, the revisions are left out of foreign_key_check (it
 * reads each revision's row for its author, after its text); where any
 * table has a row to tell, the whole check runs, its rows in its order. */
static int check_foreign_keys(struct nd_check *c, struct nd_error *err)
{
	int64_t told = 1;
	int rc = c->revs && !nd_revs_orphans(c->revs)
		     ? nd_sql_int(c->st, &told, err, "foreign keys",
				  "SELECT EXISTS (SELECT 1 FROM sqlite_schema s JOIN "
				  "pragma_foreign_key_check(s.name) WHERE s.type = 'table' AND "
				  "s.name <> 'revisions')",
				  NULL)
		     : 0;
	if (rc < 0 || !told)
		return rc < 0 ? rc : 0;
	return problem_rows(c, "foreign keys",
			    "SELECT NULL, printf('%s row %d refers to a missing %s', "
			    "\"table\", rowid, parent) FROM pragma_foreign_key_check",
			    err);
}

/* ---- the guards ---------------------------------------------------------- */

static const struct {
	const char *name;
	bool guard; /* append-only: must refuse, always */
} triggers[] = {
	{ "revisions_no_update", true },   { "revisions_no_delete", true },
	{ "events_no_update", true },      { "events_no_delete", true },
	{ "notes_no_update", true },       { "notes_no_delete", true },
	{ "items_no_delete", true },       { "search_on_file", false },
	{ "search_on_change", false },     { "counts_on_insert", false },
	{ "counts_on_move", false },       { "revisions_head", false },
	{ "events_head", false },          { "notes_head", false },
	{ "issues_state", false },         { "originals_no_update", true },
	{ "originals_no_delete", true },   { "photo_blobs_no_update", true },
	{ "photo_blobs_no_delete", true }, { "photo_links_no_update", true },
	{ "photo_links_no_delete", true }, { "photo_links_head", false },
	{ "ledger_no_update", true },      { "ledger_no_delete", true },
	{ "roots_no_update", true },       { "roots_no_delete", true },
	{ "ledger_revision", false },      { "ledger_event", false },
	{ "ledger_note", false },          { "ledger_photo", false },
	{ "ledger_original", false },      { "ledger_page", false },
	{ "issues_root", false },
};

/* A trigger's CREATE statement from the embedded migrations, newest first
 * (malloc'd), or NULL. */
static char *schema_trigger(const char *name)
{
	char head[96];
	snprintf(head, sizeof head, "CREATE TRIGGER %s ", name);
	for (int i = nd_schema_count - 1; i >= 0; i--) {
		const char *at = strstr(nd_schema_files[i].sql, head);
		const char *end = at ? strstr(at, "END;") : NULL;
		if (end)
			return strndup(at, (size_t)(end + 4 - at));
	}
	return NULL;
}

/* --repair puts back a missing trigger that keeps derived data current. */
static void restore_trigger(struct nd_check *c, const char *name)
{
	struct nd_error why = { 0 };
	char *sql = schema_trigger(name);
	int rc =
	    sql ? nd_store_begin(c->st, &why) : nd_fail(&why, ND_ENOENT, _("not in the schema"));
	if (rc == 0 && (rc = nd_sql_exec(c->st, &why, "recreating the trigger", sql, NULL)) >= 0)
		rc = nd_store_commit(c->st, &why);
	free(sql);
	if (rc < 0)
		nd_check_problem(
		    c, _("guard: the trigger %1$s is missing and could not be recreated: %2$s"),
		    name, why.msg);
	else
		nd_buf_printf(c->report, _("repaired: the trigger %s recreated\n"), name);
}

static int check_triggers(struct nd_check *c, struct nd_error *err)
{
	for (size_t i = 0; i < sizeof triggers / sizeof *triggers; i++) {
		const char *name = triggers[i].name;
		sqlite3_stmt *stmt;
		int rc = nd_sql_prepare(c->st, &stmt, err,
					"SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND "
					"name = ?",
					"s", name);
		if (rc < 0)
			return rc;
		rc = nd_sql_step(c->st, stmt, "reading the schema", err);
		const char *sql = rc > 0 ? (const char *)sqlite3_column_text(stmt, 0) : "";
		bool weakened = rc > 0 && triggers[i].guard &&
				(!sql || !strstr(sql, "RAISE(ABORT") || strstr(sql, " WHEN "));
		sqlite3_finalize(stmt);
		if (rc < 0)
			return rc;
		if (rc == 0 && triggers[i].guard)
			nd_check_problem(
			    c,
			    _("guard: the append-only trigger %s is missing, so history "
			      "can be rewritten; restore it from the schema (schema/*.sql)"),
			    name);
		else if (rc == 0 && c->repair)
			restore_trigger(c, name);
		else if (rc == 0)
			nd_check_problem(c,
					 _("guard: the trigger %s is missing, so derived data goes "
					   "stale (check --repair recreates it)"),
					 name);
		else if (weakened)
			nd_check_problem(
			    c,
			    _("guard: the trigger %s was replaced and no longer refuses "
			      "every change"),
			    name);
	}
	return 0;
}

/* ---- the chains and the workflow's invariants: histcheck.c, revcheck.c ---- */

/* ---- derived data: found wrong, rebuilt with --repair ---------------------- */

/* Runs verify; when it finds problems and repairing was asked, rebuilds
 * and verifies again, reporting the rebuild instead of what it fixed. */
static int derived(struct nd_check *c, const char *what, nd_check_fn verify,
		   int (*rebuild)(struct nd_store *st, struct nd_error *err), struct nd_error *err)
{
	size_t mark = c->report->len;
	int before = c->problems;
	int rc = verify(c, err);
	if (rc < 0 || !c->repair || c->problems == before)
		return rc;
	int found = c->problems - before;
	struct nd_error why = { 0 };
	if ((rc = rebuild(c->st, &why)) < 0) {
		nd_check_problem(c, _("%1$s: could not rebuild it: %2$s"), what, why.msg);
		return 0;
	}
	c->problems = before;
	c->report->len = mark;
	if (c->report->data)
		c->report->data[mark] = '\0';
	if ((rc = verify(c, err)) < 0)
		return rc;
	if (c->problems == before)
		nd_buf_printf(c->report,
			      ngettext("repaired: %1$s rebuilt (%2$d problem)\n",
				       "repaired: %1$s rebuilt (%2$d problems)\n", found),
			      what, found);
	return 0;
}

/* What the index holds: the current revisions of the items not
 * withdrawn, nothing else (search_index.c's to say; with what check
 * --full's pass kept, asked only where it cannot be told from that). */
static int search_members(struct nd_check *c, struct nd_error *why)
{
	int rc = nd_search_members(c->st, c->revs, c->report, why);
	if (rc > 0) {
		c->problems += rc;
		rc = 0;
	}
	return rc;
}

/* Its structure: FTS5's own integrity-check of both indexes, and a spot
 * check of the content: the newest items are found by the first three
 * characters of their headline. */
static int search_structure(struct nd_check *c, struct nd_error *why)
{
	int rc = nd_search_head_check(c->st, why);
	if (rc >= 0)
		rc = nd_sql_exec(c->st, why, "checking the search index",
				 "INSERT INTO search(search) VALUES ('integrity-check')", NULL);
	if (rc >= 0)
		rc = problem_rows(
		    c, "search index",
		    "SELECT x.item_id, 'the search index does not find its headline' FROM "
		    "(SELECT i.id AS item_id, r.id AS rid, substr(r.headline, 1, 3) AS t FROM items i "
		    "JOIN states s ON s.name = i.state "
		    "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
		    "WHERE NOT s.withdrawn AND length(r.headline) >= 3 ORDER BY i.id DESC LIMIT 200) x "
		    "WHERE x.rid NOT IN (SELECT rowid FROM search_head WHERE search_head MATCH "
		    "nd_bigram_query(x.t))",
		    why);
	return rc;
}

/* A damaged index makes its own queries fail: that is a finding. */
static void search_damaged(struct nd_check *c, int rc, const struct nd_error *why)
{
	if (rc < 0)
		nd_check_problem(c, _("search index: damaged (searching fails: %s)"), why->msg);
}

/* Both parts, the first failing stopping it. */
static int verify_search(struct nd_check *c, struct nd_error *err)
{
	struct nd_error why = { 0 };
	int rc = search_members(c, &why);
	if (rc >= 0)
		rc = search_structure(c, &why);
	search_damaged(c, rc, &why);
	(void)err;
	return 0;
}

static int rebuild_search(struct nd_store *st, struct nd_error *err)
{
	int64_t n;
	return nd_search_rebuild(st, &n, err);
}

static int check_search(struct nd_check *c, struct nd_error *err)
{
	return derived(c, "the search index", verify_search, rebuild_search, err);
}

static int verify_counts(struct nd_check *c, struct nd_error *err)
{
	return problem_rows(
	    c, "counts",
	    "SELECT NULL, printf('the kept count of %s is %d but %d items are %s (the desk''s "
	    "title line would lie): state whose kept count is wrong', s.name, coalesce(c.n, 0), "
	    "(SELECT count(*) FROM items i WHERE i.state = s.name), s.name) FROM states s "
	    "LEFT JOIN state_counts c ON c.state = s.name WHERE coalesce(c.n, 0) <> "
	    "(SELECT count(*) FROM items i WHERE i.state = s.name)",
	    err);
}

static int rebuild_counts(struct nd_store *st, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_exec(st, err, "rebuilding the counts", "DELETE FROM state_counts", NULL)) <
		0 ||
	    (rc = nd_sql_exec(st, err, "rebuilding the counts",
			      "INSERT INTO state_counts(state, n) SELECT state, count(*) "
			      "FROM items GROUP BY state",
			      NULL)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

static int check_counts(struct nd_check *c, struct nd_error *err)
{
	return derived(c, "the per-state counts", verify_counts, rebuild_counts, err);
}

/* The stats' summary by day (stats.c) against the items' own figures. */
static int verify_stat_days(struct nd_check *c, struct nd_error *err)
{
	int rc = nd_stats_verify(c->st, c->report, err);
	if (rc > 0) {
		c->problems += rc;
		rc = 0;
	}
	return rc;
}

static int check_stat_days(struct nd_check *c, struct nd_error *err)
{
	return derived(c, "the stats' summary", verify_stat_days, nd_stats_rebuild, err);
}

/* Every revision's 字数, 汉字 and line profile, counted again from its text
 * (revcheck.c); --repair recounts them all. */
static int rebuild_revision_counts(struct nd_store *st, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_exec(st, err, "recounting the revisions", "DELETE FROM revision_counts",
			      NULL)) < 0 ||
	    (rc = nd_sql_exec(st, err, "recounting the revisions",
			      "INSERT INTO revision_counts(revision_id, hanzi, lines, chars, "
			      "body_chars) SELECT r.id, nd_hanzi(" ND_STORY_COLUMNS "), "
			      "nd_lines(" ND_STORY_COLUMNS "), nd_chars(" ND_STORY_COLUMNS
			      ", " ND_COUNT_RULE_SQL "), "
			      "nd_chars(NULL, NULL, NULL, NULL, NULL, r.body, " ND_COUNT_RULE_SQL
			      ") FROM revisions r",
			      NULL)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

static int check_revision_counts(struct nd_check *c, struct nd_error *err)
{
	return derived(c, "the revisions' counts", nd_revision_counts_verify,
		       rebuild_revision_counts, err);
}

/* ---- the write-ahead log: its frames, by walcheck.c ------------------------ */

static int check_wal(struct nd_check *c, struct nd_error *err)
{
	(void)err;
	c->problems += nd_wal_check(nd_store_path(c->st), c->report);
	return 0;
}

/* ---- the table ------------------------------------------------------------- */

/* incremental: also in the check that proves only what was written since
 * the last proven root (the rest reads every row: --full). reader: only
 * reads, so a full check may run it on a second, read-only connection
 * (the search index's own check writes its command row, and SQLite's
 * integrity_check proves less there: those only where the second
 * connection could be opened for writing). cost: its tenths of a second
 * of CPU at 1,000,000 items, measured (a release build, the store in the
 * page cache), so the longest start first when the checks run on two
 * cores. */
static const struct {
	const char *name;
	nd_check_fn run;
	bool incremental;
	bool reader;
	int cost;
	bool kept; /* asks what the revisions' pass kept: a full check runs it after */
} checks[] = {
	/* SQLite's integrity_check on a read-only connection leaves out the
	 * tables' CHECK constraints: it runs on one that can write */
	{ "integrity", check_integrity, false, false, 186, false },
	{ "foreign keys", check_foreign_keys, false, true, 26, true },
	{ "guards", check_triggers, true, true, 0, false },
	{ "revisions", nd_revisions_check, false, true, 167, false }, /* with the revision counts */
	{ "events", nd_events_check, false, true, 30, true },
	{ "notes", nd_notes_check, false, true, 0, false },
	{ "heads", nd_heads_check, false, true, 11, true },
	{ "ledger", nd_ledger_check, true, true, 47, true },
	{ "roots", nd_roots_check, true, true, 0, false },
	{ "originals", nd_originals_check, false, true, 0, false },
	{ "invariants", nd_invariants_check, false, true, 39, true },
	/* on two connections, what the index holds (picked with what the
	 * revisions' pass kept) and, in the next row, its structure, apart */
	{ "search index", check_search, false, true, 4, true },
	{ "search index structure", NULL, false, false, 99, false }, /* check_search's on one */
	{ "counts", check_counts, false, true, 0, false },
	{ "revision counts", check_revision_counts, false, true, 0, false },
	{ "stats", check_stat_days, false, true, 23, false },
	{ "write-ahead log", check_wal, true, true, 0, false },
	{ "photos", nd_photos_check, false, true, 3, false },
};
enum { N_CHECKS = sizeof checks / sizeof *checks };

/* ---- a full check on two cores ---------------------------------------------- */

/* Safe because: each connection is used by one thread only (the second
 * is opened and closed by the caller's thread, and used by the worker
 * only between pthread_create and pthread_join); the store is in WAL,
 * where both are readers (a full check without --repair writes nothing
 * until every check has joined but the search index's integrity-check
 * command, on one of them, as it did on one; SQLite's integrity_check
 * only reads);
 * and the root was taken before either started, so what each proves
 * holds at least that root, as it did when the checks' statements read
 * their own snapshots one after the other. Each check reports into its
 * own buffer; the buffers are joined in the table's order, so the report
 * reads exactly as a one-connection run's, and an error stops it where
 * that run would have stopped. What the revisions' pass keeps is written
 * by one thread before it is published under the lock, and only read
 * after; the checks that use it prove from it what the pass read (a
 * snapshot after the root was taken) and ask SQL about whatever it does
 * not hold as they expect. */
struct outcome {
	struct nd_buf report;
	struct nd_error err;
	int problems;
	int rc;
	atomic_int claimed;
};

struct crew {
	struct nd_check base; /* as the caller set it up */
	struct nd_store *reader;
	bool reader_writes; /* opened for writing: any check may run on it */
	size_t revisions, counts; /* where the one pass over the revisions reports */
	size_t search, structure; /* where the search index's two parts report */
	bool members_failed; /* its first part could not run: the second is not told */
	bool one; /* a test build's one connection: nothing is kept (the whole queries) */
	size_t order[N_CHECKS]; /* the costliest first */
	struct outcome out[N_CHECKS];
	/* what the revisions' pass kept, once it is done (NULL: not kept) */
	pthread_mutex_t lock;
	pthread_cond_t passed;
	bool revs_done;
	struct nd_revs *revs;
};

/* The revisions' chains and counts, in one pass: both checks' outcomes. */
static void run_revisions(struct crew *w, struct nd_store *st)
{
	struct outcome *rv = &w->out[w->revisions], *rn = &w->out[w->counts];
	struct nd_check c = w->base, k = w->base;
	c.st = k.st = st;
	c.report = &rv->report;
	k.report = &rn->report;
	c.problems = k.problems = 0;
	struct nd_revs *kept = NULL, **keep = w->one ? NULL : &kept;
	if ((rv->rc = nd_revisions_counted(&c, &k, keep, &rv->err)) < 0) { /* each its own way */
		nd_buf_reset(&rv->report);
		nd_buf_reset(&rn->report);
		nd_error_clear(&rv->err);
		c.problems = k.problems = 0;
		rv->rc = nd_revisions_check(&c, &rv->err);
		rn->rc = check_revision_counts(&k, &rn->err);
	}
	rv->problems = c.problems;
	rn->problems = k.problems;
	pthread_mutex_lock(&w->lock);
	w->revs = kept;
	w->revs_done = true;
	pthread_cond_broadcast(&w->passed);
	pthread_mutex_unlock(&w->lock);
}

/* What the revisions' pass kept, waiting for it where it runs on the other
 * core (it is the costliest, so it was taken first); NULL where it was
 * not kept: the check reads the rows. */
static const struct nd_revs *revs_kept(struct crew *w)
{
	if (!atomic_load(&w->out[w->revisions].claimed))
		return NULL;
	pthread_mutex_lock(&w->lock);
	while (!w->revs_done)
		pthread_cond_wait(&w->passed, &w->lock);
	const struct nd_revs *revs = w->revs;
	pthread_mutex_unlock(&w->lock);
	return revs;
}

/* The search index's check in two parts on two connections: what it holds
 * (after the revisions' pass, picking with what it kept) and its structure
 * (FTS5's own checks, which need nothing kept, from the start); the
 * reports are joined in the table's order as verify_search's reads (no
 * --repair here: that runs on one connection, where check_search runs both
 * parts). The structure is left out where the first part could not run,
 * as verify_search stops there. */
static int run_search_part(struct crew *w, size_t i, struct nd_check *c)
{
	struct nd_error why = { 0 };
	int rc = i == w->search ? search_members(c, &why) : search_structure(c, &why);
	if (i == w->search)
		w->members_failed = rc < 0;
	search_damaged(c, rc, &why);
	return 0;
}

static void run_checks(struct crew *w, struct nd_store *st, bool reader)
{
	for (size_t k = 0; k < N_CHECKS; k++) {
		size_t i = w->order[k];
		if (i == w->counts || (reader && !checks[i].reader && !w->reader_writes) ||
		    atomic_exchange(&w->out[i].claimed, 1))
			continue;
		if (i == w->revisions) {
			run_revisions(w, st);
			continue;
		}
		struct nd_check c = w->base;
		c.st = st;
		c.report = &w->out[i].report;
		c.problems = 0;
		c.revs = checks[i].kept ? revs_kept(w) : NULL;
		w->out[i].rc = i == w->search || i == w->structure
				   ? run_search_part(w, i, &c)
				   : checks[i].run(&c, &w->out[i].err);
		w->out[i].problems = c.problems;
	}
}

static void *reader_thread(void *arg)
{
	struct crew *w = arg;
	run_checks(w, w->reader, true);
	return NULL;
}

static int by_cost(const void *a, const void *b)
{
	int ca = checks[*(const size_t *)a].cost, cb = checks[*(const size_t *)b].cost;
	return cb - ca;
}

/* A test build runs the full check on one connection when asked
 * (NEWSDESK_CHECK_ONE_CONNECTION=1), keeping nothing from the revisions'
 * pass, so a test can hold the two reports to each other: the checks that
 * pick with what was kept against their whole queries. The shipped binary
 * reads no such variable. */
static bool one_connection(void)
{
#ifdef ND_TEST_HOOKS
	const char *v = getenv("NEWSDESK_CHECK_ONE_CONNECTION");
	return v && strcmp(v, "1") == 0;
#else
	return false;
#endif
}

/* Every check, the costliest first, on this connection and (where it can
 * be opened) a second one; the reports joined in the table's order. */
static int run_full_on_two(struct nd_check *c, struct nd_error *err)
{
	struct crew *w = calloc(1, sizeof *w);
	if (!w)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	w->base = *c;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->passed, NULL);
	for (size_t i = 0; i < N_CHECKS; i++) {
		w->order[i] = i;
		if (checks[i].run == nd_revisions_check)
			w->revisions = i;
		else if (checks[i].run == check_revision_counts)
			w->counts = i;
		else if (checks[i].run == check_search)
			w->search = i;
		else if (!checks[i].run)
			w->structure = i;
	}
	qsort(w->order, N_CHECKS, sizeof *w->order, by_cost);
	struct nd_error why = { 0 };
	pthread_t worker;
	/* without a second connection, this one runs every check; opened for
	 * reading only where it cannot be for writing (then the search index
	 * is checked on this one) */
	w->one = one_connection();
	bool two = sqlite3_threadsafe() && !w->one;
	if (two && nd_store_open(&w->reader, nd_store_path(c->st), 0, &why) == 0)
		w->reader_writes = true;
	else if (two)
		two = nd_store_open(&w->reader, nd_store_path(c->st), ND_STORE_READONLY, &why) == 0;
	two = two && pthread_create(&worker, NULL, reader_thread, w) == 0;
	run_checks(w, c->st, false);
	if (two)
		pthread_join(worker, NULL);
	nd_store_close(w->reader);
	nd_revs_free(w->revs);
	pthread_cond_destroy(&w->passed);
	pthread_mutex_destroy(&w->lock);
	int rc = 0;
	for (size_t i = 0; i < N_CHECKS; i++) {
		struct outcome *o = &w->out[i];
		if (rc == 0 && !(i == w->structure && w->members_failed)) {
			nd_buf_add(c->report, nd_buf_str(&o->report), o->report.len);
			c->problems += o->problems;
			if ((rc = o->rc) < 0) {
				*err = o->err;
				nd_error_prefix(err, _("check (%s) could not run: "),
						checks[i].name);
			}
		}
		nd_buf_free(&o->report);
	}
	free(w);
	return rc;
}

/* The incremental check starts from the last proven root, if there is
 * one and a full check was not asked for. */
static int start_from_proof(struct nd_check *c, unsigned flags, int64_t *last, struct nd_error *err)
{
	struct nd_root r;
	int64_t id = 0;
	int rc = nd_proven_root(c->st, &r, &id, c->counts, sizeof c->counts, err);
	if (rc <= 0 || r.n <= 0)
		return rc < 0 ? rc : 0;
	*last = r.n;
	if (flags & (ND_CHECK_FULL | ND_CHECK_REPAIR))
		return 0;
	c->since = r.n;
	c->since_root = id;
	snprintf(c->since_hex, sizeof c->since_hex, "%s", r.hex);
	return 0;
}

int nd_check_run(struct nd_store *st, const struct nd_actor *actor, unsigned flags,
		 const struct nd_root *against, size_t n_against, struct nd_root *proven,
		 struct nd_buf *report, struct nd_error *err)
{
	struct nd_check c = { .st = st,
			      .report = report,
			      .repair = flags & ND_CHECK_REPAIR,
			      .against = against,
			      .n_against = n_against };
	int rc = nd_require_rank(actor, c.repair ? ND_RANK_ADMIN : ND_RANK_EDITOR,
				 c.repair ? N_("repair the store") : N_("check the store"), err);
	struct nd_root now = { .n = -1 };
	int64_t last = 0;
	/* The root first: what is proved below is at least this much. */
	if (rc == 0 && (rc = start_from_proof(&c, flags, &last, err)) == 0)
		rc = nd_root_now(st, &now, err);
	if (rc == 0 && c.since == 0 && !c.repair)
		rc = run_full_on_two(&c, err);
	else
		for (size_t i = 0; rc == 0 && i < N_CHECKS; i++)
			if ((c.since == 0 || checks[i].incremental) && checks[i].run &&
			    (rc = checks[i].run(&c, err)) < 0)
				nd_error_prefix(err, _("check (%s) could not run: "),
						checks[i].name);
	if (rc < 0)
		return rc;
	if (c.since > 0) { /* say what was not proved again */
		char since[ND_ROOT_TEXT];
		struct nd_root r = { .n = c.since };
		snprintf(r.hex, sizeof r.hex, "%s", c.since_hex);
		nd_root_text(&r, since);
		nd_buf_printf(report,
			      _("incremental: proved what was written since the root %s, which a "
				"check proved before (check --full proves everything)\n"),
			      since);
	}
	if (c.problems == 0 && c.since == 0 && now.n != last) { /* a full proof */
		struct nd_error why = { 0 };
		if (nd_root_prove(st, &now, &why) < 0) /* a read-only store: proved, not kept */
			nd_buf_printf(report, _("(the proven root is not recorded: %s)\n"),
				      why.msg);
	}
	if (proven) {
		*proven = now;
		if (c.problems)
			proven->n = -1;
	}
	return c.problems;
}

int nd_check(struct nd_store *st, const struct nd_actor *actor, unsigned flags,
	     struct nd_buf *report, struct nd_error *err)
{
	return nd_check_run(st, actor, flags | ND_CHECK_FULL, NULL, 0, NULL, report, err);
}
