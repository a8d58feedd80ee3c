/* test_anchor.c — the store's root (anchor.h): the ledger grows with every
 * record, a root reads back as it prints, a check proves and records it,
 * the next check proves only what came since, and a step taken back
 * behind newsdesk's back is caught by the ledger, and by a kept root when
 * the ledger's own entry is taken back too. */
#include "fixture.h"
#include "newsdesk/anchor.h"
#include "newsdesk/check.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static int check(struct fixture *fx, unsigned flags, const struct nd_root *against, size_t n,
		 struct nd_root *proven, struct nd_buf *report)
{
	struct nd_error err = { 0 };
	nd_buf_reset(report);
	int rc = nd_check_run(fx->st, &fx->admin, flags, against, n, proven, report, &err);
	if (rc < 0)
		ok(0, "check ran: %s", err.msg);
	return rc;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct fixture fx;
	struct nd_error err = { 0 };
	struct nd_root r0, r1, r2, parsed, proven;
	struct nd_buf report = ND_BUF_INIT;
	char text[ND_ROOT_TEXT];
	fixture_open(&fx);

	ok(nd_root_now(fx.st, &r0, &err) == 0 && r0.n == 0, "an empty store's root is entry 0");
	fixture_file(&fx, &fx.zhu, "第一篇");
	ok(nd_root_now(fx.st, &r1, &err) == 0 && r1.n > r0.n, "a filing enters the ledger (%lld)",
	   (long long)r1.n);
	is_int(fixture_int(&fx, "SELECT count(*) FROM ledger"), r1.n, "…one entry a record");
	nd_root_text(&r1, text);
	ok(nd_root_parse(text, &parsed, &err) == 0 && parsed.n == r1.n &&
	       strcmp(parsed.hex, r1.hex) == 0,
	   "a root reads back as it prints: %s", text);
	ok(nd_root_parse(r1.hex, &parsed, &err) == 0 && parsed.n == -1, "…or as its bare digest");
	ok(nd_root_parse("12-abc", &parsed, &err) == ND_EINVAL, "a short digest is no root");
	ok(nd_root_parse("x-"
			 "0000000000000000000000000000000000000000000000000000000000000000",
			 &parsed, &err) == ND_EINVAL,
	   "…nor a count that is not a number");

	is_int(check(&fx, 0, NULL, 0, &proven, &report), 0, "the first check is full and clean");
	ok(proven.n == r1.n && strcmp(proven.hex, r1.hex) == 0, "…proving the root now");
	is_int(
	    fixture_int(&fx, "SELECT n FROM roots WHERE kind = 'check' ORDER BY id DESC LIMIT 1"),
	    r1.n, "…and recording it");

	int64_t id = fixture_file(&fx, &fx.zhu, "第二篇");
	ok(nd_root_now(fx.st, &r2, &err) == 0 && r2.n > r1.n, "another filing");
	is_int(check(&fx, 0, &r1, 1, &proven, &report), 0,
	       "the next check proves what came since, and the earlier root");
	ok(strstr(nd_buf_str(&report), "incremental: proved what was written since") != NULL,
	   "…saying it was incremental");

	/* the last step taken back: the filing's event deleted, head pointed back */
	char sql[512];
	snprintf(sql, sizeof sql,
		 "DROP TRIGGER events_no_delete; DELETE FROM events WHERE item_id = %lld; "
		 "UPDATE items SET event_head = NULL WHERE id = %lld;",
		 (long long)id, (long long)id);
	is_int(fixture_sql(&fx, sql), 0, "an event deleted behind newsdesk's back");
	ok(check(&fx, 0, NULL, 0, NULL, &report) > 0 &&
	       strstr(nd_buf_str(&report), "is missing: deleted after it was written"),
	   "the incremental check names it");
	is_int(fixture_sql(&fx, "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE "
				"kind = 'event' AND id = (SELECT max(id) FROM ledger)"),
	       0, "…and its ledger entry");
	ok(check(&fx, ND_CHECK_FULL, &r2, 1, NULL, &report) > 0 &&
	       strstr(nd_buf_str(&report), "the root given with --against") &&
	       strstr(nd_buf_str(&report), "history was rolled back"),
	   "the root kept from before names the rollback");

	nd_buf_free(&report);
	fixture_close(&fx);
	return tap_done();
}
