/* store.c — one place that sets up every connection (WAL, synchronous=FULL,
 * foreign keys, busy timeout), recognises newsdesk's files by their
 * application_id, and applies the embedded migrations in one transaction. */
#include "newsdesk/bigram.h"
#include "newsdesk/count.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/mapvfs.h"
#include "newsdesk/schema.h"
#include "newsdesk/store_sql.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

struct nd_store {
	sqlite3 *db;
	char *path;
	int64_t progress; /* rows nd_progress has counted */
	char progress_what[96]; /* …for this task: a new one counts from 0 */
	int queue_fd; /* DB-writers, flock'd around each write; -1: none */
	bool queued; /* this connection holds it */
};

/* How long a writer waits for its turn (the queue, then SQLite's lock). */
#define WRITE_WAIT_MS 15000

static int64_t system_clock(void)
{
	return (int64_t)time(NULL);
}

static int64_t (*clock_fn)(void) = system_clock;

int64_t nd_now(void)
{
	return clock_fn();
}

void nd_clock_set(int64_t (*clock)(void))
{
	clock_fn = clock ? clock : system_clock;
}

sqlite3 *nd_store_db(struct nd_store *st)
{
	return st->db;
}

const char *nd_store_path(const struct nd_store *st)
{
	return st->path;
}

/* What SQLite was doing when an I/O error struck, by its extended code:
 * a full disk at the first write of a new store must not read as a
 * failure to read its header. */
static const struct {
	int code;
	const char *doing;
} io_ops[] = {
	{ SQLITE_IOERR_WRITE, N_("writing") },
	{ SQLITE_IOERR_FSYNC, N_("syncing to disk") },
	{ SQLITE_IOERR_DIR_FSYNC, N_("syncing the folder") },
	{ SQLITE_IOERR_TRUNCATE, N_("truncating a file") },
	{ SQLITE_IOERR_SHMOPEN, N_("opening the shared-memory file (-shm)") },
	{ SQLITE_IOERR_SHMSIZE, N_("growing the shared-memory file (-shm)") },
	{ SQLITE_IOERR_SHMMAP, N_("mapping the shared-memory file (-shm)") },
	{ SQLITE_IOERR_READ, N_("reading") },
	{ SQLITE_IOERR_SHORT_READ, N_("reading (the file ends early)") },
	{ SQLITE_IOERR_FSTAT, N_("reading a file's size") },
	{ SQLITE_IOERR_DELETE, N_("deleting a journal") },
	{ SQLITE_IOERR_LOCK, N_("locking") },
	{ SQLITE_CANTOPEN, N_("opening a file") },
};

int nd_store_fail(struct nd_store *st, struct nd_error *err, const char *what)
{
	int code = sqlite3_errcode(st->db), ext = sqlite3_extended_errcode(st->db);
	int sys = sqlite3_system_errno(st->db);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return nd_fail(err, ND_EDB,
			       _("%s: the database stayed busy for too long (another newsdesk is "
				 "writing); try again"),
			       what);
	if (code == SQLITE_FULL)
		return nd_fail(err, ND_EDB, _("%s: writing failed: the disk is full"), what);
	for (size_t i = 0; i < sizeof io_ops / sizeof *io_ops; i++)
		if (ext == io_ops[i].code)
			return nd_fail(err, ND_EDB, _("%1$s: %2$s failed: %3$s"), what,
				       _(io_ops[i].doing),
				       sys ? strerror(sys) : sqlite3_errstr(ext));
	return nd_fail(err, ND_EDB, "%s: %s", what, sqlite3_errmsg(st->db));
}

/* Fault injection for the crash tests, in a test build only
 * (-Dtest_hooks=true): NEWSDESK_CRASH_AFTER=N kills the process, as a power
 * cut would, when it prepares its Nth statement. The shipped binary reads
 * no such variable. */
#ifdef ND_TEST_HOOKS
static long crash_after = -1;

static void maybe_crash(void)
{
	if (crash_after == -1) {
		const char *v = getenv("NEWSDESK_CRASH_AFTER");
		crash_after = v && *v ? atol(v) : 0;
	}
	if (crash_after > 0 && --crash_after == 0)
		kill(getpid(), SIGKILL);
}
#else
static void maybe_crash(void)
{
}
#endif

int nd_store_prepare(struct nd_store *st, const char *sql, sqlite3_stmt **stmt,
		     struct nd_error *err)
{
	maybe_crash();
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK) {
		*stmt = NULL;
		return nd_store_fail(st, err, "preparing a query");
	}
	return 0;
}

int nd_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	return s ? sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT)
		 : sqlite3_bind_null(stmt, idx);
}

char *nd_column_dup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *t = sqlite3_column_text(stmt, col);
	return t ? strdup((const char *)t) : NULL;
}

static int exec(struct nd_store *st, const char *sql, struct nd_error *err, const char *what)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg); /* the same as sqlite3_errmsg, which nd_store_fail adds to */
		return nd_store_fail(st, err, what);
	}
	return 0;
}

static int pragma_int(struct nd_store *st, const char *sql, int64_t *value, struct nd_error *err)
{
	int rc = nd_sql_int(st, value, err, _("opening the database"), sql, NULL);
	return rc == 0  ? nd_fail(err, ND_EDB, _("reading the database header: no answer"))
	       : rc < 0 ? rc
			: 0;
}

/* ---- the writers' queue ----------------------------------------------------
 * SQLite's busy handler polls: a waiting writer sleeps 1, 2, 5 … 100 ms and
 * tries again, and whoever happens to try just after a commit wins. Under
 * 32 filers one writer lost for 15-21 s and was refused "database is
 * locked" (77 of 1,280 filings). So every newsdesk writer first takes an
 * exclusive flock on DB-writers, a side file beside the -wal and -shm, and
 * only then BEGIN IMMEDIATE: the kernel wakes the waiters the moment the
 * lock is released (nobody sleeps through a free lock), and SQLite's lock
 * is then free, so its busy handler is left only for writers that are not
 * newsdesk (the sqlite3 shell, Litestream's checkpoints). The lock is held
 * from BEGIN to COMMIT or ROLLBACK, never longer: no transaction waits on a
 * person. flock, not fcntl: closing another descriptor of the file never
 * drops it, and it is held by the open file, so a killed holder frees it.
 * bench/filers.sh measures it. */

static void wake(int sig)
{
	(void)sig;
}

/* Blocks in flock until the lock is ours or ms have passed: SIGALRM ends
 * the wait (an interval timer, restored afterwards). */
static int wait_queue(int fd, int ms)
{
	struct sigaction on = { .sa_handler = wake }, old_action;
	struct itimerval timer = { .it_value = { ms / 1000, (ms % 1000) * 1000 } }, old_timer;
	struct timespec start, now;
	sigemptyset(&on.sa_mask);
	clock_gettime(CLOCK_MONOTONIC, &start);
	sigaction(SIGALRM, &on, &old_action);
	setitimer(ITIMER_REAL, &timer, &old_timer);
	int rc;
	for (;;) {
		if ((rc = flock(fd, LOCK_EX)) == 0 || errno != EINTR)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 >=
		    ms)
			break; /* our alarm; another signal's EINTR waits on */
	}
	int saved = errno;
	setitimer(ITIMER_REAL, &old_timer, NULL);
	sigaction(SIGALRM, &old_action, NULL);
	errno = saved;
	return rc;
}

static int take_queue(struct nd_store *st, struct nd_error *err)
{
	if (st->queue_fd < 0 || st->queued)
		return 0;
	if (flock(st->queue_fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK)
			return 0; /* no queue on this file system: SQLite's lock alone */
		if (wait_queue(st->queue_fd, WRITE_WAIT_MS) < 0)
			return nd_fail(err, ND_EDB,
				       _("%s: the database stayed busy for too long (another "
					 "newsdesk is writing); try again"),
				       "starting a write");
	}
	st->queued = true;
	return 0;
}

static void leave_queue(struct nd_store *st)
{
	if (st->queued && sqlite3_get_autocommit(st->db)) {
		flock(st->queue_fd, LOCK_UN);
		st->queued = false;
	}
}

/* Opens DB-writers (made 0660 like the -wal and -shm SQLite makes beside
 * the database, whose group the setgid folder gives it). A reader that may
 * not create it, or a store on a read-only medium, goes without: flock
 * needs only a descriptor open for reading. */
static void open_queue(struct nd_store *st)
{
	char path[PATH_MAX];
	st->queue_fd = -1;
	if (snprintf(path, sizeof path, "%s-writers", st->path) >= (int)sizeof path)
		return;
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);
	if (fd >= 0)
		(void)fchmod(fd, 0660); /* whatever the umask */
	else
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	st->queue_fd = fd;
}

int nd_store_begin(struct nd_store *st, struct nd_error *err)
{
	int rc = take_queue(st, err);
	if (rc == 0 && (rc = exec(st, "BEGIN IMMEDIATE", err, "starting a write")) < 0)
		leave_queue(st);
	return rc;
}

int nd_store_commit(struct nd_store *st, struct nd_error *err)
{
	int rc = exec(st, "COMMIT", err, "committing");
	if (rc < 0)
		nd_store_rollback(st);
	leave_queue(st);
	return rc;
}

void nd_store_rollback(struct nd_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	leave_queue(st);
}

int64_t nd_store_data_version(struct nd_store *st)
{
	int64_t v = -1;
	pragma_int(st, "PRAGMA data_version", &v, NULL);
	return v;
}

int64_t nd_store_changes(struct nd_store *st)
{
	return (int64_t)sqlite3_total_changes(st->db);
}

void nd_store_set_interrupt(struct nd_store *st, int (*stop)(void *arg), void *arg)
{
	sqlite3_progress_handler(st->db, stop ? 20000 : 0, stop, arg);
}

bool nd_store_threadsafe(void)
{
	return sqlite3_threadsafe() != 0;
}

int nd_store_latest_version(void)
{
	return nd_schema_count;
}

int nd_store_version(struct nd_store *st)
{
	int64_t v = 0;
	pragma_int(st, "PRAGMA user_version", &v, NULL);
	return (int)v;
}

/* Refuses any SQLite file that is not newsdesk's, and files from a newer
 * newsdesk. A brand-new empty file is fine. */
static int check_identity(struct nd_store *st, struct nd_error *err)
{
	int64_t app = 0, version = 0, objects = 0;
	int rc = pragma_int(st, "PRAGMA application_id", &app, err);
	if (rc < 0) {
		if (sqlite3_errcode(st->db) == SQLITE_NOTADB)
			return nd_fail(err, ND_EINVAL,
				       _("%s is not a newsdesk database (not an SQLite file)"),
				       st->path);
		return rc;
	}
	if ((rc = pragma_int(st, "PRAGMA user_version", &version, err)) < 0 ||
	    (rc = pragma_int(st, "SELECT count(*) FROM sqlite_schema", &objects, err)) < 0)
		return rc;
	if (app == 0 && version == 0 && objects == 0)
		return 0;
	if (app != ND_APPLICATION_ID)
		return nd_fail(
		    err, ND_EINVAL,
		    _("%1$s is an SQLite database but not a newsdesk one (application_id "
		      "0x%2$08llX); refusing to touch it"),
		    st->path, (unsigned long long)app);
	if (version > nd_schema_count)
		return nd_fail(
		    err, ND_EINVAL,
		    _("%1$s was written by a newer newsdesk (schema %2$lld; this one knows up to "
		      "%3$d): upgrade newsdesk"),
		    st->path, (long long)version, nd_schema_count);
	return 0;
}

/* nd_progress(what, total): true, and a line on stderr every 50,000 rows
 * when total is large — for migrations that touch every item (building
 * the search index over a million items takes minutes). A new what counts
 * from 0. */
static void progress_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_store *st = sqlite3_user_data(ctx);
	int64_t total = argc == 2 ? sqlite3_value_int64(argv[1]) : 0;
	const char *what = argc == 2 ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	if (what && strncmp(what, st->progress_what, sizeof st->progress_what - 1) != 0) {
		snprintf(st->progress_what, sizeof st->progress_what, "%s", what);
		st->progress = 0;
	}
	if (++st->progress % 50000 == 0 && total >= 100000) {
		/* a line each: the last count of a task is rarely the total
		   (spiked items are not indexed), so no line is left open */
		fprintf(stderr, "%s: %lld of %lld items\n", what ? what : "migrating",
			(long long)st->progress, (long long)total);
	}
	sqlite3_result_int(ctx, 1);
}

static int migrate(struct nd_store *st, struct nd_error *err)
{
	int64_t version = 0;
	int rc = pragma_int(st, "PRAGMA user_version", &version, err);
	if (rc < 0 || version >= nd_schema_count)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = pragma_int(st, "PRAGMA user_version", &version, err)) < 0)
		goto fail;
	for (int i = (int)version; i < nd_schema_count; i++) {
		const struct nd_schema_file *f = &nd_schema_files[i];
		char what[128], pragma[96];
		snprintf(what, sizeof what, "applying schema %s", f->name);
		if ((rc = exec(st, f->sql, err, what)) < 0)
			goto fail;
		/* PRAGMAs take no parameters; these are integers we made. */
		snprintf(pragma, sizeof pragma,
			 "PRAGMA user_version = %d; PRAGMA application_id = %d", f->version,
			 ND_APPLICATION_ID);
		if ((rc = exec(st, pragma, err, what)) < 0)
			goto fail;
	}
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

static int make_parent_dir(const char *path, struct nd_error *err)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return nd_fail(err, ND_EINVAL, _("database path too long: %s"), path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0775) < 0 && errno != EEXIST)
			return nd_fail(err, ND_EIO, _("cannot create %1$s: %2$s"), dir,
				       strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0775) < 0 && errno != EEXIST)
		return nd_fail(err, ND_EIO, _("cannot create %1$s: %2$s"), dir, strerror(errno));
	return 0;
}

/* While Litestream replicates the store, it owns the WAL's checkpoints.
 * It copies the -wal into its shadow WAL under a read transaction and
 * checkpoints itself (PASSIVE at 1,000 pages, RESTART at 10,000). What
 * another process does to the -wal races it: an autocheckpoint while
 * Litestream switches its locks can restart the WAL past frames not yet
 * copied (litestream.io/tips: disable autocheckpoints), a journal_size_limit
 * truncates the -wal under it; Litestream then loses its place and starts
 * a new generation, a full snapshot of the database sent to the replica.
 * (The checkpoint-and-delete on close cannot happen while Litestream's
 * connection is open: it needs the last connection.)
 * So while Litestream runs -- `newsdesk replicate` holds a lock on
 * DB.litestream.yml that Litestream inherits -- no autocheckpoint and no
 * checkpoint on close.
 * While it does not run, SQLite's defaults: leaving them off then only
 * grows the -wal, and every process that opens it first rebuilds its
 * index from the whole -wal (with 8 filers, a run had 131 filings refused
 * as "database is locked" during a 4 s stop); Litestream's next start
 * then finds its place lost and sends a new snapshot, which is correct.
 * Measured with bench/replica-wal.sh 30 (8 filers for 30 s): Litestream
 * never stopped, 1 generation with SQLite's defaults (2 runs) and with
 * this (1 run): the race is rare at this load; stopped for 4 s halfway, 2
 * generations with the defaults in 5 runs of 6 and with this in 3 of 3 (0
 * refused); with checkpoints left off while stopped too, 1 generation in 3
 * runs of 4, but one run refused 131 filings. A refused filing is worse
 * than a second snapshot. */
static int leave_checkpoints_to_litestream(struct nd_store *st, struct nd_error *err)
{
	char cfg[PATH_MAX];
	if (snprintf(cfg, sizeof cfg, "%s%s", st->path, ND_REPLICA_CONFIG_SUFFIX) >=
	    (int)sizeof cfg)
		return 0;
	int fd = open(cfg, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return 0; /* not replicated */
	bool running = flock(fd, LOCK_SH | LOCK_NB) < 0 && errno == EWOULDBLOCK;
	close(fd);
	if (!running)
		return 0;
	if (sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL) != SQLITE_OK)
		return nd_store_fail(st, err, "leaving checkpoints to Litestream");
	return exec(st, "PRAGMA wal_autocheckpoint = 0", err, "leaving checkpoints to Litestream");
}

/* 字数 in this process by the publication's rule (meta count_rule, the
 * setting count-rule): what the desk's live count, the dry run and every
 * figure counted from text show. Stored counts are made by the rule read
 * inside the writing transaction (history.c), so a change of the setting
 * by another process never mixes rules in the store. Unset, unreadable or
 * unknown: Word's rule. */
static void count_by_publication(struct nd_store *st)
{
	sqlite3_stmt *stmt = NULL;
	int rule = ND_COUNT_WORD;
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'count_rule'", -1, &stmt,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		rule = nd_count_rule_parse((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	nd_count_set_rule(rule < 0 ? ND_COUNT_WORD : (enum nd_count_rule)rule);
}

/* SQLite keeps no count of the memory it uses (nothing here reads it):
 * without the count an allocation takes no process-wide mutex, which two
 * connections on two threads (check --full) would otherwise take in turn.
 * Before SQLite starts, so once, with the first store opened. */
static void configure_sqlite(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int nd_store_open(struct nd_store **out, const char *path, unsigned flags, struct nd_error *err)
{
	static once_flag configured = ONCE_FLAG_INIT;
	call_once(&configured, configure_sqlite);
	*out = NULL;
	struct nd_store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	st->queue_fd = -1;
	int rc = 0;
	if (!(flags & ND_STORE_CREATE) && access(path, F_OK) < 0) {
		rc = nd_fail(err, ND_ENOENT,
			     _("no database at %s: create one with 'newsdesk init'"), path);
		goto fail;
	}
	if ((flags & ND_STORE_CREATE) && nd_restricted()) {
		rc = nd_fail(err, ND_EPERM, _("creating a database is not available over SSH"));
		goto fail;
	}
	if ((flags & ND_STORE_CREATE) && (rc = make_parent_dir(path, err)) < 0)
		goto fail;
	/* A new database is 0660 whatever the umask; SQLite gives its -wal and
	   -shm the database's mode, so a reader in the desk's group makes
	   files the group can write (not 0644 ones every filing then fails on). */
	if ((flags & ND_STORE_CREATE) && access(path, F_OK) < 0 &&
	    (rc = nd_create_shared(path, err)) < 0)
		goto fail;
	int oflags =
	    (flags & ND_STORE_READONLY)
		? SQLITE_OPEN_READONLY
		: SQLITE_OPEN_READWRITE | ((flags & ND_STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
	const char *vfs =
	    (flags & ND_STORE_MAPPED) && (flags & ND_STORE_READONLY) ? nd_mapvfs_name() : NULL;
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, vfs) != SQLITE_OK) {
		rc = nd_fail(err, ND_EDB, _("cannot open %1$s: %2$s"), path,
			     st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	/* Before migrating: the history_hashes migration hashes with nd_chain,
	 * and the search index needs its tokenizer before anything reads it. */
	if (nd_sql_functions(st->db) != SQLITE_OK || nd_bigram_register(st->db) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "nd_progress", 2, SQLITE_UTF8, st, progress_fn, NULL,
				    NULL) != SQLITE_OK) {
		rc = nd_fail(err, ND_EDB, _("cannot set up %1$s: %2$s"), path,
			     sqlite3_errmsg(st->db));
		goto fail;
	}
	/* SQLite's default on close is right for short-lived processes (every
	 * `newsdesk file` over SSH): checkpoint and delete the WAL. Measured:
	 * skipping that checkpoint, or keeping the WAL file, lets the WAL grow,
	 * and each new process rebuilds its index from the whole of it
	 * (filing went from 5.5 ms to 12-19 ms over 120 filings). */
	/* Concurrent filers queue on the lock rather than fail. */
	sqlite3_busy_timeout(st->db, WRITE_WAIT_MS);
	if (!(flags & ND_STORE_READONLY))
		open_queue(st);
	if ((rc = check_identity(st, err)) < 0)
		goto fail;
	if (!(flags & ND_STORE_READONLY) &&
	    (rc = exec(st, "PRAGMA journal_mode = WAL", err, "switching to WAL")) < 0)
		goto fail;
	if ((rc = leave_checkpoints_to_litestream(st, err)) < 0)
		goto fail;
	/* FULL: with NORMAL in WAL a commit a reporter was told about can roll
	 * back after a power cut. */
	if ((rc = exec(st, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", err,
		       "setting up the connection")) < 0)
		goto fail;
	if (!(flags & ND_STORE_READONLY) && (rc = migrate(st, err)) < 0)
		goto fail;
	count_by_publication(st);
	nd_protect(path, true); /* never an output, not even with --force */
	*out = st;
	return 0;
fail:
	nd_store_close(st);
	return rc;
}

void nd_store_close(struct nd_store *st)
{
	if (!st)
		return;
	if (st->db)
		sqlite3_close_v2(st->db);
	if (st->queue_fd >= 0)
		close(st->queue_fd);
	free(st->path);
	free(st);
}

char *nd_store_default_path(const char *option)
{
	const char *env = getenv("NEWSDESK_DB");
	if (option && option[0])
		return strdup(option);
	if (env && env[0])
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char buf[PATH_MAX];
	if (xdg && xdg[0] == '/')
		snprintf(buf, sizeof buf, "%s/newsdesk/newsdesk.db", xdg);
	else
		snprintf(buf, sizeof buf, "%s/.local/share/newsdesk/newsdesk.db",
			 home ? home : ".");
	return strdup(buf);
}
