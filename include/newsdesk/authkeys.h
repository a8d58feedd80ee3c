/* authkeys.h — SSH public keys and the authorized_keys block newsdesk
 * manages: one line per enabled user, each forcing `newsdesk ssh-shell
 * LOGIN`, between marker lines; everything outside the block is kept. */
#ifndef NEWSDESK_AUTHKEYS_H
#define NEWSDESK_AUTHKEYS_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"

#define ND_KEYS_BEGIN                                                                              \
	"# newsdesk: begin (written by newsdesk keys --install; edit outside this block)"
#define ND_KEYS_END "# newsdesk: end"

/* Checks a public key: one line "TYPE BASE64 [COMMENT]" of a known type,
 * no options. *canonical receives "TYPE BASE64" (malloc'd). */
int nd_key_validate(const char *line, char **canonical, struct nd_error *err);

/* Appends one authorized_keys line forcing the shell for login. */
int nd_key_line(struct nd_buf *out, const char *exe, const char *db, const char *login,
		const char *key);

/* Replaces newsdesk's block in an existing authorized_keys text (or
 * appends one), keeping every other line as it was. */
int nd_keys_merge(const char *existing, const char *block, struct nd_buf *out);

#endif
