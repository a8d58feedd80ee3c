/* photos.c — an item's pictures. The bytes go in once by their SHA-256
 * (photo_blobs); an item's list is a log (photo_links) whose newest row per
 * slot is the photo as it is now, each row hashed and chained within its
 * item as revisions are (history.c), so check can prove it. */
#include "newsdesk/photos.h"
#include "newsdesk/lang.h"
#include "newsdesk/meta.h"
#include "newsdesk/quotas.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/sha256.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The newest row of each slot of item ?1 that is not detached, in order;
 * the columns fill_photo reads. */
#define CURRENT_PHOTOS                                                                             \
	"SELECT l.slot, l.name, l.caption, b.sha256, b.format, b.size, b.width, b.height, "        \
	"b.exif_date, b.exif_camera, b.exif_caption, l.actor, l.created_at, l.position "           \
	"FROM photos_current l JOIN photo_blobs b ON b.id = l.blob_id WHERE l.item_id = ?1 "       \
	"ORDER BY l.position, l.slot"

/* The hash of a link row, over exactly the values stored, after the item's
 * newest link row (?1 the item, the rest the columns in order). */
#define LINK_INSERT                                                                                \
	"INSERT INTO photo_links(item_id, slot, verb, blob_id, name, caption, position, "          \
	"detached, actor, created_at, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "     \
	"nd_chain((SELECT hash FROM photo_links WHERE item_id = ?1 ORDER BY id DESC LIMIT 1), "    \
	"?1, ?2, ?3, (SELECT sha256 FROM photo_blobs WHERE id = ?4), ?5, ?6, ?7, ?8, ?9, ?10))"

static int64_t meta_number(struct nd_store *st, const char *key, int64_t fallback,
			   struct nd_error *err, int *rc)
{
	char v[32];
	if ((*rc = nd_meta_get(st, key, v, sizeof v, err)) < 0 || !v[0])
		return fallback;
	char *end;
	long long n = strtoll(v, &end, 10);
	return *end || n <= 0 ? fallback : n;
}

int nd_photo_limits(struct nd_store *st, struct nd_photo_limits *lim, struct nd_error *err)
{
	int rc = 0;
	lim->photo_bytes = meta_number(st, "photo_max_bytes", ND_PHOTO_MAX_BYTES, err, &rc);
	if (rc == 0)
		lim->item_bytes = meta_number(st, "item_photo_max_bytes", 200LL << 20, err, &rc);
	if (rc == 0)
		lim->item_count = meta_number(st, "item_photo_max_count", 30, err, &rc);
	return rc;
}

/* May actor read (write: change) the photos of item id? Editors any; a
 * reporter their own, and changes only while the item is just filed or
 * returned to them (the states' meanings, not their names); nobody while
 * its state is not editable (signed off). The state is named by its label
 * in the language of messages (data, not a message). */
static int may(struct nd_store *st, const struct nd_actor *actor, int64_t id, bool write,
	       struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT i.reporter, s.initial OR s.reporter_edits, s.editable, "
				"s.label_en, s.label_zh FROM items i "
				"JOIN states s ON s.name = i.state WHERE i.id = ?",
				"i", id);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the item", err)) == 0)
		rc = nd_item_unknown(actor, id, err);
	if (rc > 0) {
		rc = 0;
		const char *reporter = (const char *)sqlite3_column_text(stmt, 0);
		bool open = sqlite3_column_int(stmt, 1) != 0;
		bool editable = sqlite3_column_int(stmt, 2) != 0;
		bool mine = actor->user.rank >= ND_RANK_EDITOR ||
			    (reporter && strcmp(reporter, actor->user.login) == 0);
		/* a reporter learns nothing of others' items, not even their state */
		if (!mine)
			rc = nd_item_unknown(actor, id, err);
		else if (write && !editable)
			rc = nd_fail(
			    err, ND_ESTATE,
			    _("#%1$lld is %2$s, which is not editable: its photos stay as they "
			      "were signed off"),
			    (long long)id,
			    (const char *)sqlite3_column_text(stmt, nd_lang_is_zh() ? 4 : 3));
		else if (actor->user.rank >= ND_RANK_EDITOR)
			;
		else if (write && !open)
			rc = nd_fail(
			    err, ND_EPERM,
			    _("#%lld is with the editors: reporters change an item's photos "
			      "only while it is just filed or returned to them"),
			    (long long)id);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static char *col_dup(sqlite3_stmt *s, int c)
{
	char *v = nd_column_dup(s, c);
	return v ? v : strdup("");
}

static int fill_photo(sqlite3_stmt *s, void *elem)
{
	struct nd_photo *p = elem;
	p->slot = sqlite3_column_int(s, 0);
	p->name = col_dup(s, 1);
	p->caption = col_dup(s, 2);
	const char *sha = (const char *)sqlite3_column_text(s, 3);
	snprintf(p->sha256, sizeof p->sha256, "%s", sha ? sha : "");
	p->format = nd_photo_format_parse((const char *)sqlite3_column_text(s, 4));
	p->size = sqlite3_column_int64(s, 5);
	p->width = sqlite3_column_int(s, 6);
	p->height = sqlite3_column_int(s, 7);
	p->exif_date = col_dup(s, 8);
	p->exif_camera = col_dup(s, 9);
	p->exif_caption = col_dup(s, 10);
	p->actor = col_dup(s, 11);
	p->at = sqlite3_column_int64(s, 12);
	if (!p->name || !p->caption || !p->exif_date || !p->exif_camera || !p->exif_caption ||
	    !p->actor)
		return ND_ENOMEM;
	return 0;
}

static int list_current(struct nd_store *st, int64_t id, struct nd_photo **photos, size_t *n,
			struct nd_error *err)
{
	*photos = NULL;
	*n = 0;
	int rc = nd_sql_list(st, photos, n, sizeof **photos, fill_photo, err,
			     "reading the item's photos", CURRENT_PHOTOS, "i", id);
	for (size_t i = 0; i < *n; i++)
		(*photos)[i].n = (int)i + 1;
	return rc < 0 ? rc : 0;
}

int nd_photo_list(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		  struct nd_photo **photos, size_t *n, struct nd_error *err)
{
	*photos = NULL;
	*n = 0;
	int rc = may(st, actor, id, false, err);
	return rc < 0 ? rc : list_current(st, id, photos, n, err);
}

void nd_photo_free(struct nd_photo *p)
{
	free(p->name);
	free(p->caption);
	free(p->exif_date);
	free(p->exif_camera);
	free(p->exif_caption);
	free(p->actor);
	memset(p, 0, sizeof *p);
}

void nd_photos_free(struct nd_photo *photos, size_t n)
{
	for (size_t i = 0; photos && i < n; i++)
		nd_photo_free(&photos[i]);
	free(photos);
}

int nd_photo_count(struct nd_store *st, int64_t id, int *count, struct nd_error *err)
{
	int64_t n = 0;
	int rc = nd_sql_int(st, &n, err, "counting the item's photos",
			    "SELECT count(*) FROM photos_current WHERE item_id = ?", "i", id);
	*count = (int)n;
	return rc < 0 ? rc : 0;
}

/* ---- what may be stored -------------------------------------------------- */

/* A name is shown and nothing more (files are written by item and order),
 * but it is stored, so it must be text: valid UTF-8, no controls, no path. */
static int check_name(const char *name, struct nd_error *err)
{
	size_t len = strlen(name);
	if (len == 0 || len > ND_PHOTO_MAX_NAME)
		return nd_fail(err, ND_EINVAL, _("a photo's name has 1 to %d bytes"),
			       ND_PHOTO_MAX_NAME);
	if (!nd_utf8_valid(name, len, NULL))
		return nd_fail(err, ND_EINVAL, _("the photo's name is not UTF-8 text"));
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '\\')
			return nd_fail(err, ND_EINVAL,
				       _("the photo's name may hold no control characters and no / "
					 "or \\ (a name, not a path)"));
	return 0;
}

/* A caption: valid UTF-8, one line, controls stripped (as a story's text). */
static int clean_caption(const char *in, char **out, struct nd_error *err)
{
	size_t len = strlen(in);
	*out = NULL;
	if (!nd_utf8_valid(in, len, NULL))
		return nd_fail(err, ND_EINVAL, _("the caption is not UTF-8 text"));
	if (nd_utf8_length(in) > ND_PHOTO_MAX_CAPTION)
		return nd_fail(err, ND_EINVAL, _("a caption has at most %d characters"),
			       ND_PHOTO_MAX_CAPTION);
	char *c = strdup(in);
	if (!c)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	for (char *p = c; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	nd_strip_controls(c);
	*out = c;
	return 0;
}

/* ---- attaching ------------------------------------------------------------- */

/* The bytes go in through SQLite's incremental blob I/O, a megabyte at a
 * time, into a zeroblob the INSERT reserved: an INSERT with the bytes bound
 * would build the whole row in memory, a second copy of a photo of tens of
 * megabytes (issue 32: checking an upload stays within 64 MB). */
static int write_blob(struct nd_store *st, int64_t row, const void *bytes, size_t n,
		      struct nd_error *err)
{
	sqlite3_blob *b;
	if (sqlite3_blob_open(nd_store_db(st), "main", "photo_blobs", "bytes", row, 1, &b) !=
	    SQLITE_OK)
		return nd_store_fail(st, err, "storing the photo");
	int rc = SQLITE_OK;
	for (size_t at = 0; at < n && rc == SQLITE_OK; at += 1u << 20) {
		size_t len = n - at < (1u << 20) ? n - at : (1u << 20);
		rc = sqlite3_blob_write(b, (const char *)bytes + at, (int)len, (int)at);
	}
	if (rc != SQLITE_OK) {
		int e = nd_store_fail(st, err, "storing the photo");
		sqlite3_blob_close(b);
		return e;
	}
	return sqlite3_blob_close(b) == SQLITE_OK ? 0 : nd_store_fail(st, err, "storing the photo");
}

static int store_blob(struct nd_store *st, const char *hex, const struct nd_photo_info *info,
		      const void *bytes, size_t n, int64_t *blob, bool *stored,
		      struct nd_error *err)
{
	int rc = nd_sql_exec(
	    st, err, "storing the photo",
	    "INSERT INTO photo_blobs(sha256, format, size, width, height, exif_date, "
	    "exif_camera, exif_caption, created_at, bytes) VALUES (?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, zeroblob(?)) ON CONFLICT(sha256) DO NOTHING",
	    "ssiddsssii", hex, nd_photo_format_name(info->format), (int64_t)n, info->width,
	    info->height, info->date[0] ? info->date : NULL, info->camera[0] ? info->camera : NULL,
	    info->caption[0] ? info->caption : NULL, nd_now(), (int64_t)n);
	if (rc < 0)
		return rc;
	*stored = rc > 0;
	rc = nd_sql_int(st, blob, err, "storing the photo",
			"SELECT id FROM photo_blobs WHERE sha256 = ?", "s", hex);
	if (rc >= 0 && *stored)
		rc = write_blob(st, *blob, bytes, n, err);
	return rc < 0 ? rc : 0;
}

/* Within the attach transaction: the same bytes already there, and the
 * item's limits. */
static int room_for(struct nd_store *st, int64_t id, const char *hex, size_t n,
		    struct nd_attach_result *res, struct nd_error *err)
{
	struct nd_photo_limits lim;
	struct nd_photo *cur;
	size_t ncur;
	int rc = nd_photo_limits(st, &lim, err);
	if (rc < 0 || (rc = list_current(st, id, &cur, &ncur, err)) < 0)
		return rc;
	int64_t total = (int64_t)n;
	for (size_t i = 0; i < ncur; i++) {
		total += cur[i].size;
		if (strcmp(cur[i].sha256, hex) == 0) {
			res->duplicate = true;
			res->n = cur[i].n;
		}
	}
	if (!res->duplicate && (int64_t)ncur >= lim.item_count)
		rc = nd_fail(err, ND_EINVAL,
			     _("#%1$lld already has %2$zu photos, the most an item may have"),
			     (long long)id, ncur);
	else if (!res->duplicate && total > lim.item_bytes)
		rc = nd_fail(
		    err, ND_EINVAL,
		    _("#%1$lld's photos would come to %2$lld bytes, over the item's limit of "
		      "%3$lld bytes"),
		    (long long)id, (long long)total, (long long)lim.item_bytes);
	nd_photos_free(cur, ncur);
	return rc;
}

static int attach_tx(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     const char *name, const char *caption, const char *hex, const void *bytes,
		     size_t n, struct nd_attach_result *res, struct nd_error *err)
{
	int64_t blob, slot = 0, pos = 0;
	int rc;
	if ((rc = may(st, actor, id, true, err)) < 0 ||
	    (rc = room_for(st, id, hex, n, res, err)) < 0 || res->duplicate ||
	    (rc = nd_quota_check_photo(st, actor, (int64_t)n, err)) < 0)
		return rc;
	if ((rc = store_blob(st, hex, &res->info, bytes, n, &blob, &res->stored, err)) < 0 ||
	    (rc = nd_sql_int(st, &slot, err, "numbering the photo",
			     "SELECT coalesce(max(slot), 0) + 1 FROM photo_links WHERE item_id = ?",
			     "i", id)) < 0 ||
	    (rc = nd_sql_int(st, &pos, err, "numbering the photo",
			     "SELECT coalesce(max(position), 0) + 1 FROM photo_links "
			     "WHERE item_id = ?",
			     "i", id)) < 0)
		return rc;
	rc = nd_sql_exec(st, err, "attaching the photo", LINK_INSERT, "iisissidsi", id, slot,
			 "attach", blob, name, caption, pos, 0, actor->user.login, nd_now());
	if (rc < 0)
		return rc;
	struct nd_photo *cur;
	size_t ncur;
	if ((rc = list_current(st, id, &cur, &ncur, err)) < 0)
		return rc;
	for (size_t i = 0; i < ncur; i++)
		if (cur[i].slot == slot)
			res->n = cur[i].n;
	nd_photos_free(cur, ncur);
	return 0;
}

int nd_photo_prepare(struct nd_store *st, const char *name, const char *caption, const void *bytes,
		     size_t n, struct nd_photo_prepared *p, struct nd_error *err)
{
	struct nd_photo_limits lim;
	memset(p, 0, sizeof *p);
	int rc = nd_photo_limits(st, &lim, err);
	if (rc < 0 || (rc = check_name(name, err)) < 0 ||
	    (rc = clean_caption(caption ? caption : "", &p->caption, err)) < 0)
		return rc;
	/* the whole validation before the transaction: it is the cost */
	if ((rc = nd_photo_inspect(bytes, n, (size_t)lim.photo_bytes, &p->info, err)) < 0) {
		nd_photo_prepared_free(p);
		return rc;
	}
	nd_sha256_hex(bytes, n, p->hex);
	p->name = name;
	p->bytes = bytes;
	p->n = n;
	return 0;
}

void nd_photo_prepared_free(struct nd_photo_prepared *p)
{
	free(p->caption);
	p->caption = NULL;
}

int nd_photo_attach_prepared(struct nd_store *st, const struct nd_actor *actor, int64_t id,
			     const struct nd_photo_prepared *p, struct nd_attach_result *res,
			     struct nd_error *err)
{
	memset(res, 0, sizeof *res);
	res->info = p->info;
	return attach_tx(st, actor, id, p->name, p->caption, p->hex, p->bytes, p->n, res, err);
}

int nd_photo_attach(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *name,
		    const char *caption, const void *bytes, size_t n, struct nd_attach_result *res,
		    struct nd_error *err)
{
	struct nd_photo_prepared p;
	memset(res, 0, sizeof *res);
	int rc = nd_photo_prepare(st, name, caption, bytes, n, &p, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) == 0) {
		rc = nd_photo_attach_prepared(st, actor, id, &p, res, err);
		if (rc < 0 || res->duplicate)
			nd_store_rollback(st);
		else
			rc = nd_store_commit(st, err);
	}
	nd_photo_prepared_free(&p);
	return rc;
}

/* ---- reading one ------------------------------------------------------------ */

/* Photo n of the list, moved into *out (the list freed). */
static int take_photo(struct nd_store *st, int64_t id, int n, struct nd_photo *out,
		      struct nd_error *err)
{
	struct nd_photo *cur;
	size_t ncur;
	int rc = list_current(st, id, &cur, &ncur, err);
	if (rc < 0)
		return rc;
	if (n < 1 || (size_t)n > ncur) {
		nd_photos_free(cur, ncur);
		return ncur ? nd_fail(err, ND_ENOENT, _("#%1$lld has photos 1 to %2$zu, not %3$d"),
				      (long long)id, ncur, n)
			    : nd_fail(err, ND_ENOENT, _("#%lld has no photos"), (long long)id);
	}
	*out = cur[n - 1];
	memset(&cur[n - 1], 0, sizeof cur[n - 1]);
	nd_photos_free(cur, ncur);
	return 0;
}

static int read_blob(struct nd_store *st, const struct nd_photo *p, void **bytes, size_t *len,
		     struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err, "SELECT bytes FROM photo_blobs WHERE sha256 = ?",
				"s", p->sha256);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the photo", err)) == 0)
		rc = nd_fail(err, ND_EDB, _("the photo's bytes are missing from the store"));
	if (rc > 0) {
		int nb = sqlite3_column_bytes(stmt, 0);
		const void *b = sqlite3_column_blob(stmt, 0);
		*len = (size_t)nb;
		*bytes = malloc(nb > 0 ? (size_t)nb : 1);
		rc = *bytes ? 0 : nd_fail(err, ND_ENOMEM, _("out of memory reading the photo"));
		if (rc == 0 && nb > 0)
			memcpy(*bytes, b, (size_t)nb);
	}
	sqlite3_finalize(stmt);
	if (rc == 0) {
		char hex[65];
		nd_sha256_hex(*bytes, *len, hex);
		if (strcmp(hex, p->sha256) != 0) {
			free(*bytes);
			*bytes = NULL;
			rc =
			    nd_fail(err, ND_EDB,
				    _("the stored photo is damaged: its SHA-256 is %1$s, not %2$s"),
				    hex, p->sha256);
		}
	}
	return rc;
}

int nd_photo_get(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		 struct nd_photo *photo, void **bytes, size_t *len, struct nd_error *err)
{
	memset(photo, 0, sizeof *photo);
	*bytes = NULL;
	*len = 0;
	int rc = may(st, actor, id, false, err);
	if (rc < 0 || (rc = take_photo(st, id, n, photo, err)) < 0)
		return rc;
	if ((rc = read_blob(st, photo, bytes, len, err)) < 0)
		nd_photo_free(photo);
	return rc;
}

/* ---- changing the list ------------------------------------------------------ */

/* Appends a row for photo p carrying its state with the change. */
static int append_row(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      const struct nd_photo *p, const char *verb, const char *caption, int position,
		      bool detached, struct nd_error *err)
{
	int rc = nd_sql_exec(
	    st, err, "changing the photo",
	    "INSERT INTO photo_links(item_id, slot, verb, blob_id, name, caption, position, "
	    "detached, actor, created_at, hash) SELECT ?1, ?2, ?3, b.id, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "nd_chain((SELECT hash FROM photo_links WHERE item_id = ?1 ORDER BY id DESC LIMIT 1), "
	    "?1, ?2, ?3, b.sha256, ?5, ?6, ?7, ?8, ?9, ?10) FROM photo_blobs b WHERE b.sha256 = ?4",
	    "iissssddsi", id, (int64_t)p->slot, verb, p->sha256, p->name, caption, position,
	    detached ? 1 : 0, actor->user.login, nd_now());
	if (rc == 0)
		rc = nd_fail(err, ND_EDB, _("the photo's bytes are missing from the store"));
	return rc < 0 ? rc : 0;
}

/* Runs change(list, n) on the item's current list inside a transaction. */
typedef int (*change_fn)(struct nd_store *st, const struct nd_actor *actor, int64_t id,
			 struct nd_photo *cur, size_t ncur, const void *arg, struct nd_error *err);

static int change(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		  change_fn fn, const void *arg, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	struct nd_photo *cur = NULL;
	size_t ncur = 0;
	if ((rc = may(st, actor, id, true, err)) == 0 &&
	    (rc = list_current(st, id, &cur, &ncur, err)) == 0) {
		if (n < 1 || (size_t)n > ncur)
			rc = ncur
				 ? nd_fail(err, ND_ENOENT,
					   _("#%1$lld has photos 1 to %2$zu, not %3$d"),
					   (long long)id, ncur, n)
				 : nd_fail(err, ND_ENOENT, _("#%lld has no photos"), (long long)id);
		else
			rc = fn(st, actor, id, cur, ncur, arg, err);
	}
	nd_photos_free(cur, ncur);
	if (rc < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

struct one_change {
	int n;
	const char *caption;
	int to;
};

/* positions as stored are what ordered the list: p's is read again */
static int position_of(struct nd_store *st, int64_t id, const struct nd_photo *p, int64_t *pos,
		       struct nd_error *err)
{
	int rc = nd_sql_int(st, pos, err, "reading the photo",
			    "SELECT position FROM photo_links WHERE item_id = ? AND slot = ? "
			    "ORDER BY id DESC LIMIT 1",
			    "ii", id, (int64_t)p->slot);
	return rc < 0 ? rc : 0;
}

static int do_caption(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      struct nd_photo *cur, size_t ncur, const void *arg, struct nd_error *err)
{
	const struct one_change *c = arg;
	const struct nd_photo *p = &cur[c->n - 1];
	int64_t pos = 0;
	(void)ncur;
	if (strcmp(p->caption, c->caption) == 0)
		return 0; /* nothing changes: nothing written */
	int rc = position_of(st, id, p, &pos, err);
	return rc < 0 ? rc
		      : append_row(st, actor, id, p, "caption", c->caption, (int)pos, false, err);
}

static int do_detach(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     struct nd_photo *cur, size_t ncur, const void *arg, struct nd_error *err)
{
	const struct one_change *c = arg;
	const struct nd_photo *p = &cur[c->n - 1];
	int64_t pos = 0;
	(void)ncur;
	int rc = position_of(st, id, p, &pos, err);
	return rc < 0 ? rc
		      : append_row(st, actor, id, p, "detach", p->caption, (int)pos, true, err);
}

/* The new order numbered 1…n; a row for each photo whose place changes. */
static int do_move(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		   struct nd_photo *cur, size_t ncur, const void *arg, struct nd_error *err)
{
	const struct one_change *c = arg;
	if (c->to < 1 || (size_t)c->to > ncur)
		return nd_fail(err, ND_EINVAL, _("#%1$lld has places 1 to %2$zu, not %3$d"),
			       (long long)id, ncur, c->to);
	struct nd_photo moved = cur[c->n - 1];
	memmove(&cur[c->n - 1], &cur[c->n], (ncur - (size_t)c->n) * sizeof *cur);
	memmove(&cur[c->to], &cur[c->to - 1], (ncur - (size_t)c->to) * sizeof *cur);
	cur[c->to - 1] = moved;
	for (size_t i = 0; i < ncur; i++) {
		int64_t pos = 0;
		int rc = position_of(st, id, &cur[i], &pos, err);
		if (rc == 0 && pos != (int64_t)i + 1)
			rc = append_row(st, actor, id, &cur[i], "move", cur[i].caption, (int)i + 1,
					false, err);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int nd_photo_caption(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		     const char *caption, struct nd_error *err)
{
	char *clean;
	int rc = clean_caption(caption, &clean, err);
	if (rc < 0)
		return rc;
	struct one_change c = { n, clean, 0 };
	rc = change(st, actor, id, n, do_caption, &c, err);
	free(clean);
	return rc;
}

int nd_photo_detach(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		    struct nd_error *err)
{
	struct one_change c = { n, NULL, 0 };
	return change(st, actor, id, n, do_detach, &c, err);
}

int nd_photo_move(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n, int to,
		  struct nd_error *err)
{
	struct one_change c = { n, NULL, to };
	return change(st, actor, id, n, do_move, &c, err);
}

/* ---- check -------------------------------------------------------------------- */

static int check_rows(struct nd_check *c, const char *sql, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err, sql, NULL);
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(c->st, stmt, "checking the photos", err)) > 0)
		nd_check_problem(c, "#%lld: %s", (long long)sqlite3_column_int64(stmt, 0),
				 (const char *)sqlite3_column_text(stmt, 1));
	sqlite3_finalize(stmt);
	return rc;
}

static int check_blob(sqlite3_stmt *s, void *ctx)
{
	struct nd_check *c = ctx;
	const char *want = (const char *)sqlite3_column_text(s, 1);
	const void *b = sqlite3_column_blob(s, 2);
	int n = sqlite3_column_bytes(s, 2);
	char hex[65];
	nd_sha256_hex(b ? b : "", (size_t)n, hex);
	if (!want || strcmp(hex, want) != 0 || n != sqlite3_column_int(s, 3))
		nd_check_problem(
		    c,
		    _("photos: the stored photo %lld was changed after it was written: "
		      "its bytes no longer match their SHA-256"),
		    (long long)sqlite3_column_int64(s, 0));
	return 0;
}

int nd_photos_check(struct nd_check *c, struct nd_error *err)
{
	int rc = check_rows(
	    c,
	    "SELECT item_id, CASE WHEN hash IS NULL THEN printf('photo log row #%d has no hash: "
	    "newsdesk did not write it', id) ELSE printf('its photo log is broken at row #%d "
	    "(%s): that row was changed, or a row before it was deleted', id, verb) END FROM "
	    "(SELECT l.id, l.item_id, l.verb, l.hash, nd_chain(lag(l.hash) OVER w, l.item_id, "
	    "l.slot, l.verb, b.sha256, l.name, l.caption, l.position, l.detached, l.actor, "
	    "l.created_at) AS want FROM photo_links l LEFT JOIN photo_blobs b ON b.id = l.blob_id "
	    "WINDOW w AS (PARTITION BY l.item_id ORDER BY l.id)) WHERE hash IS NOT want "
	    "UNION ALL SELECT id, 'its newest photo log row is missing (deleted) or replaced' "
	    "FROM items i WHERE photo_head IS NOT (SELECT hash FROM photo_links l "
	    "WHERE l.item_id = i.id ORDER BY l.id DESC LIMIT 1) ORDER BY 1",
	    err);
	if (rc < 0)
		return rc;
	rc = nd_sql_each(c->st, check_blob, c, err, "checking the photos",
			 "SELECT id, sha256, bytes, size FROM photo_blobs", NULL);
	return rc < 0 ? rc : 0;
}
