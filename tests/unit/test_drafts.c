/* test_drafts.c — the drafts module: one draft per item and editor,
 * replaced each time; not a revision; private to its author in lists;
 * the hang-up path releases the lock and says a draft exists. */
#include "fixture.h"
#include "newsdesk/drafts.h"
#include "newsdesk/edit.h"
#include "newsdesk/items.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct fixture fx;

static struct nd_story story(const char *headline, const char *body)
{
	struct nd_story s = { 0 };
	s.headline = (char *)headline;
	s.body = (char *)body;
	s.byline = (char *)"本报记者 王娟";
	return s;
}

static void put_and_get(int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_draft d;
	struct nd_story s = story("草稿标题", "第一段。\n第二段。");
	ok(nd_draft_get(fx.st, &fx.wang, id, &d, &err) == 0, "no draft at first");
	ok(nd_draft_put(fx.st, &fx.wang, id, 1, &s, &err) == 0, "a draft is written");
	ok(nd_draft_get(fx.st, &fx.wang, id, &d, &err) == 1, "…and found");
	is_str(d.story.body, "第一段。\n第二段。", "its body, paragraphs intact");
	is_str(d.story.byline, "本报记者 王娟", "its byline");
	is_str(d.story.kind, "article", "kind defaults to article");
	ok(d.story.kicker == NULL, "an empty field stays NULL");
	is_int(d.base_rev, 1, "the revision it started from");
	is_int(d.current_rev, 1, "the item's current revision");
	is_int(d.chars > 0, 1, "its 字数 is kept");
	nd_draft_free(&d);

	s.body = (char *)"改过的正文。";
	ok(nd_draft_put(fx.st, &fx.wang, id, 1, &s, &err) == 0, "written again");
	is_int(fixture_int(&fx, "SELECT count(*) FROM drafts"), 1, "replaced, not added");
	nd_draft_get(fx.st, &fx.wang, id, &d, &err);
	is_str(d.story.body, "改过的正文。", "the newest text wins");
	nd_draft_free(&d);
	is_int(fixture_int(&fx, "SELECT max(rev) FROM revisions"), 1, "a draft is not a revision");

	ok(nd_draft_put(fx.st, &fx.chen, id, 1, &s, &err) == 0, "another editor's draft");
	is_int(fixture_int(&fx, "SELECT count(*) FROM drafts"), 2, "one per item and editor");
	char who[72] = "";
	int64_t at = 0;
	is_int(nd_draft_other(fx.st, &fx.wang, id, who, sizeof who, &at), 1,
	       "wang is told another draft exists");
	is_str(who, "chen", "…whose");
	ok(at > 0, "…and when");
}

static void lists_and_privacy(int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_draft *list;
	size_t n;
	ok(nd_drafts_list(fx.st, &fx.wang, &list, &n, &err) == 0, "an editor lists drafts");
	is_int((long long)n, 2, "…everyone's");
	ok(n && list[0].story.headline && strcmp(list[0].story.headline, "草稿标题") == 0,
	   "…with the headline");
	ok(n && list[0].story.body == NULL, "…and no body in a list");
	nd_drafts_free(list, n);
	struct nd_story s = story("记者的草稿", "正文。");
	ok(nd_draft_put(fx.st, &fx.zhu, id, 1, &s, &err) == 0, "a reporter's draft");
	ok(nd_drafts_list(fx.st, &fx.zhu, &list, &n, &err) == 0, "a reporter lists drafts");
	is_int((long long)n, 1, "…only their own");
	nd_drafts_free(list, n);
	ok(nd_draft_discard(fx.st, &fx.zhu, id, &err) == 0, "discarded on purpose");
	ok(nd_draft_discard(fx.st, &fx.zhu, id, &err) == 0, "discarding none is no error");
	is_int(fixture_int(&fx, "SELECT count(*) FROM drafts WHERE author = 'zhu'"), 0,
	       "…and it is gone");
	char big_body[64];
	snprintf(big_body, sizeof big_body, "x");
	struct nd_story big = story("大", big_body);
	char *huge = malloc(ND_DRAFT_MAX + 2);
	memset(huge, 'x', ND_DRAFT_MAX + 1);
	huge[ND_DRAFT_MAX + 1] = '\0';
	big.body = huge;
	ok(nd_draft_put(fx.st, &fx.wang, id, 1, &big, &err) == ND_EINVAL,
	   "an oversized draft is refused");
	ok(strstr(err.msg, "MiB") != NULL, "…saying the limit");
	free(huge);
	big.body = big_body;
	ok(nd_draft_put(fx.st, &fx.wang, 9999, 1, &big, &err) < 0, "no draft of a missing item");
}

static void hangup(int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_lock lock;
	ok(nd_lock_take(fx.st, &fx.wang, id, &lock, &err) == 0, "wang takes the lock");
	ok(nd_draft_hangup(fx.st, &fx.wang, id, &err) == 0, "the hang-up path");
	is_int(fixture_int(&fx, "SELECT lock_holder IS NULL FROM items WHERE id = 1"), 1,
	       "…releases the lock");
	is_int(fixture_int(&fx, "SELECT count(*) FROM events WHERE verb = 'draft'"), 1,
	       "…and logs that a draft exists");
	ok(nd_draft_hangup(fx.st, &fx.wang, id, &err) == 0, "again, with no lock held");
	is_int(fixture_int(&fx, "SELECT count(*) FROM events WHERE verb = 'draft'"), 1,
	       "…logs nothing more");
}

static void files(int64_t id)
{
	struct nd_error err = { 0 };
	char path[4096];
	ok(nd_draft_file_path(fx.st, "wang", id, true, path, sizeof path, &err) == 0,
	   "a $EDITOR draft's path");
	ok(strstr(path, "desk.db-drafts/1-wang.txt") != NULL, "…beside the database");
	ok(nd_draft_file_path(fx.st, "../x", id, false, path, sizeof path, &err) < 0,
	   "a login that could leave the folder is refused");
	nd_draft_file_path(fx.st, "wang", id, false, path, sizeof path, &err);
	FILE *f = fopen(path, "w");
	fputs("标题: x\n\n正文\n", f);
	fclose(f);
	char other[4200];
	snprintf(other, sizeof other, "%s-drafts/notes.txt", fx.path);
	f = fopen(other, "w");
	fclose(f);
	struct nd_draft_file *list;
	size_t n;
	ok(nd_draft_files(fx.st, &fx.wang, &list, &n, &err) == 0, "listing $EDITOR drafts");
	is_int((long long)n, 1, "…only files named ID-LOGIN.txt");
	ok(n == 1 && list[0].item_id == 1 && strcmp(list[0].author, "wang") == 0,
	   "…with the item and author");
	free(list);
	ok(nd_draft_files(fx.st, &fx.zhu, &list, &n, &err) == 0 && n == 0,
	   "a reporter does not see an editor's");
	free(list);
}

int main(void)
{
	fixture_open(&fx);
	int64_t id = fixture_file(&fx, &fx.zhu, "稿件");
	put_and_get(id);
	lists_and_privacy(id);
	hangup(id);
	files(id);
	struct nd_story a = story("标题", "旧的正文。"), b = story("标题", "新的正文。");
	struct nd_buf out = ND_BUF_INIT;
	ok(nd_draft_diff(&a, &b, &out) == 0, "the diff of a draft");
	ok(strstr(nd_buf_str(&out), "[-旧-]{+新+}") != NULL, "…marks what changed");
	nd_buf_free(&out);
	fixture_close(&fx);
	return tap_done();
}
