/* item_file.c — filing a story as a new item (item_file.h): its first
 * revision, event, stats and upload token in one transaction. */
#include "newsdesk/item_file.h"
#include "newsdesk/count.h"
#include "newsdesk/history.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/measure.h"
#include "newsdesk/quotas.h"
#include "newsdesk/sha256.h"
#include "newsdesk/stats.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when this reporter filed these bytes under token before (res filled),
 * 0 when the token is new to them, ND_EINVAL when they used it for other
 * bytes: nothing is filed then. Tokens are per reporter (schema:
 * upload_tokens): another reporter's equal token is not looked at, so none
 * can be probed. */
static int find_token(struct nd_store *st, const struct nd_actor *actor, const char *token,
		      const char *sha256, struct nd_file_result *res, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT t.item_id, " ND_SQL_CHARS(
				    "r") ", t.sha256 FROM upload_tokens t "
					 "JOIN revisions r ON r.item_id = t.item_id AND r.rev = 1 "
					 "WHERE t.reporter = ? AND t.token = ?",
				"ss", actor->user.login, token);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "looking up the upload token", err)) > 0) {
		const char *stored = (const char *)sqlite3_column_text(stmt, 2);
		if (stored && strcmp(stored, sha256) != 0) {
			rc =
			    nd_fail(err, ND_EINVAL,
				    _("you already used the token '%s' for another upload; nothing "
				      "was filed: send this story with a new token"),
				    token);
		} else {
			res->id = sqlite3_column_int64(stmt, 0);
			res->chars = (long)sqlite3_column_int64(stmt, 1);
		}
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* The state a new item starts in: state when given, else the workflow's
 * initial one (schema: states.initial). */
static int start_state(struct nd_store *st, const char *state, char *out, size_t size,
		       struct nd_error *err)
{
	int rc = nd_sql_text(st, out, size, err, "reading the workflow",
			     "SELECT name FROM states WHERE CASE WHEN ?1 IS NULL THEN initial "
			     "ELSE name = ?1 END",
			     "s", state);
	if (rc == 0)
		rc = state ? nd_fail(err, ND_EINVAL, _("the workflow has no state '%s'"), state)
			   : nd_fail(err, ND_EINVAL, _("the workflow has no initial state"));
	return rc < 0 ? rc : 0;
}

int nd_item_insert(struct nd_store *st, const struct nd_actor *actor, const struct nd_story *story,
		   const char *encoding, const struct nd_token *token, const char *state,
		   const char *verb, struct nd_file_result *res, struct nd_error *err)
{
	int64_t now = nd_now();
	char start[32];
	memset(res, 0, sizeof *res);
	int rc = start_state(st, state, start, sizeof start, err);
	if (rc < 0)
		return rc;
	state = start;
	if ((rc = nd_story_validate(story, err)) < 0)
		return rc;
	long body_chars, chars = nd_story_chars(story, &body_chars);
	char sha256[65] = "";
	if (token && token->sha256)
		snprintf(sha256, sizeof sha256, "%s", token->sha256);
	else if (token) {
		/* no bytes given: the story as it would be filed stands for them */
		char *text = nd_story_format(story);
		if (!text)
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		nd_sha256_hex(text, strlen(text), sha256);
		free(text);
	}
	if (token && (rc = find_token(st, actor, token->token, sha256, res, err)) != 0) {
		if (rc > 0)
			res->duplicate = true;
		return rc > 0 ? 0 : rc;
	}
	/* a reporter's filing counts against their quota (a retry above does not) */
	if (strcmp(verb, "file") == 0 && (rc = nd_quota_check_item(st, actor, err)) < 0)
		return rc;
	const char *section = story->section && story->section[0] ? story->section : NULL;
	if ((rc = nd_sql_exec(st, err, "filing the item",
			      "INSERT INTO items(kind, section, state, reporter, current_rev, "
			      "filed_at, updated_at, published_rev, published_at) "
			      "SELECT ?1, ?2, ?3, ?4, 1, ?5, ?5, CASE WHEN published THEN 1 END, "
			      "CASE WHEN published THEN ?5 END FROM states WHERE name = ?3",
			      "ssssi", story->kind, section, state, actor->user.login, now)) < 0)
		return rc;
	res->id = sqlite3_last_insert_rowid(nd_store_db(st));
	res->chars = chars;
	if (token &&
	    (rc = nd_sql_exec(st, err, "recording the upload token",
			      "INSERT INTO upload_tokens(reporter, token, item_id, sha256) "
			      "VALUES (?, ?, ?, ?)",
			      "ssis", actor->user.login, token->token, res->id, sha256)) < 0)
		return rc;

	struct nd_revision_in rev = { .item = res->id,
				      .rev = 1,
				      .story = story,
				      .author = actor->user.login,
				      .encoding = encoding,
				      .at = now };
	if ((rc = nd_revision_append(st, &rev, err)) < 0)
		return rc;

	if ((rc = nd_event_append(st, res->id, actor->user.login, verb, NULL, state, NULL, 1,
				  err)) < 0)
		return rc;
	/* its part of the stats, now that its revision's counts are stored */
	if ((rc = nd_stats_item(st, res->id, +1, err)) < 0)
		return rc;

	if (section &&
	    (rc = nd_sql_exec(st, err, "recording the section",
			      "INSERT OR IGNORE INTO sections(name) VALUES (?)", "s", section)) < 0)
		return rc;
	return 0;
}

int nd_item_file(struct nd_store *st, const struct nd_actor *actor, const struct nd_story *story,
		 const char *encoding, const struct nd_token *token, struct nd_file_result *res,
		 struct nd_error *err)
{
	int rc = nd_story_validate(story, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = nd_item_insert(st, actor, story, encoding, token, NULL, "file", res, err)) < 0 ||
	    res->duplicate) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}
