/* test_publish.c — one path for publishing, and the SQL idiom under
 * injected step errors: a failed step rolls the whole change back, so an
 * error mid-publish leaves nothing published. */
#include "fixture.h"
#include "newsdesk/planning.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/workflow.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static struct fixture fx;

/* The fault hook: fail the Nth step of statements containing `needle`. */
static const char *needle;
static int fail_at, seen;

static int fault(const char *sql)
{
	if (!needle || !strstr(sql, needle))
		return 0;
	return ++seen == fail_at;
}

static void inject(const char *what, int nth)
{
	needle = what;
	fail_at = nth;
	seen = 0;
	nd_sql_set_fault(fault);
}

static void advance(int64_t id, const char *const *verbs)
{
	struct nd_transition_result res;
	struct nd_error err = { 0 };
	for (; *verbs; verbs++)
		if (nd_workflow_apply(fx.st, &fx.chen, id, *verbs, NULL, &res, &err) < 0)
			ok(0, "#%lld %s: %s", (long long)id, *verbs, err.msg);
}

static int64_t count(const char *sql)
{
	return fixture_int(&fx, sql);
}

static void test_idiom(void)
{
	struct nd_error err = { 0 };
	int64_t v = -1;
	is_int(nd_sql_int(fx.st, &v, &err, "reading", "SELECT 7 WHERE ?", "d", 0), 0,
	       "no row is 0, not an error");
	is_int(v, -1, "…and leaves the answer alone");
	is_int(nd_sql_int(fx.st, &v, &err, "reading", "SELECT ?", "i", (int64_t)7), 1,
	       "a row is 1");
	is_int(v, 7, "…with its value");
	ok(nd_sql_exec(fx.st, &err, "x", "SELECT ?", "ii", (int64_t)1, (int64_t)2) == ND_EDB,
	   "a format that does not match the query is refused");
	/* A failed step inside a transaction rolls it back at once. */
	ok(nd_store_begin(fx.st, &err) == 0, "begin");
	ok(nd_sql_exec(fx.st, &err, "x", "INSERT INTO sections(name) VALUES ('要闻')", NULL) == 1,
	   "a write inside the transaction");
	inject("SELECT count(*) FROM users", 1);
	int rc = nd_sql_int(fx.st, &v, &err, "counting users", "SELECT count(*) FROM users", NULL);
	nd_sql_set_fault(NULL);
	ok(rc == ND_EDB, "an injected step error is an error, not 'no row'");
	ok(strstr(err.msg, "counting users") != NULL, "…saying what failed: %s", err.msg);
	ok(sqlite3_get_autocommit(nd_store_db(fx.st)), "…and the transaction is rolled back");
	is_int(count("SELECT count(*) FROM sections WHERE name = '要闻'"), 0,
	       "…with the write before it undone");
}

/* Three signed-off items in an issue; a step fails partway through. */
static void test_publish_fault(const char *what, int nth, const char *name)
{
	struct nd_error err = { 0 };
	struct nd_publish_result res;
	char code[32];
	snprintf(code, sizeof code, "F-%s-%d", what[0] == 'I' ? "ins" : "sel", nth);
	ok(nd_issue_add(fx.st, &fx.wang, code, "期", NULL, 2, &err) == 0, "issue %s", code);
	static const char *const sign[] = { "finish", "approve", NULL };
	for (int i = 0; i < 3; i++) {
		int64_t id = fixture_file(&fx, &fx.zhu, "稿件");
		advance(id, sign);
		ok(nd_item_assign(fx.st, &fx.wang, id, code, 1, 0, &err) == 0, "placed #%lld",
		   (long long)id);
	}
	int64_t published = count("SELECT count(*) FROM items WHERE published_rev IS NOT NULL");
	int64_t events = count("SELECT count(*) FROM events");
	inject(what, nth);
	int rc = nd_issue_publish(fx.st, &fx.chen, code, false, &res, &err);
	nd_sql_set_fault(NULL);
	ok(rc < 0, "%s: publishing fails", name);
	ok(strstr(err.msg, "injected") != NULL, "…with the step's error: %s", err.msg);
	is_int(count("SELECT count(*) FROM items WHERE published_rev IS NOT NULL"), published,
	       "…and nothing is published");
	is_int(count("SELECT count(*) FROM events"), events, "…nor logged");
	char sql[160];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM issues WHERE code = '%s' AND "
		 "published_at IS NULL",
		 code);
	is_int(count(sql), 1, "…and the issue is still unpublished");
	ok(nd_issue_publish(fx.st, &fx.chen, code, false, &res, &err) == 0,
	   "without the fault it publishes: %s", err.msg);
	is_int(res.published, 3, "…all three");
}

static void test_least_role_from_the_row(void)
{
	struct nd_error err = { 0 };
	struct nd_publish_result res;
	static const char *const sign[] = { "finish", "approve", NULL };
	ok(nd_issue_add(fx.st, &fx.wang, "R-1", "期", NULL, 1, &err) == 0, "issue R-1");
	int64_t id = fixture_file(&fx, &fx.zhu, "稿件");
	advance(id, sign);
	nd_item_assign(fx.st, &fx.wang, id, "R-1", 1, 0, &err);
	ok(nd_issue_publish(fx.st, &fx.wang, "R-1", false, &res, &err) == ND_EPERM,
	   "an editor may not publish an issue by default");
	fixture_sql(&fx, "UPDATE transitions SET min_role = 'editor' WHERE verb = 'publish'");
	ok(nd_issue_publish(fx.st, &fx.wang, "R-1", false, &res, &err) == 0,
	   "once the row says editor, an editor may: %s", err.msg);
	fixture_sql(&fx, "UPDATE transitions SET min_role = 'chief' WHERE verb = 'publish'");
}

/* publish ID of a placed item: refused while a sibling is unsigned; once
 * every item of the issue is out, the issue is published too. */
static void test_issue_rule(void)
{
	struct nd_error err = { 0 };
	struct nd_transition_result res;
	static const char *const sign[] = { "finish", "approve", NULL };
	ok(nd_issue_add(fx.st, &fx.wang, "I-1", "期", NULL, 1, &err) == 0, "issue I-1");
	int64_t a = fixture_file(&fx, &fx.zhu, "甲"), b = fixture_file(&fx, &fx.zhu, "乙");
	nd_item_assign(fx.st, &fx.wang, a, "I-1", 1, 0, &err);
	nd_item_assign(fx.st, &fx.wang, b, "I-1", 1, 0, &err);
	advance(a, sign);
	ok(nd_workflow_apply(fx.st, &fx.chen, a, "publish", NULL, &res, &err) == ND_ESTATE,
	   "publish ID is refused while another item of its issue is unsigned");
	ok(strstr(err.msg, "I-1") && strstr(err.msg, "not"), "…saying why: %s", err.msg);
	advance(b, sign);
	ok(nd_workflow_apply(fx.st, &fx.chen, a, "publish", NULL, &res, &err) == 0,
	   "allowed once the rest is signed off: %s", err.msg);
	is_int(count("SELECT count(*) FROM issues WHERE code = 'I-1' AND published_at IS NULL"), 1,
	       "…the issue is not out while #b is not");
	ok(nd_workflow_apply(fx.st, &fx.chen, b, "publish", NULL, &res, &err) == 0,
	   "the last one: %s", err.msg);
	is_int(count("SELECT count(*) FROM issues WHERE code = 'I-1' AND state = 'published'"), 1,
	       "…and with every item out, the issue is published");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	fixture_open(&fx);
	test_idiom();
	/* mid-scan: the second row of the issue's items fails */
	test_publish_fault("SELECT i.id, i.state, CASE WHEN ?2 THEN s.label_zh", 2,
			   "an error mid-scan");
	/* mid-write: the second item's event fails */
	test_publish_fault("INSERT INTO events", 2, "an error logging the second item");
	test_least_role_from_the_row();
	test_issue_rule();
	is_int(count("SELECT count(*) FROM items i JOIN states s ON s.name = i.state "
		     "WHERE s.published AND i.published_rev IS NULL"),
	       0, "every published item has its published revision");
	fixture_close(&fx);
	return tap_done();
}
