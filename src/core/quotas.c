/* quotas.c — per-reporter limits at the door: one table of quotas (name,
 * default, largest value), the values the admin set (schema: quotas), and
 * the checks the filing and attaching transactions make. The defaults are
 * chosen far above what honest work sends: a reporter who files 200 items
 * or 2 GiB of photos in a day is not filing by hand. */
#include "newsdesk/quotas.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* store-share is only checked once a reporter's photos pass this: a new,
 * small store is not "mostly one reporter's" by its first pictures. */
#define SHARE_FLOOR (1LL << 30)

const struct nd_quota_def nd_quota_defs[] = {
	{ "items-a-day", 200, 1000000, N_("items one reporter may file a day") },
	{ "photo-bytes-a-day", 2LL << 30, 1LL << 50,
	  N_("bytes of photos one reporter may attach a day") },
	{ "store-share", 50, 100,
	  N_("percent of the store one reporter's photos may take (checked past 1 GiB)") },
	{ 0 },
};

static const struct nd_quota_def *def_of(const char *name)
{
	for (const struct nd_quota_def *d = nd_quota_defs; d->name; d++)
		if (name && strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

int nd_quota_get(struct nd_store *st, const char *login, const char *name, int64_t *value,
		 char *whose, size_t whose_size, struct nd_error *err)
{
	const struct nd_quota_def *d = def_of(name);
	if (!d)
		return nd_fail(err, ND_EINVAL, _("there is no quota '%s'"), name ? name : "");
	*value = d->fallback;
	char who[64] = "";
	sqlite3_stmt *stmt;
	int rc =
	    nd_sql_prepare(st, &stmt, err,
			   "SELECT value, login FROM quotas WHERE name = ?1 AND login IN (?2, '*') "
			   "ORDER BY login = '*' LIMIT 1",
			   "ss", name, login);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the quota", err)) > 0) {
		*value = sqlite3_column_int64(stmt, 0);
		snprintf(who, sizeof who, "%s", (const char *)sqlite3_column_text(stmt, 1));
		rc = 0;
	}
	sqlite3_finalize(stmt);
	if (whose && whose_size)
		snprintf(whose, whose_size, "%s", who);
	return rc;
}

int nd_quota_set(struct nd_store *st, const struct nd_actor *actor, const char *login,
		 const char *name, int64_t value, struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("set quotas"), err);
	if (rc < 0)
		return rc;
	const struct nd_quota_def *d = def_of(name);
	if (!d)
		return nd_fail(err, ND_EINVAL, _("there is no quota '%s'"), name ? name : "");
	if (value > d->max)
		return nd_fail(err, ND_EINVAL, _("%1$s takes 0 to %2$lld, not %3$lld"), name,
			       (long long)d->max, (long long)value);
	if (strcmp(login, "*") != 0) {
		int64_t known = 0;
		if ((rc = nd_sql_int(st, &known, err, "reading the user",
				     "SELECT count(*) FROM users WHERE login = ?", "s", login)) < 0)
			return rc;
		if (!known)
			return nd_fail(err, ND_ENOENT, _("no user '%s'"), login);
	}
	if (value < 0)
		rc = nd_sql_exec(st, err, "clearing the quota",
				 "DELETE FROM quotas WHERE login = ? AND name = ?", "ss", login,
				 name);
	else
		rc = nd_sql_exec(st, err, "setting the quota",
				 "INSERT INTO quotas(login, name, value, set_by, updated_at) "
				 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (login, name) DO UPDATE SET "
				 "value = excluded.value, set_by = excluded.set_by, "
				 "updated_at = excluded.updated_at",
				 "ssisi", login, name, value, actor->user.login, nd_now());
	return rc < 0 ? rc : 0;
}

int nd_upload_slot_take(const char *db_path, int *fd, struct nd_error *err)
{
	char path[4096];
	snprintf(path, sizeof path, "%s.uploads", db_path);
	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0660);
	if (*fd < 0)
		return nd_fail(err, ND_EIO, _("cannot open %1$s: %2$s"), path, strerror(errno));
	/* the desk's group shares it, as the store (the umask may be 027) */
	struct stat s;
	if (fstat(*fd, &s) == 0 && s.st_uid == geteuid() && (s.st_mode & 0777) != 0660)
		fchmod(*fd, 0660);
	struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_len = 1 };
	for (int k = 0; k < ND_UPLOAD_SLOTS; k++) {
		lk.l_start = k;
		if (fcntl(*fd, F_SETLK, &lk) == 0)
			return 0;
	}
	/* all held: wait for one, spreading the waiters over the slots */
	lk.l_start = getpid() % ND_UPLOAD_SLOTS;
	int rc;
	while ((rc = fcntl(*fd, F_SETLKW, &lk)) < 0 && errno == EINTR)
		;
	if (rc < 0) {
		int e = errno;
		close(*fd);
		*fd = -1;
		return nd_fail(err, ND_EIO, _("cannot lock %1$s: %2$s"), path, strerror(e));
	}
	return 0;
}

void nd_upload_slot_give(int fd)
{
	if (fd >= 0)
		close(fd); /* closing releases the lock */
}

/* Local midnight today (day 0) or tomorrow (day 1). */
static int64_t midnight(int day)
{
	time_t now = (time_t)nd_now();
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_mday += day;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int nd_quota_use(struct nd_store *st, const char *login, struct nd_quota_use *use,
		 struct nd_error *err)
{
	memset(use, 0, sizeof *use);
	int64_t today = midnight(0);
	int rc = nd_sql_int(st, &use->items_today, err, "counting today's items",
			    "SELECT count(*) FROM items WHERE reporter = ? AND filed_at >= ?", "si",
			    login, today);
	if (rc >= 0)
		rc = nd_sql_int(st, &use->photo_bytes_today, err, "counting today's photos",
				"SELECT coalesce(sum(b.size), 0) FROM photo_links l "
				"JOIN photo_blobs b ON b.id = l.blob_id "
				"WHERE l.actor = ? AND l.verb = 'attach' AND l.created_at >= ?",
				"si", login, today);
	if (rc >= 0)
		rc = nd_sql_int(st, &use->photo_bytes, err, "counting the photos",
				"SELECT coalesce(sum(b.size), 0) FROM photo_links l "
				"JOIN photo_blobs b ON b.id = l.blob_id "
				"WHERE l.actor = ? AND l.verb = 'attach'",
				"s", login);
	if (rc >= 0)
		rc = nd_sql_int(st, &use->store_bytes, err, "measuring the store",
				"SELECT p.page_count * s.page_size "
				"FROM pragma_page_count() p, pragma_page_size() s",
				"");
	return rc < 0 ? rc : 0;
}

/* "23:59, in 3 h 12 min" */
static void reset_text(char *out, size_t size)
{
	int64_t left = midnight(1) - nd_now();
	if (left < 0)
		left = 0;
	snprintf(out, size, _("at midnight, in %1$lld h %2$02lld min"), (long long)(left / 3600),
		 (long long)(left % 3600 / 60));
}

static int refuse(struct nd_error *err, const char *name, int rc)
{
	snprintf(err->detail, sizeof err->detail, "%s", name);
	return rc;
}

int nd_quota_check_item(struct nd_store *st, const struct nd_actor *actor, struct nd_error *err)
{
	if (actor->user.rank >= ND_RANK_EDITOR)
		return 0;
	struct nd_quota_use use = { 0 };
	int64_t limit;
	/* two statements: the filing is the hot path */
	int rc = nd_quota_get(st, actor->user.login, "items-a-day", &limit, NULL, 0, err);
	if (rc < 0 ||
	    (rc = nd_sql_int(st, &use.items_today, err, "counting today's items",
			     "SELECT count(*) FROM items WHERE reporter = ? AND filed_at >= ?",
			     "si", actor->user.login, midnight(0))) < 0)
		return rc;
	if (use.items_today < limit)
		return 0;
	char reset[64];
	reset_text(reset, sizeof reset);
	return refuse(
	    err, "items-a-day",
	    nd_fail(err, ND_EQUOTA,
		    ngettext("over your quota items-a-day: you filed %1$lld item today, "
			     "the most it allows (%2$lld); nothing was filed. It resets %3$s",
			     "over your quota items-a-day: you filed %1$lld items today, "
			     "the most it allows (%2$lld); nothing was filed. It resets %3$s",
			     (unsigned long)use.items_today),
		    (long long)use.items_today, (long long)limit, reset));
}

int nd_quota_check_photo(struct nd_store *st, const struct nd_actor *actor, int64_t n,
			 struct nd_error *err)
{
	if (actor->user.rank >= ND_RANK_EDITOR)
		return 0;
	struct nd_quota_use use;
	int64_t day, share;
	int rc = nd_quota_get(st, actor->user.login, "photo-bytes-a-day", &day, NULL, 0, err);
	if (rc < 0 ||
	    (rc = nd_quota_get(st, actor->user.login, "store-share", &share, NULL, 0, err)) < 0 ||
	    (rc = nd_quota_use(st, actor->user.login, &use, err)) < 0)
		return rc;
	if (use.photo_bytes_today + n > day) {
		char reset[64];
		reset_text(reset, sizeof reset);
		return refuse(err, "photo-bytes-a-day",
			      nd_fail(err, ND_EQUOTA,
				      _("over your quota photo-bytes-a-day: %1$lld bytes of photos "
					"today and %2$lld more would pass %3$lld; nothing was "
					"attached. It resets %4$s"),
				      (long long)use.photo_bytes_today, (long long)n,
				      (long long)day, reset));
	}
	int64_t mine = use.photo_bytes + n, total = use.store_bytes + n;
	if (mine > SHARE_FLOOR && mine * 100 > share * total)
		return refuse(
		    err, "store-share",
		    nd_fail(err, ND_EQUOTA,
			    _("over your quota store-share: your photos would be %1$lld%% "
			      "of the store, past %2$lld%%; nothing was attached. It "
			      "does not reset by itself: ask an admin (newsdesk user "
			      "quota)"),
			    (long long)(mine * 100 / total), (long long)share));
	return 0;
}
