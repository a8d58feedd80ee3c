/* anchor.c — the store's root digest and the proofs against it (anchor.h;
 * schema: ledger). The ledger's triggers write; this reads: the root now,
 * the roots recorded by backups, published issues and checks, and the
 * checks that the ledger still chains, that every record it names is
 * there as it was written, that every record is in it, and that each
 * recorded root is at its place in it. */
#include "newsdesk/anchor.h"
#include "newsdesk/chain.h"
#include "newsdesk/lang.h"
#include "newsdesk/revcheck.h"
#include "newsdesk/store_sql.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int nd_root_now(struct nd_store *st, struct nd_root *r, struct nd_error *err)
{
	char hex[65];
	int64_t n = 0;
	memset(r, '0', sizeof r->hex - 1);
	r->hex[64] = '\0';
	r->n = 0;
	int rc = nd_sql_int(st, &n, err, "reading the root",
			    "SELECT id FROM ledger ORDER BY id DESC LIMIT 1", NULL);
	if (rc <= 0)
		return rc;
	if ((rc = nd_sql_text(st, hex, sizeof hex, err, "reading the root",
			      "SELECT root FROM ledger WHERE id = ?", "i", n)) < 0)
		return rc;
	r->n = n;
	snprintf(r->hex, sizeof r->hex, "%s", hex);
	return 0;
}

void nd_root_text(const struct nd_root *r, char out[ND_ROOT_TEXT])
{
	if (r->n < 0)
		snprintf(out, ND_ROOT_TEXT, "%s", r->hex);
	else
		snprintf(out, ND_ROOT_TEXT, "%lld-%s", (long long)r->n, r->hex);
}

int nd_root_parse(const char *text, struct nd_root *r, struct nd_error *err)
{
	const char *dash = strchr(text, '-');
	const char *hex = dash ? dash + 1 : text;
	r->n = -1;
	if (dash) {
		char *end;
		long long n = strtoll(text, &end, 10);
		if (end != dash || end == text || n < 0)
			goto bad;
		r->n = n;
	}
	if (strlen(hex) != 64)
		goto bad;
	for (int i = 0; i < 64; i++) {
		if (!isxdigit((unsigned char)hex[i]))
			goto bad;
		r->hex[i] = (char)tolower((unsigned char)hex[i]);
	}
	r->hex[64] = '\0';
	return 0;
bad:
	return nd_fail(err, ND_EINVAL,
		       _("%s is not a root: a root is N-DIGEST as newsdesk check prints it (or "
			 "the 64 hex digits of its digest)"),
		       text);
}

int nd_root_record(struct nd_store *st, const char *kind, const char *ref, const struct nd_root *r,
		   struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_exec(st, err, "recording the root",
			      "INSERT INTO roots(kind, ref, n, root, at) VALUES (?, ?, ?, ?, ?)",
			      "ssisi", kind, ref, r->n, r->n > 0 ? r->hex : NULL, nd_now())) < 0)
		return rc; /* nd_sql_exec rolled back */
	return nd_store_commit(st, err);
}

int nd_issue_root(struct nd_store *st, const char *code, struct nd_root *r, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT n, root FROM roots WHERE kind = 'issue' AND ref = ? "
				"ORDER BY id DESC LIMIT 1",
				"s", code);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the issue's root", err)) > 0) {
		const char *hex = (const char *)sqlite3_column_text(stmt, 1);
		r->n = sqlite3_column_int64(stmt, 0);
		if (hex)
			snprintf(r->hex, sizeof r->hex, "%s", hex);
		else
			memset(r->hex, '0', 64), r->hex[64] = '\0';
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* The counts of records per kind, as the ledger names its kinds, as of
 * ledger entry ?1: the records now less those entered after it (a writer
 * may commit between the proof and its record). */
#define COUNT_AT(kind, table)                                                                      \
	"(SELECT count(*) FROM " table ") - (SELECT count(*) FROM ledger WHERE id > ?1 AND "       \
	"+kind = '" kind "')"
static const char counts_sql[] =
    "SELECT printf('revision=%d event=%d note=%d photo=%d original=%d page=%d', " COUNT_AT("revision", "revisions") ", " COUNT_AT(
	"event",
	"events") ", " COUNT_AT("note",
				"notes") ", " COUNT_AT("photo",
						       "photo_links") ", " COUNT_AT("original",
										    "originals") ", " COUNT_AT("page",
													       "page_originals") ")";

int nd_proven_root(struct nd_store *st, struct nd_root *r, int64_t *root_id, char *counts,
		   size_t counts_size, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT id, n, root, counts FROM roots WHERE kind = 'check' "
				"ORDER BY id DESC LIMIT 1",
				NULL);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the last proven root", err)) > 0) {
		const char *hex = (const char *)sqlite3_column_text(stmt, 2);
		const char *cn = (const char *)sqlite3_column_text(stmt, 3);
		*root_id = sqlite3_column_int64(stmt, 0);
		r->n = sqlite3_column_int64(stmt, 1);
		snprintf(r->hex, sizeof r->hex, "%s", hex ? hex : "");
		snprintf(counts, counts_size, "%s", cn ? cn : "");
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_root_prove(struct nd_store *st, const struct nd_root *r, struct nd_error *err)
{
	char counts[256];
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_text(st, counts, sizeof counts, err, "counting the records", counts_sql,
			      "i", r->n)) < 0 ||
	    (rc = nd_sql_exec(st, err, "recording the proven root",
			      "INSERT INTO roots(kind, n, root, at, counts) VALUES ('check', ?, ?, "
			      "?, ?)",
			      "isis", r->n, r->n > 0 ? r->hex : NULL, nd_now(), counts)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

/* ---- the ledger ------------------------------------------------------------ */

/* What is wrong with the entries from ?1 (exclusive) to ?2 (inclusive)
 * that do not chain to the entry before them, or follow a gap. */
static const char link_problems[] =
    "SELECT NULL, CASE WHEN id <> coalesce(pid, ?1) + 1 THEN printf('entry %d is "
    "missing (deleted): the ledger jumps from entry %d to %d', coalesce(pid, ?1) + 1, "
    "coalesce(pid, ?1), id) ELSE printf('entry %d was changed after it was written: it "
    "no longer chains to the entry before it', id) END FROM (SELECT id, root, lag(id) "
    "OVER w AS pid, nd_chain(lag(root) OVER w, kind, row_id, item_id, hash) AS want FROM "
    "ledger WHERE id >= ?1 AND id <= ?2 WINDOW w AS (ORDER BY id)) WHERE id > ?1 AND "
    "(root IS NOT want OR id <> coalesce(pid, ?1) + 1) ORDER BY id";

/* What the links' walk notes, where check --full's pass over the
 * revisions kept them (c->revs), so that the checks of the revisions' and
 * the events' entries need not probe the ledger or read the records
 * again: the revision entries not as kept (to ask about), and which kept
 * revisions and which events have an entry. */
struct entries_seen {
	int64_t *ask;
	size_t n_ask, cap_ask;
	unsigned char *revisions; /* by place among the kept revisions */
	unsigned char *events; /* by event id */
	int64_t n_events; /* event ids below this */
	bool failed; /* out of memory: the queries run as without */
};

static void note_entry(struct nd_check *c, struct entries_seen *seen, sqlite3_stmt *stmt)
{
	/* the types before the walk reads them as text */
	bool integer = sqlite3_column_type(stmt, 3) == SQLITE_INTEGER;
	int64_t row_id = sqlite3_column_int64(stmt, 3);
	const char *kind = (const char *)sqlite3_column_text(stmt, 2);
	if (!integer || !kind)
		return; /* an entry of no kind: told by the queries, if it matters */
	if (strcmp(kind, "event") == 0 && row_id >= 0 && row_id < seen->n_events)
		seen->events[row_id] = 1;
	if (strcmp(kind, "revision") != 0)
		return;
	const struct nd_rev *r = nd_revs_by_id(c->revs, row_id);
	if (r)
		seen->revisions[nd_revs_at(c->revs, r)] = 1;
	if (nd_rev_hash_is(r, stmt, 5))
		return;
	if (seen->n_ask == seen->cap_ask) {
		size_t more = seen->cap_ask ? 2 * seen->cap_ask : 16;
		int64_t *a = realloc(seen->ask, more * sizeof *a);
		if (!a) {
			seen->failed = true;
			return;
		}
		seen->ask = a;
		seen->cap_ask = more;
	}
	seen->ask[seen->n_ask++] = sqlite3_column_int64(stmt, 0);
}

/* Each entry after c->since chains to the entry before it, with no gap:
 * walked in C (at a million items the query's window over 5.6M entries
 * cost four times the hashing); an entry that does not is told by the
 * query above, run on it and the entry before it. With seen, it notes
 * what the entries name too. */
static int ledger_links(struct nd_check *c, struct entries_seen *seen, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err,
				"SELECT id, root, kind, row_id, item_id, hash FROM ledger "
				"WHERE id >= ? ORDER BY id",
				"i", c->since);
	if (rc < 0)
		return rc;
	struct nd_chain_walk w = {
		.stmt = stmt, .part = -1, .hash = 1, .first = 2, .n = 4, .extra = -1
	};
	int64_t prev = -1;
	while ((rc = nd_sql_step(c->st, stmt, "ledger", err)) > 0) {
		int64_t id = sqlite3_column_int64(stmt, 0), from = prev >= 0 ? prev : c->since;
		if (seen && !seen->failed)
			note_entry(c, seen, stmt);
		bool broken = nd_chain_walk_row(&w);
		prev = id;
		if (id <= c->since || (!broken && id == from + 1))
			continue;
		sqlite3_stmt *told;
		if ((rc = nd_sql_prepare(c->st, &told, err, link_problems, "ii", from, id)) < 0 ||
		    (rc = nd_check_stmt(c, "ledger", told, err)) < 0)
			break;
	}
	sqlite3_finalize(stmt);
	nd_chain_walk_free(&w);
	return rc < 0 ? rc : 0;
}

/* What each kind of ledger entry names: its table, how its record is
 * found, the hash the entry copied, and how a person names it. */
static const struct {
	const char *kind, *join, *hash, *name;
} kinds[] = {
	{ "revision", "revisions x ON x.id = l.row_id", "x.hash", "printf('revision %d', x.rev)" },
	{ "event", "events x ON x.id = l.row_id", "x.hash",
	  "printf('workflow event #%d (%s)', x.id, x.verb)" },
	{ "note", "notes x ON x.id = l.row_id", "x.hash", "printf('note #%d', x.id)" },
	{ "photo", "photo_links x ON x.id = l.row_id", "x.hash",
	  "printf('photo log entry #%d', x.id)" },
	{ "original", "originals x ON x.item_id = l.row_id", "x.sha256",
	  "'kept original (the bytes as filed)'" },
	{ "page", "page_originals x ON x.id = l.row_id", "x.sha256",
	  "printf('imported page #%d (%s)', x.id, x.name)" },
};

/* Every entry after `from` (or the entry `at`) names a record that is
 * there, as it was. */
static int ledger_records_sql(struct nd_check *c, size_t k, int64_t from, int64_t at,
			      struct nd_error *err)
{
	char sql[2048];
	snprintf(sql, sizeof sql,
		 "SELECT l.item_id, CASE WHEN x.rowid IS NULL THEN printf('its %s record #%%d, "
		 "in the ledger at entry %%d, is missing: deleted after it was written (its "
		 "history was rolled back)', l.row_id, l.id) WHEN l.hash IS NULL THEN "
		 "printf('its %%s has no hash: newsdesk did not write it', %s) ELSE printf('its "
		 "%%s is not what "
		 "the ledger recorded at entry %%d: changed after it was written', %s, l.id) END "
		 "FROM ledger l LEFT JOIN %s WHERE %sl.kind = '%s' %s AND "
		 "(x.rowid IS NULL OR l.hash IS NULL OR %s IS NOT l.hash) ORDER BY l.id",
		 kinds[k].kind, kinds[k].name, kinds[k].name, kinds[k].join,
		 /* the entries since: a range of the ledger; all: its kind's, by index */
		 from || at ? "+" : "", kinds[k].kind,
		 at     ? "AND l.id = ?1"
		 : from ? "AND l.id > ?1"
			: "",
		 kinds[k].hash);
	return nd_check_rows(c, "ledger", sql, at ? at : from, err);
}

/* The revisions' entries, where check --full's pass over the revisions
 * kept their hashes (reading each row for its hash, after its text, cost
 * a read of the table): each against what was kept, and an entry that
 * is not as kept is asked about in the query's words. */
static int ledger_revisions(struct nd_check *c, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err,
				"SELECT id, row_id, hash FROM ledger WHERE kind = 'revision' "
				"ORDER BY id",
				NULL);
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(c->st, stmt, "ledger", err)) > 0) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		const struct nd_rev *r = sqlite3_column_type(stmt, 1) == SQLITE_INTEGER
					     ? nd_revs_by_id(c->revs, sqlite3_column_int64(stmt, 1))
					     : NULL;
		if (!nd_rev_hash_is(r, stmt, 2) && (rc = ledger_records_sql(c, 0, 0, id, err)) < 0)
			break;
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}

static int ledger_records(struct nd_check *c, const struct entries_seen *seen, size_t k,
			  int64_t from, struct nd_error *err)
{
	bool revisions = c->revs && from == 0 && strcmp(kinds[k].kind, "revision") == 0;
	int rc = 0;
	if (revisions && seen) /* the links' walk asked already */
		for (size_t i = 0; rc >= 0 && i < seen->n_ask; i++)
			rc = ledger_records_sql(c, k, 0, seen->ask[i], err);
	else if (revisions)
		rc = ledger_revisions(c, err);
	else
		rc = ledger_records_sql(c, k, from, 0, err);
	return rc;
}

/* Whether every event has an entry, as the links' walk saw them. */
static int events_all_seen(struct nd_check *c, const struct entries_seen *seen, bool *all,
			   struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err, "SELECT id FROM events", NULL);
	if (rc < 0)
		return rc;
	while (*all && (rc = nd_sql_step(c->st, stmt, "ledger", err)) > 0) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		*all = id >= 0 && id < seen->n_events && seen->events[id];
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}

/* Every record of the kind is in the ledger (one written behind
 * newsdesk's back while the ledger's trigger was dropped is not). Where
 * the links' walk saw every revision's or event's entry, the query (a
 * probe of the ledger for each record) has nothing to tell. */
static int records_in_ledger(struct nd_check *c, const struct entries_seen *seen, size_t k,
			     struct nd_error *err)
{
	bool all = seen != NULL;
	int rc = 0;
	if (all && strcmp(kinds[k].kind, "revision") == 0) {
		all = nd_revs_all(c->revs);
		for (size_t i = 0; all && i < nd_revs_count(c->revs); i++)
			all = seen->revisions[i];
	} else if (all && strcmp(kinds[k].kind, "event") == 0)
		rc = events_all_seen(c, seen, &all, err);
	else
		all = false;
	if (rc < 0 || all)
		return rc;

	static const char *const tables[] = { "revisions",   "events",    "notes",
					      "photo_links", "originals", "page_originals" };
	static const char *const ids[] = { "x.id", "x.id", "x.id", "x.id", "x.item_id", "x.id" };
	static const char *const items[] = { "x.item_id", "x.item_id", "x.item_id",
					     "x.item_id", "x.item_id", "NULL" };
	char sql[2048];
	snprintf(sql, sizeof sql,
		 "SELECT %s, printf('its %%s is not in the ledger: it was written behind "
		 "newsdesk''s back', %s) FROM %s x WHERE NOT EXISTS (SELECT 1 FROM "
		 "ledger l WHERE l.kind = '%s' AND l.row_id = %s)",
		 items[k], kinds[k].name, tables[k], kinds[k].kind, ids[k]);
	return nd_check_rows(c, "ledger", sql, 0, err);
}

static void entries_seen_free(struct entries_seen *seen)
{
	free(seen->ask);
	free(seen->revisions);
	free(seen->events);
}

/* Set up where check --full's pass kept the revisions; NULL where not. */
static struct entries_seen *entries_seen_for(struct nd_check *c, struct entries_seen *seen)
{
	if (!c->revs || c->since > 0)
		return NULL;
	*seen = (struct entries_seen){ 0 };
	struct nd_error why = { 0 };
	if (nd_sql_int(c->st, &seen->n_events, &why, "ledger",
		       "SELECT coalesce(max(id), 0) + 1 FROM events", NULL) < 0 ||
	    !(seen->revisions = calloc(nd_revs_count(c->revs) + 1, 1)) ||
	    !(seen->events = calloc((size_t)seen->n_events, 1))) {
		entries_seen_free(seen);
		return NULL; /* the queries run as they are */
	}
	return seen;
}

/* The incremental check's count of each kind: the count the last proof
 * saw plus the entries since must be the records there are. Where it is
 * not, the whole of that kind is proved, to name what is wrong. */
static int ledger_counts(struct nd_check *c, struct nd_error *err)
{
	char now[256] = "";
	int64_t entries = 0;
	int rc = nd_sql_int(c->st, &entries, err, "reading the ledger",
			    "SELECT coalesce(max(id), 0) FROM ledger", NULL);
	if (rc >= 0)
		rc = nd_sql_text(c->st, now, sizeof now, err, "counting the records", counts_sql,
				 "i", entries);
	for (size_t k = 0; rc >= 0 && k < sizeof kinds / sizeof *kinds; k++) {
		char key[32];
		snprintf(key, sizeof key, "%s=", kinds[k].kind);
		const char *then_at = strstr(c->counts, key), *now_at = strstr(now, key);
		int64_t added = 0;
		if (!then_at || !now_at)
			continue;
		if ((rc = nd_sql_int(c->st, &added, err, "counting the ledger",
				     "SELECT count(*) FROM ledger WHERE id > ? AND id <= ? AND "
				     "+kind = ?",
				     "iis", c->since, entries, kinds[k].kind)) < 0)
			break;
		long long then = atoll(then_at + strlen(key)), is = atoll(now_at + strlen(key));
		if (then + added == is)
			continue;
		int before = c->problems;
		if ((rc = ledger_records(c, NULL, k, 0, err)) < 0 ||
		    (rc = records_in_ledger(c, NULL, k, err)) < 0)
			break;
		if (c->problems == before)
			nd_check_problem(c,
					 _("ledger: %1$lld %2$s records where the ledger holds "
					   "%3$lld: records were removed or added behind "
					   "newsdesk's back"),
					 is, kinds[k].kind, then + (long long)added);
	}
	return rc < 0 ? rc : 0;
}

int nd_ledger_check(struct nd_check *c, struct nd_error *err)
{
	struct entries_seen room, *seen = entries_seen_for(c, &room);
	int rc = ledger_links(c, seen, err);
	if (seen && seen->failed) {
		entries_seen_free(seen);
		seen = NULL;
	}
	for (size_t k = 0; rc >= 0 && k < sizeof kinds / sizeof *kinds; k++)
		if ((rc = ledger_records(c, seen, k, c->since, err)) >= 0 && c->since == 0)
			rc = records_in_ledger(c, seen, k, err);
	if (rc >= 0 && c->since > 0)
		rc = ledger_counts(c, err);
	if (seen)
		entries_seen_free(seen);
	return rc < 0 ? rc : 0;
}

/* ---- the roots ------------------------------------------------------------- */

/* Where a root came from, as a person reads it. */
static void root_origin(sqlite3_stmt *stmt, char *out, size_t size)
{
	const char *kind = (const char *)sqlite3_column_text(stmt, 0);
	const char *ref = (const char *)sqlite3_column_text(stmt, 1);
	time_t at = (time_t)sqlite3_column_int64(stmt, 4);
	char when[32];
	struct tm tm;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&at, &tm));
	if (!ref)
		ref = "";
	if (strcmp(kind, "backup") == 0)
		snprintf(out, size, _("the root the backup %1$s recorded at %2$s"), ref, when);
	else if (strcmp(kind, "issue") == 0)
		snprintf(out, size, _("the root issue %1$s was published with at %2$s"), ref, when);
	else
		snprintf(out, size, _("the root a check proved at %s"), when);
}

/* One root against the ledger: its entry n must still have its digest. */
static void prove_root(struct nd_check *c, const char *origin, int64_t n, const char *hex,
		       int64_t entries, const char *have)
{
	char text[ND_ROOT_TEXT];
	struct nd_root r = { .n = n };
	snprintf(r.hex, sizeof r.hex, "%s", hex ? hex : "");
	nd_root_text(&r, text);
	if (n == 0)
		return; /* the empty history is a prefix of every history */
	if (n > entries)
		nd_check_problem(c,
				 _("roots: %1$s (%2$s) is not in today's history: the ledger "
				   "had %3$lld entries then and has %4$lld now: history was "
				   "rolled back"),
				 origin, text, (long long)n, (long long)entries);
	else if (!have || !hex || strcmp(have, hex) != 0)
		nd_check_problem(c,
				 _("roots: %1$s (%2$s) is not in today's history: the ledger's "
				   "entry %3$lld has another root: history was rewritten since"),
				 origin, text, (long long)n);
}

static int against_roots(struct nd_check *c, int64_t entries, struct nd_error *err)
{
	for (size_t i = 0; i < c->n_against; i++) {
		const struct nd_root *r = &c->against[i];
		char text[ND_ROOT_TEXT], origin[160], have[65] = "";
		int64_t n = r->n;
		nd_root_text(r, text);
		snprintf(origin, sizeof origin, _("the root given with --against"));
		int rc = n >= 0 ? nd_sql_text(c->st, have, sizeof have, err, "reading the ledger",
					      "SELECT root FROM ledger WHERE id = ?", "i", n)
				: nd_sql_int(c->st, &n, err, "reading the ledger",
					     "SELECT id FROM ledger WHERE root = ?", "s", r->hex);
		if (rc < 0)
			return rc;
		if (r->n < 0 && rc == 0)
			nd_check_problem(c,
					 _("roots: %1$s (%2$s) is not in today's history: history "
					   "was rolled back or rewritten since"),
					 origin, text);
		else if (r->n < 0)
			continue;
		else
			prove_root(c, origin, n, r->hex, entries, rc > 0 ? have : NULL);
	}
	return 0;
}

int nd_roots_check(struct nd_check *c, struct nd_error *err)
{
	int64_t entries = 0;
	sqlite3_stmt *stmt;
	int rc = nd_sql_int(c->st, &entries, err, "reading the ledger",
			    "SELECT coalesce(max(id), 0) FROM ledger", NULL);
	if (rc < 0 ||
	    (rc = nd_sql_prepare(c->st, &stmt, err,
				 "SELECT r.kind, r.ref, r.n, r.root, r.at, l.root FROM "
				 "roots r LEFT JOIN ledger l ON l.id = r.n WHERE r.id > ? "
				 "ORDER BY r.id",
				 "i", c->since_root)) < 0)
		return rc;
	while ((rc = nd_sql_step(c->st, stmt, "reading the recorded roots", err)) > 0) {
		char origin[256];
		root_origin(stmt, origin, sizeof origin);
		prove_root(c, origin, sqlite3_column_int64(stmt, 2),
			   (const char *)sqlite3_column_text(stmt, 3), entries,
			   (const char *)sqlite3_column_text(stmt, 5));
	}
	sqlite3_finalize(stmt);
	if (rc >= 0 && c->since > 0) {
		char have[65] = "";
		if ((rc = nd_sql_text(c->st, have, sizeof have, err, "reading the ledger",
				      "SELECT root FROM ledger WHERE id = ?", "i", c->since)) < 0)
			return rc;
		prove_root(c, _("the root the last check proved"), c->since, c->since_hex, entries,
			   rc > 0 ? have : NULL);
	}
	return rc < 0 ? rc : against_roots(c, entries, err);
}
