/* fixture.c — see fixture.h. */
#include "fixture.h"
#include "newsdesk/items.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void actor(struct fixture *fx, const char *login, struct nd_actor *a)
{
	struct nd_error err = { 0 };
	if (nd_user_get(fx->st, login, &a->user, &err) < 0) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		exit(99);
	}
}

void fixture_open(struct fixture *fx)
{
	struct nd_error err = { 0 };
	memset(fx, 0, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/newsdesk-test-XXXXXX");
	if (!mkdtemp(fx->dir)) {
		perror("mkdtemp");
		exit(99);
	}
	snprintf(fx->path, sizeof fx->path, "%s/desk.db", fx->dir);
	if (nd_store_open(&fx->st, fx->path, ND_STORE_CREATE, &err) < 0 ||
	    nd_user_bootstrap(fx->st, "root", NULL, &err) < 0) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		exit(99);
	}
	actor(fx, "root", &fx->admin);
	static const char *const users[][3] = {
		{ "zhu", "reporter", "朱建良" },
		{ "li", "reporter", "李国峰" },
		{ "wang", "editor", "王娟" },
		{ "chen", "chief", "陈主编" },
	};
	for (size_t i = 0; i < sizeof users / sizeof *users; i++)
		if (nd_user_add(fx->st, &fx->admin, users[i][0], users[i][1], users[i][2], NULL,
				&err) < 0) {
			fprintf(stderr, "fixture: %s\n", err.msg);
			exit(99);
		}
	actor(fx, "zhu", &fx->zhu);
	actor(fx, "li", &fx->li);
	actor(fx, "wang", &fx->wang);
	actor(fx, "chen", &fx->chen);
}

void fixture_close(struct fixture *fx)
{
	nd_actor_free(&fx->admin);
	nd_actor_free(&fx->zhu);
	nd_actor_free(&fx->li);
	nd_actor_free(&fx->wang);
	nd_actor_free(&fx->chen);
	nd_store_close(fx->st);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fixture: could not remove %s\n", fx->dir);
}

int64_t fixture_file(struct fixture *fx, const struct nd_actor *a, const char *headline)
{
	struct nd_story story = { 0 };
	struct nd_file_result res;
	struct nd_error err = { 0 };
	story.kind = "article";
	story.headline = (char *)headline;
	story.body = "本刊讯 正文第一段。\n正文第二段。";
	if (nd_item_file(fx->st, a, &story, "UTF-8", NULL, &res, &err) < 0) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		exit(99);
	}
	return res.id;
}

int fixture_sql(struct fixture *fx, const char *sql)
{
	return sqlite3_exec(nd_store_db(fx->st), sql, NULL, NULL, NULL);
}

int64_t fixture_int(struct fixture *fx, const char *sql)
{
	sqlite3_stmt *stmt;
	int64_t v = -1;
	if (sqlite3_prepare_v2(nd_store_db(fx->st), sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}
