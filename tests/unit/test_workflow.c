/* test_workflow.c — the transition engine, locks, saves and conflicts. */
#include "fixture.h"
#include "newsdesk/edit.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/workflow.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static struct fixture fx;

static void set_state(int64_t id, const char *state, const char *prev)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "UPDATE items SET state = '%s', prev_state = %s%s%s WHERE id = %lld", state,
		 prev ? "'" : "", prev ? prev : "NULL", prev ? "'" : "", (long long)id);
	fixture_sql(&fx, sql);
}

static char *item_state(int64_t id)
{
	static char state[32];
	sqlite3_stmt *stmt;
	sqlite3_prepare_v2(nd_store_db(fx.st), "SELECT state FROM items WHERE id = ?", -1, &stmt,
			   NULL);
	sqlite3_bind_int64(stmt, 1, id);
	state[0] = '\0';
	if (sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(state, sizeof state, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return state;
}

static int64_t events_of(int64_t id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE item_id = %lld",
		 (long long)id);
	return fixture_int(&fx, sql);
}

/* Every transition in the table, tried by every role: allowed exactly
 * when the role ranks high enough (and, for own_only rows at the least
 * role, only on one's own item); a refusal changes nothing. */
static void test_every_transition(void)
{
	struct nd_workflow wf;
	struct nd_error err = { 0 };
	ok(nd_workflow_load(fx.st, &wf, &err) == 0, "the workflow loads");
	ok(wf.n_transitions >= 12, "the default workflow has its transitions");
	const struct {
		const char *name;
		const struct nd_actor *actor;
	} who[] = { { "own reporter", &fx.zhu },
		    { "other reporter", &fx.li },
		    { "editor", &fx.wang },
		    { "chief", &fx.chen },
		    { "admin", &fx.admin } };
	for (size_t t = 0; t < wf.n_transitions; t++) {
		const struct nd_transition *tr = &wf.transitions[t];
		for (size_t w = 0; w < sizeof who / sizeof *who; w++) {
			int64_t id = fixture_file(&fx, &fx.zhu, "流程测试");
			set_state(id, tr->from_state, "submitted");
			const struct nd_actor *a = who[w].actor;
			bool own = a == &fx.zhu;
			bool expect = a->user.rank >= tr->min_rank &&
				      !(tr->own_only && a->user.rank == tr->min_rank && !own) &&
				      !(a->user.rank < ND_RANK_EDITOR && !own);
			const char *note = tr->note_required ? "理由" : NULL;
			int64_t before = events_of(id);
			struct nd_transition_result res;
			int rc = nd_workflow_apply(fx.st, a, id, tr->verb, note, &res, &err);
			if (!ok((rc == 0) == expect, "%s from %s by %s: %s", tr->verb,
				tr->from_state, who[w].name, expect ? "allowed" : "refused"))
				printf("#   rc %d: %s\n", rc, err.msg);
			if (expect) {
				const char *to = tr->to_state ? tr->to_state : "submitted";
				is_str(item_state(id), to, "…and the item moved");
				is_int(events_of(id), before + 1, "…and one event was logged");
			} else {
				is_str(item_state(id), tr->from_state,
				       "…and the item did not move");
				is_int(events_of(id), before, "…and nothing was logged");
			}
			if (tr->note_required && expect) {
				int64_t id2 = fixture_file(&fx, &fx.zhu, "无理由");
				set_state(id2, tr->from_state, "submitted");
				rc = nd_workflow_apply(fx.st, a, id2, tr->verb, "", &res, &err);
				ok(rc == ND_EINVAL && strstr(err.msg, "note"),
				   "%s without a note is refused", tr->verb);
			}
		}
	}
	nd_workflow_free(&wf);
}

static void test_messages(void)
{
	struct nd_error err = { 0 };
	struct nd_transition_result res;
	int64_t id = fixture_file(&fx, &fx.zhu, "已签发的稿件");
	set_state(id, "approved", "edited");
	nd_workflow_apply(fx.st, &fx.wang, id, "return", "电头缺日期", &res, &err);
	char want[128];
	snprintf(want, sizeof want, "#%lld is 已签发; 'return' needs 待编 or 已编", (long long)id);
	is_str(err.msg, want, "a wrong-state refusal names the state and what the verb needs");

	set_state(id, "edited", "submitted");
	nd_workflow_apply(fx.st, &fx.wang, id, "approve", NULL, &res, &err);
	ok(strstr(err.msg, "only a chief editor or above may approve") != NULL,
	   "a role refusal names the role: %s", err.msg);
	ok(nd_workflow_apply(fx.st, &fx.wang, id, "fly", NULL, &res, &err) == ND_EINVAL,
	   "an unknown verb is refused");

	/* spike then restore goes back to where it was */
	ok(nd_workflow_apply(fx.st, &fx.wang, id, "spike", "重复稿", &res, &err) == 0, "spike");
	ok(nd_workflow_apply(fx.st, &fx.wang, id, "restore", NULL, &res, &err) == 0, "restore");
	is_str(item_state(id), "edited", "restore returns to the state before the spike");
	is_str(res.to, "已编", "…and reports it by label");
}

/* A newsroom adds a 复审 stage with rows only. */
static void test_custom_stage(void)
{
	struct nd_error err = { 0 };
	struct nd_transition_result res;
	ok(fixture_sql(
	       &fx, "INSERT INTO states(name, label_zh, label_en, position, editable) VALUES "
		    "('reviewed', '已复审', 'reviewed', 3, 1);"
		    "INSERT INTO transitions(verb, from_state, to_state, min_role, note_required, "
		    "own_only, label_zh, label_en) VALUES "
		    "('review', 'edited', 'reviewed', 'chief', 0, 0, '复审', 'second review'),"
		    "('approve', 'reviewed', 'approved', 'chief', 0, 0, '签发', 'approve');") ==
	       SQLITE_OK,
	   "a 复审 stage is added as rows");
	int64_t id = fixture_file(&fx, &fx.zhu, "复审测试");
	set_state(id, "edited", "submitted");
	ok(nd_workflow_apply(fx.st, &fx.wang, id, "review", NULL, &res, &err) == ND_EPERM,
	   "an editor may not review");
	ok(nd_workflow_apply(fx.st, &fx.chen, id, "review", NULL, &res, &err) == 0,
	   "a chief reviews");
	is_str(res.to, "已复审", "the new state's label");
	ok(nd_workflow_apply(fx.st, &fx.chen, id, "approve", NULL, &res, &err) == 0,
	   "approve from the new state");
	is_str(item_state(id), "approved", "the item is approved");
}

static int64_t fake_now = 1720000000;
static int64_t fake_clock(void)
{
	return fake_now;
}

static struct nd_story story_with(const char *body)
{
	struct nd_story s = { 0 };
	s.kind = "article";
	s.headline = "锁与冲突";
	s.body = (char *)body;
	return s;
}

static void test_locks_and_conflicts(void)
{
	struct nd_error err = { 0 };
	struct nd_lock la, lb;
	struct nd_save_result sr;
	nd_clock_set(fake_clock);
	int64_t id = fixture_file(&fx, &fx.zhu, "锁与冲突");

	ok(nd_lock_take(fx.st, &fx.wang, id, &la, &err) == 0, "wang takes the lock");
	is_int(la.base_rev, 1, "…starting from revision 1");
	ok(nd_lock_take(fx.st, &fx.chen, id, &lb, &err) == ND_ELOCKED,
	   "chen is refused while it is live");
	ok(strstr(err.msg, "being edited by wang") != NULL, "…and told who holds it: %s", err.msg);
	struct nd_item it;
	ok(nd_item_get(fx.st, &fx.chen, id, 0, &it, &err) == 0, "reading is never blocked");
	is_str(it.lock_holder, "wang", "…and shows the holder");
	nd_item_free(&it);
	struct nd_transition_result res;
	ok(nd_workflow_apply(fx.st, &fx.chen, id, "spike", "x", &res, &err) == ND_ELOCKED,
	   "no transition under another's live lock");

	fake_now += ND_LOCK_SECONDS + 60;
	ok(nd_lock_take(fx.st, &fx.chen, id, &lb, &err) == 0, "an expired lock may be taken over");
	ok(lb.took_over && strcmp(lb.previous, "wang") == 0, "…and the takeover is known");
	struct nd_story s2 = story_with("陈的修改。");
	ok(nd_item_save(fx.st, &fx.chen, id, lb.base_rev, &s2, 0, &sr, &err) == 0, "chen saves");
	is_int(sr.rev, 2, "…as revision 2");
	ok(!sr.moved, "…and the save moves nothing");
	is_str(item_state(id), "submitted", "a save keeps the state: finishing is its own verb");
	is_int(fixture_int(&fx, "SELECT count(*) FROM events WHERE verb = 'finish' AND item_id = "
				"(SELECT max(id) FROM items)"),
	       0, "…and no finish is logged");

	/* wang saves from his old base: nothing is lost, nothing overwritten. */
	struct nd_story s3 = story_with("王的修改。");
	int rc = nd_item_save(fx.st, &fx.wang, id, la.base_rev, &s3, 0, &sr, &err);
	is_int(rc, ND_ECONFLICT, "a save from a stale base is a conflict");
	ok(sr.conflict && sr.rev == 3, "…kept as revision 3, a conflict draft");
	ok(strstr(err.msg, "chen saved revision 2") != NULL, "…saying who changed it: %s", err.msg);
	ok(nd_item_get(fx.st, &fx.chen, id, 0, &it, &err) == 0 && it.rev == 2,
	   "the current revision is still chen's");
	nd_item_free(&it);
	ok(nd_item_get(fx.st, &fx.chen, id, 3, &it, &err) == 0 && it.conflict &&
	       strcmp(it.story.body, "王的修改。") == 0,
	   "wang's text is stored, marked as a conflict");
	nd_item_free(&it);

	/* Same text again: no new revision. */
	ok(nd_item_save(fx.st, &fx.chen, id, 2, &s2, 0, &sr, &err) == 0 && sr.unchanged,
	   "saving unchanged text writes nothing");

	char holder[72];
	ok(nd_lock_break(fx.st, &fx.wang, id, holder, sizeof holder, &err) == ND_EPERM,
	   "an editor may not break a lock");
	ok(nd_lock_break(fx.st, &fx.chen, id, holder, sizeof holder, &err) == 0, "a chief may");
	is_int(fixture_int(&fx, "SELECT count(*) FROM events WHERE verb = 'unlock'"), 1,
	       "breaking a lock is logged");
	nd_clock_set(NULL);

	ok(fixture_sql(&fx, "UPDATE events SET actor = 'x'") != SQLITE_OK,
	   "events cannot be changed");
	ok(fixture_sql(&fx, "DELETE FROM revisions WHERE conflict = 1") != SQLITE_OK,
	   "conflict drafts cannot be deleted");
}

static void test_reporter_edits(void)
{
	struct nd_error err = { 0 };
	struct nd_lock lock;
	struct nd_transition_result res;
	struct nd_save_result sr;
	int64_t id = fixture_file(&fx, &fx.zhu, "退回修改");
	ok(nd_lock_take(fx.st, &fx.zhu, id, &lock, &err) == ND_EPERM,
	   "a reporter may not edit a submitted item");
	nd_workflow_apply(fx.st, &fx.wang, id, "return", "请补充电头", &res, &err);
	ok(nd_lock_take(fx.st, &fx.li, id, &lock, &err) == ND_ENOENT,
	   "nor another's returned item (to them it is not there)");
	ok(nd_lock_take(fx.st, &fx.zhu, id, &lock, &err) == 0, "but their own returned item");
	struct nd_story s = story_with("补充了电头。");
	ok(nd_item_save(fx.st, &fx.zhu, id, lock.base_rev, &s, 0, &sr, &err) == 0 && !sr.moved,
	   "the reporter's save keeps the state");
	nd_lock_release(fx.st, &fx.zhu, id, &err);
	ok(nd_workflow_apply(fx.st, &fx.zhu, id, "refile", NULL, &res, &err) == 0,
	   "and refiles it");
	int64_t note_id;
	ok(nd_note_add(fx.st, &fx.zhu, id, "我改好了", &note_id, &err) == ND_EPERM,
	   "reporters do not add review notes");
	ok(nd_note_add(fx.st, &fx.wang, id, "好的", &note_id, &err) == 0, "editors do");
	struct nd_note *notes;
	size_t n;
	ok(nd_notes_list(fx.st, &fx.zhu, id, &notes, &n, &err) == 0 && n == 1,
	   "the reporter reads the notes on their item");
	nd_notes_free(notes, n);
	ok(nd_notes_list(fx.st, &fx.li, id, &notes, &n, &err) == ND_ENOENT,
	   "but no one else's (to them it is not there)");
}

/* 4 processes, 500 operations each, on shared items: every event is there
 * and the file is sound. */
static void test_concurrency(void)
{
	enum { PROCS = 4, OPS = 500 };
	int64_t ids[3];
	for (int i = 0; i < 3; i++)
		ids[i] = fixture_file(&fx, &fx.zhu, "并发");
	int64_t events_before = fixture_int(&fx, "SELECT count(*) FROM events");
	int64_t last_event = fixture_int(&fx, "SELECT max(id) FROM events");
	fflush(stdout);
	for (int p = 0; p < PROCS; p++) {
		pid_t pid = fork();
		if (pid == 0) {
			struct nd_store *st;
			struct nd_error err = { 0 };
			struct nd_actor me;
			if (nd_store_open(&st, fx.path, 0, &err) < 0 ||
			    nd_user_get(st, p % 2 ? "wang" : "chen", &me.user, &err) < 0)
				_exit(2);
			int failures = 0;
			for (int i = 0; i < OPS; i++) {
				int64_t id = ids[(i + p) % 3];
				int64_t nid;
				struct nd_transition_result res;
				char text[64];
				snprintf(text, sizeof text, "进程%d第%d条", p, i);
				/* a note and a spike/restore pair: 1 note or 1 event each */
				if (i % 2 == 0) {
					if (nd_note_add(st, &me, id, text, &nid, &err) < 0)
						failures++;
				} else {
					int rc = nd_workflow_apply(st, &me, id, "spike", text, &res,
								   &err);
					if (rc == 0)
						rc = nd_workflow_apply(st, &me, id, "restore", NULL,
								       &res, &err);
					else if (rc == ND_ESTATE)
						rc = nd_workflow_apply(st, &me, id, "restore", NULL,
								       &res, &err);
					if (rc < 0 && rc != ND_ESTATE)
						failures++;
				}
			}
			nd_actor_free(&me);
			nd_store_close(st);
			_exit(failures ? 1 : 0);
		}
	}
	int all_ok = 1;
	for (int p = 0; p < PROCS; p++) {
		int status;
		wait(&status);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			all_ok = 0;
	}
	ok(all_ok, "%d processes × %d operations: none failed (no SQLITE_BUSY surfaced)", PROCS,
	   OPS);
	int64_t notes = fixture_int(&fx, "SELECT count(*) FROM notes WHERE body LIKE '进程%'");
	is_int(notes, PROCS * OPS / 2, "every note is recorded");
	int64_t events = fixture_int(&fx, "SELECT count(*) FROM events") - events_before;
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE verb = 'spike' AND id > %lld",
		 (long long)last_event);
	int64_t spikes = fixture_int(&fx, sql);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM events WHERE verb = 'restore' AND id > %lld",
		 (long long)last_event);
	int64_t restores = fixture_int(&fx, sql);
	ok(events == spikes + restores && spikes >= restores - 3 && spikes <= restores + 3,
	   "every transition is logged, spikes and restores pair up (%lld events)",
	   (long long)events);
	sqlite3_stmt *stmt;
	sqlite3_prepare_v2(nd_store_db(fx.st), "PRAGMA integrity_check", -1, &stmt, NULL);
	sqlite3_step(stmt);
	is_str((const char *)sqlite3_column_text(stmt, 0), "ok", "integrity_check is ok");
	sqlite3_finalize(stmt);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	nd_lang_set("zh_CN.UTF-8"); /* the states' Chinese labels */
	fixture_open(&fx);
	test_every_transition();
	test_messages();
	test_custom_stage();
	test_locks_and_conflicts();
	test_reporter_edits();
	test_concurrency();
	fixture_close(&fx);
	return tap_done();
}
