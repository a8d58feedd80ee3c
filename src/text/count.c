/* count.c — 字数 as Chinese newsrooms count it: every Han character and
 * punctuation mark is one; a Latin word or a number is one, as it would be
 * set in a single slot of the grid. */
#include "newsdesk/count.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static int is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
	       cp == 0x205F || cp == 0xFEFF;
}

/* A letter or digit that is set half-width: it joins a run. Wide letters
 * (Han, full-width Latin) count one each instead. */
static int is_run_char(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	return nd_wcwidth_unicode(cp) == 1 && nd_cp_alnum(cp);
}

/* Is the character before s (in a text that starts at text_start) one of
 * a run? */
static int after_run(const char *s, const char *text_start)
{
	if (s <= text_start)
		return 0;
	const char *p = s - 1;
	while (p > text_start && s - p < 4 && ((unsigned char)*p & 0xC0) == 0x80)
		p--;
	unsigned cp;
	return nd_utf8_decode(p, (size_t)(s - p), &cp) > 0 && is_run_char(cp);
}

bool nd_count_joins(const char *s, size_t n, const char *text_start)
{
	unsigned cp;
	return n > 0 && after_run(s, text_start) && nd_utf8_decode(s, n, &cp) > 0 &&
	       is_run_char(cp);
}

long nd_count_span(const char *s, size_t n, const char *text_start)
{
	size_t i = 0;
	long count = 0;
	int in_run = after_run(s, text_start); /* a run that started before goes on */
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (is_run_char(cp)) {
			if (!in_run)
				count++;
			in_run = 1;
			continue;
		}
		in_run = 0;
		if (is_space(cp))
			continue;
		if (cp >= 0x20 && nd_wcwidth_unicode(cp) == 0)
			continue; /* combining marks belong to their base */
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		count++;
	}
	return count;
}

long nd_count_chars(const char *s)
{
	return nd_count_span(s, strlen(s), s);
}

/* Unicode's Han ideographs: the unified blocks and their extensions, the
 * compatibility ideographs, and 〇 (U+3007), which writes the zero of
 * 二〇二四年. Not kana, not punctuation, not 々. */
static int is_hanzi(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3007;
}

long nd_count_hanzi(const char *s)
{
	size_t n = strlen(s), i = 0;
	long count = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		count += len > 0 && is_hanzi(cp);
	}
	return count;
}

void nd_format_count(long n, char *out, unsigned size)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? -n : n);
	unsigned o = 0;
	if (n < 0 && o + 1 < size)
		out[o++] = '-';
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 1 < size)
			out[o++] = ',';
		if (o + 1 < size)
			out[o++] = digits[i];
	}
	out[o] = '\0';
}

void nd_format_figure(long n, char *out, unsigned size)
{
	if (n < 0)
		snprintf(out, size, "?");
	else
		nd_format_count(n, out, size);
}
