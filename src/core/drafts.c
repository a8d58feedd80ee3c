/* drafts.c — unsaved text kept in the store (the built-in editor) and in
 * a folder beside the database ($EDITOR). A draft is written in one
 * statement (INSERT OR REPLACE), so a kill mid-write leaves the previous
 * draft, never half of one. */
#include "newsdesk/drafts.h"
#include "newsdesk/diff.h"
#include "newsdesk/edit.h"
#include "newsdesk/external.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/sysnote.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t story_bytes(const struct nd_story *s)
{
	const char *f[] = { s->kind,    s->section,  s->kicker, s->headline,
			    s->subhead, s->dateline, s->byline, s->body };
	size_t n = 0;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		n += f[i] ? strlen(f[i]) : 0;
	return n;
}

int nd_draft_put(struct nd_store *st, const struct nd_actor *actor, int64_t id, int base_rev,
		 const struct nd_story *s, struct nd_error *err)
{
	if (story_bytes(s) > ND_DRAFT_MAX)
		return nd_fail(err, ND_EINVAL, _("the draft of #%1$lld is over %2$d MiB"),
			       (long long)id, ND_DRAFT_MAX >> 20);
	long body_chars;
	int rc = nd_sql_exec(
	    st, err, "keeping the draft",
	    "INSERT OR REPLACE INTO drafts(item_id, author, base_rev, kind, section, kicker, "
	    "headline, subhead, dateline, byline, body, chars, saved_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "isdssssssssii", id, actor->user.login, base_rev, s->kind ? s->kind : "article",
	    s->section && s->section[0] ? s->section : NULL, s->kicker,
	    s->headline ? s->headline : "", s->subhead, s->dateline, s->byline,
	    s->body ? s->body : "", (int64_t)nd_story_chars(s, &body_chars), nd_now());
	return rc < 0 ? rc : 0;
}

#define DRAFT_COLUMNS                                                                              \
	"d.item_id, d.author, d.base_rev, i.current_rev, d.saved_at, r.created_at, d.chars, "      \
	"d.kind, d.section, d.kicker, d.headline, d.subhead, d.dateline, d.byline, d.body "        \
	"FROM drafts d JOIN items i ON i.id = d.item_id "                                          \
	"LEFT JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "

static int read_draft(sqlite3_stmt *stmt, struct nd_draft *d, bool whole)
{
	memset(d, 0, sizeof *d);
	d->item_id = sqlite3_column_int64(stmt, 0);
	snprintf(d->author, sizeof d->author, "%s", sqlite3_column_text(stmt, 1));
	d->base_rev = sqlite3_column_int(stmt, 2);
	d->current_rev = sqlite3_column_int(stmt, 3);
	d->saved_at = sqlite3_column_int64(stmt, 4);
	d->rev_at = sqlite3_column_int64(stmt, 5);
	d->chars = (long)sqlite3_column_int64(stmt, 6);
	d->story.headline = nd_column_dup(stmt, 10);
	if (!d->story.headline)
		return -1;
	if (!whole)
		return 0;
	char **f[] = { &d->story.kind,    &d->story.section,  &d->story.kicker, NULL,
		       &d->story.subhead, &d->story.dateline, &d->story.byline, &d->story.body };
	for (int i = 0; i < 8; i++) {
		if (!f[i])
			continue;
		*f[i] = nd_column_dup(stmt, 7 + i);
		if (!*f[i] && sqlite3_column_type(stmt, 7 + i) != SQLITE_NULL)
			return -1;
	}
	return 0;
}

int nd_draft_get(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		 struct nd_draft *out, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	memset(out, 0, sizeof *out);
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT " DRAFT_COLUMNS "WHERE d.item_id = ? AND d.author = ?",
				"is", id, actor->user.login);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the draft", err)) > 0 &&
	    read_draft(stmt, out, true) < 0) {
		nd_draft_free(out);
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_draft_discard(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "discarding the draft",
			     "DELETE FROM drafts WHERE item_id = ? AND author = ?", "is", id,
			     actor->user.login);
	return rc < 0 ? rc : 0;
}

static int fill_draft(sqlite3_stmt *stmt, void *elem)
{
	return read_draft(stmt, elem, false) < 0 ? ND_ENOMEM : 0;
}

int nd_drafts_list(struct nd_store *st, const struct nd_actor *actor, struct nd_draft **out,
		   size_t *n, struct nd_error *err)
{
	*out = NULL;
	*n = 0;
	int rc = nd_sql_list(st, out, n, sizeof **out, fill_draft, err, "listing drafts",
			     "SELECT " DRAFT_COLUMNS "WHERE ?1 OR d.author = ?2 "
			     "ORDER BY d.saved_at DESC, d.item_id",
			     "ds", actor->user.rank >= ND_RANK_EDITOR ? 1 : 0, actor->user.login);
	if (rc == ND_ENOMEM)
		nd_fail(err, ND_ENOMEM, _("out of memory"));
	if (rc < 0) {
		nd_drafts_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

static int other_file(struct nd_store *st, const struct nd_actor *actor, int64_t id, char *who,
		      size_t who_size, int64_t *at);

int nd_draft_other(struct nd_store *st, const struct nd_actor *actor, int64_t id, char *who,
		   size_t who_size, int64_t *at)
{
	sqlite3_stmt *stmt;
	if (nd_sql_prepare(st, &stmt, NULL,
			   "SELECT author, saved_at FROM drafts WHERE item_id = ? AND author <> ? "
			   "ORDER BY saved_at DESC LIMIT 1",
			   "is", id, actor->user.login) < 0)
		return -1;
	int rc = nd_sql_step(st, stmt, "reading drafts", NULL);
	if (rc > 0) {
		snprintf(who, who_size, "%s", sqlite3_column_text(stmt, 0));
		*at = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc < 0)
		return -1;
	return rc ? rc : other_file(st, actor, id, who, who_size, at);
}

int nd_draft_hangup(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	char state[32] = "";
	if ((rc = nd_sql_text(st, state, sizeof state, err, "reading the lock",
			      "SELECT state FROM items WHERE id = ? AND lock_holder = ?", "is", id,
			      actor->user.login)) < 0)
		goto fail;
	if (state[0] && (rc = nd_lock_release(st, actor, id, err)) < 0)
		goto fail;
	if (state[0] &&
	    (rc = nd_event_append_code(st, id, actor->user.login, "draft", state, state,
				       ND_SN_HANGUP, NULL, ND_EVENT_CURRENT_REV, err)) < 0)
		goto fail;
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

void nd_draft_free(struct nd_draft *d)
{
	if (d)
		nd_story_free(&d->story);
}

void nd_drafts_free(struct nd_draft *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nd_draft_free(&d[i]);
	free(d);
}

int nd_draft_diff(const struct nd_story *from, const struct nd_story *to, struct nd_buf *out)
{
	char *a = nd_story_format(from), *b = nd_story_format(to);
	struct nd_diff d = { 0 };
	int rc = -1;
	if (a && b && nd_diff_texts(a, b, &d) == 0) {
		rc = nd_diff_markup(&d, out);
		nd_diff_free(&d);
	}
	free(a);
	free(b);
	return rc;
}

/* ---- $EDITOR drafts ------------------------------------------------------- */

static int draft_dir(struct nd_store *st, char *out, size_t size, struct nd_error *err)
{
	if (snprintf(out, size, "%s-drafts", nd_store_path(st)) >= (int)size)
		return nd_fail(err, ND_EINVAL,
			       _("the database path is too long for a drafts folder"));
	return 0;
}

int nd_draft_file_path(struct nd_store *st, const char *login, int64_t id, bool make_dir, char *out,
		       size_t size, struct nd_error *err)
{
	char dir[4096];
	int rc = draft_dir(st, dir, sizeof dir, err);
	if (rc < 0)
		return rc;
	/* Logins are [A-Za-z0-9_.-] (users.c): safe in a file name. */
	if (strchr(login, '/') || login[0] == '.' || !login[0])
		return nd_fail(err, ND_EINVAL, _("'%s' cannot name a draft file"), login);
	if (make_dir && mkdir(dir, 0770) < 0 && errno != EEXIST)
		return nd_fail(err, ND_EIO, _("cannot create %1$s: %2$s"), dir, strerror(errno));
	if (snprintf(out, size, "%s/%lld-%s.txt", dir, (long long)id, login) >= (int)size)
		return nd_fail(err, ND_EINVAL, _("the drafts folder path is too long"));
	return 0;
}

/* "<id>-<login>.txt" → id and login; false for any other name. */
static bool parse_name(const char *name, int64_t *id, char *login, size_t size)
{
	char *end;
	long long v = strtoll(name, &end, 10);
	size_t len = strlen(name);
	if (v <= 0 || *end != '-' || len < 5 || strcmp(name + len - 4, ".txt") != 0)
		return false;
	size_t n = (size_t)(name + len - 4 - (end + 1));
	if (n == 0 || n >= size)
		return false;
	memcpy(login, end + 1, n);
	login[n] = '\0';
	*id = v;
	return true;
}

int nd_draft_files(struct nd_store *st, const struct nd_actor *actor, struct nd_draft_file **out,
		   size_t *n, struct nd_error *err)
{
	char dir[4096];
	*out = NULL;
	*n = 0;
	int rc = draft_dir(st, dir, sizeof dir, err);
	if (rc < 0)
		return rc;
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0
				       : nd_fail(err, ND_EIO, _("cannot read %1$s: %2$s"), dir,
						 strerror(errno));
	size_t cap = 0;
	struct dirent *e;
	bool all = actor->user.rank >= ND_RANK_EDITOR;
	while ((e = readdir(d)) && *n < 100000) {
		struct nd_draft_file f = { 0 };
		char path[4400];
		struct stat sb;
		if (!parse_name(e->d_name, &f.item_id, f.author, sizeof f.author) ||
		    (!all && strcmp(f.author, actor->user.login) != 0))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &sb) < 0 || !S_ISREG(sb.st_mode))
			continue;
		f.mtime = (int64_t)sb.st_mtime;
		f.size = (long long)sb.st_size;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			struct nd_draft_file *grown = realloc(*out, cap * sizeof **out);
			if (!grown) {
				rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
				break;
			}
			*out = grown;
		}
		(*out)[(*n)++] = f;
	}
	closedir(d);
	return rc;
}

/* Another editor's $EDITOR draft of item id in the folder. */
static int other_file(struct nd_store *st, const struct nd_actor *actor, int64_t id, char *who,
		      size_t who_size, int64_t *at)
{
	struct nd_actor all = *actor;
	struct nd_draft_file *f;
	size_t n;
	all.user.rank = ND_RANK_EDITOR; /* names only: who, not what */
	if (nd_draft_files(st, &all, &f, &n, NULL) < 0)
		return 0;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		if (f[i].item_id != id || strcmp(f[i].author, actor->user.login) == 0)
			continue;
		snprintf(who, who_size, "%s", f[i].author);
		*at = f[i].mtime;
		rc = 1;
	}
	free(f);
	return rc;
}

int nd_draft_diff_current(struct nd_store *st, const struct nd_actor *actor, int64_t id, bool file,
			  struct nd_buf *out, struct nd_error *err)
{
	struct nd_item it;
	struct nd_draft d = { 0 };
	int rc = nd_item_get(st, actor, id, 0, &it, err);
	if (rc < 0)
		return rc;
	if (file) {
		char path[4096];
		struct nd_buf text = ND_BUF_INIT;
		if ((rc = nd_draft_file_path(st, actor->user.login, id, false, path, sizeof path,
					     err)) == 0 &&
		    (rc = nd_read_file(path, &text, err)) == 0) {
			/* A draft that no longer parses is still shown, as it is. */
			char *was = nd_story_format(&it.story);
			struct nd_diff diff = { 0 };
			if (nd_story_from_bytes(text.data ? text.data : "", text.len, NULL,
						&d.story, NULL, NULL) == 0)
				rc = nd_draft_diff(&it.story, &d.story, out);
			else if (was && nd_diff_texts(was, nd_buf_str(&text), &diff) == 0)
				rc = nd_diff_markup(&diff, out);
			else
				rc = -1;
			nd_diff_free(&diff);
			free(was);
		}
		nd_buf_free(&text);
	} else if ((rc = nd_draft_get(st, actor, id, &d, err)) == 1) {
		rc = nd_draft_diff(&it.story, &d.story, out);
	} else if (rc == 0) {
		rc = nd_fail(err, ND_ENOENT, _("you have no draft of #%lld"), (long long)id);
	}
	if (rc == -1)
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
	nd_draft_free(&d);
	nd_item_free(&it);
	return rc;
}
