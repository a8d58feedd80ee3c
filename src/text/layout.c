/* layout.c — 版面字数: lines a story takes in a column of 字/行 characters,
 * each line counted whole (rules and examples: newsdesk(1), COUNTS).
 * The compositor is assumed to squeeze a closing mark that would begin a
 * line into the line before (挤进, the default of Chinese typesetting; see
 * W3C clreq, "prohibition rules for line start and end"), so punctuation
 * never adds a line: closing marks that would begin a unit's last line stay
 * on the line before. A number or Latin word is never split at a line end:
 * it goes whole to the next line (推出). Otherwise a paragraph's lines are
 * plain arithmetic on its half-slots. */
#include "newsdesk/layout.h"
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_blank(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

/* Marks wcwidth calls narrow (East Asian Ambiguous) that a Chinese column
 * sets on a whole slot: quotes, dashes, the ellipsis, the middle dot, and
 * the symbols of general punctuation and beyond (‰ ℃ № ① ■ ★ …). */
static int full_in_chinese(unsigned cp)
{
	return cp == 0x00B7 || cp == 0x00B0 || cp == 0x00D7 || cp == 0x00F7 || cp == 0x00A7 ||
	       (cp >= 0x2010 && cp <= 0x2BFF);
}

static int halves_of(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp == 0x3000)
		return 2;
	int w = nd_cp_width(cp);
	if (w == 1 && full_in_chinese(cp))
		return 2;
	return w;
}

int nd_layout_cp_halves(unsigned cp)
{
	return is_blank(cp) ? (cp == 0x3000               ? 2
			       : cp == '\t' || cp == '\n' ? 1
							  : halves_of(cp))
			    : halves_of(cp);
}

bool nd_layout_cp_blank(unsigned cp)
{
	return is_blank(cp);
}

/* A closing mark: it may not begin a line, so one that would is squeezed
 * into the line before (挤进). Chinese and half-width. */
static bool is_closing(unsigned cp)
{
	static const unsigned marks[] = {
		0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0x201D, 0x2019,
		0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x3009, 0x3015, 0xFF0E,
	};
	if (cp < 0x80)
		return cp != 0 && strchr(".,;:?!)\"'", (int)cp) != NULL;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (marks[i] == cp)
			return true;
	return false;
}

/* What setting asks of a character of the Basic Multilingual Plane, in
 * one byte, worked out once and kept (check --full lays out every
 * revision): blank, closing, its half-slots while ambiguous characters are
 * one column, and whether it is ambiguous (two half-slots when they are
 * two). Relaxed atomics: two threads may both store the same value. */
enum {
	LC_KNOWN = 0x80,
	LC_BLANK = 0x40,
	LC_CLOSING = 0x20,
	LC_AMBIGUOUS = 0x10,
	LC_HALVES = 0x03,
};
static _Atomic unsigned char cp_setting[0x10000];

static unsigned setting_work_out(unsigned cp)
{
	unsigned k;
	int w = nd_wcwidth_unicode(cp);
	bool amb = w == 1 && nd_cp_ambiguous(cp);
	int halves; /* halves_of(cp) with ambiguous characters one column */
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		halves = 0;
	else if (cp == 0x3000)
		halves = 2;
	else /* nd_cp_width: a width it cannot tell is one column */
		halves = (w < 0 || w == 1) && full_in_chinese(cp) ? 2 : w < 0 ? 1 : w;
	k = LC_KNOWN | (is_blank(cp) ? LC_BLANK : 0) | (is_closing(cp) ? LC_CLOSING : 0) |
	    (amb ? LC_AMBIGUOUS : 0) | (unsigned)halves;
	atomic_store_explicit(&cp_setting[cp], (unsigned char)k, memory_order_relaxed);
	return k;
}

static inline unsigned setting_of(unsigned cp)
{
	unsigned k = atomic_load_explicit(&cp_setting[cp], memory_order_relaxed);
	return k ? k : setting_work_out(cp);
}

/* halves_of(cp), from the kept byte */
static long halves_kept(unsigned k, bool amb2)
{
	return (k & LC_AMBIGUOUS) && amb2 ? 2 : (long)(k & LC_HALVES);
}

/* What a unit's text holds for setting it: its half-slots (white space at
 * either end left out), the half-width runs a line must not split (words
 * and numbers: 2024, 1.7, App), and the closing marks it ends with. */
struct unit_scan {
	long halves;
	long tail; /* half-slots of the closing marks at the end */
	struct nd_buf *runs; /* "@O+W" for each run of two half-slots or more */
	int rc;
	struct nd_count_run *count; /* 字数 and 汉字 counted in the same reading, or NULL */
	bool han_plain; /* han_block_plain(), when it has been asked */
};

/* mark and then v in decimal, as "%s%ld" would write them: check --full
 * writes a profile for every revision, and printf cost more than the
 * scan's own figures. */
static int add_number(struct nd_buf *b, const char *mark, long v)
{
	char digits[32];
	size_t at = sizeof digits;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		digits[--at] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		digits[--at] = '-';
	int rc = nd_buf_adds(b, mark);
	return rc < 0 ? rc : nd_buf_add(b, digits + at, sizeof digits - at);
}

static void end_run(struct unit_scan *u, long base, long start, long end)
{
	if (u->runs && end - start >= 2 && u->rc == 0 &&
	    (u->rc = add_number(u->runs, "@", base + start)) == 0)
		u->rc = add_number(u->runs, "+", end - start);
}

/* Is s[0..n) at least one of U+4E00..U+9FFF, the Han ideographs of the
 * Unified block (three bytes each, E4 B8 80 to E9 BF BF)? */
static inline bool han_block_bytes(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] >= 0xE4 && s[0] <= 0xE9 && (s[0] != 0xE4 || s[1] >= 0xB8) &&
	       (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80;
}

static inline unsigned han_block_cp(const unsigned char *s)
{
	return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

/* A plain Han character, as the kept classes say: two half-slots, not
 * blank, not closing, not ambiguous; and (counting) one 字 and one 汉字
 * that joins no run. */
static bool plain_han(unsigned cp, bool counting)
{
	return setting_of(cp) == (LC_KNOWN | 2) &&
	       (!counting || nd_count_class(cp) == (ND_CP_KNOWN | ND_CP_HANZI));
}

/* Whether every character of the Unified block is plain (both ways):
 * asked once in a process, by the first nd_story_measure() (a millisecond;
 * the look-ups it spares are a third of check --full's recount). 0: not
 * asked yet, 1: plain, 2: not. */
static _Atomic int han_block;

static bool han_block_plain(void)
{
	int v = atomic_load_explicit(&han_block, memory_order_relaxed);
	if (v == 0) {
		v = 1;
		for (unsigned cp = 0x4E00; cp <= 0x9FFF && v == 1; cp++)
			v = plain_han(cp, true) ? 1 : 2;
		atomic_store_explicit(&han_block, v, memory_order_relaxed);
	}
	return v == 1;
}

/* The bytes of the run of plain Han characters of the Unified block at s
 * (most of a Chinese text), taken without the general loop's questions,
 * to the same figures; each looked up unless the block is known plain.
 * *m: the characters. */
static size_t plain_han_run(const unsigned char *s, size_t n, const struct unit_scan *u, long *m)
{
	size_t i = 0;
	if (u->han_plain)
		while (han_block_bytes(s + i, n - i))
			i += 3;
	else
		while (han_block_bytes(s + i, n - i) &&
		       plain_han(han_block_cp(s + i), u->count != NULL))
			i += 3;
	*m = (long)(i / 3);
	return i;
}

/* The figures are kept in locals while the text is read: stored through
 * u (or u->count) they would be written back after every character, a
 * char pointer being allowed to alias them. */
static void scan_unit(const char *s, size_t n, long base, struct unit_scan *u)
{
	size_t i = 0;
	long total = 0, pending = 0, run = -1, tail = 0; /* white space counts only between text */
	bool started = false;
	bool amb2 = nd_width_ambiguous() == 2;
	struct nd_count_run count = u->count ? *u->count : (struct nd_count_run){ 0 };
	bool counting = u->count != NULL;
	while (i < n) {
		long m;
		size_t taken = plain_han_run((const unsigned char *)s + i, n - i, u, &m);
		if (taken > 0) { /* what the lines below do for each of them */
			if (run >= 0)
				end_run(u, base, run, total);
			run = -1;
			total += pending + 2 * m;
			pending = tail = 0;
			started = true;
			count.chars += m;
			count.hanzi += m;
			count.state = ND_RUN_NONE;
			i += taken;
			continue;
		}
		unsigned cp;
		int len = nd_utf8_next(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (len <= 0)
			cp = 0xFFFD;
		if (counting)
			nd_count_step(&count, cp, len > 0);
		unsigned k = cp < 0x10000 ? setting_of(cp) : 0;
		bool blank = k ? (k & LC_BLANK) != 0 : is_blank(cp);
		if (blank) {
			if (started)
				pending += cp == 0x3000                 ? 2
					   : (cp == '\t' || cp == '\n') ? 1
					   : k                          ? halves_kept(k, amb2)
									: halves_of(cp);
			continue;
		}
		bool half_run = cp > 0x20 && cp < 0x7F;
		if (run >= 0 && (!half_run || pending)) {
			end_run(u, base, run, total);
			run = -1;
		}
		total += pending;
		if (half_run && run < 0)
			run = total;
		long h = k ? halves_kept(k, amb2) : halves_of(cp);
		bool closing = k ? (k & LC_CLOSING) != 0 : is_closing(cp);
		tail = closing ? (pending ? 0 : tail) + h : 0;
		total += h;
		pending = 0;
		started = true;
	}
	if (run >= 0)
		end_run(u, base, run, total);
	u->halves = total;
	u->tail = tail;
	if (counting)
		*u->count = count;
}

static long halves_n(const char *s, size_t n)
{
	struct unit_scan u = { .runs = NULL };
	scan_unit(s, n, 0, &u);
	return u.halves;
}

long nd_layout_halves(const char *s)
{
	return s ? halves_n(s, strlen(s)) : 0;
}

long nd_story_hanzi(const struct nd_story *s)
{
	const char *fields[] = {
		s->kicker, s->headline, s->subhead, s->dateline, s->byline, s->body
	};
	long n = 0;
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		n += fields[i] ? nd_count_hanzi(fields[i]) : 0;
	return n;
}

/* Closing marks squeezed into the line before: at most two (。” ), as a
 * compositor compresses them. */
enum { SQUEEZE_MAX = 4 }; /* half-slots */

/* One unit of the profile: "[t]N[.T][@O+W…]" (layout.h). */
static int add_unit(struct nd_buf *b, bool title, long halves, long tail, const char *runs)
{
	int rc = add_number(b, b->len ? (title ? " t" : " ") : (title ? "t" : ""), halves);
	if (rc == 0 && tail > 0 && tail <= SQUEEZE_MAX)
		rc = add_number(b, ".", tail);
	if (rc == 0 && runs)
		rc = nd_buf_adds(b, runs);
	return rc;
}

static int add_text_unit(struct nd_buf *b, bool title, const char *s, const struct unit_scan *as)
{
	struct nd_buf runs = ND_BUF_INIT;
	struct unit_scan u = { .runs = &runs, .count = as->count, .han_plain = as->han_plain };
	scan_unit(s, strlen(s), 0, &u);
	int rc = u.rc;
	if (rc == 0 && u.halves > 0)
		rc = add_unit(b, title, u.halves, u.tail, runs.data);
	nd_buf_free(&runs);
	return rc;
}

/* The body's paragraphs into b, the dateline (scanned into lead) running
 * into the first; each paragraph counted into count when it is given (a
 * paragraph starts no run of letters: the line feed before it ended any). */
static int add_body(struct nd_buf *b, const char *body, struct unit_scan *lead,
		    struct nd_count_run *count)
{
	int rc = 0;
	for (const char *p = body ? body : ""; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		long base = lead->halves > 0 ? lead->halves + 2 : 0;
		struct unit_scan u = { .runs = lead->runs,
				       .count = count,
				       .han_plain = lead->han_plain };
		size_t mark = lead->runs->len;
		if (count)
			count->state = ND_RUN_NONE;
		scan_unit(p, len, base, &u);
		rc |= u.rc;
		if (u.halves > 0) {
			rc |= add_unit(b, false, base + u.halves, u.tail, lead->runs->data);
			lead->halves = 0;
			nd_buf_free(lead->runs);
		} else if (lead->runs->data) {
			lead->runs->len = mark;
			lead->runs->data[mark] = '\0';
		}
		p += len + (nl ? 1 : 0);
	}
	return rc;
}

/* The profile of s, and (when heads and body are given) its counts: the
 * titles' and dateline's into heads, the body's into body. */
static char *profile_counted(const struct nd_story *s, struct nd_count_run *heads,
			     struct nd_count_run *body)
{
	struct unit_scan as = { .count = heads, .han_plain = heads && han_block_plain() };
	struct nd_buf b = ND_BUF_INIT;
	const char *titles[] = { s->kicker, s->headline, s->subhead, s->byline };
	int rc = 0;
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
		if (heads)
			heads->state = ND_RUN_NONE;
		if (titles[i])
			rc |= add_text_unit(&b, true, titles[i], &as);
	}
	/* The dateline opens the first paragraph, a space (one slot) after it. */
	struct nd_buf runs = ND_BUF_INIT;
	struct unit_scan lead = { .runs = &runs, .count = heads, .han_plain = as.han_plain };
	if (heads)
		heads->state = ND_RUN_NONE;
	if (s->dateline)
		scan_unit(s->dateline, strlen(s->dateline), 0, &lead);
	rc |= lead.rc;
	rc |= add_body(&b, s->body, &lead, body);
	if (lead.halves > 0)
		rc |= add_unit(&b, false, lead.halves, lead.tail, runs.data);
	nd_buf_free(&runs);
	if (rc < 0) {
		nd_buf_free(&b);
		return NULL;
	}
	return nd_buf_take(&b);
}

char *nd_layout_profile(const struct nd_story *s)
{
	return profile_counted(s, NULL, NULL);
}

int nd_story_measure(const struct nd_story *s, enum nd_count_rule rule, struct nd_story_measure *m)
{
	struct nd_count_run heads = { .rule = rule }, body = { .rule = rule };
	m->profile = profile_counted(s, &heads, &body);
	m->body_chars = body.chars;
	m->chars = heads.chars + body.chars;
	m->hanzi = heads.hanzi + body.hanzi;
	return m->profile ? 0 : -1;
}

/* ⌈a / b⌉ for a ≥ 0, b > 0 */
static long ceil_div(long a, long b)
{
	return (a + b - 1) / b;
}

/* Lines one unit takes at width half-slots a line: set from its indent,
 * each run of half-width characters kept whole (pushed to the next line
 * when the end of this one would split it, 推出), then the closing marks at
 * its end squeezed into the last line rather than starting a new one. */
static long unit_lines(const char **pp, bool title, long halves, long width)
{
	const char *p = *pp;
	long tail = 0, pos = title ? 0 : 4, at = 0;
	char *end;
	if (*p == '.') {
		tail = strtol(p + 1, &end, 10);
		if (end == p + 1 || tail < 0 || tail > SQUEEZE_MAX)
			return -1;
		p = end;
	}
	while (*p == '@') {
		long o = strtol(p + 1, &end, 10);
		if (end == p + 1 || *end != '+' || o < at || o > halves)
			return -1;
		char *next;
		long w = strtol(end + 1, &next, 10), start = pos + o;
		if (next == end + 1 || w < 2 || o + w > halves)
			return -1;
		p = next;
		long col = start % width;
		if (col && col + w > width && w <= width)
			pos += width - col;
		at = o + w;
	}
	*pp = p;
	long total = pos + halves, n = ceil_div(total, width);
	if (tail && n > 1 && total - (n - 1) * width <= tail)
		n--; /* 挤进: the closing marks stay on the line before */
	return n > 0 ? n : 1;
}

int nd_layout_count(const char *profile, int cpl, struct nd_layout *out)
{
	out->lines = out->chars = 0;
	if (!profile || cpl < ND_CPL_MIN || cpl > ND_CPL_MAX)
		return -1;
	long width = 2L * cpl, lines = 0;
	for (const char *p = profile; *p;) {
		bool title = *p == 't';
		p += title;
		char *end;
		long h = strtol(p, &end, 10);
		if (end == p || h < 0 || h > 1L << 40)
			return -1;
		p = end;
		/* A title stands on lines of its own: at least one, whole. A
		 * paragraph's first line is indented two characters (4 halves). */
		long n = unit_lines(&p, title, h, width);
		if (n < 0 || (*p && *p != ' '))
			return -1;
		lines += n;
		p += *p == ' ';
	}
	out->lines = lines;
	out->chars = lines * cpl;
	return 0;
}

int nd_story_layout(const struct nd_story *s, int cpl, struct nd_layout *out)
{
	char *profile = nd_layout_profile(s);
	int rc = nd_layout_count(profile, cpl, out);
	free(profile);
	return rc;
}
