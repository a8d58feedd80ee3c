/* original.c — keeping what a reporter sent, byte for byte. The bytes are
 * deflated (zlib) beside the item in the filing's own transaction, with
 * their SHA-256, so a wrong decoding can be redone and a damaged copy is
 * noticed rather than trusted. */
#include "newsdesk/original.h"
#include "newsdesk/external.h"
#include "newsdesk/lang.h"
#include "newsdesk/sha256.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* An original is at most a filing (1 MiB); a stored size beyond this bound
 * is damage, not a reason to allocate. */
#define MAX_ORIGINAL (16 * 1024 * 1024)

static int keep(struct nd_store *st, int64_t id, const char *bytes, size_t n, const char *encoding,
		struct nd_error *err)
{
	uLongf zlen = compressBound((uLong)n);
	unsigned char *z = malloc(zlen ? zlen : 1);
	if (!z)
		return nd_fail(err, ND_ENOMEM, _("out of memory keeping the original"));
	const char *method = "deflate";
	const void *blob = z;
	size_t blob_len;
	if (compress2(z, &zlen, (const Bytef *)bytes, (uLong)n, Z_DEFAULT_COMPRESSION) == Z_OK &&
	    zlen < n) {
		blob_len = zlen;
	} else { /* incompressible (or tiny): kept as it is */
		method = "none";
		blob = bytes;
		blob_len = n;
	}
	char hex[65];
	nd_sha256_hex(bytes, n, hex);
	int rc = nd_sql_exec(st, err, "keeping the original",
			     "INSERT INTO originals(item_id, encoding, size, sha256, compression, "
			     "bytes) VALUES (?, ?, ?, ?, ?, ?)",
			     "isissb", id, encoding, (int64_t)n, hex, method, (const void *)blob,
			     (size_t)blob_len);
	if (rc > 0)
		rc = 0;
	free(z);
	return rc;
}

int nd_item_file_original(struct nd_store *st, const struct nd_actor *actor,
			  const struct nd_story *story, const char *encoding,
			  const struct nd_token *token, const char *bytes, size_t n,
			  struct nd_file_result *res, struct nd_error *err)
{
	int rc = nd_story_validate(story, err);
	if (rc < 0 || (rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = nd_item_insert(st, actor, story, encoding, token, NULL, "file", res, err)) < 0 ||
	    res->duplicate) {
		nd_store_rollback(st);
		return rc;
	}
	if ((rc = keep(st, res->id, bytes, n, encoding, err)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

static int inflate_blob(const char *method, const void *blob, size_t blob_len, size_t size,
			struct nd_original *o, struct nd_error *err)
{
	o->bytes = malloc(size ? size : 1);
	if (!o->bytes)
		return nd_fail(err, ND_ENOMEM, _("out of memory reading the original"));
	o->n = size;
	if (strcmp(method, "none") == 0) {
		if (blob_len != size)
			return nd_fail(err, ND_EDB,
				       _("the stored original is damaged (%1$zu bytes, not %2$zu)"),
				       blob_len, size);
		memcpy(o->bytes, blob, size);
		return 0;
	}
	uLongf out = (uLongf)size;
	if (uncompress((Bytef *)o->bytes, &out, blob, (uLong)blob_len) != Z_OK || out != size)
		return nd_fail(err, ND_EDB,
			       _("the stored original is damaged: it does not inflate"));
	return 0;
}

int nd_original_get(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_original *o, struct nd_error *err)
{
	memset(o, 0, sizeof *o);
	struct nd_item it;
	int rc = nd_item_get(st, actor, id, 0, &it, err); /* may this actor see it? */
	if (rc < 0)
		return rc;
	nd_item_free(&it);
	sqlite3_stmt *stmt;
	if ((rc = nd_sql_prepare(st, &stmt, err,
				 "SELECT encoding, size, sha256, compression, bytes FROM originals "
				 "WHERE item_id = ?",
				 "i", id)) < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the original", err)) <= 0) {
		sqlite3_finalize(stmt);
		return rc < 0
			   ? rc
			   : nd_fail(err, ND_ENOENT,
				     _("#%lld has no original bytes: it was filed before newsdesk "
				       "kept them, or imported from a page"),
				     (long long)id);
	}
	const char *enc = (const char *)sqlite3_column_text(stmt, 0);
	sqlite3_int64 size = sqlite3_column_int64(stmt, 1);
	const char *sha = (const char *)sqlite3_column_text(stmt, 2);
	const char *method = (const char *)sqlite3_column_text(stmt, 3);
	snprintf(o->encoding, sizeof o->encoding, "%s", enc ? enc : "");
	snprintf(o->sha256, sizeof o->sha256, "%s", sha ? sha : "");
	if (size < 0 || size > MAX_ORIGINAL || !method)
		rc = nd_fail(err, ND_EDB, _("the stored original of #%lld is damaged"),
			     (long long)id);
	else
		rc = inflate_blob(method, sqlite3_column_blob(stmt, 4),
				  (size_t)sqlite3_column_bytes(stmt, 4), (size_t)size, o, err);
	sqlite3_finalize(stmt);
	if (rc == 0) {
		char hex[65];
		nd_sha256_hex(o->bytes, o->n, hex);
		if (strcmp(hex, o->sha256) != 0)
			rc = nd_fail(
			    err, ND_EDB,
			    _("the stored original of #%1$lld is damaged: its SHA-256 is %2$s, "
			      "not %3$s"),
			    (long long)id, hex, o->sha256);
	}
	if (rc < 0)
		nd_original_free(o);
	return rc;
}

void nd_original_free(struct nd_original *o)
{
	free(o->bytes);
	o->bytes = NULL;
	o->n = 0;
}

int nd_item_redecode(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     const char *encoding, struct nd_save_result *res, struct nd_error *err)
{
	struct nd_original o;
	char *text = NULL;
	memset(res, 0, sizeof *res);
	int rc = nd_original_get(st, actor, id, &o, err);
	if (rc < 0)
		return rc;
	/* The whole intake again, with the encoding named: the same checks a
	 * filing gets, and clean UTF-8 out. */
	rc = nd_text_from_bytes(o.bytes, o.n, ND_MAX_INPUT, encoding, &text, NULL, err);
	nd_original_free(&o);
	if (rc == 0)
		rc = nd_save_text(st, actor, id, text, strlen(text), 0, res, err);
	free(text);
	return rc;
}
