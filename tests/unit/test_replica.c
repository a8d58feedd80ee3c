/* test_replica.c — nd_replica_peek, what the desk's title says about the
 * replica, over a replica folder laid out as Litestream 0.3 lays it out
 * (REPLICA/generations/GEN/{wal,snapshots}, the generation written now in
 * DIR/.NAME-litestream/generation) with times set by hand: stopped,
 * running, behind, a WAL newer than the database, and an sftp replica
 * whose lag only `check` can ask Litestream for. */
#include "newsdesk/replica.h"
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define GEN "0123456789abcdef"

static char dir[256], db[300];

static void touch_at(const char *path, double t)
{
	struct timeval tv[2];
	tv[0].tv_sec = tv[1].tv_sec = (time_t)t;
	tv[0].tv_usec = tv[1].tv_usec = (suseconds_t)((t - (double)(time_t)t) * 1e6);
	utimes(path, tv);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void configure(const char *url)
{
	struct nd_buf yml = ND_BUF_INIT;
	struct nd_error err = { 0 };
	char cfg[400];
	ok(nd_replica_config(db, url, &yml, &err) == 0, "a configuration for %s", url);
	snprintf(cfg, sizeof cfg, "%s.litestream.yml", db);
	write_file(cfg, nd_buf_str(&yml));
	nd_buf_free(&yml);
}

int main(void)
{
	char path[400], replica[300], wal_dir[440], snaps[440], cfg[400];
	struct nd_replica_status s;
	snprintf(dir, sizeof dir, "/tmp/nd-replica-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(db, sizeof db, "%s/desk.db", dir);
	snprintf(replica, sizeof replica, "%s/replica", dir);
	snprintf(cfg, sizeof cfg, "%s.litestream.yml", db);
	write_file(db, "");
	double now = (double)time(NULL);
	touch_at(db, now);

	is_int(nd_replica_peek(db, &s), 0, "no replica configured: no warning");
	ok(!s.configured, "…and nothing to say");

	configure(replica);
	is_int(nd_replica_peek(db, &s), 1, "configured but nothing runs: a warning");
	ok(s.configured && !s.running, "…stopped");
	ok(!s.known, "…no copy yet: the lag is not known");
	is_str(s.url, replica, "the replica's folder, from the configuration");

	/* what `newsdesk replicate` holds while Litestream runs */
	int lock = open(cfg, O_RDONLY);
	ok(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0, "the replicator's lock taken");
	snprintf(path, sizeof path, "%s/.desk.db-litestream", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/.desk.db-litestream/generation", dir);
	write_file(path, GEN);
	snprintf(path, sizeof path, "%s/generations", replica);
	mkdir(replica, 0700);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/generations/" GEN, replica);
	mkdir(path, 0700);
	snprintf(wal_dir, sizeof wal_dir, "%s/wal", path);
	snprintf(snaps, sizeof snaps, "%s/snapshots", path);
	mkdir(wal_dir, 0700);
	mkdir(snaps, 0700);
	touch_at(snaps, now - 100);
	touch_at(wal_dir, now - 2);
	is_int(nd_replica_peek(db, &s), 0, "running, 2 s behind: no warning");
	ok(s.running && s.known, "…running, the lag known");
	ok(s.lag_seconds > 1.9 && s.lag_seconds < 2.1, "…2 s (%.3f)", s.lag_seconds);

	touch_at(wal_dir, now + 1);
	nd_replica_peek(db, &s);
	ok(s.known && s.lag_seconds == 0, "a replica written after the database: 0 behind");

	touch_at(wal_dir, now - 30);
	is_int(nd_replica_peek(db, &s), 1, "30 s behind: a warning");
	ok(s.lag_seconds > 29.9 && s.lag_seconds < 30.1, "…30 s (%.3f)", s.lag_seconds);

	snprintf(path, sizeof path, "%s-wal", db);
	write_file(path, "x");
	touch_at(path, now + 5);
	nd_replica_peek(db, &s);
	ok(s.lag_seconds > 34.9 && s.lag_seconds < 35.1,
	   "the -wal's newest write counts, as Litestream counts it (%.3f)", s.lag_seconds);

	touch_at(snaps, now + 5);
	nd_replica_peek(db, &s);
	ok(s.lag_seconds == 0, "a snapshot as new as the database: 0 behind");
	touch_at(snaps, now - 100);

	flock(lock, LOCK_UN);
	close(lock);
	is_int(nd_replica_peek(db, &s), 2, "Litestream stopped, 35 s behind: two warnings");
	ok(!s.running && s.known, "…stopped, and how far behind it was left");

	snprintf(path, sizeof path, "%s/.desk.db-litestream/generation", dir);
	write_file(path, "../../etc/passwd");
	nd_replica_peek(db, &s);
	ok(!s.known, "a generation that is not 16 hex digits is not followed");
	write_file(path, GEN);

	configure("sftp://desk@standby.example/srv/replica");
	nd_replica_peek(db, &s);
	ok(s.configured && !s.known, "an sftp replica: no lag without asking Litestream");
	is_str(s.url, "sftp://desk@standby.example/srv/replica", "…its URL");

	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		ok(0, "cleaned up");
	return tap_done();
}
