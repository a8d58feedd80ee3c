/* test_store.c — opening, identity, migrations, append-only triggers, and
 * filing/listing through core. */
#include "fixture.h"
#include "newsdesk/items.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_open_refused(const char *path, const char *needle, const char *name)
{
	struct nd_store *st;
	struct nd_error err = { 0 };
	int rc = nd_store_open(&st, path, 0, &err);
	ok(rc < 0, "%s: refused", name);
	if (!ok(strstr(err.msg, needle) != NULL, "…saying '%s'", needle))
		printf("#   message: %s\n", err.msg);
	if (rc == 0)
		nd_store_close(st);
}

static void test_identity(struct fixture *fx)
{
	char path[400];
	sqlite3 *db;

	is_int(nd_store_version(fx->st), nd_store_latest_version(), "a new file is fully migrated");
	is_int(fixture_int(fx, "PRAGMA application_id"), ND_APPLICATION_ID,
	       "application_id is set");
	is_int(fixture_int(fx, "PRAGMA foreign_keys"), 1, "foreign keys are on");
	is_int(fixture_int(fx, "PRAGMA synchronous"), 2, "synchronous is FULL");

	snprintf(path, sizeof path, "%s/other.db", fx->dir);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL);
	sqlite3_close(db);
	check_open_refused(path, "not a newsdesk one", "another program's SQLite file");

	snprintf(path, sizeof path, "%s/junk.db", fx->dir);
	FILE *f = fopen(path, "w");
	fputs("this is not a database, it is a story about 工会\n", f);
	for (int i = 0; i < 200; i++)
		fputs("padding line to make the file longer than one page of SQLite\n", f);
	fclose(f);
	check_open_refused(path, "not an SQLite file", "a text file");

	snprintf(path, sizeof path, "%s/newer.db", fx->dir);
	sqlite3_open(path, &db);
	sqlite3_exec(
	    db, "CREATE TABLE t(x); PRAGMA application_id = 1313100619; PRAGMA user_version = 99",
	    NULL, NULL, NULL);
	sqlite3_close(db);
	check_open_refused(path, "newer newsdesk", "a file from a newer newsdesk");

	snprintf(path, sizeof path, "%s/missing.db", fx->dir);
	check_open_refused(path, "newsdesk init", "a missing file without create");

	/* Reopening an up-to-date file changes nothing. */
	struct nd_store *again;
	struct nd_error err = { 0 };
	ok(nd_store_open(&again, fx->path, 0, &err) == 0, "reopening works");
	is_int(nd_store_version(again), nd_store_latest_version(), "…at the same version");
	nd_store_close(again);
}

static void test_append_only(struct fixture *fx)
{
	int64_t id = fixture_file(fx, &fx->zhu, "追加写入的测试");
	(void)id;
	ok(fixture_sql(fx, "UPDATE revisions SET body = 'x'") != SQLITE_OK,
	   "UPDATE on revisions fails");
	ok(fixture_sql(fx, "DELETE FROM revisions") != SQLITE_OK, "DELETE on revisions fails");
	ok(fixture_sql(fx, "UPDATE events SET note = 'x'") != SQLITE_OK, "UPDATE on events fails");
	ok(fixture_sql(fx, "DELETE FROM events") != SQLITE_OK, "DELETE on events fails");
	ok(fixture_sql(fx, "DELETE FROM items") != SQLITE_OK, "DELETE on items fails");
	const char *msg = sqlite3_errmsg(nd_store_db(fx->st));
	ok(strstr(msg, "never") != NULL, "the refusal says why: %s", msg);
	is_int(fixture_int(fx, "SELECT count(*) FROM revisions"), 1, "the revision is still there");
}

static void test_items(struct fixture *fx)
{
	struct nd_error err = { 0 };
	struct nd_item *rows, it;
	size_t n;
	struct nd_filter all = { 0 };
	int64_t a = fixture_file(fx, &fx->zhu, "朱的第二篇");
	int64_t b = fixture_file(fx, &fx->li, "李的稿件");

	nd_lang_set("zh_CN.UTF-8");
	ok(nd_item_list(fx->st, &fx->wang, &all, 0, 10, &rows, &n, &err) == 0, "editor lists");
	is_int(n, 3, "an editor sees every item");
	is_int(rows[0].id, b, "newest first");
	is_str(rows[0].state_label, "待编", "state labels in Chinese");
	nd_items_free(rows, n);

	nd_lang_set("C.UTF-8");
	ok(nd_item_list(fx->st, &fx->li, &all, 0, 10, &rows, &n, &err) == 0, "reporter lists");
	is_int(n, 1, "a reporter sees only their own");
	is_str(rows[0].state_label, "submitted", "…with English labels under an English locale");
	nd_items_free(rows, n);

	ok(nd_item_list(fx->st, &fx->wang, &all, 1, 1, &rows, &n, &err) == 0, "a window");
	is_int(n, 1, "one row asked, one row read");
	is_int(rows[0].id, a, "the second row of the list");
	nd_items_free(rows, n);

	int64_t count = 0;
	struct nd_filter mine = { .reporter = "zhu" };
	ok(nd_item_count(fx->st, &fx->wang, &mine, &count, &err) == 0 && count == 2,
	   "count by reporter");

	ok(nd_item_get(fx->st, &fx->li, a, 0, &it, &err) == ND_ENOENT,
	   "a reporter may not read another's item");
	char theirs[sizeof err.msg];
	snprintf(theirs, sizeof theirs, "%s", err.msg);
	ok(nd_item_get(fx->st, &fx->li, a + 1000, 0, &it, &err) == ND_ENOENT,
	   "…nor one that does not exist");
	char missing[sizeof err.msg];
	snprintf(missing, sizeof missing, "%s", err.msg);
	ok(strstr(theirs, "you have no item") != NULL, "…and is told it has no such item");
	/* the two answers differ only by the number asked for */
	char expect[sizeof err.msg];
	snprintf(expect, sizeof expect, "you have no item #%lld", (long long)(a + 1000));
	is_str(missing, expect, "…the answer a missing item gets");
	ok(nd_item_get(fx->st, &fx->wang, a, 0, &it, &err) == 0, "an editor reads it");
	is_str(it.story.headline, "朱的第二篇", "the headline");
	is_str(it.story.body, "本刊讯 正文第一段。\n正文第二段。", "the body");
	is_int(it.chars, 5 + 15, "字数 stored with the revision");
	nd_item_free(&it);
	ok(nd_item_get(fx->st, &fx->wang, 999, 0, &it, &err) == ND_ENOENT, "no such item");
	ok(nd_item_get(fx->st, &fx->wang, a, 7, &it, &err) == ND_ENOENT, "no such revision");

	/* A retried upload with the same token files once. */
	struct nd_story story = { .kind = "article", .headline = "重试", .body = "正文" };
	struct nd_file_result r1, r2;
	struct nd_token tok = { "tok-1", NULL };
	ok(nd_item_file(fx->st, &fx->zhu, &story, "UTF-8", &tok, &r1, &err) == 0, "token upload");
	ok(nd_item_file(fx->st, &fx->zhu, &story, "UTF-8", &tok, &r2, &err) == 0, "…retried");
	ok(r2.duplicate && r2.id == r1.id, "…is the same item, not a second one");
	/* A token is one reporter's (issue 32): another's equal token is
	   unrelated, a new item of theirs, and retries as theirs. */
	struct nd_file_result r3 = { 0 }, r4 = { 0 };
	ok(nd_item_file(fx->st, &fx->li, &story, "UTF-8", &tok, &r3, &err) == 0,
	   "another reporter's equal token files their own item");
	ok(!r3.duplicate && r3.id != 0 && r3.id != r1.id, "…a new item, not told the other's");
	ok(nd_item_file(fx->st, &fx->li, &story, "UTF-8", &tok, &r4, &err) == 0 && r4.duplicate &&
	       r4.id == r3.id,
	   "…and their retry is theirs");
	ok(nd_item_file(fx->st, &fx->zhu, &story, "UTF-8", &tok, &r2, &err) == 0 && r2.duplicate &&
	       r2.id == r1.id,
	   "…while the first reporter's retry is still the first item");
	struct nd_story other = { .kind = "article", .headline = "另一篇", .body = "别的正文" };
	ok(nd_item_file(fx->st, &fx->zhu, &other, "UTF-8", &tok, &r3, &err) == ND_EINVAL,
	   "the same token with other content is refused");
	ok(strstr(err.msg, "new token") != NULL, "…saying what to do: %s", err.msg);
}

static void test_actors(struct fixture *fx)
{
	struct nd_actor a;
	struct nd_error err = { 0 };
	ok(nd_actor_resolve(fx->st, "nobody", NULL, &a, &err) == ND_EPERM,
	   "a Unix user who is not a newsdesk user is refused");
	ok(strstr(err.msg, "ask an admin") != NULL, "…and told what to do: %s", err.msg);
	ok(nd_actor_resolve(fx->st, "zhu", "li", &a, &err) == ND_EPERM,
	   "a reporter may not act as another user");
	ok(nd_actor_resolve(fx->st, "wang", "li", &a, &err) == ND_EPERM, "nor may an editor");
	ok(nd_actor_resolve(fx->st, "root", "li", &a, &err) == 0, "an admin may");
	is_str(a.user.login, "li", "…and then acts as li");
	is_int(a.user.rank, ND_RANK_REPORTER, "…with li's rank");
	nd_actor_free(&a);
	ok(nd_user_set_enabled(fx->st, &fx->admin, "li", 0, &err) == 0, "li is disabled");
	ok(nd_actor_resolve(fx->st, "root", "li", &a, &err) == ND_EPERM,
	   "a disabled user cannot act");
	nd_user_set_enabled(fx->st, &fx->admin, "li", 1, &err);
	ok(nd_user_add(fx->st, &fx->admin, "bad login", "reporter", NULL, NULL, &err) == ND_EINVAL,
	   "a login with a space is refused");
	ok(nd_user_add(fx->st, &fx->admin, "zhu", "reporter", NULL, NULL, &err) == ND_EINVAL &&
	       strstr(err.msg, "already exists"),
	   "a duplicate login is refused");
}

/* Deep pages are read from the other end: the rows must be the same. */
static void test_deep_pages(struct fixture *fx)
{
	struct nd_error err = { 0 };
	ok(fixture_sql(
	       fx,
	       "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 12000) "
	       "INSERT INTO items(kind, state, reporter, current_rev, filed_at, updated_at) "
	       "SELECT 'article', 'submitted', 'zhu', 1, x, 1000000 + x % 997 FROM n;"
	       "INSERT INTO revisions(item_id, rev, kind, headline, body, chars, body_chars, author, created_at) "
	       "SELECT id, 1, 'article', 'h' || id, 'b', 1, 1, 'zhu', 0 FROM items WHERE current_rev = 1 "
	       "AND id NOT IN (SELECT item_id FROM revisions)") == SQLITE_OK,
	   "12,000 more items");
	struct nd_filter f = { 0 };
	for (int asc = 0; asc < 2; asc++) {
		f.ascending = asc;
		int64_t total;
		nd_item_count(fx->st, &fx->wang, &f, &total, &err);
		int64_t offsets[] = { 5, 10001, total / 2 + 3, total - 7 };
		for (size_t k = 0; k < sizeof offsets / sizeof *offsets; k++) {
			struct nd_item *rows;
			size_t n;
			char sql[256];
			snprintf(
			    sql, sizeof sql,
			    "SELECT group_concat(id) FROM (SELECT id FROM items ORDER BY updated_at %s, id "
			    "%s LIMIT 10 OFFSET %lld)",
			    asc ? "ASC" : "DESC", asc ? "ASC" : "DESC", (long long)offsets[k]);
			sqlite3_stmt *stmt;
			sqlite3_prepare_v2(nd_store_db(fx->st), sql, -1, &stmt, NULL);
			sqlite3_step(stmt);
			char want[256];
			snprintf(want, sizeof want, "%s", sqlite3_column_text(stmt, 0));
			sqlite3_finalize(stmt);
			nd_item_list(fx->st, &fx->wang, &f, offsets[k], 10, &rows, &n, &err);
			char got[256] = "";
			for (size_t i = 0; i < n; i++)
				snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld",
					 i ? "," : "", (long long)rows[i].id);
			char name[96];
			snprintf(name, sizeof name, "%s page at offset %lld of %lld",
				 asc ? "ascending" : "descending", (long long)offsets[k],
				 (long long)total);
			is_str(got, want, name);
			nd_items_free(rows, n);
		}
	}
}

/* The ids of rows as "1,2,3". */
static void ids_of(const struct nd_item *rows, size_t n, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < n && strlen(out) + 24 < size; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%lld", i ? "," : "",
			 (long long)rows[i].id);
}

/* The OFFSET query's rows [offset, offset + limit), as ids. */
static void offset_ids(struct fixture *fx, const struct nd_filter *f, int64_t offset, int limit,
		       char *out, size_t size)
{
	struct nd_error err = { 0 };
	struct nd_item *rows;
	size_t n;
	if (offset < 0) {
		limit += (int)offset;
		offset = 0;
	}
	nd_item_list(fx->st, &fx->wang, f, offset, limit, &rows, &n, &err);
	ids_of(rows, n, out, size);
	nd_items_free(rows, n);
}

/* A keyset window compared with the OFFSET query it stands for. */
static void check_window(struct fixture *fx, const struct nd_filter *f, const struct nd_list_key *k,
			 bool backward, int64_t skip, int64_t offset, int limit, const char *name)
{
	struct nd_error err = { 0 };
	struct nd_item *rows = NULL;
	size_t n = 0;
	char got[512], want[512];
	offset_ids(fx, f, offset, limit, want, sizeof want);
	if (nd_item_window(fx->st, &fx->wang, f, k, backward, skip, limit, &rows, &n, &err) < 0)
		snprintf(got, sizeof got, "error: %.200s", err.msg);
	else
		ids_of(rows, n, got, sizeof got);
	nd_items_free(rows, n);
	is_str(got, want, name);
}

/* Keyset windows return exactly the rows OFFSET returns, at several
 * positions, in every sort order both ways, with ties on the sort key (the
 * 12,000 items share 997 update times and one length). */
static void test_keyset(struct fixture *fx)
{
	struct nd_error err = { 0 };
	static const char *const sorts[] = { "updated", "id", "filed", "chars" };
	for (int filtered = 0; filtered < 2; filtered++)
		for (int sort = ND_SORT_UPDATED; sort <= ND_SORT_CHARS; sort++)
			for (int asc = 0; asc < 2; asc++) {
				struct nd_filter f = { .sort = (enum nd_sort)sort,
						       .ascending = asc,
						       .state = filtered ? "submitted" : NULL };
				int64_t total = 0;
				nd_item_count(fx->st, &fx->wang, &f, &total, &err);
				int64_t at[] = { 0, 1, 37, 5000, total / 2, total - 10, total - 1 };
				for (size_t p = 0; p < sizeof at / sizeof *at; p++) {
					struct nd_item *row;
					size_t n;
					nd_item_list(fx->st, &fx->wang, &f, at[p], 1, &row, &n,
						     &err);
					if (!ok(n == 1, "a row at %lld", (long long)at[p])) {
						nd_items_free(row, n);
						continue;
					}
					struct nd_list_key k;
					nd_item_key(&f, row, &k);
					nd_items_free(row, n);
					int64_t pos = -1;
					nd_item_position(fx->st, &fx->wang, &f, k.id, &pos, &err);
					ok(pos == at[p], "%s %s%s: #%lld is at %lld (counted %lld)",
					   sorts[sort], asc ? "ascending" : "descending",
					   filtered ? ", state filter" : "", (long long)k.id,
					   (long long)at[p], (long long)pos);
					char name[160];
					int len = snprintf(
					    name, sizeof name, "%s%s %s, row %lld of %lld: ",
					    filtered ? "state filter, " : "", sorts[sort],
					    asc ? "ascending" : "descending", (long long)at[p],
					    (long long)total);
					char *tail = name + len;
					size_t room = sizeof name - (size_t)len;
					snprintf(tail, room, "forward from its key");
					check_window(fx, &f, &k, false, 0, at[p], 10, name);
					snprintf(tail, room, "forward, 3 skipped");
					check_window(fx, &f, &k, false, 3, at[p] + 3, 10, name);
					snprintf(tail, room, "backward from its key");
					check_window(fx, &f, &k, true, 0, at[p] - 10, 10, name);
					snprintf(tail, room, "backward, 4 skipped");
					check_window(fx, &f, &k, true, 4, at[p] - 14, 10, name);
					snprintf(tail, room, "from the start");
					check_window(fx, &f, NULL, false, at[p], at[p], 10, name);
					snprintf(tail, room, "from the end");
					check_window(fx, &f, NULL, true, total - at[p] - 1,
						     at[p] - 9, 10, name);
				}
			}
}

static int always(void *arg)
{
	(*(int *)arg)++;
	return 1;
}

/* The idle count gives way to a key: a statement ends when the interrupt
 * asks, and runs whole once it is cleared. */
static void test_interrupt(struct fixture *fx)
{
	struct nd_error err = { 0 };
	struct nd_filter f = { .reporter = "zhu" }; /* a count(*), not the kept counts */
	int64_t count = -1;
	int asked = 0;
	nd_store_set_interrupt(fx->st, always, &asked);
	ok(nd_item_count(fx->st, &fx->wang, &f, &count, &err) < 0 && asked > 0,
	   "an interrupted count fails (asked %d times)", asked);
	nd_store_set_interrupt(fx->st, NULL, NULL);
	ok(nd_item_count(fx->st, &fx->wang, &f, &count, &err) == 0 && count > 12000,
	   "cleared, the count runs whole (%lld)", (long long)count);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct fixture fx;
	fixture_open(&fx);
	test_identity(&fx);
	test_append_only(&fx);
	test_items(&fx);
	test_actors(&fx);
	test_deep_pages(&fx);
	test_keyset(&fx);
	test_interrupt(&fx);
	fixture_close(&fx);
	return tap_done();
}
