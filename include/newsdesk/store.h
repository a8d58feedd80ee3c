/* store.h — the SQLite store: opening, migrating, transactions. The handle
 * is opaque above core; only store and core modules prepare statements. */
#ifndef NEWSDESK_STORE_H
#define NEWSDESK_STORE_H

#include "newsdesk/error.h"

#include <stdbool.h>
#include <stdint.h>

#define ND_APPLICATION_ID 0x4E44534B /* "NDSK" */

struct nd_store;

/* DB + this: the Litestream configuration `newsdesk replicate` writes and
 * locks while Litestream runs; checkpoints are then Litestream's (store.c
 * says why). */
#define ND_REPLICA_CONFIG_SUFFIX ".litestream.yml"

enum {
	ND_STORE_CREATE = 1, /* create the file (and its folder) when missing */
	ND_STORE_READONLY = 2, /* open for reading only */
	/* with READONLY: a file nobody changes while it is open (a copy just
	   made), read through one mapping of all of it (mapvfs.h) */
	ND_STORE_MAPPED = 4,
};

/* Opens (and when needed creates and migrates) the database at path. */
int nd_store_open(struct nd_store **out, const char *path, unsigned flags, struct nd_error *err);
void nd_store_close(struct nd_store *st);
const char *nd_store_path(const struct nd_store *st);

/* The schema version of the open file, and the newest this binary knows. */
int nd_store_version(struct nd_store *st);
int nd_store_latest_version(void);

/* Every write goes through BEGIN IMMEDIATE, so a writer waits for the lock
 * up front (busy handler) instead of failing at its first write. */
int nd_store_begin(struct nd_store *st, struct nd_error *err);
int nd_store_commit(struct nd_store *st, struct nd_error *err);
void nd_store_rollback(struct nd_store *st);

/* PRAGMA data_version: changes when another connection commits. */
int64_t nd_store_data_version(struct nd_store *st);
/* Rows this connection has changed since it opened: moves when this
 * process commits (data_version does not). */
int64_t nd_store_changes(struct nd_store *st);
/* While stop is set, a long statement asks it every few thousand steps and
 * ends (failing, as interrupted) when it returns non-zero: for counting in
 * a program's idle time, given up when a key arrives. NULL clears it. */
void nd_store_set_interrupt(struct nd_store *st, int (*stop)(void *arg), void *arg);
/* May two threads each use a connection of their own (SQLite built so)? */
bool nd_store_threadsafe(void);

/* The database path from --db, $NEWSDESK_DB or the XDG default (malloc'd). */
char *nd_store_default_path(const char *option);

/* The clock every stored time comes from; tests may replace it. */
int64_t nd_now(void);
void nd_clock_set(int64_t (*clock)(void));

#endif
