/* test_mapvfs.c — a read-only store read through one mapping of the whole
 * file: the same rows and the same verdicts as through SQLite's own VFS,
 * the pages really taken from the mapping, damage still seen. */
#include "fixture.h"
#include "newsdesk/items.h"
#include "newsdesk/mapvfs.h"
#include "newsdesk/store_sql.h"
#include "tap.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* quick_check's first line, and a sum over every revision's text */
static void read_all(const char *path, unsigned flags, char *verdict, size_t size, int64_t *sum)
{
	struct nd_store *st;
	struct nd_error err = { 0 };
	int64_t mapped = 0;
	*sum = -1;
	snprintf(verdict, size, "cannot open: ");
	if (nd_store_open(&st, path, flags, &err) < 0) {
		strncat(verdict, err.msg, size - strlen(verdict) - 1);
		return;
	}
	if (nd_sql_int(st, &mapped, &err, "mapping", "PRAGMA mmap_size = 65536", NULL) < 0 ||
	    nd_sql_text(st, verdict, size, &err, "checking", "PRAGMA quick_check", NULL) < 0 ||
	    nd_sql_int(st, sum, &err, "reading",
		       "SELECT sum(length(body) + unicode(substr(body, -1))) FROM revisions",
		       NULL) < 0)
		snprintf(verdict, size, "%s", err.msg);
	nd_store_close(st);
	for (char *nl = strchr(verdict, '\n'); nl; nl = strchr(nl, '\n'))
		*nl = ' '; /* one TAP line */
}

static void BAIL_OUT(const char *why)
{
	printf("Bail out! %s\n", why);
	exit(1);
}

/* True when another process would see a shared lock of ours on PATH's
 * database (SQLite's SHARED byte range). */
static bool locked_by_us(const char *path)
{
	pid_t child = fork();
	if (child == 0) {
		int fd = open(path, O_RDONLY);
		struct flock fl = { .l_type = F_WRLCK,
				    .l_whence = SEEK_SET,
				    .l_start = 0x40000000 + 2,
				    .l_len = 510 };
		_exit(fd >= 0 && fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK ? 0 : 1);
	}
	int status = -1;
	return child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

static void copy_file(const char *from, const char *to)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
	if (system(cmd) != 0)
		BAIL_OUT(from);
}

int main(void)
{
	struct fixture fx;
	fixture_open(&fx);
	ok(nd_mapvfs_name() != NULL, "the mapped VFS registers over the default one");
	/* texts long enough for overflow pages: a file of some hundred pages */
	static char body[9000];
	for (size_t at = 0; at + 32 < sizeof body; at += strlen("职工之家建设。"))
		memcpy(body + at, "职工之家建设。", strlen("职工之家建设。"));
	for (int i = 0; i < 60; i++) {
		char head[64];
		snprintf(head, sizeof head, "工会第%d条", i);
		struct nd_story story = { .kind = "article", .headline = head, .body = body };
		struct nd_file_result res;
		struct nd_error err = { 0 };
		if (nd_item_file(fx.st, &fx.zhu, &story, "UTF-8", NULL, &res, &err) < 0)
			BAIL_OUT(err.msg);
	}
	fixture_sql(&fx, "PRAGMA wal_checkpoint(TRUNCATE)");
	char copy[400];
	snprintf(copy, sizeof copy, "%s/copy.db", fx.dir);
	copy_file(fx.path, copy);

	char plain[1024], mapped[1024];
	int64_t plain_sum, mapped_sum;
	read_all(copy, ND_STORE_READONLY, plain, sizeof plain, &plain_sum);
#ifdef ND_TEST_HOOKS
	long before = nd_mapvfs_fetched();
#endif
	read_all(copy, ND_STORE_READONLY | ND_STORE_MAPPED, mapped, sizeof mapped, &mapped_sum);
	is_str(plain, "ok", "a sound copy passes quick_check through SQLite's VFS");
	is_str(mapped, "ok", "…and through the mapping");
	ok(plain_sum > 0 && plain_sum == mapped_sum, "every revision reads the same (%lld, %lld)",
	   (long long)plain_sum, (long long)mapped_sum);
#ifdef ND_TEST_HOOKS
	ok(nd_mapvfs_fetched() > before, "…its pages taken from the mapping (%ld)",
	   nd_mapvfs_fetched() - before);
	before = nd_mapvfs_fetched();
	read_all(copy, ND_STORE_READONLY, plain, sizeof plain, &plain_sum);
	is_int(nd_mapvfs_fetched() - before, 0, "a store opened without the flag is not mapped");
	before = nd_mapvfs_fetched();
	read_all(copy, ND_STORE_MAPPED, plain, sizeof plain, &plain_sum);
	is_int(nd_mapvfs_fetched() - before, 0, "…nor one opened for writing");
#endif

	/* mapping the store while this process has it open keeps the store's
	   locks: a descriptor of the mapper's own, closed, would drop them all */
	int64_t items = fixture_int(&fx, "SELECT count(*) FROM items");
	ok(items > 0 && locked_by_us(fx.path), "the open store holds its shared lock (%lld items)",
	   (long long)items);
	read_all(fx.path, ND_STORE_READONLY | ND_STORE_MAPPED, mapped, sizeof mapped, &mapped_sum);
	is_str(mapped, "ok", "the open store read through the mapping");
	ok(locked_by_us(fx.path), "…and its shared lock still held after");

	/* a page's b-tree header written over: both VFSs see the same damage */
	int fd = open(copy, O_WRONLY);
	static const char junk[8] = "\x11\x22\x33\x44\x55\x66\x77\x88";
	ok(fd >= 0 && pwrite(fd, junk, sizeof junk, 4096L * 2) == (ssize_t)sizeof junk,
	   "page 3 of the copy damaged");
	if (fd >= 0)
		close(fd);
	read_all(copy, ND_STORE_READONLY, plain, sizeof plain, &plain_sum);
	read_all(copy, ND_STORE_READONLY | ND_STORE_MAPPED, mapped, sizeof mapped, &mapped_sum);
	ok(strcmp(plain, "ok") != 0, "the damage is seen through SQLite's VFS (%s)", plain);
	is_str(mapped, plain, "…and the same through the mapping");

	/* an empty file cannot be mapped: refused as SQLite's VFS refuses it */
	char empty[400];
	snprintf(empty, sizeof empty, "%s/empty.db", fx.dir);
	close(open(empty, O_WRONLY | O_CREAT, 0600));
	read_all(empty, ND_STORE_READONLY, plain, sizeof plain, &plain_sum);
	read_all(empty, ND_STORE_READONLY | ND_STORE_MAPPED, mapped, sizeof mapped, &mapped_sum);
	ok(strcmp(plain, "ok") != 0, "an empty file is no store (%s)", plain);
	is_str(mapped, plain, "…the same through the mapped VFS");
	fixture_close(&fx);
	return tap_done();
}
