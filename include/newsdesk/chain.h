/* chain.h — the SQL function nd_chain(prev, v1, v2, …) that every history
 * hash is made with (sql.c registers it on every connection; the nd_bigram
 * extension registers it in the sqlite3 shell, so a record written there
 * is hashed and enters the ledger as newsdesk's own do). */
#ifndef NEWSDESK_CHAIN_H
#define NEWSDESK_CHAIN_H

#include <sqlite3.h>

/* nd_chain(prev, v1, v2, …): the SHA-256, in hex, of the previous record's
 * hash and this record's values, each written unambiguously (N for NULL,
 * else T<length>:<text>). */
int nd_chain_register(sqlite3 *db);

#endif
