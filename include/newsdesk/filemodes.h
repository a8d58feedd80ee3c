/* filemodes.h — are the database and its -wal/-shm shared the way the desk
 * needs? Everyone in the desk's group (the database's group) must be able to
 * write all three, or one reader's 0644 -wal blocks every filing; nobody
 * else may read them. */
#ifndef NEWSDESK_FILEMODES_H
#define NEWSDESK_FILEMODES_H

#include "newsdesk/buf.h"

/* Appends one "warning: …" line per problem with db_path, its -wal and
 * -shm and its folder to report; returns how many. */
int nd_check_file_modes(const char *db_path, struct nd_buf *report);

#endif
