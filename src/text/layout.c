/* layout.c — 版面字数: lines a story takes in a column of 字/行 characters,
 * each line counted whole (rules and examples: newsdesk(1), COUNTS).
 * The compositor is assumed to squeeze a closing mark that would begin a
 * line into the line before (挤进, the default of Chinese typesetting; see
 * W3C clreq, "prohibition rules for line start and end"), so punctuation
 * never adds a line and a paragraph's lines are plain arithmetic. */
#include "newsdesk/layout.h"
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

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
	return is_blank(cp) ? (cp == 0x3000 ? 2 : cp == '\t' || cp == '\n' ? 1 : halves_of(cp))
			    : halves_of(cp);
}

bool nd_layout_cp_blank(unsigned cp)
{
	return is_blank(cp);
}

static long halves_n(const char *s, size_t n)
{
	size_t i = 0;
	long total = 0, pending = 0; /* white space counts only between text */
	bool started = false;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (len <= 0)
			cp = 0xFFFD;
		if (is_blank(cp)) {
			if (started)
				pending += cp == 0x3000                 ? 2
					   : (cp == '\t' || cp == '\n') ? 1
									: halves_of(cp);
			continue;
		}
		total += pending + halves_of(cp);
		pending = 0;
		started = true;
	}
	return total;
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

static int add_unit(struct nd_buf *b, bool title, long halves)
{
	return nd_buf_printf(b, "%s%s%ld", b->len ? " " : "", title ? "t" : "", halves);
}

char *nd_layout_profile(const struct nd_story *s)
{
	struct nd_buf b = ND_BUF_INIT;
	const char *titles[] = { s->kicker, s->headline, s->subhead };
	int rc = 0;
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
		if (nd_layout_halves(titles[i]) > 0)
			rc |= add_unit(&b, true, nd_layout_halves(titles[i]));
	if (nd_layout_halves(s->byline) > 0)
		rc |= add_unit(&b, true, nd_layout_halves(s->byline));
	/* The dateline opens the first paragraph, a space (one slot) after it. */
	long lead = nd_layout_halves(s->dateline);
	const char *p = s->body ? s->body : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		long h = halves_n(p, len);
		if (h > 0) {
			rc |= add_unit(&b, false, lead > 0 ? lead + 2 + h : h);
			lead = 0;
		}
		p += len + (nl ? 1 : 0);
	}
	if (lead > 0)
		rc |= add_unit(&b, false, lead);
	if (rc < 0) {
		nd_buf_free(&b);
		return NULL;
	}
	return nd_buf_take(&b);
}

/* ⌈a / b⌉ for a ≥ 0, b > 0 */
static long ceil_div(long a, long b)
{
	return (a + b - 1) / b;
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
		if (end == p || h < 0 || h > 1L << 40 || (*end && *end != ' '))
			return -1;
		/* A title stands on lines of its own: at least one, whole. A
		 * paragraph's first line is indented two characters (4 halves). */
		long n = title ? ceil_div(h, width) : ceil_div(h + 4, width);
		lines += n > 0 ? n : 1;
		p = *end ? end + 1 : end;
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
