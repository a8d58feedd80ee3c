/* audit.h — the SSH door's audit log (schema: ssh_audit, ssh_audit_end):
 * every command asked over SSH, who asked it and from where, and how it
 * ended — accepted, or refused with a reason code and its argument — with
 * the bytes read from standard input. Append-only; the admin reads it
 * (newsdesk audit), and each entry also goes to syslog's authpriv facility
 * where a syslog socket is present. */
#ifndef NEWSDESK_AUDIT_H
#define NEWSDESK_AUDIT_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The words are stored as sent, up to this many bytes (the rest cut). */
#define ND_AUDIT_MAX_WORDS 4096

/* Records the start of a command: login (the forced command's argument),
 * client (SSH_CONNECTION, or NULL) and words (SSH_ORIGINAL_COMMAND, "" for
 * none); *id names it for nd_audit_end. */
int nd_audit_begin(struct nd_store *st, const char *login, const char *client, const char *words,
		   int64_t *id, struct nd_error *err);

/* Records how request id ended: reason NULL when accepted (exit 0), else a
 * code (ND_AUDIT_* in cmd_audit.c's table) and its argument (or NULL). */
int nd_audit_end(struct nd_store *st, int64_t id, const char *reason, const char *argument,
		 int64_t bytes_in, int exit_code, struct nd_error *err);

struct nd_audit_entry {
	int64_t id, at;
	char *login, *client, *words; /* as stored: sanitise before showing */
	bool ended; /* false: the session ended before its answer was recorded */
	bool refused;
	char *reason, *argument;
	int64_t bytes_in;
	int exit_code;
};

struct nd_audit_filter {
	bool refused; /* only the refused (and those that never ended) */
	int64_t since; /* from this time on (0: all) */
	int limit; /* the newest this many (0: all) */
};

/* The entries, oldest first: admins only. */
int nd_audit_list(struct nd_store *st, const struct nd_actor *actor,
		  const struct nd_audit_filter *f, struct nd_audit_entry **rows, size_t *n,
		  struct nd_error *err);
void nd_audit_free(struct nd_audit_entry *rows, size_t n);

#endif
