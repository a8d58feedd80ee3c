/* bigram.h — the FTS5 tokenizer 'nd_bigram' the search index uses.
 *
 * Text is split at blanks (ASCII white space, U+00A0, U+3000) into runs;
 * inside a run every pair of adjacent characters is a term (工会, 会职,
 * 职工; ap, pp), and the last character of a run is a term of its own
 * (工), so every character starts a term: a one-character word is found
 * by a prefix query over the terms that start with it ("会" *), which is
 * exact. (Every character a term as well, as the index was until
 * migration search_pairs, made it a third larger.) Characters
 * are folded first, the same way for the index and for the re-check
 * (fold_char in bigram.c): Latin letters to lower case (ASCII, as SQLite's
 * lower()), full-width letters and digits to half-width, 「」『』〝〞‘’ to
 * “”, traditional characters to simplified (OpenCC's character tables,
 * committed in src/store/fold_han.h). Punctuation and digits are
 * characters like any other, so a query matches exactly where instr()
 * would: 5.2%, 2024年, App inside WhatsApp.
 *
 * The index (migration search_no_positions) keeps no positions (FTS5 detail=none): it says
 * which revisions hold every term of a word, and a word longer than one
 * term is then re-checked against the text (nd_bigram_contains). A word of
 * two characters is one term, one of one character one prefix, and the
 * index's answer is exact; a prefix costs FTS5 a merge of every term that
 * starts with it before the first row (search.c reads the newest items
 * first instead, for a page).
 *
 * The same file is built into newsdesk and as the loadable SQLite
 * extension nd_bigram.so, so the sqlite3 shell can read the index:
 *   sqlite3 desk.db -cmd '.load …/newsdesk/nd_bigram' 'SELECT …'  (man page) */
#ifndef NEWSDESK_BIGRAM_H
#define NEWSDESK_BIGRAM_H

#include <sqlite3.h>

/* Registers the tokenizer and the SQL functions nd_bigram_query and
 * nd_bigram_has on db (every connection, before the index is touched).
 * Returns an SQLite result code. */
int nd_bigram_register(sqlite3 *db);

/* The tokenizer itself, for the unit tests: calls token(ctx, flags, term,
 * bytes, start, end) as FTS5's xToken would be called. mode is
 * FTS5_TOKENIZE_DOCUMENT or FTS5_TOKENIZE_QUERY. */
typedef int (*nd_bigram_token_fn)(void *ctx, int flags, const char *term, int bytes, int start,
				  int end);
int nd_bigram_tokenize(void *ctx, int mode, const char *text, int bytes, nd_bigram_token_fn token);

/* What a character folds to is at most this many bytes (one character). */
#define ND_BIGRAM_FOLD_MAX 4

/* The FTS5 expression that finds the candidates for one search word: all
 * its terms, ANDed, each quoted (no FTS5 syntax survives but the prefix
 * star of a one-character term). *exact is set when the word is a single
 * term, so every candidate is a hit; otherwise each must be re-checked
 * with nd_bigram_contains. *prefix (when not NULL) is set when a term is
 * a prefix query (a merge of many terms). Free with sqlite3_free; NULL
 * when out of memory. Also the SQL function nd_bigram_query(word). */
char *nd_bigram_expr(const char *term, int bytes, int *exact, int *prefix);

/* Is term in text, character by character as the index folds them (see
 * above; every run of blanks alike; the term's own outer blanks do
 * not count)? 1 or 0; -1 when out of memory. Also the SQL function
 * nd_bigram_has(text, word), 0 for a NULL text. */
int nd_bigram_contains(const char *text, int bytes, const char *term, int term_bytes);

/* Where term first is in text, read as nd_bigram_contains reads it: the
 * byte offset of the hit (its length in the text, which folding may make
 * differ from the term's, in *len when len is not NULL), -1 when it is not
 * there, -2 when out of memory. */
int nd_bigram_find(const char *text, int bytes, const char *term, int term_bytes, int *len);

#endif
