/* bigram.c — the FTS5 tokenizer 'nd_bigram' (see bigram.h for what it
 * emits). Built twice: into newsdesk, and with ND_BIGRAM_EXTENSION as the
 * loadable extension nd_bigram.so for the sqlite3 shell.
 *
 * Why bigrams, measured at 100,000 generated items (bench/gen.c, the
 * numbers are in the README and the commit that chose this):
 * - trigram (before): two-character words are not in the index at all,
 *   so 工会 meant scanning bodies; only a window of them could be afforded.
 * - trigram + fts5vocab expansion of short words: 工会 must become an OR
 *   of every indexed trigram containing it (x工会 and 工会x), hundreds of
 *   terms found by scanning the whole vocabulary, each doclist merged —
 *   slower than the scan it replaces for common words.
 * - trigram + a bigram side index: the bigram index alone answers every
 *   query, so the trigram half is only cost (two indexes written on every
 *   filing).
 * - bigram + unigram (this): every query of any length is one term or one
 *   phrase lookup; the exact count of 工会 is one doclist walk. */
#ifdef ND_BIGRAM_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#endif
#include "newsdesk/bigram.h"
#include "newsdesk/chain.h"

#include <stdbool.h>
#include <string.h>

/* Bytes of the (possibly invalid) UTF-8 character at p: an invalid or
 * truncated sequence is one byte, a character of its own. */
static int char_bytes(const unsigned char *p, int left)
{
	int n = p[0] < 0x80                   ? 1
		: p[0] >= 0xC2 && p[0] < 0xE0 ? 2
		: p[0] >= 0xE0 && p[0] < 0xF0 ? 3
		: p[0] >= 0xF0 && p[0] < 0xF5 ? 4
					      : 1;
	if (n > left)
		return 1;
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* The blanks that separate runs; search.c splits queries at the same ones. */
static bool is_blank(const unsigned char *p, int n)
{
	if (n == 1)
		return p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r');
	if (n == 2)
		return p[0] == 0xC2 && p[1] == 0xA0; /* no-break space */
	return n == 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80; /* U+3000 */
}

struct ch {
	int start, bytes;
};

/* Emits the term made of characters a (and b, when b.bytes > 0), folded. */
static int emit(void *ctx, nd_bigram_token_fn token, int flags, const char *text, struct ch a,
		struct ch b)
{
	char term[8];
	int n = 0;
	for (int i = 0; i < a.bytes; i++)
		term[n++] = text[a.start + i];
	for (int i = 0; i < b.bytes; i++)
		term[n++] = text[b.start + i];
	for (int i = 0; i < n; i++)
		if (term[i] >= 'A' && term[i] <= 'Z')
			term[i] = (char)(term[i] - 'A' + 'a');
	int end = b.bytes ? b.start + b.bytes : a.start + a.bytes;
	return token(ctx, flags, term, n, a.start, end);
}

int nd_bigram_tokenize(void *ctx, int mode, const char *text, int bytes, nd_bigram_token_fn token)
{
	static const struct ch none = { 0, 0 };
	const unsigned char *u = (const unsigned char *)text;
	bool query = mode == FTS5_TOKENIZE_QUERY;
	struct ch prev = none, tail = none; /* tail: a query run's last character, pending */
	int run = 0, rc = SQLITE_OK;
	for (int i = 0; i <= bytes && rc == SQLITE_OK;) {
		int n = i < bytes ? char_bytes(u + i, bytes - i) : 0;
		if (i == bytes || is_blank(u + i, n)) {
			/* the run ends: its last character holds a position of its own
			   (in a query only when a run follows, which a tail waits for) */
			if (run && (!query || run == 1))
				rc = emit(ctx, token, 0, text, prev, none);
			else if (run)
				tail = prev;
			run = 0;
			if (i == bytes)
				break;
			i += n;
			continue;
		}
		struct ch c = { i, n };
		if (run == 0 && tail.bytes) {
			rc = emit(ctx, token, 0, text, tail, none);
			tail = none;
		}
		if (run > 0 && rc == SQLITE_OK) {
			rc = emit(ctx, token, 0, text, prev, c);
			if (!query && rc == SQLITE_OK)
				rc = emit(ctx, token, FTS5_TOKEN_COLOCATED, text, prev, none);
		}
		prev = c;
		run++;
		i += n;
	}
	return rc;
}

/* The FTS5 glue: the tokenizer takes no arguments and keeps no state. */
static int create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	if (argc > 0)
		return SQLITE_ERROR;
	static char instance;
	*out = (Fts5Tokenizer *)&instance;
	return SQLITE_OK;
}

static void destroy(Fts5Tokenizer *t)
{
	(void)t;
}

static int tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int bytes,
		    int (*token)(void *, int, const char *, int, int, int))
{
	(void)t;
	return nd_bigram_tokenize(
	    ctx, flags & FTS5_TOKENIZE_QUERY ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT, text,
	    bytes, token);
}

int nd_bigram_register(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
	/* not nd_sql_step: this file is also the standalone extension, with
	   no nd_store; the one row is checked below */
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW || !api)
		return SQLITE_ERROR;
	static fts5_tokenizer tokenizer = { create, destroy, tokenize };
	return api->xCreateTokenizer(api, "nd_bigram", NULL, &tokenizer, NULL);
}

#ifdef ND_BIGRAM_EXTENSION
/* The entry point SQLite derives from the file name nd_bigram.so. */
#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_ndbigram_init(sqlite3 *db, char **msg, const sqlite3_api_routines *routines)
{
	SQLITE_EXTENSION_INIT2(routines);
	int rc = nd_bigram_register(db);
	if (rc == SQLITE_OK)
		rc = nd_chain_register(db); /* the ledger's triggers hash with it */
	if (rc != SQLITE_OK && msg)
		*msg = sqlite3_mprintf("nd_bigram: FTS5 is not available (%s)", sqlite3_errstr(rc));
	return rc;
}
#endif
