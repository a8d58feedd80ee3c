/* chain.h — the SQL function nd_chain(prev, v1, v2, …) that every history
 * hash is made with (sql.c registers it on every connection; the nd_bigram
 * extension registers it in the sqlite3 shell, so a record written there
 * is hashed and enters the ledger as newsdesk's own do). */
#ifndef NEWSDESK_CHAIN_H
#define NEWSDESK_CHAIN_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* nd_chain(prev, v1, v2, …): the SHA-256, in hex, of the previous record's
 * hash and this record's values, each written unambiguously (N for NULL,
 * else T<length>:<text>). */
int nd_chain_register(sqlite3 *db);

/* What nd_chain(prev, the columns first … first + n - 1 of stmt's row)
 * gives, into hex (64 digits and a NUL), for a check that walks rows in C:
 * prev is the previous record's hash as prev_len bytes of text, NULL when
 * prev_len < 0. */
void nd_chain_columns(sqlite3_stmt *stmt, const void *prev, int prev_len, int first, int n,
		      char hex[65]);

/* A chain walked in C over a statement's rows, in the chain's order (a
 * window's lag() costs SQLite several times the hashing): each row's
 * stored hash (column hash) against nd_chain(the previous row's stored
 * hash, columns first … first + n - 1, then where give is set the value
 * given (given_len bytes; NULL when < 0), then column extra where extra
 * >= 0 and it is not NULL). Rows are in chains by column part (an item),
 * each beginning with a NULL previous hash; part < 0: one chain. */
struct nd_chain_walk {
	sqlite3_stmt *stmt;
	int part, hash, first, n, extra;
	bool give; /* set with given and given_len before each row */
	const void *given;
	int given_len;
	/* the walk's own */
	bool started, part_null;
	int64_t part_now;
	unsigned char *prev;
	int prev_len;
	size_t prev_cap;
};

/* After each row the statement steps to: whether its stored hash is not
 * what it would be chained to the one before (or cannot be judged: out
 * of memory). A check asks SQL about the rows flagged, for its words. */
bool nd_chain_walk_row(struct nd_chain_walk *w);
void nd_chain_walk_free(struct nd_chain_walk *w);

#endif
