/* authkeys.c — validating public keys and writing authorized_keys lines.
 * The forced command gets the login from its own argument, never from
 * SSH_ORIGINAL_COMMAND or the environment; `restrict` turns off
 * forwarding, and `pty` is allowed back so `ssh -t` can open the desk. */
#include "newsdesk/authkeys.h"
#include "newsdesk/lang.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *const key_types[] = {
	"ssh-ed25519",
	"ssh-rsa",
	"ecdsa-sha2-nistp256",
	"ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521",
	"sk-ssh-ed25519@openssh.com",
	"sk-ecdsa-sha2-nistp256@openssh.com",
};

static bool is_base64(const char *s, size_t n)
{
	if (n < 16)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '+' || c == '/' || c == '='))
			return false;
	}
	return true;
}

int nd_key_validate(const char *line, char **canonical, struct nd_error *err)
{
	*canonical = NULL;
	size_t n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
		n--;
	if (n == 0)
		return nd_fail(err, ND_EINVAL, _("the key file is empty"));
	if (memchr(line, '\n', n))
		return nd_fail(err, ND_EINVAL,
			       _("a key file must hold exactly one line (one public key)"));
	const char *type_end = memchr(line, ' ', n);
	if (!type_end)
		return nd_fail(err, ND_EINVAL,
			       _("not a public key: expected 'TYPE BASE64 [comment]'"));
	size_t tl = (size_t)(type_end - line);
	bool known = false;
	for (size_t i = 0; i < sizeof key_types / sizeof *key_types; i++)
		if (strlen(key_types[i]) == tl && memcmp(line, key_types[i], tl) == 0)
			known = true;
	if (!known)
		return nd_fail(
		    err, ND_EINVAL,
		    _("unknown key type '%2$.*1$s' (a public key starts with ssh-ed25519, "
		      "ssh-rsa, ecdsa-sha2-nistp256, …; options are not allowed)"),
		    (int)(tl > 40 ? 40 : tl), line);
	const char *blob = type_end + 1;
	const char *blob_end = memchr(blob, ' ', n - tl - 1);
	size_t bl = blob_end ? (size_t)(blob_end - blob) : n - tl - 1;
	if (!is_base64(blob, bl))
		return nd_fail(err, ND_EINVAL, _("the key's data is not base64"));
	*canonical = malloc(tl + 1 + bl + 1);
	if (!*canonical)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	memcpy(*canonical, line, tl + 1 + bl);
	(*canonical)[tl + 1 + bl] = '\0';
	return 0;
}

/* authorized_keys command="…" needs " and \ escaped. */
static int add_quoted(struct nd_buf *out, const char *s)
{
	int rc = 0;
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			rc |= nd_buf_addc(out, '\\');
		rc |= nd_buf_addc(out, *s);
	}
	return rc;
}

int nd_key_line(struct nd_buf *out, const char *exe, const char *db, const char *login,
		const char *key)
{
	int rc = nd_buf_adds(out, "restrict,pty,command=\"");
	rc |= add_quoted(out, exe);
	if (db) {
		rc |= nd_buf_adds(out, " --db ");
		rc |= add_quoted(out, db);
	}
	rc |= nd_buf_adds(out, " ssh-shell ");
	rc |= add_quoted(out, login);
	rc |= nd_buf_printf(out, "\" %s newsdesk:%s\n", key, login);
	return rc;
}

int nd_keys_merge(const char *existing, const char *block, struct nd_buf *out)
{
	bool inside = false, placed = false;
	int rc = 0;
	for (const char *p = existing ? existing : ""; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == strlen(ND_KEYS_BEGIN) && memcmp(p, ND_KEYS_BEGIN, len) == 0) {
			inside = true;
			if (!placed)
				rc |= nd_buf_adds(out, block);
			placed = true;
		} else if (inside && len == strlen(ND_KEYS_END) &&
			   memcmp(p, ND_KEYS_END, len) == 0) {
			inside = false;
		} else if (!inside) {
			rc |= nd_buf_add(out, p, len);
			rc |= nd_buf_addc(out, '\n');
		}
		p += len + (nl ? 1 : 0);
	}
	if (!placed)
		rc |= nd_buf_adds(out, block);
	return rc;
}
