/* count.c — 字数 as Word counts it (中文字符 + 非中文单词), which is what a
 * newsroom means by 字数: every Han character and full-width mark is one; a
 * run of half-width letters and digits is one word, as are the half-width
 * marks inside it (2,000, 1.7, e-mail); a half-width mark standing alone
 * (职工,职工) is none. */
#include "newsdesk/count.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static int space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
	       cp == 0x205F || cp == 0xFEFF;
}

/* A letter or digit that is set half-width: it makes a run a word. Wide
 * letters (Han, full-width Latin) count one each instead. */
static int run_char_cp(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	return nd_wcwidth_unicode(cp) == 1 && nd_cp_alnum(cp);
}

/* Unicode's Han ideographs: the unified blocks and their extensions, the
 * compatibility ideographs, and 〇 (U+3007), which writes the zero of
 * 二〇二四年. Not kana, not punctuation, not 々. */
static int hanzi_cp(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3007;
}

/* The kept classes (count.h): the questions above, asked once per
 * character of the Basic Multilingual Plane (check --full counts every
 * revision's text, and the width and class look-ups were most of its
 * time). */
_Atomic unsigned char nd_count_classes[0x10000];

unsigned nd_count_class_work_out(unsigned cp)
{
	unsigned k = ND_CP_KNOWN | (run_char_cp(cp) ? ND_CP_RUN : 0) |
		     (space_cp(cp) ? ND_CP_SPACE : 0) | (hanzi_cp(cp) ? ND_CP_HANZI : 0);
	if ((cp >= 0x20 && nd_wcwidth_unicode(cp) == 0) || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		k |= ND_CP_SKIP;
	if (cp < 0x10000)
		atomic_store_explicit(&nd_count_classes[cp], (unsigned char)k,
				      memory_order_relaxed);
	return k;
}

static int is_run_char(unsigned cp)
{
	return nd_count_class(cp) & ND_CP_RUN;
}

static int is_hanzi(unsigned cp)
{
	return nd_count_class(cp) & ND_CP_HANZI;
}

/* A half-width (ASCII) punctuation mark or symbol: part of the word it
 * touches, nothing on its own. */
static int is_half_mark(unsigned cp)
{
	return cp > 0x20 && cp < 0x7F && !is_run_char(cp);
}

/* Atomic: every connection the process opens sets it (the desk's draft
 * writer opens its own, on its own thread), so it is read while set. */
static _Atomic int process_rule = ND_COUNT_WORD;

void nd_count_set_rule(enum nd_count_rule rule)
{
	atomic_store_explicit(&process_rule, (int)rule, memory_order_relaxed);
}

enum nd_count_rule nd_count_get_rule(void)
{
	return (enum nd_count_rule)atomic_load_explicit(&process_rule, memory_order_relaxed);
}

static const char *const rule_names[] = { [ND_COUNT_WORD] = "word", [ND_COUNT_MARKS] = "marks" };

int nd_count_rule_parse(const char *name)
{
	if (!name || !name[0])
		return ND_COUNT_WORD;
	for (int r = 0; r < (int)(sizeof rule_names / sizeof *rule_names); r++)
		if (strcmp(name, rule_names[r]) == 0)
			return r;
	return -1;
}

const char *nd_count_rule_name(enum nd_count_rule rule)
{
	return rule_names[rule == ND_COUNT_MARKS ? ND_COUNT_MARKS : ND_COUNT_WORD];
}

/* Part of a run: under Word's rule a half-width mark joins the word it
 * touches (and counts nothing alone); under the marks rule it stands on
 * its own and counts 1, as every other mark does. */
static int in_run_by(unsigned cp, enum nd_count_rule rule)
{
	return is_run_char(cp) || (rule == ND_COUNT_WORD && is_half_mark(cp));
}

static int in_run(unsigned cp)
{
	return in_run_by(cp, nd_count_get_rule());
}

enum { RUN_LOOKBACK = 4096 }; /* bytes: a run of marks longer than this is taken as marks */

/* The run the character before s (in a text that starts at text_start)
 * belongs to, read backwards to its first letter or digit. */
static enum nd_count_state run_before(const char *s, const char *text_start)
{
	enum nd_count_state state = ND_RUN_NONE;
	for (const char *p = s; p > text_start && s - p < RUN_LOOKBACK;) {
		const char *q = p - 1;
		while (q > text_start && p - q < 4 && ((unsigned char)*q & 0xC0) == 0x80)
			q--;
		unsigned cp;
		if (nd_utf8_decode(q, (size_t)(p - q), &cp) <= 0 || !in_run(cp))
			break;
		if (is_run_char(cp))
			return ND_RUN_WORD;
		state = ND_RUN_MARKS;
		p = q;
	}
	return state;
}

bool nd_count_joins(const char *s, size_t n, const char *text_start)
{
	if (n == 0 || run_before(s, text_start) != ND_RUN_WORD)
		return false;
	/* counted on its own, the span's first run would be a word of its own */
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		if (len <= 0 || !in_run(cp))
			return false;
		if (is_run_char(cp))
			return true;
		i += (size_t)len;
	}
	return false;
}

bool nd_count_within_run(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		if (len <= 0 || !in_run(cp))
			return false;
		i += (size_t)len;
	}
	return n > 0;
}

/* 字数 of s[0..n) from a run's state, and (when hanzi is not NULL) its
 * 汉字 added to *hanzi in the same pass. */
static long count_span_hanzi(const char *s, size_t n, enum nd_count_state state,
			     enum nd_count_rule rule, long *hanzi)
{
	struct nd_count_run r = { .state = state, .rule = rule };
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int len = nd_utf8_next(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		nd_count_step(&r, cp, len > 0);
	}
	if (hanzi)
		*hanzi += r.hanzi;
	return r.chars;
}

static long count_span(const char *s, size_t n, enum nd_count_state state, enum nd_count_rule rule)
{
	return count_span_hanzi(s, n, state, rule, NULL);
}

long nd_count_chars_hanzi(const char *s, enum nd_count_rule rule, long *hanzi)
{
	return count_span_hanzi(s, strlen(s), ND_RUN_NONE, rule, hanzi);
}

long nd_count_span(const char *s, size_t n, const char *text_start)
{
	/* a run that started before goes on */
	return count_span(s, n, run_before(s, text_start), nd_count_get_rule());
}

long nd_count_chars(const char *s)
{
	return count_span(s, strlen(s), ND_RUN_NONE, nd_count_get_rule());
}

long nd_count_chars_by(const char *s, enum nd_count_rule rule)
{
	return count_span(s, strlen(s), ND_RUN_NONE, rule);
}

long nd_count_hanzi(const char *s)
{
	size_t n = strlen(s), i = 0;
	long count = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_next(s + i, n - i, &cp);
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
