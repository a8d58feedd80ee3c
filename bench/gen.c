/* gen.c — makes a benchmark database of N items with realistic Chinese
 * copy: sentences of the corpus pages recombined, 200–2,000 字 bodies,
 * states, sections, monthly issues (one of exactly 300 items, for the
 * rundown), 1–3 revisions and the events that go with them.
 *
 *   bench-gen DB N CORPUS_DIR [--no-search]
 *
 * Bulk-loading settings (synchronous off, one transaction per 20,000
 * items) are for the fixture only; the file is left in WAL mode as
 * newsdesk keeps it. The rows are loaded without the index's triggers
 * (a trigger per row made the index merge its segments over and over:
 * 501 s per 20,000 items at 80,000), then the index is built once, by
 * the code check --repair uses (nd_search_rebuild), and the triggers are
 * put back. The stats' summary by day (which newsdesk keeps as it files
 * and publishes) is built once after the rows, by the code check --repair
 * uses (nd_stats_rebuild). --no-search leaves the full-text index empty. */
#include "newsdesk/filing.h"
#include "newsdesk/layout.h"
#include "newsdesk/search.h"
#include "newsdesk/stats.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/users.h"

#include <dirent.h>
#include <locale.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char **sentences;
static size_t nsent;

static void load_corpus(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 0;
	if (!d) {
		perror(dir);
		exit(1);
	}
	while ((e = readdir(d))) {
		if (!strstr(e->d_name, ".txt"))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		static char buf[1 << 20];
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
		for (char *p = buf; *p;) {
			char *end = strstr(p, "。");
			char *nl = strchr(p, '\n');
			if (nl && (!end || nl < end)) {
				p = nl + 1;
				continue;
			}
			if (!end)
				break;
			end += 3;
			size_t len = (size_t)(end - p);
			if (len > 30 && len < 600) {
				if (nsent == cap)
					sentences = realloc(sentences, (cap = cap ? cap * 2 : 256) *
									   sizeof *sentences);
				sentences[nsent++] = strndup(p, len);
			}
			p = end;
		}
	}
	closedir(d);
	if (!nsent) {
		fprintf(stderr, "no sentences in %s\n", dir);
		exit(1);
	}
}

static unsigned long long rng = 88172645463325252ULL;
static unsigned long next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned long)rng;
}

static const char *sections[] = { "新闻速递", "图说新闻", "工会动态", "基层传真",
				  "职工风采", "理论园地", "维权在线" };
static const struct {
	const char *state;
	int weight;
} states[] = { { "published", 860 }, { "submitted", 50 }, { "edited", 30 },
	       { "approved", 20 },   { "returned", 15 },  { "spiked", 25 } };

static void body(char *out, size_t size)
{
	size_t want = 600 + next() % 3600, len = 0; /* bytes: about 200–1,400 字 */
	out[0] = '\0';
	int in_para = 0;
	while (len < want && len + 700 < size) {
		const char *s = sentences[next() % nsent];
		size_t sl = strlen(s);
		memcpy(out + len, s, sl);
		len += sl;
		if (++in_para >= 2 + (int)(next() % 3) && len < want) {
			out[len++] = '\n';
			in_para = 0;
		}
		out[len] = '\0';
	}
}

static void headline(char *out, size_t size)
{
	const char *s = sentences[next() % nsent];
	/* a headline does not start with a mark */
	while (!strncmp(s, "“", 3) || !strncmp(s, "”", 3) || !strncmp(s, "，", 3) ||
	       !strncmp(s, "、", 3))
		s += 3;
	size_t take = 0, n = strlen(s), chars = 12 + next() % 14;
	while (take < n && chars) {
		unsigned char c = (unsigned char)s[take];
		size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (!strncmp(s + take, "，", 3) || !strncmp(s + take, "。", 3) || s[take] == ',')
			break;
		take += l;
		chars--;
	}
	snprintf(out, size, "%.*s", (int)take, s);
}

static void check(int rc, sqlite3 *db, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
		exit(1);
	}
}

/* Issue 0 is the one of exactly 300 items bench/run times the rundown of
 * ("bench-300" — it was "bench-3000" by a slip, which bench/run never found). */
static const char *issue_code(long i)
{
	static char code[32];
	if (i == 0)
		return "bench-300";
	snprintf(code, sizeof code, "b%ld", i);
	return code;
}

/* The index, built once over the loaded rows: each index's terms are
 * flushed every 64 MB rather than every 1 MB, so far fewer segments are
 * merged (set back after). */
static void build_index(struct nd_store *st, time_t t0)
{
	sqlite3 *db = nd_store_db(st);
	static const char *const tables[] = { "search", "search_head" };
	char sql[160];
	for (size_t k = 0; k < sizeof tables / sizeof *tables; k++) {
		snprintf(sql, sizeof sql, "INSERT INTO %s(%s, rank) VALUES ('hashsize', 67108864)",
			 tables[k], tables[k]);
		check(sqlite3_exec(db, sql, NULL, NULL, NULL), db, "hashsize");
	}
	struct nd_error err = { 0 };
	int64_t indexed = 0;
	fprintf(stderr, "\rrows loaded in %lds; building the index\n", (long)(time(NULL) - t0));
	if (nd_search_rebuild(st, &indexed, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		exit(1);
	}
	for (size_t k = 0; k < sizeof tables / sizeof *tables; k++) {
		snprintf(sql, sizeof sql, "DELETE FROM %s_config WHERE k = 'hashsize'", tables[k]);
		check(sqlite3_exec(db, sql, NULL, NULL, NULL), db, "hashsize");
	}
	fprintf(stderr, "%lld items indexed, %lds\n", (long long)indexed, (long)(time(NULL) - t0));
}

int main(int argc, char **argv)
{
	/* widths and counts are wcwidth's, as in newsdesk (main.c) */
	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 4) {
		fprintf(stderr, "usage: bench-gen DB N CORPUS_DIR [--no-search]\n");
		return 2;
	}
	const char *path = argv[1];
	long n = atol(argv[2]);
	bool no_search = argc > 4 && strcmp(argv[4], "--no-search") == 0;
	load_corpus(argv[3]);
	struct nd_store *st;
	struct nd_error err = { 0 };
	remove(path);
	if (nd_store_open(&st, path, ND_STORE_CREATE, &err) < 0 ||
	    nd_user_bootstrap(st, getpwuid(geteuid()) ? getpwuid(geteuid())->pw_name : "bench",
			      "基准", &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	sqlite3 *db = nd_store_db(st);
	time_t t0 = time(NULL);
	check(sqlite3_exec(db,
			   "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF; "
			   "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -262144",
			   NULL, NULL, NULL),
	      db, "pragmas");
	/* the index's triggers as the schema made them, to put back after */
	char *triggers = NULL;
	{
		sqlite3_stmt *t;
		check(sqlite3_prepare_v2(db,
					 "SELECT group_concat(sql, ';') || ';' FROM sqlite_schema "
					 "WHERE type = 'trigger' AND name LIKE 'search_on_%'",
					 -1, &t, NULL),
		      db, "triggers");
		if (sqlite3_step(t) == SQLITE_ROW && sqlite3_column_text(t, 0))
			triggers = strdup((const char *)sqlite3_column_text(t, 0));
		sqlite3_finalize(t);
		check(sqlite3_exec(db, "DROP TRIGGER search_on_file; DROP TRIGGER search_on_change",
				   NULL, NULL, NULL),
		      db, "no search");
	}
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	char sql[256];
	for (int r = 0; r < 50; r++) {
		snprintf(
		    sql, sizeof sql,
		    "INSERT INTO users(login, name, role, created_at) VALUES ('r%02d', '记者%02d', "
		    "'reporter', 0)",
		    r, r);
		check(sqlite3_exec(db, sql, NULL, NULL, NULL), db, "users");
	}
	sqlite3_exec(
	    db,
	    "INSERT INTO users(login, name, role, created_at) VALUES ('ed', '王娟', 'editor', 0), "
	    "('chief', '陈主编', 'chief', 0)",
	    NULL, NULL, NULL);
	long issues = n / 300 + 1;
	for (long i = 0; i < issues; i++) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO issues(code, title, date, pages, state, created_at) VALUES "
			 "('%s', '《工会》第%ld期', '2024-01-01', 48, 'published', 0)",
			 issue_code(i), i + 1);
		check(sqlite3_exec(db, sql, NULL, NULL, NULL), db, "issues");
	}
	sqlite3_stmt *ins_item, *ins_rev, *ins_ev, *ins_counts;
	check(sqlite3_prepare_v2(
		  db,
		  "INSERT INTO items(id, kind, section, state, prev_state, reporter, issue, page, "
		  "position, current_rev, filed_at, updated_at, published_rev, published_at) "
		  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		  -1, &ins_item, NULL),
	      db, "prepare");
	check(sqlite3_prepare_v2(
		  db,
		  /* hashed as history.c does (schema 007), so check runs on it */
		  "INSERT INTO revisions(item_id, rev, base_rev, kind, section, kicker, "
		  "headline, body, chars, body_chars, author, created_at, hash) "
		  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12, nd_chain((SELECT hash FROM "
		  "revisions WHERE item_id = ?1 AND rev < ?2 ORDER BY rev DESC LIMIT 1), ?1, ?2, "
		  "?3, ?4, ?5, ?6, ?7, NULL, NULL, NULL, ?8, ?9, ?10, ?11, ?12, 0, NULL))",
		  -1, &ins_rev, NULL),
	      db, "prepare");
	check(sqlite3_prepare_v2(
		  db,
		  "INSERT INTO events(item_id, actor, verb, from_state, to_state, rev, created_at, "
		  "hash) VALUES (?1,?2,?3,?4,?5,?6,?7, nd_chain((SELECT hash FROM events WHERE "
		  "item_id = ?1 ORDER BY id DESC LIMIT 1), ?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, "
		  "(SELECT hash FROM revisions WHERE item_id = ?1 AND rev = ?6)))",
		  -1, &ins_ev, NULL),
	      db, "prepare");
	check(sqlite3_prepare_v2(
		  db,
		  /* 汉字, the line profile and 字数, counted as history.c counts them
		     (here in C: the story's 字数 gives the body's in the same pass) */
		  "INSERT INTO revision_counts(revision_id, hanzi, lines, chars, body_chars) "
		  "VALUES (last_insert_rowid(), ?, ?, ?, ?)",
		  -1, &ins_counts, NULL),
	      db, "prepare");
	static char text[16384], head[256];
	int64_t base = 1700000000;
	for (long id = 1; id <= n; id++) {
		int w = (int)(next() % 1000), acc = 0;
		const char *state = "published";
		for (size_t s = 0; s < sizeof states / sizeof *states; s++)
			if (w < (acc += states[s].weight)) {
				state = states[s].state;
				break;
			}
		bool published = !strcmp(state, "published");
		int revs = 1 + (int)(next() % 3);
		int64_t filed = base + id * 30;
		char reporter[8];
		snprintf(reporter, sizeof reporter, "r%02lu", next() % 50);
		const char *section = sections[next() % 7];
		char issue[32] = "";
		long issue_no = id <= 300 ? 0 : 1 + (id - 301) / 300;
		if (published || id <= 300)
			snprintf(issue, sizeof issue, "%s", issue_code(issue_no));
		sqlite3_bind_int64(ins_item, 1, id);
		sqlite3_bind_text(ins_item, 2, "article", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_item, 3, section, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_item, 4, state, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_item, 5, "approved", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_item, 6, reporter, -1, SQLITE_TRANSIENT);
		if (issue[0]) {
			sqlite3_bind_text(ins_item, 7, issue, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(ins_item, 8, 1 + ((id - 1) % 300) / 7);
			sqlite3_bind_int64(ins_item, 9, 1 + ((id - 1) % 300) % 7);
		} else {
			sqlite3_bind_null(ins_item, 7);
			sqlite3_bind_null(ins_item, 8);
			sqlite3_bind_null(ins_item, 9);
		}
		sqlite3_bind_int(ins_item, 10, revs);
		sqlite3_bind_int64(ins_item, 11, filed);
		sqlite3_bind_int64(ins_item, 12, filed + revs * 600);
		if (published) {
			sqlite3_bind_int(ins_item, 13, revs);
			sqlite3_bind_int64(ins_item, 14, filed + revs * 600);
		} else {
			sqlite3_bind_null(ins_item, 13);
			sqlite3_bind_null(ins_item, 14);
		}
		check(sqlite3_step(ins_item), db, "item");
		sqlite3_reset(ins_item);
		headline(head, sizeof head);
		body(text, sizeof text);
		for (int r = 1; r <= revs; r++) {
			if (r > 1) {
				/* an edit: one sentence replaced */
				const char *s = sentences[next() % nsent];
				size_t tl = strlen(text), sl = strlen(s);
				if (tl + sl < sizeof text - 1)
					memcpy(text + tl, s, sl + 1);
			}
			sqlite3_bind_int64(ins_rev, 1, id);
			sqlite3_bind_int(ins_rev, 2, r);
			sqlite3_bind_int(ins_rev, 3, r - 1);
			sqlite3_bind_text(ins_rev, 4, "article", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_rev, 5, section, -1, SQLITE_STATIC);
			sqlite3_bind_null(ins_rev, 6);
			sqlite3_bind_text(ins_rev, 7, head, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_rev, 8, text, -1, SQLITE_STATIC);
			/* counts are in revision_counts, out of the chain */
			sqlite3_bind_int64(ins_rev, 9, -1);
			sqlite3_bind_int64(ins_rev, 10, -1);
			sqlite3_bind_text(ins_rev, 11, r == 1 ? reporter : "ed", -1,
					  SQLITE_TRANSIENT);
			sqlite3_bind_int64(ins_rev, 12, filed + r * 600);
			check(sqlite3_step(ins_rev), db, "revision");
			sqlite3_reset(ins_rev);
			struct nd_story story = { .headline = head, .body = text };
			long body_chars = 0, chars = nd_story_chars(&story, &body_chars);
			char *profile = nd_layout_profile(&story);
			if (!profile) {
				fprintf(stderr, "out of memory\n");
				return 1;
			}
			sqlite3_bind_int64(ins_counts, 1, nd_story_hanzi(&story));
			sqlite3_bind_text(ins_counts, 2, profile, -1, free);
			sqlite3_bind_int64(ins_counts, 3, chars);
			sqlite3_bind_int64(ins_counts, 4, body_chars);
			check(sqlite3_step(ins_counts), db, "revision counts");
			sqlite3_reset(ins_counts);
		}
		const char *verbs[] = { "file", "finish", "approve", "publish" };
		const char *froms[] = { NULL, "submitted", "edited", "approved" };
		const char *tos[] = { "submitted", "edited", "approved", "published" };
		int nev = published ? 4 : 1 + (int)(next() % 2);
		/* the log ends where the item is (check verifies it) */
		tos[nev - 1] = state;
		for (int e = 0; e < nev; e++) {
			sqlite3_bind_int64(ins_ev, 1, id);
			sqlite3_bind_text(ins_ev, 2, e == 0 ? reporter : "chief", -1,
					  SQLITE_TRANSIENT);
			sqlite3_bind_text(ins_ev, 3, verbs[e], -1, SQLITE_STATIC);
			if (froms[e])
				sqlite3_bind_text(ins_ev, 4, froms[e], -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins_ev, 4);
			sqlite3_bind_text(ins_ev, 5, tos[e], -1, SQLITE_STATIC);
			sqlite3_bind_int(ins_ev, 6, e == 0 ? 1 : revs);
			sqlite3_bind_int64(ins_ev, 7, filed + e * 600);
			check(sqlite3_step(ins_ev), db, "event");
			sqlite3_reset(ins_ev);
		}
		if (id % 20000 == 0) {
			sqlite3_exec(db, "COMMIT; BEGIN", NULL, NULL, NULL);
			fprintf(stderr, "\r%ld items, %lds", id, (long)(time(NULL) - t0));
		}
	}
	sqlite3_finalize(ins_item);
	sqlite3_finalize(ins_rev);
	sqlite3_finalize(ins_counts);
	sqlite3_finalize(ins_ev);
	check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
	/* the triggers come back (later writes are indexed) */
	if (triggers)
		check(sqlite3_exec(db, triggers, NULL, NULL, NULL), db, "triggers");
	free(triggers);
	if (nd_stats_rebuild(st, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	fprintf(stderr, "\rstats' summary built, %lds\n", (long)(time(NULL) - t0));
	if (!no_search)
		build_index(st, t0);
	check(sqlite3_exec(
		  db, "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL; PRAGMA optimize",
		  NULL, NULL, NULL),
	      db, "finish");
	nd_store_close(st);
	fprintf(stderr, "\r%ld items in %lds\n", n, (long)(time(NULL) - t0));
	return 0;
}
