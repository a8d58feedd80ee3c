/* original.c — keeping what a reporter sent, byte for byte. The bytes are
 * deflated (zlib) beside the item in the filing's own transaction, with
 * their SHA-256, so a wrong decoding can be redone and a damaged copy is
 * noticed rather than trusted. */
#include "newsdesk/original.h"
#include "newsdesk/check.h"
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
/* The largest original read back: a Word document with its pictures (a
 * story's and an item's photos' limits) is the largest filing. */
#define MAX_ORIGINAL (256 * 1024 * 1024)

/* bytes[0..n) deflated when that makes them smaller, else as they are:
 * *blob and *method to store (*z to free after). */
struct packed {
	const void *blob;
	size_t len;
	const char *method;
	unsigned char *z;
	char sha256[65];
};

/* A large filing (a Word document: a zip of JPEGs) that a first sample
 * shows incompressible is kept as it is without deflating it all. */
static bool worth_deflating(const char *bytes, size_t n)
{
	enum { SAMPLE = 256 * 1024 };
	if (n <= 4 * SAMPLE)
		return true;
	uLongf zlen = compressBound(SAMPLE);
	unsigned char *z = malloc(zlen);
	bool worth = !z || (compress2(z, &zlen, (const Bytef *)bytes, SAMPLE, 1) == Z_OK &&
			    zlen < SAMPLE / 10 * 9);
	free(z);
	return worth;
}

static int pack(const char *bytes, size_t n, struct packed *p, struct nd_error *err)
{
	memset(p, 0, sizeof *p);
	if (!worth_deflating(bytes, n)) {
		p->blob = bytes;
		p->len = n;
		p->method = "none";
		nd_sha256_hex(bytes, n, p->sha256);
		return 0;
	}
	uLongf zlen = compressBound((uLong)n);
	if (!(p->z = malloc(zlen ? zlen : 1)))
		return nd_fail(err, ND_ENOMEM, _("out of memory keeping the original"));
	if (compress2(p->z, &zlen, (const Bytef *)bytes, (uLong)n, Z_DEFAULT_COMPRESSION) == Z_OK &&
	    zlen < n) {
		p->blob = p->z;
		p->len = zlen;
		p->method = "deflate";
	} else { /* incompressible (or tiny): kept as it is */
		p->blob = bytes;
		p->len = n;
		p->method = "none";
	}
	nd_sha256_hex(bytes, n, p->sha256);
	return 0;
}

int nd_original_keep(struct nd_store *st, int64_t id, const char *bytes, size_t n,
		     const char *encoding, struct nd_error *err)
{
	struct packed p;
	int rc = pack(bytes, n, &p, err);
	if (rc < 0)
		return rc;
	rc = nd_sql_exec(st, err, "keeping the original",
			 "INSERT INTO originals(item_id, encoding, size, sha256, compression, "
			 "bytes) VALUES (?, ?, ?, ?, ?, ?)",
			 "isissb", id, encoding, (int64_t)n, p.sha256, p.method, p.blob, p.len);
	free(p.z);
	return rc < 0 ? rc : 0;
}

int nd_page_original_keep(struct nd_store *st, const struct nd_actor *actor,
			  const struct nd_page_source *src, const char *encoding, int64_t *page_id,
			  struct nd_error *err)
{
	*page_id = 0;
	if (!src || !src->bytes)
		return nd_fail(err, ND_EINVAL, _("an imported page needs its bytes kept"));
	struct packed p;
	int rc = pack(src->bytes, src->n, &p, err);
	if (rc < 0)
		return rc;
	/* the same bytes imported again are kept once */
	const char *slash = src->name ? strrchr(src->name, '/') : NULL;
	const char *name = slash ? slash + 1 : src->name && src->name[0] ? src->name : "-";
	rc = nd_sql_exec(st, err, "keeping the imported page",
			 "INSERT INTO page_originals(name, encoding, size, sha256, compression, "
			 "bytes, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
			 "ON CONFLICT(sha256) DO NOTHING",
			 "ssissbsi", name, encoding, (int64_t)src->n, p.sha256, p.method, p.blob,
			 p.len, actor->user.login, nd_now());
	if (rc >= 0)
		rc = nd_sql_int(st, page_id, err, "reading the imported page",
				"SELECT id FROM page_originals WHERE sha256 = ?", "s", p.sha256);
	free(p.z);
	return rc < 0 ? rc : 0;
}

int nd_item_page_link(struct nd_store *st, int64_t item, int64_t page_id, size_t part, size_t parts,
		      struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "recording the imported page",
			     "INSERT INTO item_pages(item_id, page_original, part, parts) "
			     "VALUES (?, ?, ?, ?)",
			     "iiii", item, page_id, (int64_t)part, (int64_t)parts);
	return rc < 0 ? rc : 0;
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
	if ((rc = nd_original_keep(st, res->id, bytes, n, encoding, err)) < 0) {
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
	/* A filing's own bytes, else the page it was imported from. */
	if ((rc = nd_sql_prepare(
		 st, &stmt, err,
		 "SELECT encoding, size, sha256, compression, bytes, 0, NULL, 0, 0, 0 "
		 "FROM originals WHERE item_id = ?1 UNION ALL "
		 "SELECT p.encoding, p.size, p.sha256, p.compression, p.bytes, p.id, p.name, "
		 "l.part, l.parts, p.imported_at FROM item_pages l "
		 "JOIN page_originals p ON p.id = l.page_original WHERE l.item_id = ?1 LIMIT 1",
		 "i", id)) < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the original", err)) <= 0) {
		sqlite3_finalize(stmt);
		return rc < 0
			   ? rc
			   : nd_fail(err, ND_ENOENT,
				     _("#%lld has no original bytes: it was filed before newsdesk "
				       "kept them, or imported before imported pages were kept"),
				     (long long)id);
	}
	const char *enc = (const char *)sqlite3_column_text(stmt, 0);
	sqlite3_int64 size = sqlite3_column_int64(stmt, 1);
	const char *sha = (const char *)sqlite3_column_text(stmt, 2);
	const char *method = (const char *)sqlite3_column_text(stmt, 3);
	const char *page_name = (const char *)sqlite3_column_text(stmt, 6);
	snprintf(o->encoding, sizeof o->encoding, "%s", enc ? enc : "");
	snprintf(o->sha256, sizeof o->sha256, "%s", sha ? sha : "");
	o->page.id = sqlite3_column_int64(stmt, 5);
	snprintf(o->page.name, sizeof o->page.name, "%s", page_name ? page_name : "");
	o->page.part = (size_t)sqlite3_column_int64(stmt, 7);
	o->page.parts = (size_t)sqlite3_column_int64(stmt, 8);
	o->page.imported_at = sqlite3_column_int64(stmt, 9);
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
	if (o.page.id) {
		/* a page's bytes are many items: decoding them into this one
		 * would replace it with the whole page */
		rc = nd_fail(err, ND_EINVAL,
			     _("#%1$lld was cut from the imported page %2$s (item %3$zu of %4$zu), "
			       "not filed alone: import the page again with the right encoding "
			       "(newsdesk show %5$lld --original > page.txt; newsdesk import "
			       "--encoding NAME page.txt)"),
			     (long long)id, o.page.name, o.page.part, o.page.parts, (long long)id);
		nd_original_free(&o);
		return rc;
	}
	if (strcmp(o.encoding, "docx") == 0) {
		/* a Word document has no text encoding to choose: its XML is UTF-8 */
		rc = nd_fail(err, ND_EINVAL,
			     _("#%1$lld was filed as a Word document: there is no encoding to choose "
			       "(newsdesk show %2$lld --original > story.docx keeps its bytes)"),
			     (long long)id, (long long)id);
		nd_original_free(&o);
		return rc;
	}
	/* The whole intake again, with the encoding named: the same checks a
	 * filing gets, and clean UTF-8 out. */
	rc = nd_text_from_bytes(o.bytes, o.n, ND_MAX_INPUT, encoding, &text, NULL, err);
	nd_original_free(&o);
	if (rc == 0)
		rc = nd_save_text(st, actor, id, text, strlen(text), 0, res, err);
	free(text);
	return rc;
}

/* ---- check: every kept original against its SHA-256 ------------------------ */

/* One kept copy: inflated and hashed; a problem line when it is not the
 * bytes its digest names. */
static void prove_original(struct nd_check *c, sqlite3_stmt *stmt, const char *whose)
{
	struct nd_original o = { 0 };
	struct nd_error why = { 0 };
	const char *sha = (const char *)sqlite3_column_text(stmt, 1);
	const char *method = (const char *)sqlite3_column_text(stmt, 2);
	sqlite3_int64 size = sqlite3_column_int64(stmt, 3);
	char hex[65] = "";
	if (size < 0 || size > MAX_ORIGINAL || !method)
		nd_fail(&why, ND_EDB, _("its stored size is impossible"));
	else if (inflate_blob(method, sqlite3_column_blob(stmt, 4),
			      (size_t)sqlite3_column_bytes(stmt, 4), (size_t)size, &o, &why) == 0)
		nd_sha256_hex(o.bytes, o.n, hex);
	if (why.msg[0])
		nd_check_problem(c, _("%1$s: damaged: %2$s"), whose, why.msg);
	else if (!sha || strcmp(hex, sha) != 0)
		nd_check_problem(c,
				 _("%1$s: changed after it was kept: its bytes' SHA-256 is "
				   "%2$s, not the %3$s recorded"),
				 whose, hex, sha ? sha : "?");
	nd_original_free(&o);
}

int nd_originals_check(struct nd_check *c, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err,
				"SELECT item_id, sha256, compression, size, bytes, NULL FROM "
				"originals UNION ALL SELECT id, sha256, compression, size, bytes, "
				"name FROM page_originals",
				NULL);
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(c->st, stmt, "reading the kept originals", err)) > 0) {
		char whose[320];
		const char *page = (const char *)sqlite3_column_text(stmt, 5);
		long long id = sqlite3_column_int64(stmt, 0);
		if (page)
			snprintf(whose, sizeof whose, _("imported page #%1$lld (%2$s)"), id, page);
		else
			snprintf(whose, sizeof whose, _("#%lld: its kept original"), id);
		prove_original(c, stmt, whose);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}
