/* files.h — the one way in and out of the server's files, and the
 * restricted context: in an SSH session nothing may open a file a user
 * names, create one, or start a program, whatever path led there. The
 * checks live here, at the point of effect, not in the parsers. */
#ifndef NEWSDESK_FILES_H
#define NEWSDESK_FILES_H

#include "newsdesk/error.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Enters the restricted context for the rest of the process; there is no
 * way back out. */
void nd_restrict(void);
bool nd_restricted(void);

/* Opens a file a user named, to read it. Refused (ND_EPERM) when restricted. */
int nd_open_input(const char *path, FILE **out, struct nd_error *err);

/* Marks a file that must never be an output, even with --force: the
 * database (with its -wal, -shm and -journal), a backup being made.
 * Compared by device and inode, and the sidecars by their folder's device
 * and inode and their name, so no spelling of the path gets past it. */
void nd_protect(const char *path, bool database);

enum {
	ND_OUT_FORCE = 1u << 0, /* --force: an existing file may be replaced */
	ND_OUT_MERGE = 1u << 1, /* replacing is the point (the caller read it first) */
	ND_OUT_SHARED = 1u << 2, /* 0660 whatever the umask: shared by the desk's group */
	ND_OUT_PRIVATE = 1u << 3, /* 0600 */
	ND_OUT_PARTIAL = 1u << 4, /* the temporary file is PATH.partial-PID (backups) */
};

/* An output file being written: a temporary file beside it, renamed over
 * the name only when whole. */
struct nd_output {
	char path[PATH_MAX];
	char tmp[PATH_MAX];
	int fd;
	unsigned flags;
};

/* Checks path may be written (not restricted, not protected, not existing
 * unless forced) and creates the temporary file. */
int nd_output_open(struct nd_output *o, const char *path, unsigned flags, struct nd_error *err);
int nd_output_write(struct nd_output *o, const void *data, size_t n, struct nd_error *err);
/* fsyncs, checks again, and moves the temporary file to the name (without
 * replacing an existing file unless forced). On failure it is removed. */
int nd_output_commit(struct nd_output *o, struct nd_error *err);
void nd_output_abort(struct nd_output *o);
/* The whole round trip for data in memory. */
int nd_output_file(const char *path, const void *data, size_t n, unsigned flags,
		   struct nd_error *err);
/* Creates an output folder (or takes an existing one); refused when restricted. */
int nd_output_dir(const char *dir, struct nd_error *err);
/* Creates a new file that others in the desk's group may write (0660,
 * whatever the umask), failing when it exists: the database. */
int nd_create_shared(const char *path, struct nd_error *err);
/* The same, left open for writing in *fd (an $EDITOR draft file). */
int nd_create_shared_fd(const char *path, int *fd, struct nd_error *err);
/* mkstemps(tmpl, suffix_len) for a scratch file (the $EDITOR round trip);
 * refused when restricted. */
int nd_temp_file(char *tmpl, int suffix_len, int *fd, struct nd_error *err);

#endif
