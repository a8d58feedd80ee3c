/* test_history.c — the chained hashes: a store written by the schema
 * before them (version 5, with the rows an old newsdesk wrote) gets its
 * hashes in the migration and checks out; every record written since is
 * chained; and check names a record changed behind newsdesk's back. */
#include "newsdesk/check.h"
#include "newsdesk/schema.h"
#include "newsdesk/store_sql.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *old_rows =
    "INSERT INTO users(login, role, created_at) VALUES ('root', 'admin', 0), "
    "('zhu', 'reporter', 0), ('chen', 'chief', 0);"
    "INSERT INTO items(id, state, reporter, current_rev, filed_at, updated_at) VALUES "
    "(1, 'published', 'zhu', 2, 10, 40), (2, 'submitted', 'zhu', 1, 20, 20);"
    "INSERT INTO revisions(item_id, rev, base_rev, kind, headline, body, chars, body_chars, "
    "author, created_at) VALUES (1, 1, NULL, 'article', '旧稿', '正文一', 5, 3, 'zhu', 10), "
    "(1, 2, 1, 'article', '旧稿', '正文二', 5, 3, 'chen', 30), "
    "(2, 1, NULL, 'article', '另一篇', '正文', 5, 2, 'zhu', 20);"
    "INSERT INTO events(item_id, actor, verb, from_state, to_state, rev, created_at) VALUES "
    "(1, 'zhu', 'file', NULL, 'submitted', 1, 10), (2, 'zhu', 'file', NULL, 'submitted', 1, 20), "
    "(1, 'chen', 'edit', 'submitted', 'submitted', 2, 30), "
    "(1, 'chen', 'publish', 'submitted', 'published', 2, 40);"
    "INSERT INTO notes(item_id, rev, author, body, created_at) VALUES "
    "(1, 1, 'chen', '好', 15), (1, 2, 'chen', '更好', 35);"
    "INSERT INTO search(rowid, kicker, headline, subhead, byline, body) SELECT r.id, r.kicker, "
    "r.headline, r.subhead, r.byline, r.body FROM items i JOIN revisions r ON r.item_id = i.id "
    "AND r.rev = i.current_rev;";

/* A file as the newsdesk before the state_meaning migration left it. */
static void make_old(const char *path)
{
	sqlite3 *db;
	char *msg = NULL;
	int version = 0;
	ok(sqlite3_open(path, &db) == SQLITE_OK, "an old store");
	for (int i = 0; i < nd_schema_count && !strstr(nd_schema_files[i].name, "state_meaning");
	     i++) {
		if (sqlite3_exec(db, nd_schema_files[i].sql, NULL, NULL, &msg) != SQLITE_OK)
			ok(0, "schema %s: %s", nd_schema_files[i].name, msg);
		version = nd_schema_files[i].version;
	}
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d; PRAGMA application_id = %d",
		 version, ND_APPLICATION_ID);
	ok(version >= 5 && sqlite3_exec(db, pragma, NULL, NULL, NULL) == SQLITE_OK, "at version %d",
	   version);
	int rc = sqlite3_exec(db, old_rows, NULL, NULL, &msg);
	ok(rc == SQLITE_OK, "with old rows: %s", msg ? msg : "");
	sqlite3_free(msg);
	sqlite3_close(db);
}

static int64_t one(struct nd_store *st, const char *sql)
{
	int64_t v = -1;
	struct nd_error err = { 0 };
	if (nd_sql_int(st, &v, &err, "test", sql, NULL) < 0)
		ok(0, "%s: %s", sql, err.msg);
	return v;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	char dir[] = "/tmp/newsdesk-history-XXXXXX", path[300];
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/old.db", dir);
	make_old(path);

	struct nd_store *st;
	struct nd_error err = { 0 };
	ok(nd_store_open(&st, path, 0, &err) == 0, "the old store opens (migrates): %s", err.msg);
	is_int(nd_store_version(st), nd_store_latest_version(), "…to the newest schema");
	is_int(one(st, "SELECT count(*) FROM revisions WHERE hash IS NULL"), 0,
	       "every old revision has its hash");
	is_int(one(st, "SELECT count(*) FROM events WHERE hash IS NULL"), 0, "…every event");
	is_int(one(st, "SELECT count(*) FROM notes WHERE hash IS NULL"), 0, "…every note");
	is_int(one(st, "SELECT count(*) FROM items WHERE rev_head IS NULL OR event_head IS NULL"),
	       0, "…and every item its heads");
	is_int(one(st, "SELECT published_rev FROM items WHERE id = 1"), 2,
	       "an item 'publish ID' left without its published revision gets it");
	is_int(one(st, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
		       "('revisions_no_update', 'events_no_update', 'notes_no_update')"),
	       3, "the append-only triggers are back after the backfill");
	ok(nd_sql_exec(st, &err, "x", "UPDATE revisions SET body = 'x'", NULL) < 0,
	   "…and refuse changes: %s", err.msg);

	struct nd_actor admin = { .user = { .login = "root", .role = "admin", .rank = 4 } };
	struct nd_buf report = ND_BUF_INIT;
	is_int(nd_check(st, &admin, 0, &report, &err), 0, "the migrated store checks out");
	/* every line a TAP comment: the report may hold several (the -wal note) */
	for (const char *line = nd_buf_str(&report); *line;) {
		size_t len = strcspn(line, "\n");
		printf("# %.*s\n", (int)len, line);
		line += len + (line[len] == '\n');
	}
	nd_buf_free(&report);

	/* A body rewritten behind newsdesk's back (the guard dropped and put
	 * back) is named. */
	sqlite3 *db = nd_store_db(st);
	ok(sqlite3_exec(db,
			"DROP TRIGGER revisions_no_update; UPDATE revisions SET body = '改过' "
			"WHERE item_id = 1 AND rev = 1; CREATE TRIGGER revisions_no_update BEFORE "
			"UPDATE ON revisions BEGIN SELECT RAISE(ABORT, 'no'); END;",
			NULL, NULL, NULL) == SQLITE_OK,
	   "tampered with");
	is_int(nd_check(st, &admin, 0, &report, &err), 2,
	       "check finds two problems: the chain, and the counts that are no longer the "
	       "text's");
	ok(strstr(nd_buf_str(&report), "#1: revision 1 was changed after it was written") != NULL,
	   "…naming the item and the revision");
	ok(strstr(nd_buf_str(&report), "#1: revision 1: its stored counts") != NULL,
	   "…and its counts, recounted from the text");
	nd_buf_free(&report);

	nd_store_close(st);
	unlink(path);
	char side[320];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-writers", path); /* the writers' queue (store.c) */
	unlink(side);
	rmdir(dir);
	return tap_done();
}
