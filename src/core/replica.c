/* replica.c — newsdesk's side of Litestream: the configuration it writes,
 * the process it becomes, the restore it asks for and the lag it reads
 * back. Every URL and time given here is checked against an allowlist
 * before it reaches Litestream's configuration. */
#include "newsdesk/replica.h"
#include "newsdesk/backup.h"
#include "newsdesk/external.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/store.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *nd_litestream(void)
{
	const char *env = getenv("NEWSDESK_LITESTREAM");
	return env && env[0] ? env : "litestream";
}

int nd_replica_config_path(const char *db_path, char *out, size_t size, struct nd_error *err)
{
	if (snprintf(out, size, "%s%s", db_path, ND_REPLICA_CONFIG_SUFFIX) >= (int)size)
		return nd_fail(err, ND_EINVAL, _("database path too long: %s"), db_path);
	return 0;
}

/* Bytes allowed in a URL or path written into the YAML (inside double
 * quotes): printable ASCII but the quote, backslash and '$', and UTF-8. */
static bool yaml_safe(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\' || *p == '$')
			return false;
	return true;
}

/* path made absolute (against the working folder), into out. */
static int absolute(const char *path, char *out, size_t size, struct nd_error *err)
{
	char cwd[PATH_MAX];
	if (path[0] == '/') {
		if (snprintf(out, size, "%s", path) >= (int)size)
			return nd_fail(err, ND_EINVAL, _("path too long: %s"), path);
		return 0;
	}
	if (!getcwd(cwd, sizeof cwd))
		return nd_fail(err, ND_EIO, _("cannot tell the working folder: %s"),
			       strerror(errno));
	if (snprintf(out, size, "%s/%s", cwd, path) >= (int)size)
		return nd_fail(err, ND_EINVAL, _("path too long: %s"), path);
	return 0;
}

/* HOST[:PORT] of sftp://USER@HOST[:PORT]/PATH: letters, digits, . - : [ ]. */
static bool host_ok(const char *h, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)h[i]) && !strchr(".-:[]", h[i]))
			return false;
	return true;
}

static int bad_url(const char *url, const char *why, struct nd_error *err)
{
	return nd_fail(err, ND_EINVAL,
		       _("replica URL '%1$.200s' %2$s; a replica is a folder (a path or "
			 "file:///PATH), sftp://USER@HOST[:PORT]/PATH or s3://BUCKET/PATH"),
		       url, why);
}

/* The replica lines of the YAML for url. */
static int replica_lines(const char *url, struct nd_buf *out, struct nd_error *err)
{
	char path[PATH_MAX];
	int rc;
	if (!url[0] || strlen(url) > 400)
		return bad_url(url, _("is empty or too long"), err);
	if (!yaml_safe(url))
		return bad_url(url, _("has a control character, quote, backslash or '$'"), err);
	const char *scheme_end = strstr(url, "://");
	if (!scheme_end || strncmp(url, "file://", 7) == 0) {
		const char *p = scheme_end ? url + 7 : url;
		if (scheme_end && p[0] != '/')
			return bad_url(url, _("is not file:// with an absolute path"), err);
		if ((rc = absolute(p, path, sizeof path, err)) < 0)
			return rc;
		nd_buf_printf(out, "      - type: file\n        path: \"%s\"\n", path);
		return 0;
	}
	if (strncmp(url, "sftp://", 7) == 0) {
		const char *at = strchr(url + 7, '@'), *slash = strchr(url + 7, '/');
		if (!at || !slash || at > slash || at == url + 7)
			return bad_url(url, _("has no USER@ or no /PATH"), err);
		if (!host_ok(at + 1, (size_t)(slash - at - 1)))
			return bad_url(url, _("has a host that is not a name or an address"), err);
		nd_buf_printf(out, "      - url: \"%s\"\n", url);
		const char *key = getenv("NEWSDESK_REPLICA_KEY");
		if (key && key[0]) {
			if (!yaml_safe(key) || key[0] != '/')
				return nd_fail(err, ND_EINVAL,
					       _("$NEWSDESK_REPLICA_KEY must be an absolute path "
						 "without quotes, backslashes or '$'"));
			nd_buf_printf(out, "        key-path: \"%s\"\n", key);
		}
		return 0;
	}
	if (strncmp(url, "s3://", 5) == 0) {
		if (!url[5] || url[5] == '/')
			return bad_url(url, _("has no bucket"), err);
		nd_buf_printf(out, "      - url: \"%s\"\n", url);
		return 0;
	}
	return bad_url(url, _("has a scheme newsdesk does not replicate to"), err);
}

int nd_replica_config(const char *db_path, const char *url, struct nd_buf *out,
		      struct nd_error *err)
{
	char db[PATH_MAX];
	int rc = absolute(db_path, db, sizeof db, err);
	if (rc < 0)
		return rc;
	if (!yaml_safe(db))
		return nd_fail(err, ND_EINVAL,
			       _("the database path %s has a quote, backslash or '$' Litestream's "
				 "configuration cannot hold"),
			       db);
	nd_buf_printf(out,
		      "# Litestream configuration for newsdesk, written by 'newsdesk replicate'.\n"
		      "# While 'newsdesk replicate' runs, newsdesk leaves checkpoints to\n"
		      "# Litestream (see replicate in newsdesk(1)).\n"
		      "dbs:\n"
		      "  - path: \"%s\"\n"
		      "    replicas:\n",
		      db);
	if ((rc = replica_lines(url, out, err)) < 0)
		return rc;
	nd_buf_printf(out,
		      "        sync-interval: %ds\n"
		      "        snapshot-interval: 24h\n"
		      "        retention: 168h\n",
		      ND_REPLICA_SYNC_SECONDS);
	return 0;
}

static int write_config(const char *db_path, const char *url, const char *cfg, unsigned flags,
			struct nd_error *err)
{
	struct nd_buf yml = ND_BUF_INIT;
	int rc = nd_replica_config(db_path, url, &yml, err);
	if (rc == 0)
		rc = nd_output_file(cfg, yml.data, yml.len, flags, err);
	nd_buf_free(&yml);
	return rc;
}

/* Whether a `newsdesk replicate` (Litestream, by then) holds its lock on
 * the configuration. */
static bool replicator_running(const char *cfg)
{
	int fd = open(cfg, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	bool running = flock(fd, LOCK_SH | LOCK_NB) < 0 && errno == EWOULDBLOCK;
	close(fd);
	return running;
}

int nd_replicate(const char *db_path, const char *url, struct nd_error *err)
{
	char cfg[PATH_MAX];
	int rc = nd_replica_config_path(db_path, cfg, sizeof cfg, err);
	if (rc < 0)
		return rc;
	if (replicator_running(cfg))
		return nd_fail(err, ND_ESTATE,
			       _("a 'newsdesk replicate' runs for %s already; stop it first"),
			       db_path);
	if ((rc = write_config(db_path, url, cfg, ND_OUT_MERGE | ND_OUT_SHARED, err)) < 0)
		return rc;
	/* The sign that Litestream runs, for the store (store.c) and check: a
	   lock on the configuration, on a descriptor Litestream inherits and
	   holds until it exits. */
	int fd = open(cfg, O_RDONLY | O_NOFOLLOW);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) < 0) {
		rc = nd_fail(err, ND_EIO, _("cannot lock %1$s: %2$s"), cfg, strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	char *argv[] = {
		(char *)nd_litestream(), "replicate", "-no-expand-env", "-config", cfg, NULL
	};
	rc = nd_exec_program(argv, err);
	close(fd);
	if (rc == ND_ENOENT)
		nd_error_prefix(err,
				_("Litestream is not installed (scripts/install-litestream, or "
				  "set $NEWSDESK_LITESTREAM): "));
	return rc;
}

/* Reads digits into *v; returns the byte after them, NULL when not n of them. */
static const char *digits(const char *p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, p++) {
		if (!isdigit((unsigned char)*p))
			return NULL;
		*v = *v * 10 + (*p - '0');
	}
	return p;
}

int nd_replica_timestamp(const char *iso, char *out, size_t size, struct nd_error *err)
{
	struct tm tm = { 0 };
	int sec, frac_digits = 0, off = 0, oh, om;
	char frac[10] = "";
	const char *p = iso;
	if (!(p = digits(p, 4, &tm.tm_year)) || *p++ != '-' || !(p = digits(p, 2, &tm.tm_mon)) ||
	    *p++ != '-' || !(p = digits(p, 2, &tm.tm_mday)) || (*p != 'T' && *p != ' ') ||
	    !(p = digits(p + 1, 2, &tm.tm_hour)) || *p++ != ':' ||
	    !(p = digits(p, 2, &tm.tm_min)) || *p++ != ':' || !(p = digits(p, 2, &sec)))
		goto bad;
	if (*p == '.' || *p == ',')
		for (p++; isdigit((unsigned char)*p); p++)
			if (frac_digits < 9)
				frac[frac_digits++] = *p;
	bool zone = true;
	if (*p == 'Z' && !p[1])
		off = 0;
	else if ((*p == '+' || *p == '-') && digits(p + 1, 2, &oh) && p[3] == ':' &&
		 digits(p + 4, 2, &om) && !p[6] && oh < 24 && om < 60)
		off = (*p == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	else if (!*p)
		zone = false;
	else
		goto bad;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || sec > 59 || tm.tm_year < 1970)
		goto bad;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	time_t t = zone ? timegm(&tm) - off : mktime(&tm);
	struct tm utc;
	if (t == (time_t)-1 || !gmtime_r(&t, &utc))
		goto bad;
	char base[32];
	strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &utc);
	if (snprintf(out, size, "%s%s%sZ", base, frac_digits ? "." : "", frac) >= (int)size)
		goto bad;
	return 0;
bad:
	return nd_fail(err, ND_EINVAL,
		       _("'%.60s' is not an ISO 8601 time like 2026-11-23T06:40:00Z, "
			 "2026-11-23T14:40:00+08:00 or 2026-11-23T14:40:00 (local time)"),
		       iso);
}

/* "restoring from the replica: LITESTREAM'S LAST LINE (…failed)". */
static void last_line_into(struct nd_error *err, const char *said)
{
	if (!err)
		return;
	size_t n = strlen(said);
	while (n && said[n - 1] == '\n')
		n--;
	size_t start = n;
	while (start && said[start - 1] != '\n')
		start--;
	size_t len = n - start > 300 ? 300 : n - start;
	char msg[sizeof err->msg + 400];
	snprintf(msg, sizeof msg, "restoring from the replica: %.*s (%s)", (int)len, said + start,
		 err->msg);
	nd_strip_controls(msg);
	size_t keep = strnlen(msg, sizeof err->msg - 1);
	memcpy(err->msg, msg, keep);
	err->msg[keep] = '\0';
}

int nd_replica_fetch(const char *db_path, const char *url, const char *timestamp, const char *out,
		     struct nd_error *err)
{
	char cfg[PATH_MAX], db[PATH_MAX];
	int rc;
	if (snprintf(cfg, sizeof cfg, "%s.yml", out) >= (int)sizeof cfg)
		return nd_fail(err, ND_EINVAL, _("path too long: %s"), out);
	if ((rc = absolute(db_path, db, sizeof db, err)) < 0)
		return rc;
	/* a new machine: the store's folder may not be there yet */
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", db);
	*strrchr(dir, '/') = '\0';
	if (dir[0] && access(dir, F_OK) != 0 && (rc = nd_output_dir(dir, err)) < 0)
		return rc;
	if ((rc = write_config(db_path, url, cfg, ND_OUT_PRIVATE, err)) < 0)
		return rc;
	char *argv[12];
	int n = 0;
	argv[n++] = (char *)nd_litestream();
	argv[n++] = "restore";
	argv[n++] = "-no-expand-env";
	argv[n++] = "-config";
	argv[n++] = cfg;
	argv[n++] = "-o";
	argv[n++] = (char *)out;
	if (timestamp) {
		argv[n++] = "-timestamp";
		argv[n++] = (char *)timestamp;
	}
	argv[n++] = db;
	argv[n] = NULL;
	struct nd_buf said = ND_BUF_INIT;
	rc = nd_run_program_output(argv, &said, err);
	unlink(cfg);
	if (rc == ND_ENOENT)
		nd_error_prefix(err,
				_("Litestream is not installed (scripts/install-litestream, or "
				  "set $NEWSDESK_LITESTREAM): "));
	else if (rc < 0 && strstr(nd_buf_str(&said), "no matching backups"))
		rc = timestamp ? nd_fail(err, ND_ENOENT,
					 _("the replica at %1$s holds no copy as early as %2$s"),
					 url, timestamp)
			       : nd_fail(err, ND_ENOENT, _("the replica at %s holds no copy"), url);
	else if (rc < 0)
		last_line_into(err, nd_buf_str(&said));
	nd_buf_free(&said);
	if (rc == 0 && access(out, F_OK) != 0)
		rc = timestamp ? nd_fail(err, ND_ENOENT,
					 _("the replica at %1$s holds no copy as early as %2$s"),
					 url, timestamp)
			       : nd_fail(err, ND_ENOENT, _("the replica at %s holds no copy"), url);
	return rc;
}

/* A Go duration as Litestream prints it ("-47ms", "1.5s", "2m3.1s",
 * "1h0m0s") in seconds; false when it is not one. */
static bool go_duration(const char *s, double *out)
{
	static const struct {
		const char *unit;
		double seconds;
	} units[] = { { "ns", 1e-9 }, { "us", 1e-6 }, { "\xc2\xb5s", 1e-6 }, { "ms", 1e-3 },
		      { "s", 1 },     { "m", 60 },    { "h", 3600 } };
	double sign = 1, total = 0;
	if (*s == '-' || *s == '+')
		sign = *s++ == '-' ? -1 : 1;
	if (!*s)
		return false;
	while (*s) {
		char *end;
		double v = strtod(s, &end);
		if (end == s)
			return false;
		size_t best = 0;
		double mult = 0;
		for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
			size_t len = strlen(units[i].unit);
			if (strncmp(end, units[i].unit, len) == 0 && len > best) {
				best = len;
				mult = units[i].seconds;
			}
		}
		if (!best)
			return false;
		total += v * mult;
		s = end + best;
	}
	*out = sign * total;
	return true;
}

/* The smallest lag of `litestream generations` (columns: name generation
 * lag start end): the generation being written. */
static bool read_lag(const char *text, double *lag)
{
	bool any = false;
	const char *line = strchr(text, '\n'); /* the header */
	while (line && *++line) {
		char name[128], gen[128], d[64];
		if (sscanf(line, "%127s %127s %63s", name, gen, d) == 3) {
			double v;
			if (go_duration(d, &v) && (!any || v < *lag)) {
				*lag = v;
				any = true;
			}
		}
		line = strchr(line, '\n');
	}
	return any;
}

/* The url line of the configuration, for the report. */
static void config_url(const char *cfg, char *url, size_t size)
{
	FILE *f = fopen(cfg, "r");
	char line[600];
	url[0] = '\0';
	while (f && fgets(line, sizeof line, f)) {
		char *v = strstr(line, "- url: \"");
		if (!v)
			v = strstr(line, "path: \"");
		if (v && !strstr(line, "- path:")) {
			v = strchr(v, '"') + 1;
			v[strcspn(v, "\"")] = '\0';
			snprintf(url, size, "%s", v);
		}
	}
	if (f)
		fclose(f);
}

/* What check and the title line share: the configuration beside the
 * database (cfg, db: PATH_MAX each), its URL and whether Litestream runs.
 * False when no replica is configured. */
static bool status_start(const char *db_path, char *cfg, char *db, struct nd_replica_status *s)
{
	memset(s, 0, sizeof *s);
	if (nd_replica_config_path(db_path, cfg, PATH_MAX, NULL) < 0 || access(cfg, F_OK) != 0 ||
	    absolute(db_path, db, PATH_MAX, NULL) < 0)
		return false;
	s->configured = true;
	config_url(cfg, s->url, sizeof s->url);
	nd_strip_controls(s->url); /* the file is the group's to edit: never raw to a terminal */
	s->running = replicator_running(cfg);
	return true;
}

int nd_replica_check(const char *db_path, struct nd_replica_status *s, struct nd_buf *report)
{
	char cfg[PATH_MAX], db[PATH_MAX];
	if (!status_start(db_path, cfg, db, s))
		return 0;
	int warnings = 0;
	if (!s->running) {
		nd_buf_printf(report,
			      "warning: replication to %s has stopped: no 'newsdesk replicate' "
			      "runs for this database (the replica falls behind and the -wal "
			      "grows until it runs again)\n",
			      s->url);
		warnings++;
	}
	struct nd_buf out = ND_BUF_INIT;
	struct nd_error err = { 0 };
	char *argv[] = {
		(char *)nd_litestream(), "generations", "-no-expand-env", "-config", cfg, db, NULL
	};
	if (nd_run_program_output(argv, &out, &err) < 0) {
		nd_buf_printf(report, "warning: cannot read the replica's position: %s\n", err.msg);
		warnings++;
	} else if (!(s->known = read_lag(nd_buf_str(&out), &s->lag_seconds))) {
		nd_buf_printf(report, "warning: the replica at %s holds no copy yet\n", s->url);
		warnings++;
	} else if (s->lag_seconds > ND_REPLICA_WARN_SECONDS) {
		nd_buf_printf(report,
			      "warning: the replica at %s is %.0f s behind (more than %d s)\n",
			      s->url, s->lag_seconds, ND_REPLICA_WARN_SECONDS);
		warnings++;
	} else {
		nd_buf_printf(report, "replica at %s: %.1f s behind\n", s->url,
			      s->lag_seconds > 0 ? s->lag_seconds : 0.0);
	}
	nd_buf_free(&out);
	return warnings;
}

/* A file's modification time in seconds; false when it cannot be read. */
static bool mtime_of(const char *path, double *t)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return false;
	*t = (double)sb.st_mtim.tv_sec + (double)sb.st_mtim.tv_nsec / 1e9;
	return true;
}

/* The generation Litestream writes now, from its folder beside the
 * database (DIR/.NAME-litestream/generation): 16 hex digits. */
static bool current_generation(const char *db, char *gen, size_t size)
{
	char path[PATH_MAX];
	const char *slash = strrchr(db, '/');
	if (size < 17 || snprintf(path, sizeof path, "%.*s/.%s-litestream/generation",
				  (int)(slash - db), db, slash + 1) >= (int)sizeof path)
		return false;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, gen, 16);
	close(fd);
	if (n != 16)
		return false;
	gen[16] = '\0';
	for (int i = 0; i < 16; i++)
		if (!isxdigit((unsigned char)gen[i]))
			return false;
	return true;
}

int nd_replica_peek(const char *db_path, struct nd_replica_status *s)
{
	char cfg[PATH_MAX], db[PATH_MAX], gen[20], dir[PATH_MAX + 64];
	if (!status_start(db_path, cfg, db, s))
		return 0;
	/* Litestream's own measure (`litestream generations`): the database's
	 * newest write (the file or its -wal) minus the replica's. The
	 * replica's is the time its folder of WAL segments last changed: one
	 * stat, however many segments a week of retention holds. */
	double local = 0, wal = 0, replica = 0, snaps = 0;
	char wal_path[PATH_MAX + 8];
	snprintf(wal_path, sizeof wal_path, "%s-wal", db);
	if (s->url[0] == '/' && current_generation(db, gen, sizeof gen) && mtime_of(db, &local)) {
		if (mtime_of(wal_path, &wal) && wal > local)
			local = wal;
		snprintf(dir, sizeof dir, "%s/generations/%s/wal", s->url, gen);
		bool have = mtime_of(dir, &replica);
		snprintf(dir, sizeof dir, "%s/generations/%s/snapshots", s->url, gen);
		if (mtime_of(dir, &snaps) && (!have || snaps > replica)) {
			replica = snaps;
			have = true;
		}
		if ((s->known = have))
			s->lag_seconds = local > replica ? local - replica : 0;
	}
	return !s->running + (s->known && s->lag_seconds > ND_REPLICA_WARN_SECONDS);
}
