/* mapvfs.c — reading a whole database file through one mapping. SQLite
 * as Debian builds it maps at most the first 2 GB of a file
 * (SQLITE_MAX_MMAP_SIZE) and reads the rest a page per pread(): checking
 * a 10 GB copy (a million items) cost 8 GB of preads, each page two or
 * three times, most of the check's time in the kernel. The cap is the
 * unix VFS's, not the pager's: this VFS wraps the default one and serves
 * a read-only main database's pages from one mapping of the whole file
 * (xFetch hands SQLite a pointer into it, xRead copies from it).
 *
 * Only for a file nobody changes while it is open (a backup's copy under
 * its temporary name), or a store read in one read transaction (whose
 * pages are not rewritten while it reads, backup.c says why). A mapping
 * of a file cut short under it (a failing disk) raises SIGBUS, which the
 * caller must expect (the backup command turns it into a message). Everything else (journals, a
 * writable database, a file the map cannot hold) goes to the default VFS unchanged. */
#include "newsdesk/mapvfs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

struct mapped_file {
	sqlite3_file base; /* our methods */
	const unsigned char *map; /* the whole file, or NULL: all goes to real */
	sqlite3_int64 size;
	sqlite3_file *real; /* the default VFS's file, allocated right after this */
};

static sqlite3_vfs mapped_vfs;

static sqlite3_vfs *real_vfs(void)
{
	return mapped_vfs.pAppData;
}

static sqlite3_file *real_of(sqlite3_file *f)
{
	return ((struct mapped_file *)f)->real;
}

#ifdef ND_TEST_HOOKS
static _Atomic long fetched_pages;
long nd_mapvfs_fetched(void)
{
	return fetched_pages;
}
#define COUNT_FETCH() (fetched_pages++)
#else
#define COUNT_FETCH() ((void)0)
#endif

/* ---- the file's methods ---------------------------------------------------- */

static int m_close(sqlite3_file *f)
{
	struct mapped_file *m = (struct mapped_file *)f;
	if (m->map)
		munmap((void *)m->map, (size_t)m->size);
	m->map = NULL;
	return m->real->pMethods->xClose(m->real);
}

static int m_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 at)
{
	struct mapped_file *m = (struct mapped_file *)f;
	if (m->map && at >= 0 && amt >= 0 && at + amt <= m->size) {
		memcpy(buf, m->map + at, (size_t)amt);
		return SQLITE_OK;
	}
	return m->real->pMethods->xRead(m->real, buf, amt, at); /* short reads too */
}

static int m_fetch(sqlite3_file *f, sqlite3_int64 at, int amt, void **out)
{
	struct mapped_file *m = (struct mapped_file *)f;
	*out = NULL; /* not mapped: SQLite reads the page with xRead */
	if (m->map && at >= 0 && amt >= 0 && at + amt <= m->size) {
		*out = (void *)(m->map + at);
		COUNT_FETCH();
	}
	return SQLITE_OK;
}

static int m_unfetch(sqlite3_file *f, sqlite3_int64 at, void *p)
{
	(void)f, (void)at, (void)p; /* the mapping lives as long as the file is open */
	return SQLITE_OK;
}

static int m_file_control(sqlite3_file *f, int op, void *arg)
{
	struct mapped_file *m = (struct mapped_file *)f;
	/* the limit is ours: all of a mapped file, nothing of another
	   (the default VFS would map its own first 2 GB besides) */
	if (op == SQLITE_FCNTL_MMAP_SIZE) {
		*(sqlite3_int64 *)arg = m->map ? m->size : 0;
		return SQLITE_OK;
	}
	return m->real->pMethods->xFileControl(m->real, op, arg);
}

static int m_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 at)
{
	return real_of(f)->pMethods->xWrite(real_of(f), buf, amt, at);
}
static int m_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
static int m_sync(sqlite3_file *f, int flags)
{
	return real_of(f)->pMethods->xSync(real_of(f), flags);
}
static int m_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
static int m_lock(sqlite3_file *f, int level)
{
	return real_of(f)->pMethods->xLock(real_of(f), level);
}
static int m_unlock(sqlite3_file *f, int level)
{
	return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
static int m_reserved(sqlite3_file *f, int *out)
{
	return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
static int m_sector_size(sqlite3_file *f)
{
	return real_of(f)->pMethods->xSectorSize(real_of(f));
}
static int m_device(sqlite3_file *f)
{
	return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
static int m_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
	return real_of(f)->pMethods->xShmMap(real_of(f), region, size, extend, out);
}
static int m_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
static void m_shm_barrier(sqlite3_file *f)
{
	real_of(f)->pMethods->xShmBarrier(real_of(f));
}
static int m_shm_unmap(sqlite3_file *f, int delete_flag)
{
	return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}

static const sqlite3_io_methods mapped_io = {
	.iVersion = 3,
	.xClose = m_close,
	.xRead = m_read,
	.xWrite = m_write,
	.xTruncate = m_truncate,
	.xSync = m_sync,
	.xFileSize = m_file_size,
	.xLock = m_lock,
	.xUnlock = m_unlock,
	.xCheckReservedLock = m_reserved,
	.xFileControl = m_file_control,
	.xSectorSize = m_sector_size,
	.xDeviceCharacteristics = m_device,
	.xShmMap = m_shm_map,
	.xShmLock = m_shm_lock,
	.xShmBarrier = m_shm_barrier,
	.xShmUnmap = m_shm_unmap,
	.xFetch = m_fetch,
	.xUnfetch = m_unfetch,
};

/* ---- the VFS ---------------------------------------------------------------- */

/* A descriptor this process already has open for reading NAME's file
 * (the one the default VFS just opened), or -1. The mapping is made from
 * it and the descriptor left alone: closing a descriptor of our own on the
 * file would drop every POSIX lock this process holds on it (the store's
 * other connections' too), and another process could then take the store
 * for its own and remove its WAL under them. */
static int open_descriptor_of(const char *name, struct stat *sb)
{
	DIR *d = stat(name, sb) == 0 ? opendir("/proc/self/fd") : NULL;
	int found = -1;
	struct dirent *e;
	while (d && found < 0 && (e = readdir(d))) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);
		struct stat fsb;
		if (*end || end == e->d_name || fd < 0 || fd == dirfd(d) ||
		    fstat((int)fd, &fsb) < 0 || fsb.st_dev != sb->st_dev ||
		    fsb.st_ino != sb->st_ino)
			continue;
		int mode = fcntl((int)fd, F_GETFL);
		if (mode >= 0 && (mode & O_ACCMODE) != O_WRONLY)
			found = (int)fd;
	}
	if (d)
		closedir(d);
	return found;
}

/* The whole file mapped, or NULL when it cannot be (empty, no descriptor
 * found, more than the address space holds): then every read is the
 * default VFS's. */
static const unsigned char *map_whole(const char *name, sqlite3_int64 *size)
{
	struct stat sb;
	int fd = open_descriptor_of(name, &sb);
	if (fd < 0 || sb.st_size <= 0 || (uint64_t)sb.st_size > SIZE_MAX)
		return NULL;
	void *map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
	*size = sb.st_size;
	return map == MAP_FAILED ? NULL : map;
}

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	(void)vfs;
	struct mapped_file *m = (struct mapped_file *)f;
	memset(m, 0, sizeof *m);
	m->real = (sqlite3_file *)(m + 1);
	int rc = real_vfs()->xOpen(real_vfs(), name, m->real, flags, out_flags);
	/* SQLite closes a file whose methods are set, even after a failed open */
	m->base.pMethods = m->real->pMethods ? &mapped_io : NULL;
	if (rc == SQLITE_OK && name && (flags & SQLITE_OPEN_MAIN_DB) &&
	    (flags & SQLITE_OPEN_READONLY) && m->real->pMethods->iVersion >= 3)
		m->map = map_whole(name, &m->size);
	return rc;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return real_vfs()->xDelete(real_vfs(), name, sync_dir);
}
static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs()->xAccess(real_vfs(), name, flags, out);
}
static int v_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real_vfs()->xFullPathname(real_vfs(), name, n, out);
}
static void *v_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs()->xDlOpen(real_vfs(), name);
}
static void v_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	real_vfs()->xDlError(real_vfs(), n, out);
}
static void (*v_dlsym(sqlite3_vfs *vfs, void *lib, const char *sym))(void)
{
	(void)vfs;
	return real_vfs()->xDlSym(real_vfs(), lib, sym);
}
static void v_dlclose(sqlite3_vfs *vfs, void *lib)
{
	(void)vfs;
	real_vfs()->xDlClose(real_vfs(), lib);
}
static int v_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs()->xRandomness(real_vfs(), n, out);
}
static int v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real_vfs()->xSleep(real_vfs(), us);
}
static int v_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs()->xCurrentTime(real_vfs(), out);
}
static int v_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs()->xGetLastError ? real_vfs()->xGetLastError(real_vfs(), n, out) : 0;
}
static int v_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs()->xCurrentTimeInt64(real_vfs(), out);
}

static int registered = SQLITE_ERROR;

static void register_once(void)
{
	sqlite3_vfs *real = sqlite3_vfs_find(NULL);
	if (!real || real->iVersion < 2 || !real->xCurrentTimeInt64)
		return;
	mapped_vfs = (sqlite3_vfs){
		.iVersion = 2,
		.szOsFile = (int)sizeof(struct mapped_file) + real->szOsFile,
		.mxPathname = real->mxPathname,
		.zName = ND_MAPPED_VFS,
		.pAppData = real,
		.xOpen = v_open,
		.xDelete = v_delete,
		.xAccess = v_access,
		.xFullPathname = v_full_pathname,
		.xDlOpen = v_dlopen,
		.xDlError = v_dlerror,
		.xDlSym = v_dlsym,
		.xDlClose = v_dlclose,
		.xRandomness = v_randomness,
		.xSleep = v_sleep,
		.xCurrentTime = v_current_time,
		.xGetLastError = v_last_error,
		.xCurrentTimeInt64 = v_current_time64,
	};
	registered = sqlite3_vfs_register(&mapped_vfs, 0);
}

const char *nd_mapvfs_name(void)
{
	static once_flag once = ONCE_FLAG_INIT;
	call_once(&once, register_once);
	return registered == SQLITE_OK ? ND_MAPPED_VFS : NULL;
}
