/* files.c — reading a file a user named, writing an output file, and the
 * restricted context that refuses both. Every such open and create in cli
 * and core comes through here, so one check covers every path to it. */
#include "newsdesk/files.h"
#include "newsdesk/lang.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool restricted;

void nd_restrict(void)
{
	restricted = true;
}

bool nd_restricted(void)
{
	return restricted;
}

int nd_open_input(const char *path, FILE **out, struct nd_error *err)
{
	*out = NULL;
	if (restricted)
		return nd_fail(err, ND_EPERM,
			       _("reading a file on the server is not available over SSH; send "
				 "the text on standard input"));
	FILE *f = fopen(path, "rb");
	if (!f)
		return nd_fail(err, ND_EIO, _("cannot open %1$s: %2$s"), path, strerror(errno));
	*out = f;
	return 0;
}

/* ---- protected files ----------------------------------------------------- */

struct protected_file {
	dev_t dev, dir_dev;
	ino_t ino, dir_ino;
	char path[PATH_MAX];
	char base[256];
	bool database;
};
static struct protected_file protected_files[8];
static size_t n_protected;

/* The folder path is in: ".", "/" or everything before the last '/'. */
static void parent_of(const char *path, char *d, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(d, size, ".");
	else if (slash == path)
		snprintf(d, size, "/");
	else
		snprintf(d, size, "%.*s", (int)(slash - path), path);
}

/* Splits path into its folder (stat'ed) and last name. */
static int split_path(const char *path, struct stat *dir, char *base, size_t size)
{
	char d[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (snprintf(base, size, "%s", slash ? slash + 1 : path) >= (int)size)
		return -1;
	parent_of(path, d, sizeof d);
	return stat(d, dir) == 0 && S_ISDIR(dir->st_mode) ? 0 : -1;
}

void nd_protect(const char *path, bool database)
{
	struct stat st, dir;
	struct protected_file *p = &protected_files[n_protected];
	if (n_protected == sizeof protected_files / sizeof *protected_files ||
	    stat(path, &st) < 0 || split_path(path, &dir, p->base, sizeof p->base) < 0 ||
	    snprintf(p->path, sizeof p->path, "%s", path) >= (int)sizeof p->path)
		return;
	p->dev = st.st_dev;
	p->ino = st.st_ino;
	p->dir_dev = dir.st_dev;
	p->dir_ino = dir.st_ino;
	p->database = database;
	n_protected++;
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Is path (existing or not) one of the protected files? */
static bool is_protected(const char *path)
{
	static const char *const sidecars[] = { "", "-wal", "-shm", "-journal" };
	struct stat st, dir;
	char base[256];
	bool exists = stat(path, &st) == 0;
	bool split = split_path(path, &dir, base, sizeof base) == 0;
	for (size_t i = 0; i < n_protected; i++) {
		const struct protected_file *p = &protected_files[i];
		if (exists && st.st_dev == p->dev && st.st_ino == p->ino)
			return true;
		for (size_t k = 1; p->database && k < sizeof sidecars / sizeof *sidecars; k++) {
			char side[PATH_MAX + 16];
			snprintf(side, sizeof side, "%s%s", p->path, sidecars[k]);
			if (exists && same_file(&st, side))
				return true;
		}
		if (!split || dir.st_dev != p->dir_dev || dir.st_ino != p->dir_ino)
			continue;
		for (size_t k = 0; k < (p->database ? sizeof sidecars / sizeof *sidecars : 1);
		     k++) {
			char side[300];
			snprintf(side, sizeof side, "%s%s", p->base, sidecars[k]);
			if (strcmp(side, base) == 0)
				return true;
		}
	}
	return false;
}

/* ---- outputs ---------------------------------------------------------------- */

static int check_output(const char *path, unsigned flags, struct nd_error *err)
{
	if (restricted)
		return nd_fail(err, ND_EPERM,
			       _("writing a file on the server is not available over SSH"));
	if (!path || !path[0])
		return nd_fail(err, ND_EUSAGE, _("an output needs a file name"));
	if (is_protected(path))
		return nd_fail(err, ND_EPERM,
			       _("%s is the database, one of its -wal/-shm files or the backup "
				 "being made: it is never an output, not even with --force"),
			       path);
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return nd_fail(err, ND_EINVAL, _("%s is a folder, not a file"), path);
		if (!(flags & (ND_OUT_FORCE | ND_OUT_MERGE)))
			return nd_fail(err, ND_EINVAL,
				       _("%s exists; nothing was written (--force replaces it)"),
				       path);
	}
	return 0;
}

static mode_t output_mode(unsigned flags)
{
	if (flags & ND_OUT_SHARED)
		return 0660;
	if (flags & ND_OUT_PRIVATE)
		return 0600;
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int nd_output_open(struct nd_output *o, const char *path, unsigned flags, struct nd_error *err)
{
	o->fd = -1;
	o->tmp[0] = '\0';
	o->flags = flags;
	int rc = check_output(path, flags, err);
	if (rc < 0)
		return rc;
	const char *slash = strrchr(path, '/');
	if (snprintf(o->path, sizeof o->path, "%s", path) >= (int)sizeof o->path ||
	    snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.tmp-XXXXXX",
		     slash ? (int)(slash - path + 1) : 0, path,
		     slash ? slash + 1 : path) >= (int)sizeof o->tmp) {
		o->tmp[0] = '\0';
		return nd_fail(err, ND_EINVAL, _("the file name is too long: %s"), path);
	}
	if (flags & ND_OUT_PARTIAL) {
		/* PATH.partial-PID: a run killed midway leaves a name the next
		   run can recognise and remove once that PID is gone */
		if (snprintf(o->tmp, sizeof o->tmp, "%s.partial-%d", path, (int)getpid()) >=
		    (int)sizeof o->tmp) {
			o->tmp[0] = '\0';
			return nd_fail(err, ND_EINVAL, _("the file name is too long: %s"), path);
		}
		unlink(o->tmp); /* ours: only from a PID reused since */
		o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	} else {
		o->fd = mkstemp(o->tmp);
	}
	if (o->fd < 0) {
		o->tmp[0] = '\0';
		return nd_fail(err, ND_EIO, _("cannot write next to %1$s: %2$s"), path,
			       strerror(errno));
	}
	if (fchmod(o->fd, output_mode(flags)) < 0) {
		rc = nd_fail(err, ND_EIO, _("cannot set the mode of %1$s: %2$s"), o->tmp,
			     strerror(errno));
		nd_output_abort(o);
	}
	return rc;
}

int nd_output_write(struct nd_output *o, const void *data, size_t n, struct nd_error *err)
{
	const char *p = data;
	while (n > 0) {
		ssize_t w = write(o->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), o->path,
				       w < 0 ? strerror(errno) : "no space");
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void nd_output_abort(struct nd_output *o)
{
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
}

/* The rename is durable only once the folder is synced: a failure here is
 * an error (the file is in place, but a power cut may take it back). */
static int fsync_dir(const char *path, struct nd_error *err)
{
	char d[PATH_MAX];
	parent_of(path, d, sizeof d);
	int fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = fd < 0 || fsync(fd) < 0 ? -errno : 0;
	if (fd >= 0)
		close(fd);
	if (rc < 0)
		return nd_fail(err, ND_EIO,
			       _("%1$s is written but its folder could not be synced (%2$s): a "
				 "power cut may still lose it"),
			       path, strerror(-rc));
	return 0;
}

int nd_output_commit(struct nd_output *o, struct nd_error *err)
{
	int rc = 0;
	if (o->fd >= 0 && fsync(o->fd) < 0)
		rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), o->path, strerror(errno));
	if (o->fd >= 0 && close(o->fd) < 0 && rc == 0)
		rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), o->path, strerror(errno));
	o->fd = -1;
	/* again: the name may have changed hands while we wrote */
	if (rc == 0)
		rc = check_output(o->path, o->flags, err);
	if (rc == 0 && (o->flags & (ND_OUT_FORCE | ND_OUT_MERGE))) {
		if (rename(o->tmp, o->path) < 0)
			rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), o->path,
				     strerror(errno));
	} else if (rc == 0) {
		/* link() never replaces: a file made there meanwhile stays */
		if (link(o->tmp, o->path) < 0 &&
		    (errno == EEXIST ||
		     renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->path, RENAME_NOREPLACE) < 0))
			rc = nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), o->path,
				     errno == EEXIST ? "it exists now (--force replaces it)"
						     : strerror(errno));
	}
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
	if (rc == 0)
		rc = fsync_dir(o->path, err);
	return rc;
}

int nd_output_file(const char *path, const void *data, size_t n, unsigned flags,
		   struct nd_error *err)
{
	struct nd_output o;
	int rc = nd_output_open(&o, path, flags, err);
	if (rc == 0 && (rc = nd_output_write(&o, data, n, err)) == 0)
		return nd_output_commit(&o, err);
	nd_output_abort(&o);
	return rc;
}

int nd_output_dir(const char *dir, struct nd_error *err)
{
	if (restricted)
		return nd_fail(err, ND_EPERM,
			       _("writing files on the server is not available over SSH"));
	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		return nd_fail(err, ND_EIO, _("cannot create %1$s: %2$s"), dir, strerror(errno));
	struct stat st;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return nd_fail(err, ND_EINVAL, _("%s is not a folder"), dir);
	return 0;
}

int nd_create_shared_fd(const char *path, int *fd, struct nd_error *err)
{
	*fd = -1;
	if (restricted)
		return nd_fail(err, ND_EPERM,
			       _("creating a file on the server is not available over SSH"));
	*fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);
	if (*fd < 0)
		return nd_fail(err, ND_EIO, _("cannot create %1$s: %2$s"), path, strerror(errno));
	/* the umask must not take the group's write away: a reader in the
	   group would otherwise make -wal/-shm files the desk cannot write */
	if (fchmod(*fd, 0660) < 0) {
		int rc = nd_fail(err, ND_EIO, _("cannot set the mode of %1$s: %2$s"), path,
				 strerror(errno));
		close(*fd);
		*fd = -1;
		unlink(path);
		return rc;
	}
	return 0;
}

int nd_create_shared(const char *path, struct nd_error *err)
{
	int fd;
	int rc = nd_create_shared_fd(path, &fd, err);
	if (rc == 0)
		close(fd);
	return rc;
}

int nd_temp_file(char *tmpl, int suffix_len, int *fd, struct nd_error *err)
{
	*fd = -1;
	if (restricted)
		return nd_fail(err, ND_EPERM,
			       _("creating a file on the server is not available over SSH"));
	*fd = mkstemps(tmpl, suffix_len);
	if (*fd < 0)
		return nd_fail(err, ND_EIO, _("cannot create a temporary file: %s"),
			       strerror(errno));
	return 0;
}
