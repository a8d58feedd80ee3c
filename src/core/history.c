/* history.c — the statements that append revisions and notes, each with
 * its chained hash computed in the same INSERT by nd_chain() over exactly
 * the values stored (check.c recomputes it over the stored columns, in the
 * same order). */
#include "newsdesk/history.h"
#include "newsdesk/count.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/layout.h"
#include "newsdesk/meta.h"
#include "newsdesk/store_sql.h"

#include <stdlib.h>

/* The base revision as stored: NULL for a filed original. */
#define BASE "CASE WHEN ?3 > 0 THEN ?3 END"

/* 字数, 汉字 and the line profile of the revision just inserted (schema:
 * layout_counts, word_counts), so no list or stats ever counts a body
 * again. Derived data, outside the hash chain: check recounts them. */
static int append_counts(struct nd_store *st, const struct nd_story *s, struct nd_error *err)
{
	/* 字数 by the publication's rule as it stands in this transaction, so
	 * the counts always agree with the setting (check recounts by it) */
	char name[16];
	int rc = nd_meta_get(st, "count_rule", name, sizeof name, err);
	if (rc < 0)
		return rc;
	int rule = nd_count_rule_parse(name);
	long hanzi = nd_story_hanzi(s), body_chars,
	     chars = nd_story_chars_by(s, &body_chars,
				       rule < 0 ? ND_COUNT_WORD : (enum nd_count_rule)rule);
	char *profile = nd_layout_profile(s);
	if (!profile)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	rc =
	    nd_sql_exec(st, err, "storing the revision's counts",
			"INSERT INTO revision_counts(revision_id, hanzi, lines, chars, body_chars) "
			"VALUES (?, ?, ?, ?, ?)",
			"iisii", (int64_t)sqlite3_last_insert_rowid(nd_store_db(st)),
			(int64_t)hanzi, profile, (int64_t)chars, (int64_t)body_chars);
	free(profile);
	return rc < 0 ? rc : 0;
}

int nd_revision_append(struct nd_store *st, const struct nd_revision_in *r, struct nd_error *err)
{
	const struct nd_story *s = r->story;
	/* ?1…?17 in the column order; the hash covers them all, after the
	 * hash of the item's revision before this one. The chain proves the
	 * text, not the counts: chars and body_chars are -1 (schema
	 * word_counts), the counts are in revision_counts. */
	int rc = nd_sql_exec(
	    st, err, "storing the revision",
	    "INSERT INTO revisions(item_id, rev, base_rev, kind, section, kicker, headline, "
	    "subhead, dateline, byline, body, chars, body_chars, author, created_at, conflict, "
	    "encoding, hash) VALUES (?1, ?2, " BASE ", ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, ?16, ?17, nd_chain((SELECT hash FROM revisions WHERE item_id = ?1 AND "
	    "rev < ?2 ORDER BY rev DESC LIMIT 1), ?1, ?2, " BASE ", ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, ?12, ?13, ?14, ?15, ?16, ?17))",
	    "iddssssssssiisids", r->item, r->rev, r->base_rev, s->kind ? s->kind : "article",
	    s->section && s->section[0] ? s->section : NULL, s->kicker, s->headline, s->subhead,
	    s->dateline, s->byline, s->body ? s->body : "", (int64_t)-1, (int64_t)-1, r->author,
	    r->at, r->conflict ? 1 : 0, r->encoding);
	if (rc < 0)
		return rc;
	return append_counts(st, s, err);
}

int nd_note_append(struct nd_store *st, int64_t item, int rev, const char *author, const char *body,
		   struct nd_error *err)
{
	return nd_note_append_code(st, item, rev, author, NULL, body, err);
}

int nd_note_append_code(struct nd_store *st, int64_t item, int rev, const char *author,
			const char *code, const char *body, struct nd_error *err)
{
	/* A note with a code (sysnote.h) hashes its code too; its body holds
	 * the code's arguments, or the code itself when it takes none (a note
	 * is never empty). */
	int rc = nd_sql_exec(
	    st, err, "adding the note",
	    "INSERT INTO notes(item_id, rev, author, body, created_at, body_code, hash) "
	    "SELECT v.item_id, v.rev, v.author, v.body, v.created_at, v.body_code, "
	    "CASE WHEN v.body_code IS NULL THEN nd_chain(v.prev, v.item_id, v.rev, "
	    "v.author, v.body, v.created_at) ELSE nd_chain(v.prev, v.item_id, v.rev, v.author, "
	    "v.body, v.created_at, v.body_code) END FROM (SELECT id AS item_id, "
	    "CASE WHEN ?2 > 0 THEN ?2 ELSE current_rev END AS rev, ?3 AS author, ?4 AS body, "
	    "?5 AS created_at, ?6 AS body_code, (SELECT hash FROM notes WHERE item_id = ?1 "
	    "ORDER BY id DESC LIMIT 1) AS prev FROM items WHERE id = ?1) v",
	    "idssis", item, rev, author,
	    body && body[0] ? body
	    : code          ? code
			    : "",
	    nd_now(), code);
	if (rc == 0)
		rc = nd_fail(err, ND_ENOENT, _("no item #%lld"), (long long)item);
	return rc < 0 ? rc : 0;
}
