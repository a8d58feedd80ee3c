/* test_charset_runs.c — a corpus nobody tuned the detector to: every run of
 * 2 to 6 characters of the demo pages, encoded at test time in GBK and in
 * Big5, is decoded through the function filing uses. A reading is taken
 * only if it is the text that was encoded; a refusal is fine; a refusal
 * names a reading or a fault, and never advises an encoding whose reading
 * is not the text. */
#include "newsdesk/charset.h"
#include "tap.h"

#include <iconv.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const pages[] = {
	"../demo/000_4ad8dda8878dd78b.txt",
	"../demo/001_32b84fd1deb61441.txt",
	"../demo/003_3e16ec6b22cd13a7.txt",
};

struct tally {
	const char *enc;
	iconv_t cd;
	long runs, right, refused, wrong, misadvised, named_other;
};

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, used = 0, r;
	do {
		if (used + 4096 + 1 > cap) {
			cap = (used + 4096 + 1) * 2;
			buf = realloc(buf, cap);
		}
		r = fread(buf + used, 1, cap - used - 1, f);
		used += r;
	} while (r > 0);
	fclose(f);
	buf[used] = '\0';
	*n = used;
	return buf;
}

/* Length in bytes of the UTF-8 character at s. */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool encode(iconv_t cd, const char *s, size_t n, char *out, size_t *outn)
{
	iconv(cd, NULL, NULL, NULL, NULL);
	char *ip = (char *)s, *op = out;
	size_t il = n, ol = 64;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return false; /* not in this encoding */
	*outn = 64 - ol;
	return true;
}

/* A refusal that offers --encoding offers the one the run was encoded in
 * (taking any other would file a wrong reading); one that names an
 * encoding newsdesk does not take is counted. */
static void refusal(struct tally *t, const char *bytes, size_t bn, const char *s, size_t n,
		    const char *msg)
{
	const char *opt = strstr(msg, "--encoding ");
	bool offered = false, right = false;
	for (; opt; opt = strstr(opt + 1, "--encoding ")) {
		char name[16];
		if (sscanf(opt + 11, "%15[A-Za-z0-9-]", name) != 1)
			continue;
		offered = true;
		struct nd_decoded d;
		struct nd_error err = { 0 };
		if (nd_charset_decode(bytes, bn, name, &d, &err) == 0) {
			right = right || (d.len == n && memcmp(d.text, s, n) == 0);
			nd_decoded_free(&d);
		}
	}
	if (offered && !right) {
		if (t->misadvised < 10)
			printf("# MISADVISED %s “%.*s”: %s\n", t->enc, (int)n, s, msg);
		t->misadvised++;
	}
	t->named_other += strstr(msg, "this looks like") != NULL;
}

static void one_run(struct tally *t, const char *s, size_t n)
{
	char bytes[64];
	size_t bn;
	if (!encode(t->cd, s, n, bytes, &bn))
		return;
	t->runs++;
	struct nd_decoded d;
	struct nd_error err = { 0 };
	if (nd_charset_decode(bytes, bn, NULL, &d, &err) < 0) {
		t->refused++;
		refusal(t, bytes, bn, s, n, err.msg);
		return;
	}
	if (d.len == n && memcmp(d.text, s, n) == 0) {
		t->right++;
	} else {
		if (t->wrong < 10)
			printf("# WRONG %s “%.*s” filed as %s “%s”\n", t->enc, (int)n, s,
			       d.encoding, d.text);
		t->wrong++;
	}
	nd_decoded_free(&d);
}

/* Every run of 2–6 characters inside each line of the page. */
static void page_runs(struct tally *t, const char *text, size_t n)
{
	size_t line = 0;
	while (line < n) {
		size_t end = line;
		while (end < n && text[end] != '\n')
			end++;
		for (size_t i = line; i < end; i += char_len(text + i)) {
			size_t j = i;
			for (int k = 1; k <= 6 && j < end; k++) {
				j += char_len(text + j);
				if (k >= 2 && j <= end)
					one_run(t, text + i, j - i);
			}
		}
		line = end + 1;
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct tally tallies[] = { { "GBK", 0, 0, 0, 0, 0, 0, 0 },
				   { "BIG5", 0, 0, 0, 0, 0, 0, 0 } };
	for (size_t k = 0; k < 2; k++) {
		struct tally *t = &tallies[k];
		t->cd = iconv_open(t->enc, "UTF-8");
		for (size_t p = 0; p < sizeof pages / sizeof *pages; p++) {
			size_t n = 0;
			char *text = slurp(pages[p], &n);
			if (!ok(text != NULL, "%s opens", pages[p]))
				continue;
			page_runs(t, text, n);
			free(text);
		}
		iconv_close(t->cd);
		printf("# %s: %ld runs, %ld filed right, %ld refused (%ld advising only a wrong "
		       "--encoding, %ld naming an encoding newsdesk does not take), %ld filed "
		       "wrong\n",
		       t->enc, t->runs, t->right, t->refused, t->misadvised, t->named_other,
		       t->wrong);
		ok(t->runs > 10000, "%s: many runs tried (%ld)", t->enc, t->runs);
		is_int(t->wrong, 0, "no run is filed in a reading it was not encoded in");
		is_int(t->misadvised, 0, "no refusal offers only --encoding that files it wrong");
	}
	return tap_done();
}
