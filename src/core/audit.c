/* audit.c — the SSH door's audit log: two appended rows per command (its
 * start, its end), so a session cut before it answered still leaves the
 * words it sent; a copy of each to syslog's authpriv facility. */
#include "newsdesk/audit.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>

/* syslog only where a local socket takes it: syslog() itself would
   otherwise fall back to the console on some systems */
static bool have_syslog(void)
{
	struct stat s;
	return stat("/dev/log", &s) == 0 && S_ISSOCK(s.st_mode);
}

static void to_syslog(int priority, const char *fmt, const char *a, const char *b, const char *c)
{
	if (!have_syslog())
		return;
	openlog("newsdesk", LOG_PID, LOG_AUTHPRIV);
	syslog(priority, fmt, a, b, c);
	closelog();
}

int nd_audit_begin(struct nd_store *st, const char *login, const char *client, const char *words,
		   int64_t *id, struct nd_error *err)
{
	size_t len = strnlen(words, ND_AUDIT_MAX_WORDS);
	char *cut = strndup(words, len);
	if (!cut)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	int rc = nd_sql_exec(st, err, "recording the SSH command",
			     "INSERT INTO ssh_audit(at, login, client, words) VALUES (?, ?, ?, ?)",
			     "isss", nd_now(), login, client, cut);
	if (rc >= 0) {
		*id = sqlite3_last_insert_rowid(nd_store_db(st));
		char *clean = nd_sanitized(cut, 0);
		to_syslog(LOG_INFO, "ssh %s from %s asks: %s", login, client ? client : "?",
			  clean ? clean : "?");
		free(clean);
	}
	free(cut);
	return rc < 0 ? rc : 0;
}

int nd_audit_end(struct nd_store *st, int64_t id, const char *reason, const char *argument,
		 int64_t bytes_in, int exit_code, struct nd_error *err)
{
	int rc = nd_sql_exec(
	    st, err, "recording how the SSH command ended",
	    "INSERT INTO ssh_audit_end(request, at, outcome, reason, argument, bytes_in, exit) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)",
	    "iisssid", id, nd_now(), reason ? "refused" : "accepted", reason, argument, bytes_in,
	    exit_code);
	if (rc >= 0 && reason) {
		char *clean = nd_sanitized(argument ? argument : "", 0);
		char n[32];
		snprintf(n, sizeof n, "%lld", (long long)id);
		to_syslog(LOG_WARNING, "ssh request %s refused: %s %s", n, reason,
			  clean ? clean : "");
		free(clean);
	}
	return rc < 0 ? rc : 0;
}

static int fill_entry(sqlite3_stmt *s, void *elem)
{
	struct nd_audit_entry *e = elem;
	e->id = sqlite3_column_int64(s, 0);
	e->at = sqlite3_column_int64(s, 1);
	e->login = nd_column_dup(s, 2);
	e->client = nd_column_dup(s, 3);
	e->words = nd_column_dup(s, 4);
	e->ended = sqlite3_column_type(s, 5) != SQLITE_NULL;
	e->refused = !e->ended || sqlite3_column_int(s, 5) != 0;
	e->reason = nd_column_dup(s, 6);
	e->argument = nd_column_dup(s, 7);
	e->bytes_in = sqlite3_column_int64(s, 8);
	e->exit_code = sqlite3_column_int(s, 9);
	return e->login && e->words ? 0 : ND_ENOMEM;
}

int nd_audit_list(struct nd_store *st, const struct nd_actor *actor,
		  const struct nd_audit_filter *f, struct nd_audit_entry **rows, size_t *n,
		  struct nd_error *err)
{
	*rows = NULL;
	*n = 0;
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("read the audit log"), err);
	if (rc < 0)
		return rc;
	/* the newest limit entries, then oldest first */
	rc = nd_sql_list(
	    st, rows, n, sizeof **rows, fill_entry, err, "reading the audit log",
	    "SELECT * FROM (SELECT a.id, a.at, a.login, a.client, a.words, "
	    "e.outcome = 'refused', e.reason, e.argument, coalesce(e.bytes_in, 0), "
	    "coalesce(e.exit, 0) FROM ssh_audit a LEFT JOIN ssh_audit_end e ON e.request = a.id "
	    "WHERE a.at >= ?1 AND (NOT ?2 OR e.request IS NULL OR e.outcome = 'refused') "
	    "ORDER BY a.id DESC LIMIT CASE WHEN ?3 > 0 THEN ?3 ELSE -1 END) ORDER BY id",
	    "idd", f->since, f->refused ? 1 : 0, f->limit);
	if (rc < 0) {
		nd_audit_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

void nd_audit_free(struct nd_audit_entry *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].login);
		free(rows[i].client);
		free(rows[i].words);
		free(rows[i].reason);
		free(rows[i].argument);
	}
	free(rows);
}
