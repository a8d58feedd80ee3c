/* backup.c — backup and restore. A backup copies the store's pages from
 * one read snapshot (in WAL mode a reader holds no writer back) with the
 * online backup API in one step, which never restarts: in steps of a few
 * pages it restarted at every commit of another connection, so under
 * steady filing a big database never finished. (VACUUM INTO, used before,
 * rebuilds every b-tree on the way.) Every file written goes to a
 * temporary name first: a kill leaves at most a partial of ours, named
 * with our PID, which the next run removes once that PID is gone. */
#include "newsdesk/backup.h"
#include "newsdesk/anchor.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder of path (".") and its last component. */
static void split_path(const char *path, char *dir, size_t dsize, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		snprintf(dir, dsize, ".");
		*base = path;
	} else if (slash == path) {
		snprintf(dir, dsize, "/");
		*base = slash + 1;
	} else {
		snprintf(dir, dsize, "%.*s", (int)(slash - path), path);
		*base = slash + 1;
	}
}

static int sync_dir_of(const char *path)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	return fsync_path(dir);
}

/* SQLite's own checks of the copy, each telling no row from an error.
 * A file read back from disk (restore) gets integrity_check and
 * foreign_key_check. A copy just written gets quick_check: every page of
 * the file is reached and every b-tree, record and free-list page proved
 * well-formed, so the copy is whole and readable. It does not match the
 * indexes row by row against their tables (that would double the cost):
 * the pages are the store's own, so an index is as consistent as the
 * store's, which check proves (integrity_check there), and restore runs
 * integrity_check on a backup before it puts it in place. */
static int verify_copy(struct nd_store *copy, const char *path, bool quick, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(copy, &stmt, err,
				quick ? "PRAGMA quick_check" : "PRAGMA integrity_check", NULL);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(copy, stmt, "checking the copy", err)) > 0) {
		const char *r = (const char *)sqlite3_column_text(stmt, 0);
		rc = r && strcmp(r, "ok") == 0
			 ? 0
			 : nd_fail(err, ND_EIO, _("%1$s fails %2$s: %3$s"), path,
				   quick ? "quick_check" : "integrity_check", r ? r : "?");
	} else if (rc == 0) {
		rc = nd_fail(err, ND_EIO, _("%s cannot be checked"), path);
	}
	sqlite3_finalize(stmt);
	/* the copy has the store's rows as they are: a reference the copy lacks
	 * the store lacks too, which check finds there */
	if (rc < 0 || quick ||
	    (rc = nd_sql_prepare(copy, &stmt, err, "PRAGMA foreign_key_check", NULL)) < 0)
		return rc;
	if ((rc = nd_sql_step(copy, stmt, "checking the copy", err)) > 0)
		rc = nd_fail(err, ND_EIO, _("%1$s fails foreign_key_check (table %2$s)"), path,
			     sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return rc;
}

/* Opens PATH as a store, checks it, and reads the root it holds (ROOT may
 * be NULL). Opening it as a store checks that it is newsdesk's
 * (application_id) and not from a newer newsdesk; read-only, nothing is
 * migrated. */
static int verify_file(const char *path, bool quick, struct nd_root *root, struct nd_error *err)
{
	/* a copy just written is ours alone under its temporary name, and in
	   the page cache: read through one mapping of all of it */
	struct nd_store *copy;
	int rc = nd_store_open(&copy, path, ND_STORE_READONLY | (quick ? ND_STORE_MAPPED : 0), err);
	if (rc < 0) {
		if (rc != ND_EINVAL)
			nd_error_prefix(err, _("%s cannot be opened: "), path);
		return rc == ND_EINVAL ? rc : ND_EIO;
	}
	/* SQLite fetches pages from a mapping only when mmap_size is set (the
	 * size is the mapped VFS's own: the whole file) */
	int64_t mapped;
	if (quick && (rc = nd_sql_int(copy, &mapped, err, "checking the copy",
				      "PRAGMA mmap_size = 2147418112", NULL)) < 0)
		rc = ND_EIO;
	else if ((rc = verify_copy(copy, path, quick, err)) < 0 && rc == ND_EDB)
		rc = ND_EIO;
	/* the root the copy holds (its ledger's newest entry): the moment the
	 * backup is of */
	if (rc == 0 && root)
		rc = nd_root_now(copy, root, err);
	nd_store_close(copy);
	return rc;
}

int nd_backup_verify(const char *path, struct nd_error *err)
{
	return verify_file(path, false, NULL, err);
}

/* True when no newsdesk process has this PID any more. */
static bool pid_gone(long pid)
{
	if (pid <= 0 || (kill((pid_t)pid, 0) < 0 && errno == ESRCH))
		return true;
	char path[64], comm[64] = "";
	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false; /* alive and not ours to read: leave its file */
	if (!fgets(comm, sizeof comm, f))
		comm[0] = '\0';
	fclose(f);
	return strncmp(comm, "newsdesk", 8) != 0; /* the PID was reused */
}

/* Removes BASE.partial-PID (and its -journal, -wal, -shm) in the folder
 * for dead PIDs. */
static int clean_partials(const char *path)
{
	char dir[PATH_MAX], prefix[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	snprintf(prefix, sizeof prefix, "%s.partial-", base);
	size_t plen = strlen(prefix);
	DIR *d = opendir(dir);
	int cleaned = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		char *end;
		long pid = strtol(e->d_name + plen, &end, 10);
		if (end == e->d_name + plen ||
		    (*end && strcmp(end, "-journal") != 0 && strcmp(end, "-wal") != 0 &&
		     strcmp(end, "-shm") != 0) ||
		    !pid_gone(pid))
			continue;
		char victim[PATH_MAX * 2];
		snprintf(victim, sizeof victim, "%s/%s", dir, e->d_name);
		if (unlink(victim) == 0 && !*end)
			cleaned++;
	}
	closedir(d);
	return cleaned;
}

/* The destination's side of the copy: a file nobody else opens until it
 * is renamed, so no journal and no syncs while it is written; one fsync
 * once it is whole, beside its check (struct syncer). */
static const char copy_pragmas[] = "PRAGMA locking_mode = EXCLUSIVE; "
				   "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF";

/* Copies the store's pages into dst from one read snapshot: one
 * sqlite3_backup_step(-1) inside one read transaction, on a read-only
 * connection of its own that reads the store through one mapping of the
 * whole file (mapvfs.c; SQLite's own maps 2 GB). That is safe for a
 * snapshot: the pages it takes from the file are not written while it
 * reads (a checkpoint stops at the oldest reader's mark), and a store
 * never shrinks (pages past the mapping are read as before). Unlike
 * VACUUM INTO the copy keeps the store's free pages (a store that only
 * grows has next to none). */
static int copy_pages(struct nd_store *st, sqlite3 *dst, const char *tmp, struct nd_error *err)
{
	struct nd_store *src;
	int64_t n;
	int rc = nd_store_open(&src, nd_store_path(st), ND_STORE_READONLY | ND_STORE_MAPPED, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_exec(src, err, "copying the database", "BEGIN", NULL)) < 0 ||
	    (rc = nd_sql_int(src, &n, err, "copying the database", "PRAGMA page_count", NULL)) <
		0 ||
	    (rc = nd_sql_int(src, &n, err, "copying the database", "PRAGMA mmap_size = 65536",
			     NULL)) < 0) {
		nd_store_close(src);
		return rc;
	}
#ifdef ND_TEST_HOOKS
	if (getenv("NEWSDESK_TEST_BUS_ERROR")) /* what a failing disk under the mapped store does */
		raise(SIGBUS);
#endif
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", nd_store_db(src), "main");
	int step = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	int fin = b ? sqlite3_backup_finish(b) : SQLITE_OK;
	if (step == SQLITE_DONE && fin == SQLITE_OK)
		rc = 0;
	else /* the copy's connection holds the error, a full disk as SQLITE_FULL */
		rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), tmp,
			     (step & 0xff) == SQLITE_FULL ? strerror(ENOSPC) : sqlite3_errmsg(dst));
	/* the snapshot ends; after a failed copy its error is the one told */
	struct nd_error later = { 0 };
	int end = nd_sql_exec(src, &later, "copying the database", "COMMIT", NULL);
	nd_store_close(src);
	if (rc == 0 && end < 0)
		*err = later;
	return rc < 0 ? rc : end < 0 ? end : 0;
}

/* Writes the copy to tmp, a plain rollback-journal file. */
static int copy_into(struct nd_store *st, const char *tmp, struct nd_error *err)
{
	sqlite3 *dst = NULL;
	int rc = 0;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
		SQLITE_OK ||
	    sqlite3_exec(dst, copy_pragmas, NULL, NULL, NULL) != SQLITE_OK)
		rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), tmp,
			     dst ? sqlite3_errmsg(dst) : "out of memory");
	if (rc == 0)
		rc = copy_pages(st, dst, tmp, err);
	/* the pages carry the store's WAL mark (file format 2): a backup is one
	 * file with no -wal, and leaving WAL mode rewrites page 1 */
	if (rc == 0 &&
	    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = nd_fail(err, ND_EIO, _("cannot finish %1$s: %2$s"), tmp, sqlite3_errmsg(dst));
	if (sqlite3_close(dst) != SQLITE_OK && rc == 0)
		rc = nd_fail(err, ND_EIO, _("cannot finish %1$s: %2$s"), tmp, sqlite3_errmsg(dst));
	return rc;
}

/* The copy's fsync, in a thread of its own: the disk writes the copy while
 * quick_check reads it from the page cache. First the thread asks for the
 * whole copy in the page cache: when the store and its copy do not both
 * fit (10 GB each at a million items, here), the pages written first are
 * gone by the end of the copy, and quick_check, reading in b-tree order,
 * would fetch them one 4 KB read at a time (110-194 s at 1M here, the copy
 * itself 16-32 s); read ahead in file order they come back at the disk's
 * speed, and the check took 33 s. */
struct syncer {
	pthread_t thread;
	bool started;
	int fd, rc, errnum;
};

static void *sync_run(void *arg)
{
	struct syncer *s = arg;
	struct stat sb;
	/* a hint, nothing to tell; one call reads at most the device's
	 * readahead (8 MB here), so a megabyte at a time */
	off_t size = fstat(s->fd, &sb) == 0 ? sb.st_size : 0;
	for (off_t at = 0; at < size; at += 1 << 20)
		posix_fadvise(s->fd, at, 1 << 20, POSIX_FADV_WILLNEED);
	s->rc = fsync(s->fd);
	s->errnum = errno;
	return NULL;
}

static void sync_start(struct syncer *s, const char *tmp)
{
	*s = (struct syncer){ .fd = open(tmp, O_RDONLY | O_CLOEXEC), .rc = -1 };
	s->errnum = errno;
	s->started = s->fd >= 0 && pthread_create(&s->thread, NULL, sync_run, s) == 0;
}

/* Waits for the fsync (runs it here if no thread could start); err NULL
 * keeps the error already told. */
static int sync_finish(struct syncer *s, const char *tmp, struct nd_error *err)
{
	if (s->started)
		pthread_join(s->thread, NULL);
	else if (s->fd >= 0)
		sync_run(s);
	if (s->fd >= 0)
		close(s->fd);
	if (s->rc < 0 && err)
		return nd_fail(err, ND_EIO, _("cannot sync %1$s: %2$s"), tmp, strerror(s->errnum));
	return s->rc < 0 ? ND_EIO : 0;
}

#ifdef ND_TEST_HOOKS
/* What a copy damaged on its way to the disk looks like to its check:
 * NEWSDESK_TEST_DAMAGE_COPY=N writes over the b-tree page header of page N
 * of the copy just made. */
static void damage_for_test(const char *tmp)
{
	const char *page = getenv("NEWSDESK_TEST_DAMAGE_COPY");
	int fd = page ? open(tmp, O_WRONLY | O_CLOEXEC) : -1;
	if (fd < 0)
		return;
	static const unsigned char junk[12] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66,
						0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc };
	if (pwrite(fd, junk, sizeof junk, (off_t)(atol(page) - 1) * 4096) != (ssize_t)sizeof junk)
		perror("NEWSDESK_TEST_DAMAGE_COPY");
	close(fd);
}
#endif

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

int nd_backup(struct nd_store *st, const struct nd_actor *actor, const char *path, bool force,
	      int *cleaned, struct nd_root *root, struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("make backups"), err);
	if (rc < 0)
		return rc;
	int n = clean_partials(path);
	if (cleaned)
		*cleaned = n;
	/* The output rules (never the database, never over a file without
	   --force, refused over SSH) and an empty 0660 PATH.partial-PID for
	   the copy to fill. */
	struct nd_output out;
	rc = nd_output_open(&out, path, ND_OUT_SHARED | ND_OUT_PARTIAL | (force ? ND_OUT_FORCE : 0),
			    err);
	if (rc < 0)
		return rc;
	close(out.fd); /* SQLite writes the temporary file by its name */
	out.fd = -1;
	nd_protect(out.tmp, true);
	struct syncer sync;
	if ((rc = copy_into(st, out.tmp, err)) == 0) {
#ifdef ND_TEST_HOOKS
		damage_for_test(out.tmp);
#endif
		sync_start(&sync, out.tmp);
		rc = verify_file(out.tmp, true, root, err);
		int synced = sync_finish(&sync, out.tmp, rc == 0 ? err : NULL);
		rc = rc < 0 ? rc : synced;
	}
	if (rc < 0) {
		nd_output_abort(&out);
		return rc;
	}
	/* linked or renamed into place, then the folder synced */
	if ((rc = nd_output_commit(&out, err)) < 0)
		return rc;
	/* The store records the root its backup holds: check proves it is
	 * still a prefix of the history, as the copy itself would. */
	char real[PATH_MAX];
	if ((rc = nd_root_record(st, "backup", realpath(path, real) ? real : path, root, err)) < 0)
		nd_error_prefix(err, _("%s is written, but its root is not recorded: "), path);
	return rc;
}

/* ---- restore --------------------------------------------------------------- */

/* What a killed restore leaves beside the database: the copy it was
 * putting in place (DB.restoring-PID), or the replica's whole state that
 * Litestream fetched (DB.from-replica-PID, with its -wal, -shm and
 * Litestream's .tmp files). */
static const char *const leftover_kinds[] = { ".restoring-", ".from-replica-" };
static const char *const leftover_tails[] = { "", "-wal", "-shm", ".tmp", ".tmp-wal", ".tmp-shm" };

/* The PID in NAME when NAME is BASE + a leftover kind + PID + a tail. */
static long leftover_pid(const char *name, const char *base)
{
	size_t blen = strlen(base);
	if (strncmp(name, base, blen) != 0)
		return 0;
	for (size_t k = 0; k < sizeof leftover_kinds / sizeof *leftover_kinds; k++) {
		size_t klen = strlen(leftover_kinds[k]);
		if (strncmp(name + blen, leftover_kinds[k], klen) != 0)
			continue;
		char *end;
		long pid = strtol(name + blen + klen, &end, 10);
		for (size_t t = 0; end != name + blen + klen && pid > 0 &&
				   t < sizeof leftover_tails / sizeof *leftover_tails;
		     t++)
			if (strcmp(end, leftover_tails[t]) == 0)
				return pid;
	}
	return 0;
}

int nd_restore_leftovers(const char *db_path, bool clean, struct nd_buf *found)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(db_path, dir, sizeof dir, &base);
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		long pid = leftover_pid(e->d_name, base);
		if (pid <= 0 || !pid_gone(pid))
			continue; /* not one, or its restore still runs */
		char path[PATH_MAX * 2];
		struct stat sb;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (clean ? unlink(path) < 0 : stat(path, &sb) < 0)
			continue;
		n++;
		if (found && !clean)
			nd_buf_printf(found,
				      _("warning: %1$s (%2$.1f MB) was left by a restore that was "
					"killed; the next restore removes it\n"),
				      path, (double)sb.st_size / 1e6);
	}
	closedir(d);
	return n;
}

int nd_db_users(const char *db_path, struct nd_buf *who, struct nd_error *err)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	struct stat files[3];
	bool have[3];
	for (int i = 0; i < 3; i++) {
		char p[PATH_MAX];
		snprintf(p, sizeof p, "%s%s", db_path, suffixes[i]);
		have[i] = stat(p, &files[i]) == 0;
	}
	DIR *proc = opendir("/proc");
	if (!proc)
		return nd_fail(err, ND_EIO,
			       _("cannot read /proc to see who has the database open"));
	int users = 0;
	struct dirent *e;
	while ((e = readdir(proc))) {
		char *end;
		long pid = strtol(e->d_name, &end, 10);
		if (*end || pid <= 0 || pid == (long)getpid())
			continue;
		char fddir[64];
		snprintf(fddir, sizeof fddir, "/proc/%ld/fd", pid);
		DIR *fds = opendir(fddir);
		if (!fds)
			continue; /* another user's: the file modes keep them out anyway */
		struct dirent *f;
		bool open_here = false;
		while (!open_here && (f = readdir(fds))) {
			char link[320];
			struct stat sb;
			snprintf(link, sizeof link, "%s/%s", fddir, f->d_name);
			if (f->d_name[0] == '.' || stat(link, &sb) < 0)
				continue;
			for (int i = 0; i < 3; i++)
				if (have[i] && sb.st_dev == files[i].st_dev &&
				    sb.st_ino == files[i].st_ino)
					open_here = true;
		}
		closedir(fds);
		if (!open_here)
			continue;
		char comm_path[64], comm[64] = "?";
		snprintf(comm_path, sizeof comm_path, "/proc/%ld/comm", pid);
		FILE *c = fopen(comm_path, "r");
		if (c) {
			if (fgets(comm, sizeof comm, c))
				comm[strcspn(comm, "\n")] = '\0';
			fclose(c);
		}
		nd_buf_printf(who, "%s%ld (%s)", users ? ", " : "", pid, comm);
		users++;
	}
	closedir(proc);
	return users;
}

static int copy_file(const char *from, const char *to, struct nd_error *err)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return nd_fail(err, ND_EIO, _("cannot open %1$s: %2$s"), from, strerror(errno));
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (out < 0) {
		int rc = nd_fail(err, ND_EIO, _("cannot create %1$s: %2$s"), to, strerror(errno));
		close(in);
		return rc;
	}
	char buf[1 << 16];
	ssize_t got;
	int rc = 0;
	while (rc == 0 && (got = read(in, buf, sizeof buf)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = nd_fail(err, ND_EIO, _("cannot read %1$s: %2$s"), from,
				     strerror(errno));
			break;
		}
		for (ssize_t off = 0; off < got && rc == 0;) {
			ssize_t w = write(out, buf + off, (size_t)(got - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), to,
					     strerror(errno));
			else
				off += w;
		}
	}
	if (rc == 0 && (fchmod(out, 0660) < 0 || fsync(out) < 0))
		rc = nd_fail(err, ND_EIO, _("cannot sync %1$s: %2$s"), to, strerror(errno));
	close(in);
	if (close(out) < 0 && rc == 0)
		rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), to, strerror(errno));
	if (rc < 0)
		unlink(to);
	return rc;
}

/* Moves the database, its -wal and its -shm to NAME.before-restore-STAMP. */
static int move_aside(const char *db_path, struct nd_restore_result *res, struct nd_error *err)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int i = 0; i < 3; i++) {
		char from[PATH_MAX], to[sizeof res->aside];
		snprintf(from, sizeof from, "%s%s", db_path, suffixes[i]);
		if (access(from, F_OK) != 0)
			continue;
		if (snprintf(to, sizeof to, "%s.before-restore-%s%s", db_path, stamp,
			     suffixes[i]) >= (int)sizeof to)
			return nd_fail(err, ND_EINVAL, _("database path too long"));
		if (access(to, F_OK) == 0)
			return nd_fail(err, ND_EIO, _("%s already exists; try again in a second"),
				       to);
		if (rename(from, to) < 0)
			return nd_fail(err, ND_EIO, _("cannot move %1$s aside: %2$s"), from,
				       strerror(errno));
		if (i == 0)
			snprintf(res->aside, sizeof res->aside, "%s", to);
		res->moved++;
	}
	return 0;
}

int nd_restore(const char *db_path, const char *backup, struct nd_restore_result *res,
	       struct nd_error *err)
{
	memset(res, 0, sizeof *res);
	if (nd_restricted())
		return nd_fail(err, ND_EPERM, _("restoring a database is not available over SSH"));
	/* as backup removes its partials: what killed restores left, whose
	   process is gone (ours, if any, is the copy being restored) */
	res->cleaned = nd_restore_leftovers(db_path, true, NULL);
	int rc = nd_backup_verify(backup, err);
	if (rc < 0) {
		nd_error_prefix(err, _("the backup is not restored: "));
		return rc;
	}
	if (same_file(backup, db_path))
		return nd_fail(err, ND_EINVAL, _("%s is the database itself"), backup);
	struct nd_buf who = ND_BUF_INIT;
	int users = nd_db_users(db_path, &who, err);
	if (users != 0) {
		if (users > 0)
			rc = nd_fail(
			    err, ND_ESTATE,
			    ngettext("the database is open in %1$d other process: %2$s; close "
				     "it (the desk, filing over SSH) and restore again",
				     "the database is open in %1$d other processes: %2$s; close "
				     "them (the desk, filing over SSH) and restore again",
				     users),
			    users, nd_buf_str(&who));
		nd_buf_free(&who);
		return users > 0 ? rc : users;
	}
	nd_buf_free(&who);
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.restoring-%d", db_path, (int)getpid()) >= (int)sizeof tmp)
		return nd_fail(err, ND_EINVAL, _("database path too long"));
	unlink(tmp);
	/* The copy first: if it fails, nothing has moved. */
	if ((rc = copy_file(backup, tmp, err)) < 0)
		return rc;
	if ((rc = move_aside(db_path, res, err)) < 0 || rename(tmp, db_path) < 0) {
		if (rc == 0)
			rc = nd_fail(err, ND_EIO,
				     _("cannot put the backup in place: %1$s; the "
				       "database was moved to %2$s"),
				     strerror(errno), res->aside);
		unlink(tmp);
		return rc;
	}
	if (sync_dir_of(db_path) < 0)
		return nd_fail(err, ND_EIO, _("cannot sync the folder of %1$s: %2$s"), db_path,
			       strerror(errno));
	return 0;
}
