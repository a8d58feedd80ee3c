/* test_charset.c — encoding detection and conversion. Legacy-encoded
 * samples are made with iconv from UTF-8 literals, so the test states the
 * text it expects back. */
#include "newsdesk/charset.h"
#include "tap.h"

#include <iconv.h>
#include <locale.h>
#include <stdbool.h>
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

/* ---- the data set (tests/data/encodings/samples.tsv) ----------------------
 * Every sample is decoded right, or refused with its encoding among the
 * readings shown; never decoded wrong. */

struct enc_tally {
	char name[32];
	int samples, right, refused, wrong, unnamed, fault;
};

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool accepted(const char *name)
{
	return strcmp(name, "GB18030") == 0 || strcmp(name, "Big5") == 0 ||
	       strcmp(name, "UTF-8") == 0;
}

static void one_sample(struct enc_tally *t, const char *kind, const char *hex, const char *text)
{
	size_t n = strlen(hex) / 2;
	char *bytes = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		bytes[i] = (char)(hexval(hex[2 * i]) * 16 + hexval(hex[2 * i + 1]));
	struct nd_decoded d;
	struct nd_error err = { 0 };
	int rc = nd_charset_decode(bytes, n, NULL, &d, &err);
	t->samples++;
	if (rc == 0) {
		bool right = accepted(t->name) && strcmp(d.text, text) == 0;
		t->right += right;
		t->wrong += !right;
		if (!right)
			printf("# WRONG %s %s “%s” read as %s “%.60s”\n", t->name, kind, text,
			       d.encoding, d.text);
		nd_decoded_free(&d);
	} else if (strstr(err.msg, t->name) && strstr(err.msg, "“")) {
		t->refused++;
	} else if (strstr(err.msg, "--encoding")) {
		t->unnamed++;
		printf("# refused without naming %s: %s “%s”: %s\n", t->name, kind, text, err.msg);
	} else {
		t->fault++; /* no reading scores as text: the fault named, nothing advised */
		printf("# refused naming the fault: %s %s “%s”: %s\n", t->name, kind, text,
		       err.msg);
	}
	free(bytes);
}

static void data_set(void)
{
	FILE *f = fopen("data/encodings/samples.tsv", "r");
	if (!ok(f != NULL, "data/encodings/samples.tsv opens"))
		return;
	struct enc_tally tallies[12];
	size_t nt = 0;
	static char line[65536];
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#')
			continue;
		line[strcspn(line, "\n")] = '\0';
		char *enc = strtok(line, "\t"), *kind = strtok(NULL, "\t"),
		     *hex = strtok(NULL, "\t"), *text = strtok(NULL, "\t");
		if (!enc || !kind || !hex || !text)
			continue;
		size_t k = 0;
		while (k < nt && strcmp(tallies[k].name, enc) != 0)
			k++;
		if (k == nt && nt < sizeof tallies / sizeof *tallies) {
			memset(&tallies[nt], 0, sizeof *tallies);
			snprintf(tallies[nt].name, sizeof tallies[nt].name, "%s", enc);
			nt++;
		}
		if (k < nt)
			one_sample(&tallies[k], kind, hex, text);
	}
	fclose(f);
	int samples = 0, right = 0, refused = 0, wrong = 0, unnamed = 0, fault = 0;
	for (size_t k = 0; k < nt; k++) {
		struct enc_tally *t = &tallies[k];
		printf("# %-24s %3d samples: %3d decoded right, %3d refused naming it, %d refused "
		       "naming the fault, %d decoded wrong, %d refused advising another\n",
		       t->name, t->samples, t->right, t->refused, t->fault, t->wrong, t->unnamed);
		samples += t->samples;
		right += t->right;
		refused += t->refused;
		wrong += t->wrong;
		unnamed += t->unnamed;
		fault += t->fault;
	}
	printf("# all: %d samples, %d decoded right, %d refused with the right candidate, %d "
	       "refused naming the fault, %d decoded wrong, %d refused advising another "
	       "encoding\n",
	       samples, right, refused, fault, wrong, unnamed);
	ok(samples >= 300, "at least 300 samples (%d)", samples);
	is_int(wrong, 0, "no sample is decoded wrong");
	is_int(unnamed, 0,
	       "every refusal that advises --encoding shows the right reading among its "
	       "candidates");
	ok(fault <= samples / 50, "few refusals can only name the fault (%d)", fault);
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

	/* issue 20: a silent wrong guess is data loss */
	check_refused("abc\x80\x80"
		      "def",
		      8, NULL, "Latin-1",
		      "abc\\x80\\x80def is not filed as abcdef: refused, read as Latin-1 abc€€def");
	check_refused("abc\x80\x80"
		      "def",
		      8, NULL, "“abc€€def”", "…showing that reading");
	bytes = encode("BIG5", "都有自己的", &n);
	check_decode(bytes, n, NULL, "都有自己的", "BIG5",
		     "the Big5 title 都有自己的 (a GB18030 reading has PUA characters)");
	free(bytes);
	bytes = encode("CP1252", "Zürich Straße", &n);
	check_refused(bytes, n, NULL, "this looks like Latin-1 (Windows-1252) (“Zürich Straße”)",
		      "Zürich Straße in Latin-1 is named, not filed as GB18030 mojibake");
	check_refused(bytes, n, NULL, "newsdesk takes UTF-8, GB18030", "…with what newsdesk takes");
	free(bytes);
	bytes = encode("SHIFT_JIS", "お問い合わせ", &n);
	check_refused(bytes, n, NULL, "this looks like Shift_JIS (“お問い合わせ”)",
		      "お問い合わせ in Shift_JIS is named");
	free(bytes);
	bytes = encode("EUC-KR", "노동조합 대회가 열렸습니다.", &n);
	check_refused(bytes, n, NULL, "EUC-KR", "Korean in EUC-KR is named");
	free(bytes);
	bytes = encode("UTF-16LE", "劳模工匠进校园", &n);
	check_refused(bytes, n, NULL, "UTF-16LE without a byte-order mark (“劳模工匠进校园”)",
		      "short UTF-16LE without a BOM is named");
	check_refused(bytes, n, NULL, "--encoding UTF-16LE", "…with the option to file it");
	check_decode(bytes, n, "UTF-16LE", "劳模工匠进校园", "UTF-16LE", "…which then decodes");
	free(bytes);
	bytes = encode("GB18030", "川洋家私", &n);
	check_refused(bytes, n, NULL, "as GB18030 “川洋家私”; as Big5",
		      "a short title both encodings read well: refused with both readings");
	check_refused(bytes, n, NULL, "--encoding gb18030 or --encoding big5", "…and the choice");
	check_decode(bytes, n, "GB18030", "川洋家私", "GB18030", "…which --encoding settles");
	free(bytes);

	/* issue 30: short GBK that is valid UTF-8 is not filed as Cyrillic */
	static const char *const gbk_words[] = { "医院\n", "知识水平", "通讯员", "系统",
						 "目前",   "一站式",   "医院" };
	for (size_t i = 0; i < sizeof gbk_words / sizeof *gbk_words; i++) {
		bytes = encode("GBK", gbk_words[i], &n);
		struct nd_decoded d;
		struct nd_error err = { 0 };
		int rc = nd_charset_decode(bytes, n, NULL, &d, &err);
		if (rc == 0) {
			is_str(d.text, gbk_words[i],
			       "a short GBK word is filed as itself or refused");
			nd_decoded_free(&d);
		} else {
			ok(strstr(err.msg, "--encoding gb18030") != NULL,
			   "%.*s in GBK: refused offering --encoding gb18030",
			   (int)strcspn(gbk_words[i], "\n"), gbk_words[i]);
		}
		free(bytes);
	}
	bytes = encode("GBK", "医院\n", &n);
	check_refused(bytes, n, NULL, "as UTF-8 “ҽԺ”; as GB18030 “医院”",
		      "医院 in GBK (valid UTF-8 “ҽԺ”): refused with both readings");
	check_refused(bytes, n, NULL, "--encoding utf-8 or --encoding gb18030", "…and the choice");
	check_decode(bytes, n, "gbk", "医院\n", "GB18030", "…which --encoding settles");
	free(bytes);
	check_decode("Z\xC3\xBCrich", 7, NULL, "Zürich", "UTF-8",
		     "UTF-8 with an accented letter in a Latin word is still UTF-8");

	/* refusals that name the fault and advise nothing wrong */
	static const char stray[] = "The union met on Friday\x80 to plan the week ahead.";
	struct nd_decoded d;
	struct nd_error err = { 0 };
	ok(nd_charset_decode(stray, strlen(stray), NULL, &d, &err) < 0 &&
	       strstr(err.msg, "byte 0x80 at offset 23 is not valid UTF-8") &&
	       !strstr(err.msg, "UTF-16LE") && !strstr(err.msg, "--encoding"),
	   "UTF-8 with one stray 0x80: refused naming the offset, no advice of UTF-16 (%s)",
	   err.msg);
	bytes = encode("GBK", "劳模工匠进校园宣讲", &n);
	check_refused(bytes, n - 1, NULL, "the last character is cut off (byte offset 16)",
		      "GBK cut in the middle of its last character: says so");
	err.msg[0] = '\0';
	ok(nd_charset_decode(bytes, n - 1, NULL, &d, &err) < 0 && !strstr(err.msg, "Latin-1") &&
	       !strstr(err.msg, "Shift_JIS") && !strstr(err.msg, "UTF-16"),
	   "…and advises no other encoding");
	free(bytes);
	bytes = encode("EUC-JP", "お問い合わせください", &n);
	check_refused(bytes, n, NULL, "this looks like EUC-JP", "EUC-JP is named");
	err.msg[0] = '\0';
	ok(nd_charset_decode(bytes, n, NULL, &d, &err) < 0 && !strstr(err.msg, "--encoding"),
	   "…and no Chinese encoding is offered for it (%s)", err.msg);
	free(bytes);

	data_set();
	ok(nd_common_han_score(simplified, strlen(simplified)) > 700, "news copy scores high");
	return tap_done();
}
