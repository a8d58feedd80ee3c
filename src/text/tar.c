/* tar.c — a story and its pictures in one ustar stream, read by an
 * allowlist: every header's checksum, every name plain, every size bounded
 * by what the caller allows and by the bytes that are there. */
#include "newsdesk/tar.h"
#include "newsdesk/lang.h"
#include "newsdesk/utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define BLOCK 512
#define MAX_PAX (64 * 1024) /* a pax header's own data, skipped */

static const struct {
	const char *ext;
	enum nd_tar_kind kind;
} kinds[] = {
	{ ".txt", ND_TAR_STORY }, { ".jpg", ND_TAR_PHOTO },  { ".jpeg", ND_TAR_PHOTO },
	{ ".png", ND_TAR_PHOTO }, { ".webp", ND_TAR_PHOTO },
};

/* An octal field: digits, then NULs or spaces; -1 for anything else
 * (base-256 sizes included: no entry newsdesk takes needs one). */
static long long octal(const unsigned char *f, size_t len)
{
	long long v = 0;
	size_t i = 0;
	while (i < len && f[i] == ' ')
		i++;
	size_t digits = 0;
	for (; i < len && f[i] >= '0' && f[i] <= '7'; i++, digits++) {
		if (v > (1LL << 40))
			return -1;
		v = v * 8 + (f[i] - '0');
	}
	for (; i < len; i++)
		if (f[i] != '\0' && f[i] != ' ')
			return -1;
	return digits ? v : -1;
}

static bool checksum_ok(const unsigned char *h)
{
	long long want = octal(h + 148, 8);
	long long sum = 0;
	for (int i = 0; i < BLOCK; i++)
		sum += i >= 148 && i < 156 ? ' ' : h[i];
	return want >= 0 && sum == want;
}

static bool zero_block(const unsigned char *h)
{
	for (int i = 0; i < BLOCK; i++)
		if (h[i])
			return false;
	return true;
}

/* A plain name: letters, digits, . _ - and UTF-8 beyond ASCII; no folder,
 * no leading dot; its kind by the extension. */
static int plain_name(const char *name, enum nd_tar_kind *kind, struct nd_error *err)
{
	size_t len = strlen(name);
	if (!len || name[0] == '.' || !nd_utf8_valid(name, len, NULL))
		return nd_fail(
		    err, ND_EINVAL,
		    _("'%s' in the tar: a name must be plain text and not start with '.'"),
		    len && nd_utf8_valid(name, len, NULL) ? name : "?");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				   (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return nd_fail(
			    err, ND_EINVAL,
			    _("the tar holds an entry whose name has '%c' (a folder, a path "
			      "or a character names may not have): only plain file names"),
			    *p >= 0x20 && *p < 0x7f ? *p : '?');
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		size_t el = strlen(kinds[i].ext);
		if (len > el && strcasecmp(name + len - el, kinds[i].ext) == 0) {
			*kind = kinds[i].kind;
			return 0;
		}
	}
	return nd_fail(
	    err, ND_EINVAL,
	    _("'%s' in the tar: only a story (.txt) and photos (.jpg, .jpeg, .png, .webp)"), name);
}

/* One header at h (BLOCK bytes available); *skip: a pax header to pass. */
static int header(const unsigned char *h, size_t left, size_t max_size, struct nd_tar_entry *e,
		  bool *skip, struct nd_error *err)
{
	if (!checksum_ok(h))
		return nd_fail(err, ND_EINVAL,
			       _("the tar is damaged: a header's checksum is wrong"));
	if (memcmp(h + 257, "ustar", 5) != 0)
		return nd_fail(err, ND_EINVAL, _("not a ustar tar stream (tar c writes one)"));
	long long size = octal(h + 124, 12);
	char type = (char)h[156];
	*skip = type == 'x' || type == 'g';
	if (size < 0 || (size_t)size > left)
		return nd_fail(err, ND_EINVAL,
			       _("the tar is damaged or cut short: an entry's size is more than "
				 "what arrived"));
	if (*skip) {
		if (size > MAX_PAX)
			return nd_fail(err, ND_EINVAL,
				       _("the tar has an extended header of %lld bytes"), size);
		e->size = (size_t)size;
		return 0;
	}
	if (type != '0' && type != '\0')
		return nd_fail(err, ND_EINVAL,
			       _("the tar holds something other than plain files (type '%c'): a "
				 "folder or a link is never taken"),
			       type >= 0x20 && type < 0x7f ? type : '?');
	if (h[345] != '\0')
		return nd_fail(err, ND_EINVAL,
			       _("the tar holds a file inside a folder: only plain "
				 "file names"));
	memcpy(e->name, h, 100);
	e->name[100] = '\0';
	if (strncmp(e->name, "./", 2) == 0)
		memmove(e->name, e->name + 2, strlen(e->name + 2) + 1);
	int rc = plain_name(e->name, &e->kind, err);
	if (rc < 0)
		return rc;
	if ((size_t)size > max_size)
		return nd_fail(err, ND_EINVAL,
			       _("'%1$s' in the tar is %2$lld bytes, over the limit of %3$zu"),
			       e->name, size, max_size);
	e->size = (size_t)size;
	return 0;
}

int nd_tar_read(const char *buf, size_t n, size_t max_entries, size_t max_size,
		struct nd_tar_entry *out, size_t *count, struct nd_error *err)
{
	const unsigned char *b = (const unsigned char *)buf;
	size_t at = 0;
	*count = 0;
	while (at + BLOCK <= n && !zero_block(b + at)) {
		struct nd_tar_entry e = { 0 };
		bool skip = false;
		int rc = header(b + at, n - at - BLOCK, max_size, &e, &skip, err);
		if (rc < 0)
			return rc;
		at += BLOCK;
		if (!skip) {
			if (*count == max_entries)
				return nd_fail(err, ND_EINVAL,
					       _("the tar has more than %zu files: a story and its "
						 "photos at most"),
					       max_entries);
			e.data = buf + at;
			out[(*count)++] = e;
		}
		at += (e.size + BLOCK - 1) / BLOCK * BLOCK;
		if (at > n)
			at = n;
	}
	/* tar ends with zero blocks: without them the stream was cut */
	if (at + BLOCK > n)
		return nd_fail(err, ND_EINVAL,
			       _("the tar stream is cut short (no end-of-archive "
				 "block): nothing was filed, send it again"));
	return 0;
}
