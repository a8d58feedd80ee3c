/* walcheck.h — reading the database's -wal as SQLite would: frames whose
 * salts or checksums do not match (a damaged or tampered file, whose later
 * commits SQLite ignores), and the committed frames not yet checkpointed
 * into the database file (what a plain file copy would miss). No SQLite:
 * the WAL format is read directly. */
#ifndef NEWSDESK_WALCHECK_H
#define NEWSDESK_WALCHECK_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"

#include <stdbool.h>

struct nd_wal_report {
	bool present; /* a -wal exists */
	long long bytes;
	int page_size;
	bool header_bad; /* bad magic, page size or header checksum */
	long frames; /* whole frames in the file */
	long valid; /* frames SQLite accepts, from the start */
	long committed; /* of those, up to the last commit frame */
	long backfilled; /* frames already in the database file (-shm), -1 unknown */
	long pages_pending; /* distinct pages in committed frames not backfilled */
	long bad_at; /* first frame of this WAL that fails its checksum (1-based), 0 none */
	long after_bad, commits_after_bad; /* frames of this WAL after it; commits among them */
};

int nd_wal_inspect(const char *db_path, struct nd_wal_report *r, struct nd_error *err);

/* For check: appends a line per finding to report; returns the number of
 * problems (a note on uncheckpointed frames is not one). */
int nd_wal_check(const char *db_path, struct nd_buf *report);

#endif
