/* backup.h — copying the store while others write, and putting a copy
 * back. A backup is one read snapshot (its pages) written to a
 * temporary name in the target folder, synced, verified, then renamed:
 * the target is either the old file or a whole checked copy. */
#ifndef NEWSDESK_BACKUP_H
#define NEWSDESK_BACKUP_H

#include "newsdesk/buf.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>

struct nd_root;

/* Writes a checked copy of the open store to path (admins), 0660. An
 * existing file is replaced only when force, and never the database.
 * Partial files of earlier backups to the same path whose process is gone
 * are removed first; *cleaned tells how many (may be NULL). *root is the
 * root the copy holds, recorded in the store (anchor.h). */
int nd_backup(struct nd_store *st, const struct nd_actor *actor, const char *path, bool force,
	      int *cleaned, struct nd_root *root, struct nd_error *err);

/* Checks that path is a whole newsdesk database: integrity_check,
 * foreign_key_check and its application_id (restore; a backup just
 * written is checked with quick_check alone, backup.c says why). */
int nd_backup_verify(const char *path, struct nd_error *err);

/* The processes other than this one that have the database at db_path
 * (or its -wal or -shm) open, one "PID (command)" per line into who;
 * returns how many, or a negative error. */
int nd_db_users(const char *db_path, struct nd_buf *who, struct nd_error *err);

/* The files killed restores left beside the database (DB.restoring-PID,
 * DB.from-replica-PID and theirs) whose process is gone: removed when
 * clean, else one warning line each into found. Returns how many. */
int nd_restore_leftovers(const char *db_path, bool clean, struct nd_buf *found);

struct nd_restore_result {
	char aside[4096]; /* where the database that was replaced went */
	int moved; /* files moved aside: the database, -wal, -shm */
	int cleaned; /* files left by killed restores, removed first */
};

/* Puts the backup at db_path: verifies it, refuses while another process
 * has the database open, moves the database and its -wal and -shm aside
 * under timestamped names (never deleting them), and copies the backup in
 * (temporary name, fsync, rename, fsync of the folder). The caller checks
 * the result with nd_check. */
int nd_restore(const char *db_path, const char *backup, struct nd_restore_result *res,
	       struct nd_error *err);

#endif
