/* error.h — the one error type every layer fills: a code and a message a
 * person can act on. Functions return 0 or a negative ND_E… code. */
#ifndef NEWSDESK_ERROR_H
#define NEWSDESK_ERROR_H

enum nd_status {
	ND_OK = 0,
	ND_EINVAL = -1, /* bad input: the message names what and where */
	ND_ENOENT = -2, /* no such item, user, revision, issue */
	ND_EPERM = -3, /* the acting user's role does not allow it */
	ND_ESTATE = -4, /* the workflow state does not allow it */
	ND_ELOCKED = -5, /* someone else holds the edit lock */
	ND_ECONFLICT = -6, /* the base revision is no longer the newest */
	ND_EDB = -7, /* SQLite failed */
	ND_EIO = -8, /* reading or writing a file failed */
	ND_ENOMEM = -9,
	ND_EENCODING = -10, /* bytes in no accepted encoding */
	ND_EUSAGE = -11, /* command line misuse */
	ND_EQUOTA = -12, /* a reporter's quota is used up: detail names it */
};

struct nd_error {
	int code;
	char msg[768];
	char detail[32]; /* for ND_EQUOTA: the quota's name (the audit log's argument) */
};

/* Fills err (when not NULL) and returns code, so callers can write
 * `return nd_fail(err, ND_EINVAL, "...", ...);`. */
int nd_fail(struct nd_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefixes the message already in err, e.g. with the file name. */
void nd_error_prefix(struct nd_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void nd_error_clear(struct nd_error *err);

#endif
