/* maintenance.h — backing the store up while others write (checking the
 * store is check.h). */
#ifndef NEWSDESK_MAINTENANCE_H
#define NEWSDESK_MAINTENANCE_H

#include "newsdesk/buf.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>

/* Copies the open store to path with the online backup API (readers and
 * writers go on meanwhile): to a temporary name, fsync, rename, then the
 * copy is checked (integrity_check, foreign_key_check). The file is 0660;
 * an existing one is replaced only when force, and never the database. */
int nd_backup(struct nd_store *st, const struct nd_actor *actor, const char *path, bool force,
	      struct nd_error *err);

#endif
