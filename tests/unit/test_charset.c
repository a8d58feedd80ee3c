/* test_charset.c — encoding detection and conversion. Legacy-encoded
 * samples are made with iconv from UTF-8 literals, so the test states the
 * text it expects back. */
#include "newsdesk/charset.h"
#include "tap.h"

#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char simplified[] = "大丰区总工会“双进”宣讲向纵深挺进，劳模工匠进校园。";
static const char traditional[] = "大豐區總工會「雙進」宣講向縱深挺進，勞模工匠進校園。";

/* Encodes UTF-8 text into enc; returns malloc'd bytes and their length. */
static char *encode(const char *enc, const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	size_t in_left = strlen(utf8), cap = in_left * 4 + 8, out_left = cap;
	char *out = malloc(cap), *op = out, *ip = (char *)utf8;
	iconv(cd, &ip, &in_left, &op, &out_left);
	iconv_close(cd);
	*len = cap - out_left;
	return out;
}

static void check_decode(const char *bytes, size_t n, const char *forced, const char *want_text,
			 const char *want_enc, const char *name)
{
	struct nd_decoded d;
	struct nd_error err = { 0 };
	int rc = nd_charset_decode(bytes, n, forced, &d, &err);
	if (!ok(rc == 0, "%s: decodes", name)) {
		printf("#   error: %s\n", err.msg);
		return;
	}
	is_str(d.text, want_text, name);
	is_str(d.encoding, want_enc, "…and names the encoding");
	nd_decoded_free(&d);
}

static void check_refused(const char *bytes, size_t n, const char *forced, const char *needle,
			  const char *name)
{
	struct nd_decoded d;
	struct nd_error err = { 0 };
	int rc = nd_charset_decode(bytes, n, forced, &d, &err);
	ok(rc < 0, "%s: refused", name);
	if (!ok(strstr(err.msg, needle) != NULL, "…saying '%s'", needle))
		printf("#   message: %s\n", err.msg);
	if (rc == 0)
		nd_decoded_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	size_t n;
	char *bytes;

	check_decode(simplified, strlen(simplified), NULL, simplified, "UTF-8", "plain UTF-8");

	char bom[256];
	snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", simplified);
	check_decode(bom, strlen(bom), NULL, simplified, "UTF-8", "UTF-8 with BOM, BOM stripped");

	bytes = encode("GB18030", simplified, &n);
	check_decode(bytes, n, NULL, simplified, "GB18030", "GB18030 detected");
	check_decode(bytes, n, "GBK", simplified, "GB18030", "GBK forced reads as GB18030");
	free(bytes);

	bytes = encode("BIG5", traditional, &n);
	check_decode(bytes, n, NULL, traditional, "BIG5", "Big5 detected over GB18030 by scoring");
	free(bytes);

	bytes = encode("UTF-16LE", simplified, &n);
	char *le = malloc(n + 2);
	memcpy(le, "\xFF\xFE", 2);
	memcpy(le + 2, bytes, n);
	check_decode(le, n + 2, NULL, simplified, "UTF-16LE", "UTF-16LE with BOM");
	free(le);
	free(bytes);

	bytes = encode("UTF-16BE", simplified, &n);
	char *be = malloc(n + 2);
	memcpy(be, "\xFE\xFF", 2);
	memcpy(be + 2, bytes, n);
	check_decode(be, n + 2, NULL, simplified, "UTF-16BE", "UTF-16BE with BOM");
	check_refused(bytes, n, "UTF-16", "byte-order mark", "UTF-16 forced without a BOM");
	free(be);
	free(bytes);

	/* Valid UTF-8 that is really GBK: C1 controls count against UTF-8. */
	check_decode("\xC2\x93\xCD\xA8", 4, NULL, "聯通", "GB18030",
		     "聯通 in GBK is not taken for UTF-8");

	/* GB18030's own BOM (84 31 95 33) is stripped. */
	bytes = encode("GB18030", "工会", &n);
	char gbbom[16];
	memcpy(gbbom, "\x84\x31\x95\x33", 4);
	memcpy(gbbom + 4, bytes, n);
	check_decode(gbbom, n + 4, NULL, "工会", "GB18030", "GB18030 BOM stripped");
	free(bytes);

	/* A four-byte GB18030 sequence cut at the end: truncated. */
	bytes = encode("GB18030", "工会\xF0\x9F\x98\x80", &n); /* 😀 is four bytes in GB18030 */
	check_refused(bytes, n - 2, "GB18030", "truncated", "GB18030 cut in a four-byte sequence");
	free(bytes);

	check_refused("\xFF\xFF\xFF\xFF", 4, NULL, "offset 0",
		      "bytes in no encoding, with the offset");
	check_refused("ok\xFF\xFF", 4, "UTF-8", "offset 2", "forced UTF-8 names the bad offset");
	check_refused("abc", 3, "EBCDIC", "unknown encoding", "an unknown forced encoding");

	/* A UTF-16 lone surrogate is not text. */
	check_refused("\xFF\xFE\x00\xD8\x41\x00", 6, NULL, "not valid", "UTF-16 lone surrogate");

	ok(nd_common_han_score(simplified, strlen(simplified)) > 700, "news copy scores high");
	return tap_done();
}
