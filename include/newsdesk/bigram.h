/* bigram.h — the FTS5 tokenizer 'nd_bigram' the search index uses.
 *
 * Text is split at blanks (ASCII white space, U+00A0, U+3000) into runs;
 * inside a run every pair of adjacent characters is a term (工会, 会职,
 * 职工; ap, pp), and every character is also a unigram term at the same
 * position, so a one-character query is one term lookup. Letters are
 * case-folded (ASCII, as SQLite's lower()). Punctuation and digits are
 * characters like any other, so a query matches exactly where instr()
 * would: 5.2%, 2024年, App inside WhatsApp.
 *
 * A query of two or more characters is a phrase of its bigrams; one of
 * one character is its unigram. The last character of each run also holds
 * a position of its own, so a phrase never runs across a blank unless the
 * query has one there too ("trade union").
 *
 * The same file is built into newsdesk and as the loadable SQLite
 * extension nd_bigram.so, so the sqlite3 shell can read the index:
 *   sqlite3 desk.db -cmd '.load …/newsdesk/nd_bigram' 'SELECT …'  (man page) */
#ifndef NEWSDESK_BIGRAM_H
#define NEWSDESK_BIGRAM_H

#include <sqlite3.h>

/* Registers the tokenizer on db (every connection, before the index is
 * touched). Returns an SQLite result code. */
int nd_bigram_register(sqlite3 *db);

/* The tokenizer itself, for the unit tests: calls token(ctx, flags, term,
 * bytes, start, end) as FTS5's xToken would be called. mode is
 * FTS5_TOKENIZE_DOCUMENT or FTS5_TOKENIZE_QUERY. */
typedef int (*nd_bigram_token_fn)(void *ctx, int flags, const char *term, int bytes, int start,
				  int end);
int nd_bigram_tokenize(void *ctx, int mode, const char *text, int bytes, nd_bigram_token_fn token);

#endif
