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
 * - bigram + unigram: every query of any length is one term or one
 *   phrase lookup; the exact count of 工会 is one doclist walk. Without
 *   positions (detail=none) the index was 0.44× the text it indexes, a
 *   third of its entries the unigrams.
 * - bigram + each run's last character (this, issue 33): 0.30× the text.
 *   Every character still starts a term, so a one-character word is the
 *   prefix query of its bytes, exact; FTS5 merges every term with that
 *   prefix before its first row (0.06 s for 会 at 100,000 items), so
 *   search.c reads the newest items' text for a page first. Without the
 *   run's last character, a character alone between blanks, or at the end
 *   of a run, would be in no term at all. */
#ifdef ND_BIGRAM_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#endif
#include "fold_han.h"
#include "newsdesk/bigram.h"
#include "newsdesk/chain.h"
#include "newsdesk/utf8enc.h"

#include <pthread.h>
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

/* A character of the text: where it is, and its folded form (folded once,
 * though it is part of up to three terms). */
struct ch {
	int start, bytes;
	int flen;
	char f[ND_BIGRAM_FOLD_MAX];
};

/* The code point of the valid n-byte UTF-8 character at p. */
static unsigned code_point(const unsigned char *p, int n)
{
	unsigned c = n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
	for (int i = 1; i < n; i++)
		c = c << 6 | (p[i] & 0x3Fu);
	return c;
}

/* Quotation marks, each folded to the mainland's double quote of its side.
 * 「」 and 『』 are Hong Kong's and Taiwan's quotes (『』 inside 「」), 〝〞〟
 * the corner-style pair; ‘’ fold too: whether a quotation is single or
 * double depends on where it is quoted (工会“双进” inside a quotation is
 * 工会‘双进’), not on what it says, so one query finds both. */
static const unsigned quote_fold[][2] = {
	{ 0x2018, 0x201C }, /* ‘ */
	{ 0x2019, 0x201D }, /* ’ */
	{ 0x300C, 0x201C }, /* 「 */
	{ 0x300D, 0x201D }, /* 」 */
	{ 0x300E, 0x201C }, /* 『 */
	{ 0x300F, 0x201D }, /* 』 */
	{ 0x301D, 0x201C }, /* 〝 */
	{ 0x301E, 0x201D }, /* 〞 */
	{ 0x301F, 0x201D }, /* 〟 */
};

/* What the code point c folds to (itself when nothing). */
static unsigned fold_code(unsigned c)
{
	if (c >= 0xFF10 && c <= 0xFF19) /* full-width digits, letters */
		return c - 0xFF10 + '0';
	if (c >= 0xFF21 && c <= 0xFF3A)
		return c - 0xFF21 + 'a';
	if (c >= 0xFF41 && c <= 0xFF5A)
		return c - 0xFF41 + 'a';
	if (c <= 0x301F) {
		for (size_t i = 0; i < sizeof quote_fold / sizeof *quote_fold; i++)
			if (quote_fold[i][0] == c)
				return quote_fold[i][1];
	}
	/* traditional → simplified (fold_han.h, from OpenCC), sorted */
	size_t lo = 0, hi = sizeof nd_fold_han / sizeof *nd_fold_han;
	if (c < nd_fold_han[0][0])
		return c;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (nd_fold_han[mid][0] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof nd_fold_han / sizeof *nd_fold_han && nd_fold_han[lo][0] == c
		   ? nd_fold_han[lo][1]
		   : c;
}

/* The BMP characters fold_code may change, one bit each (8 KB), made once
 * from the tables: the text a re-check reads is mostly characters that
 * fold to themselves, and a bit is cheaper than a binary search. */
static unsigned char bmp_folds[0x10000 / 8];
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void bmp_mark(unsigned c)
{
	if (c < 0x10000)
		bmp_folds[c >> 3] |= (unsigned char)(1u << (c & 7));
}

static void bmp_build(void)
{
	for (unsigned c = 0xFF10; c <= 0xFF5A; c++)
		bmp_mark(c);
	for (size_t i = 0; i < sizeof quote_fold / sizeof *quote_fold; i++)
		bmp_mark(quote_fold[i][0]);
	for (size_t i = 0; i < sizeof nd_fold_han / sizeof *nd_fold_han; i++)
		bmp_mark(nd_fold_han[i][0]);
}

/* Every entry point that folds calls this first (fold_char reads the bits). */
static void fold_ready(void)
{
	pthread_once(&bmp_once, bmp_build);
}

/* The one normalisation of a character, shared by the index (the terms it
 * holds and looks up) and the re-check of candidates (nd_bigram_contains),
 * so the two never disagree: writes the folded form of the n bytes at p to
 * out (at most ND_BIGRAM_FOLD_MAX bytes, one character) and returns its
 * length. Latin letters fold to lower case (ASCII, as SQLite's lower());
 * full-width letters and digits to half-width ones; the quotation marks of
 * quote_fold to “ ”; traditional characters (and Hong Kong's and Taiwan's
 * variants) to simplified ones, by OpenCC's character tables as committed
 * in fold_han.h — never by the libopencc a machine has, so an index means
 * the same everywhere. A changed fold needs a migration that rebuilds the
 * index. An invalid byte is itself. */
static int fold_char(const unsigned char *p, int n, char *out)
{
	if (n == 1) {
		out[0] = p[0] >= 'A' && p[0] <= 'Z' ? (char)(p[0] - 'A' + 'a') : (char)p[0];
		return 1;
	}
	if (n == 3) { /* Han, kana, CJK punctuation: the text's bulk */
		unsigned c3 = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
		if (!(bmp_folds[c3 >> 3] >> (c3 & 7) & 1)) {
			out[0] = (char)p[0];
			out[1] = (char)p[1];
			out[2] = (char)p[2];
			return 3;
		}
	}
	unsigned c = code_point(p, n);
	/* most characters fold to themselves: one bit says so */
	bool may = c >= 0x10000 ? c >= nd_fold_han[0][0] : bmp_folds[c >> 3] >> (c & 7) & 1;
	unsigned f = may ? fold_code(c) : c;
	if (f == c) {
		memcpy(out, p, (size_t)n);
		return n;
	}
	return nd_utf8_put(f, out);
}

/* Emits the term made of characters a (and b, when b.bytes > 0), folded. */
static int emit(void *ctx, nd_bigram_token_fn token, int flags, struct ch a, struct ch b)
{
	char term[2 * ND_BIGRAM_FOLD_MAX];
	memcpy(term, a.f, (size_t)a.flen);
	int n = a.flen;
	if (b.bytes) {
		memcpy(term + n, b.f, (size_t)b.flen);
		n += b.flen;
	}
	int end = b.bytes ? b.start + b.bytes : a.start + a.bytes;
	return token(ctx, flags, term, n, a.start, end);
}

int nd_bigram_tokenize(void *ctx, int mode, const char *text, int bytes, nd_bigram_token_fn token)
{
	fold_ready();
	static const struct ch none = { 0, 0, 0, "" };
	const unsigned char *u = (const unsigned char *)text;
	bool query = mode == FTS5_TOKENIZE_QUERY;
	/* every character is the first of a pair (the pair that starts with
	   it) or the last of its run (a term of its own): a one-character
	   word is every term that starts with it, a prefix query */
	struct ch prev = none, tail = none; /* tail: a query run's last character, pending */
	int run = 0, rc = SQLITE_OK;
	for (int i = 0; i <= bytes && rc == SQLITE_OK;) {
		int n = i < bytes ? char_bytes(u + i, bytes - i) : 0;
		if (i == bytes || is_blank(u + i, n)) {
			/* the run ends: its last character is a term of its own, the
			   one character no pair starts with (in a query only when a
			   run follows, which a tail waits for: a query keeps the
			   positions a document has) */
			if (run && (!query || run == 1))
				rc = emit(ctx, token, 0, prev, none);
			else if (run)
				tail = prev;
			run = 0;
			if (i == bytes)
				break;
			i += n;
			continue;
		}
		struct ch c = { i, n, 0, "" };
		c.flen = fold_char(u + i, n, c.f);
		if (run == 0 && tail.bytes) {
			rc = emit(ctx, token, 0, tail, none);
			tail = none;
		}
		if (run > 0 && rc == SQLITE_OK)
			rc = emit(ctx, token, 0, prev, c);
		prev = c;
		run++;
		i += n;
	}
	return rc;
}

/* A growing byte buffer that starts on the caller's stack, so the re-check
 * of an ordinary body allocates nothing. */
struct fbuf {
	char *p;
	int len, cap;
	bool heap;
};

static int fbuf_room(struct fbuf *b, int more)
{
	if (b->len + more <= b->cap)
		return 0;
	int cap = (b->len + more) * 2;
	char *np = sqlite3_malloc(cap);
	if (!np)
		return -1;
	memcpy(np, b->p, (size_t)b->len);
	if (b->heap)
		sqlite3_free(b->p);
	b->p = np;
	b->cap = cap;
	b->heap = true;
	return 0;
}

/* A search word as the index sees it: every character folded, every run
 * of blanks one space, none at either end. */
static int normalise(const char *text, int bytes, struct fbuf *out)
{
	const unsigned char *u = (const unsigned char *)text;
	for (int i = 0; i < bytes;) {
		int n = char_bytes(u + i, bytes - i);
		if (fbuf_room(out, ND_BIGRAM_FOLD_MAX) < 0)
			return -1;
		if (!is_blank(u + i, n))
			out->len += fold_char(u + i, n, out->p + out->len);
		else if (out->len > 0 && out->p[out->len - 1] != ' ')
			out->p[out->len++] = ' ';
		i += n;
	}
	if (out->len > 0 && out->p[out->len - 1] == ' ')
		out->len--;
	return 0;
}

/* Does the normalised word w start at byte i of the text, read as
 * normalise() would read it (folded, a run of blanks one space)? The byte
 * after its end when it does, else -1. */
static int match_at(const unsigned char *u, int bytes, int i, const struct fbuf *w)
{
	for (int j = 0; j < w->len;) {
		if (i >= bytes)
			return -1;
		int n = char_bytes(u + i, bytes - i);
		if (is_blank(u + i, n)) {
			if (w->p[j++] != ' ')
				return -1;
			while (i < bytes && is_blank(u + i, n = char_bytes(u + i, bytes - i)))
				i += n;
			continue;
		}
		char f[ND_BIGRAM_FOLD_MAX];
		int m = fold_char(u + i, n, f);
		if (m > w->len - j || memcmp(f, w->p + j, (size_t)m) != 0)
			return -1;
		j += m;
		i += n;
	}
	return i;
}

int nd_bigram_find(const char *text, int bytes, const char *term, int term_bytes, int *len)
{
	fold_ready();
	/* the text is read in place, each character folded as it is compared:
	   a candidate's body is not copied */
	char wstack[1024];
	struct fbuf w = { wstack, 0, sizeof wstack, false };
	const unsigned char *u = (const unsigned char *)text;
	int at = -1, end = -1;
	if (normalise(term, term_bytes, &w) < 0)
		return -2;
	if (w.len == 0)
		at = end = 0;
	for (int i = 0; at < 0 && i < bytes; i += char_bytes(u + i, bytes - i))
		if ((end = match_at(u, bytes, i, &w)) >= 0)
			at = i;
	if (w.heap)
		sqlite3_free(w.p);
	if (len)
		*len = at >= 0 ? end - at : 0;
	return at;
}

/* Is every byte of the normalised word part of a valid character? */
static bool all_valid(const struct fbuf *w)
{
	const unsigned char *u = (const unsigned char *)w->p;
	for (int i = 0; i < w->len;) {
		int n = char_bytes(u + i, w->len - i);
		if (n == 1 && u[i] >= 0x80)
			return false;
		i += n;
	}
	return true;
}

/* Appends the text from byte *i, folded and its blank runs made one space
 * as normalise() does, until about `chunk` bytes are read. */
static int fold_more(const unsigned char *u, int bytes, int *i, int chunk, struct fbuf *t)
{
	for (int stop = *i + chunk; *i < bytes && *i < stop;) {
		int n = char_bytes(u + *i, bytes - *i);
		if (fbuf_room(t, ND_BIGRAM_FOLD_MAX) < 0)
			return -1;
		if (!is_blank(u + *i, n))
			t->len += fold_char(u + *i, n, t->p + t->len);
		else if (t->len > 0 && t->p[t->len - 1] != ' ')
			t->p[t->len++] = ' ';
		*i += n;
	}
	return 0;
}

int nd_bigram_contains(const char *text, int bytes, const char *term, int term_bytes)
{
	fold_ready();
	/* the text is folded as the word is, a piece at a time, and the word
	   looked for with memmem in what is folded so far (from where the last
	   look could not have seen it): a valid word can only match at a
	   character of the text, so this is what match_at at every character
	   finds, several times faster, and it stops at the first hit. A word
	   with an invalid byte, which could match inside a character, is
	   looked for character by character. */
	char wstack[256], tstack[4096];
	struct fbuf w = { wstack, 0, sizeof wstack, false };
	struct fbuf t = { tstack, 0, sizeof tstack, false };
	const unsigned char *u = (const unsigned char *)text;
	int rc = normalise(term, term_bytes, &w) < 0 ? -1 : 0;
	bool scan = rc == 0 && w.len > 0 && all_valid(&w);
	if (rc == 0 && w.len == 0)
		rc = 1;
	else if (rc == 0 && !scan) {
		int at = nd_bigram_find(text, bytes, term, term_bytes, NULL);
		rc = at == -2 ? -1 : at >= 0;
	}
	/* pieces of 96 bytes, then larger (a hit is often near the start);
	   after a miss only the last w.len - 1 bytes are kept, where a hit
	   may begin, so a long text needs no more room than a piece */
	for (int i = 0, piece = 96; scan && rc == 0 && i < bytes;
	     piece = piece < 1536 ? piece * 2 : 1536) {
		if (fold_more(u, bytes, &i, piece, &t) < 0) {
			rc = -1;
			break;
		}
		rc = memmem(t.p, (size_t)t.len, w.p, (size_t)w.len) != NULL;
		int keep = t.len < w.len - 1 ? t.len : w.len - 1;
		memmove(t.p, t.p + t.len - keep, (size_t)keep);
		t.len = keep;
	}
	if (w.heap)
		sqlite3_free(w.p);
	if (t.heap)
		sqlite3_free(t.p);
	return rc;
}

/* The terms a query term is made of, as the tokenizer gives them. */
struct terms {
	char (*t)[2 * ND_BIGRAM_FOLD_MAX];
	int *len;
	int n, cap;
};

static int collect(void *ctx, int flags, const char *term, int bytes, int start, int end)
{
	struct terms *ts = ctx;
	(void)flags;
	(void)start;
	(void)end;
	if (ts->n == ts->cap || bytes > 2 * ND_BIGRAM_FOLD_MAX)
		return SQLITE_ERROR;
	memcpy(ts->t[ts->n], term, (size_t)bytes);
	ts->len[ts->n++] = bytes;
	return SQLITE_OK;
}

/* Is term i needed: not a repeat, and not a character a bigram of the
 * same term already holds (the last character of a run, which the
 * tokenizer emits only to keep a phrase's positions). */
static bool needed(const struct terms *ts, int i)
{
	for (int j = 0; j < ts->n; j++) {
		if (j == i)
			continue;
		bool same = ts->len[j] == ts->len[i] && !memcmp(ts->t[j], ts->t[i], ts->len[i]);
		if (same && j < i)
			return false;
		bool inside = ts->len[j] > ts->len[i] &&
			      (!memcmp(ts->t[j], ts->t[i], ts->len[i]) ||
			       !memcmp(ts->t[j] + ts->len[j] - ts->len[i], ts->t[i], ts->len[i]));
		if (inside)
			return false;
	}
	return true;
}

/* Is term i one character (a run of one, or a run's last in a query)? */
static bool one_char(const struct terms *ts, int i)
{
	return char_bytes((const unsigned char *)ts->t[i], ts->len[i]) == ts->len[i];
}

char *nd_bigram_expr(const char *term, int bytes, int *exact, int *prefix)
{
	bool invalid = false;
	*exact = 0;
	if (prefix)
		*prefix = 0;
	struct terms ts = { 0 };
	ts.cap = 2 * bytes + 2;
	ts.t = sqlite3_malloc(ts.cap * (int)sizeof *ts.t);
	ts.len = sqlite3_malloc(ts.cap * (int)sizeof *ts.len);
	char *out = NULL;
	if (ts.t && ts.len &&
	    nd_bigram_tokenize(&ts, FTS5_TOKENIZE_QUERY, term, bytes, collect) == SQLITE_OK) {
		sqlite3_str *s = sqlite3_str_new(NULL);
		int written = 0;
		for (int i = 0; i < ts.n; i++) {
			if (!needed(&ts, i))
				continue;
			sqlite3_str_appendall(s, written++ ? " AND \"" : "\"");
			for (int k = 0; k < ts.len[i]; k++) {
				if (ts.t[i][k] == '"')
					sqlite3_str_appendchar(s, 1, '"');
				sqlite3_str_appendchar(s, 1, ts.t[i][k]);
			}
			sqlite3_str_appendchar(s, 1, '"');
			/* one character: the pairs that start with it and the runs
			   it ends, all the terms that start with its bytes (a valid
			   character is never the start of another; an invalid byte
			   is the start of many, so its candidates are re-checked) */
			if (one_char(&ts, i)) {
				sqlite3_str_appendall(s, " *");
				invalid = invalid ||
					  (ts.len[i] == 1 && (unsigned char)ts.t[i][0] >= 0x80);
				if (prefix)
					*prefix = 1;
			}
		}
		if (!written)
			sqlite3_str_appendall(s, "\"\""); /* no character: matches nothing */
		*exact = ts.n == 1 && !invalid;
		out = sqlite3_str_finish(s);
	}
	sqlite3_free(ts.t);
	sqlite3_free(ts.len);
	return out;
}

/* nd_bigram_query(term): the FTS5 expression of one term (SQL). */
static void query_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *term = (const char *)sqlite3_value_text(argv[0]);
	if (!term)
		return;
	int exact;
	char *expr = nd_bigram_expr(term, sqlite3_value_bytes(argv[0]), &exact, NULL);
	if (!expr)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, expr, -1, sqlite3_free);
}

/* nd_bigram_has(text, term): the term is in the text (SQL). */
static void has_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *term = (const char *)sqlite3_value_text(argv[1]);
	if (!text || !term) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	int rc = nd_bigram_contains(text, sqlite3_value_bytes(argv[0]), term,
				    sqlite3_value_bytes(argv[1]));
	if (rc < 0)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_int(ctx, rc);
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
	rc = api->xCreateTokenizer(api, "nd_bigram", NULL, &tokenizer, NULL);
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_bigram_query", 1, flags, NULL, query_fn, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_bigram_has", 2, flags, NULL, has_fn, NULL,
					     NULL);
	return rc;
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
