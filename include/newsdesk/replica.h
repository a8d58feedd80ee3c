/* replica.h — a standby copy of the store on another machine, streamed by
 * Litestream (https://litestream.io), which newsdesk configures and runs
 * but does not reimplement. The replica is named by a URL: a path or
 * file:// (a disk of another machine), sftp://USER@HOST[:PORT]/PATH or
 * s3://BUCKET/PATH. `newsdesk replicate URL` writes the Litestream
 * configuration beside the database (DB.litestream.yml) and holds a lock
 * on it for as long as Litestream runs: the store's sign that checkpoints
 * are Litestream's (store.c), and check's that replication runs. */
#ifndef NEWSDESK_REPLICA_H
#define NEWSDESK_REPLICA_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"

#include <stdbool.h>
#include <stddef.h>

/* Litestream syncs the WAL to the replica every this many seconds; the
 * documented lag is ND_REPLICA_LAG_SECONDS (sync interval and the time to
 * copy under load); `check` warns past ND_REPLICA_WARN_SECONDS. */
#define ND_REPLICA_SYNC_SECONDS 1
#define ND_REPLICA_LAG_SECONDS 5
#define ND_REPLICA_WARN_SECONDS 10

/* The Litestream binary: $NEWSDESK_LITESTREAM, else "litestream" on PATH. */
const char *nd_litestream(void);

/* DB.litestream.yml into out. */
int nd_replica_config_path(const char *db_path, char *out, size_t size, struct nd_error *err);

/* The litestream.yml replicating db_path to url, into out. The URL is
 * checked against an allowlist (ND_EINVAL naming what is wrong). */
int nd_replica_config(const char *db_path, const char *url, struct nd_buf *out,
		      struct nd_error *err);

/* Writes the configuration beside the database and becomes Litestream
 * replicating it (returns only on failure). */
int nd_replicate(const char *db_path, const char *url, struct nd_error *err);

/* Turns an ISO 8601 time (2026-11-23T06:40:00Z, …+08:00, or local time
 * without a zone; seconds may have a fraction) into the UTC RFC 3339 form
 * Litestream reads. */
int nd_replica_timestamp(const char *iso, char *out, size_t size, struct nd_error *err);

/* Restores the replica at url (as of timestamp, NULL for the newest) to
 * the new file out, which must not exist. The caller puts it in place. */
int nd_replica_fetch(const char *db_path, const char *url, const char *timestamp, const char *out,
		     struct nd_error *err);

struct nd_replica_status {
	bool configured; /* DB.litestream.yml exists */
	bool running; /* a Litestream process runs with that configuration */
	bool known; /* lag_seconds was read from the replica */
	double lag_seconds; /* the local WAL's newest write minus the replica's */
	char url[512];
};

/* What `check` says about the replica; warnings (stopped, behind, not
 * reachable) are appended to report, one line each, and counted in the
 * return value. Not configured: 0 and nothing said. */
int nd_replica_check(const char *db_path, struct nd_replica_status *s, struct nd_buf *report);

/* The same, cheaply enough for a screen that redraws (the desk's title):
 * no program run and nothing read from the network — a few stat calls and
 * a lock test. The lag is known only for a folder replica (a path or
 * file://); for sftp:// and s3:// `check` asks Litestream. Returns the
 * number of warnings (stopped; more than ND_REPLICA_WARN_SECONDS behind). */
int nd_replica_peek(const char *db_path, struct nd_replica_status *s);

#endif
