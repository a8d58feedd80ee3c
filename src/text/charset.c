/* charset.c — encoding detection and conversion with glibc iconv.
 * The pitfalls in DESIGN.md are handled here: BOMs stripped by hand,
 * GB2312/GBK read as GB18030, C1 controls counted against UTF-8, and Big5
 * against GB18030 decided by scoring because their byte ranges overlap. */
#include "newsdesk/charset.h"
#include "common_han.h"
#include "newsdesk/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct bom {
	const char *bytes;
	size_t len;
	const char *encoding;
};

/* Longest first: the UTF-32 BOM is not accepted, but FF FE 00 00 would
 * otherwise pass as UTF-16LE. */
static const struct bom boms[] = {
	{ "\x84\x31\x95\x33", 4, "GB18030" },
	{ "\xEF\xBB\xBF", 3, "UTF-8" },
	{ "\xFF\xFE", 2, "UTF-16LE" },
	{ "\xFE\xFF", 2, "UTF-16BE" },
};

struct alias {
	const char *name;
	const char *iconv_name;
};

static const struct alias aliases[] = {
	{ "UTF-8", "UTF-8" },    { "UTF8", "UTF-8" },        { "GB18030", "GB18030" },
	{ "GBK", "GB18030" },    { "GB2312", "GB18030" },    { "CP936", "GB18030" },
	{ "EUC-CN", "GB18030" }, { "BIG5", "BIG5" },         { "BIG-5", "BIG5" },
	{ "CP950", "BIG5" },     { "UTF-16LE", "UTF-16LE" }, { "UTF-16BE", "UTF-16BE" },
	{ "UTF-16", "UTF-16" }, /* resolved by its BOM below */
};

int nd_iconv_to_utf8(const char *from, const char *in, size_t n, char **out, size_t *outlen,
		     size_t *bad_offset, struct nd_error *err)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return nd_fail(err, ND_EINVAL, "the encoding %s is not available here", from);

	size_t cap = n * 2 + 16, used = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		iconv_close(cd);
		return nd_fail(err, ND_ENOMEM, "out of memory converting %s", from);
	}
	char *ip = (char *)in;
	size_t ileft = n;
	int rc = 0;
	bool flushing = false;
	for (;;) {
		char *op = buf + used;
		size_t oleft = cap - used;
		/* After the input, one call with NULL input flushes shift state. */
		size_t r = flushing ? iconv(cd, NULL, NULL, &op, &oleft)
				    : iconv(cd, &ip, &ileft, &op, &oleft);
		used = (size_t)(op - buf);
		if (r != (size_t)-1) {
			if (flushing)
				break;
			flushing = ileft == 0;
			continue;
		}
		if (errno == E2BIG) {
			/* Grow and go on from the current input pointer; never restart. */
			char *nb = realloc(buf, cap * 2 + 1);
			if (!nb) {
				rc = nd_fail(err, ND_ENOMEM, "out of memory converting %s", from);
				break;
			}
			buf = nb;
			cap *= 2;
			continue;
		}
		size_t off = (size_t)(ip - in);
		if (bad_offset)
			*bad_offset = off;
		if (errno == EINVAL)
			rc = nd_fail(
			    err, ND_EENCODING,
			    "the text ends in the middle of a %s character (byte offset %zu): "
			    "the file looks truncated",
			    from, off);
		else
			rc = nd_fail(err, ND_EENCODING, "byte 0x%02X at offset %zu is not valid %s",
				     (unsigned char)*ip, off, from);
		break;
	}
	iconv_close(cd);
	if (rc < 0) {
		free(buf);
		return rc;
	}
	buf[used] = '\0';
	*out = buf;
	*outlen = used;
	return 0;
}

static int cmp_unsigned(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

/* The common set, decoded once into a sorted array for bsearch. */
static unsigned common_cps[1200];
static size_t common_count;

static void load_common(void)
{
	if (common_count)
		return;
	const char *s = nd_common_han;
	size_t n = strlen(s), i = 0;
	while (i < n && common_count < sizeof common_cps / sizeof *common_cps) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		common_cps[common_count++] = cp;
	}
	qsort(common_cps, common_count, sizeof *common_cps, cmp_unsigned);
}

static bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

int nd_common_han_score(const char *s, size_t n)
{
	size_t i = 0, han = 0, common = 0;
	load_common();
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (!is_han(cp))
			continue;
		han++;
		if (bsearch(&cp, common_cps, common_count, sizeof cp, cmp_unsigned))
			common++;
	}
	return han ? (int)(common * 1000 / han) : 0;
}

static bool has_c1_controls(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return true;
	return false;
}

static int finish(struct nd_decoded *out, char *text, size_t len, const char *enc)
{
	out->text = text;
	out->len = len;
	out->encoding = enc;
	return 0;
}

static int copy_utf8(const char *in, size_t n, struct nd_decoded *out, struct nd_error *err)
{
	char *t = malloc(n + 1);
	if (!t)
		return nd_fail(err, ND_ENOMEM, "out of memory");
	memcpy(t, in, n);
	t[n] = '\0';
	return finish(out, t, n, "UTF-8");
}

/* base: where in[0] is in the file (after a byte-order mark), so every
 * offset reported is the file's own. */
static int decode_as(const char *enc, const char *in, size_t n, size_t base, struct nd_decoded *out,
		     struct nd_error *err)
{
	size_t bad = 0;
	if (strcmp(enc, "UTF-8") == 0) {
		if (!nd_utf8_valid(in, n, &bad))
			return nd_fail(err, ND_EENCODING,
				       "byte 0x%02X at offset %zu is not valid UTF-8",
				       (unsigned char)in[bad], base + bad);
		return copy_utf8(in, n, out, err);
	}
	char *t;
	size_t len;
	int rc = nd_iconv_to_utf8(enc, in, n, &t, &len, &bad, err);
	if (rc < 0) {
		if (base && rc == ND_EENCODING)
			nd_fail(err, rc, "byte 0x%02X at offset %zu is not valid %s%s",
				(unsigned char)in[bad], base + bad, enc,
				bad >= n - 1 ? " (the file ends in the middle of a character)"
					     : "");
		return rc;
	}
	return finish(out, t, len, enc);
}

static const char *canonical(const char *name)
{
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (strcasecmp(aliases[i].name, name) == 0)
			return aliases[i].iconv_name;
	return NULL;
}

int nd_charset_decode(const char *in, size_t n, const char *forced, struct nd_decoded *out,
		      struct nd_error *err)
{
	memset(out, 0, sizeof *out);
	const char *bom_enc = NULL;
	size_t skip = 0;
	for (size_t i = 0; i < sizeof boms / sizeof *boms; i++) {
		if (n >= boms[i].len && memcmp(in, boms[i].bytes, boms[i].len) == 0) {
			bom_enc = boms[i].encoding;
			skip = boms[i].len;
			break;
		}
	}

	if (forced) {
		const char *enc = canonical(forced);
		if (!enc)
			return nd_fail(
			    err, ND_EINVAL,
			    "unknown encoding '%s' (use UTF-8, GB18030, GBK, GB2312, BIG5, "
			    "UTF-16LE or UTF-16BE)",
			    forced);
		if (strcmp(enc, "UTF-16") == 0) {
			if (!bom_enc || strncmp(bom_enc, "UTF-16", 6) != 0)
				return nd_fail(
				    err, ND_EINVAL,
				    "UTF-16 without a byte-order mark: say UTF-16LE or UTF-16BE");
			enc = bom_enc;
		}
		/* Strip a BOM only when it belongs to the forced encoding. */
		if (!(bom_enc && strcmp(bom_enc, enc) == 0))
			skip = 0;
		return decode_as(enc, in + skip, n - skip, skip, out, err);
	}

	if (bom_enc)
		return decode_as(bom_enc, in + skip, n - skip, skip, out, err);

	size_t utf8_bad = 0;
	bool utf8_ok = nd_utf8_valid(in, n, &utf8_bad);
	if (utf8_ok && !has_c1_controls(in, n))
		return copy_utf8(in, n, out, err);

	/* Not clean UTF-8: try the two legacy Chinese encodings strictly. */
	struct nd_decoded gb = { 0 }, big5 = { 0 };
	struct nd_error gb_err = { 0 }, big5_err = { 0 };
	int gb_rc = decode_as("GB18030", in, n, 0, &gb, &gb_err);
	int big5_rc = decode_as("BIG5", in, n, 0, &big5, &big5_err);

	if (gb_rc == 0 && big5_rc == 0) {
		int gs = nd_common_han_score(gb.text, gb.len);
		int bs = nd_common_han_score(big5.text, big5.len);
		if (bs > gs) {
			nd_decoded_free(&gb);
			*out = big5;
		} else {
			nd_decoded_free(&big5);
			*out = gb;
		}
		return 0;
	}
	if (gb_rc == 0) {
		*out = gb;
		return 0;
	}
	if (big5_rc == 0) {
		*out = big5;
		return 0;
	}
	if (utf8_ok) /* UTF-8 with C1 controls and no better reading: keep it */
		return copy_utf8(in, n, out, err);
	return nd_fail(err, ND_EENCODING,
		       "not in a known encoding: byte 0x%02X at offset %zu is not valid UTF-8, "
		       "and the text is not GB18030 (%s) or Big5 (%s); "
		       "use --encoding if you know it",
		       (unsigned char)in[utf8_bad], utf8_bad, gb_err.msg, big5_err.msg);
}

void nd_decoded_free(struct nd_decoded *d)
{
	free(d->text);
	d->text = NULL;
	d->len = 0;
}
