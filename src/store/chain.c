/* chain.c — nd_chain(), the hash of every history record (chain.h). Built
 * twice, as bigram.c is: into newsdesk, and into the nd_bigram extension
 * for the sqlite3 shell, where the ledger's triggers need it too. */
#ifdef ND_BIGRAM_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#endif
#include "newsdesk/chain.h"
#include "newsdesk/sha256.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* "T<bytes>:" into out (at most 14 characters), as printf would. */
static size_t length_tag(char *out, int n)
{
	char digits[12];
	size_t d = 0, at = 0;
	unsigned v = n > 0 ? (unsigned)n : 0;
	do
		digits[d++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	out[at++] = 'T';
	while (d)
		out[at++] = digits[--d];
	out[at++] = ':';
	return at;
}

static const char chain_head[] = "nd-chain-1\n";

/* One value: N for NULL, else T<bytes>:<its text>. */
static void chain_feed(struct nd_sha256 *s, bool null, const unsigned char *t, int n)
{
	if (null) {
		nd_sha256_update(s, "N", 1);
		return;
	}
	char tag[16];
	nd_sha256_update(s, tag, length_tag(tag, n));
	if (n > 0)
		nd_sha256_update(s, t, (size_t)n);
}

/* Values are taken as text, so an integer stored where text was bound (or
 * the reverse) hashes the same. The hash is fed value by value: no copy
 * of the record (check --full hashes every record of the history). */
static void chain_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_sha256 s;
	nd_sha256_init(&s);
	nd_sha256_update(&s, chain_head, sizeof chain_head - 1);
	for (int i = 0; i < argc; i++) {
		bool null = sqlite3_value_type(argv[i]) == SQLITE_NULL;
		const unsigned char *t = null ? NULL : sqlite3_value_text(argv[i]);
		chain_feed(&s, null, t, null ? 0 : sqlite3_value_bytes(argv[i]));
	}
	char hex[65];
	nd_sha256_final_hex(&s, hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

#ifndef ND_BIGRAM_EXTENSION
/* nd_chain's hash of prev, n columns of stmt from first, then (where
 * given) one more value and column extra where it is not NULL. */
static void chain_row(sqlite3_stmt *stmt, const void *prev, int prev_len, int first, int n,
		      const struct nd_chain_walk *w, char hex[65])
{
	struct nd_sha256 s;
	nd_sha256_init(&s);
	nd_sha256_update(&s, chain_head, sizeof chain_head - 1);
	chain_feed(&s, prev_len < 0, prev, prev_len);
	for (int i = first; i < first + n; i++) {
		bool null = sqlite3_column_type(stmt, i) == SQLITE_NULL;
		const unsigned char *t = null ? NULL : sqlite3_column_text(stmt, i);
		chain_feed(&s, null, t, null ? 0 : sqlite3_column_bytes(stmt, i));
	}
	if (w && w->give)
		chain_feed(&s, w->given_len < 0, w->given, w->given_len);
	if (w && w->extra >= 0 && sqlite3_column_type(stmt, w->extra) != SQLITE_NULL) {
		const unsigned char *t = sqlite3_column_text(stmt, w->extra);
		chain_feed(&s, false, t, sqlite3_column_bytes(stmt, w->extra));
	}
	nd_sha256_final_hex(&s, hex);
}

void nd_chain_columns(sqlite3_stmt *stmt, const void *prev, int prev_len, int first, int n,
		      char hex[65])
{
	chain_row(stmt, prev, prev_len, first, n, NULL, hex);
}

bool nd_chain_walk_row(struct nd_chain_walk *w)
{
	sqlite3_stmt *stmt = w->stmt;
	bool null_part = w->part < 0 || sqlite3_column_type(stmt, w->part) == SQLITE_NULL;
	int64_t part = null_part ? 0 : sqlite3_column_int64(stmt, w->part);
	if (!w->started || null_part != w->part_null || part != w->part_now)
		w->prev_len = -1; /* a chain begins: lag() is NULL */
	w->started = true;
	w->part_null = null_part;
	w->part_now = part;
	char want[65];
	chain_row(stmt, w->prev, w->prev_len, w->first, w->n, w, want);
	int type = sqlite3_column_type(stmt, w->hash);
	const unsigned char *have = type == SQLITE_NULL ? NULL : sqlite3_column_text(stmt, w->hash);
	int len = have ? sqlite3_column_bytes(stmt, w->hash) : -1;
	bool broken = type != SQLITE_TEXT || len != 64 || memcmp(have, want, 64) != 0;
	/* the next record chains to this one's stored hash, as lag() gives it */
	if (len > 0 && (size_t)len > w->prev_cap) {
		unsigned char *more = realloc(w->prev, (size_t)len);
		if (!more) {
			w->started = false; /* the next row cannot be judged: flag it */
			w->prev_len = -1;
			return true;
		}
		w->prev = more;
		w->prev_cap = (size_t)len;
	}
	if (len > 0)
		memcpy(w->prev, have, (size_t)len);
	w->prev_len = len;
	return broken;
}

void nd_chain_walk_free(struct nd_chain_walk *w)
{
	free(w->prev);
	w->prev = NULL;
	w->prev_cap = 0;
}
#endif

int nd_chain_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "nd_chain", -1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       chain_fn, NULL, NULL);
}
