/* wrap.c — greedy line filling over break opportunities. The Unicode rules
 * (UAX #14) come from libunistring's u8_possible_linebreaks; the Chinese
 * rules go on top, because libunistring glues “ and ” to their Han
 * neighbours and knows nothing of 禁则 for the marks in our tables. When a
 * single unbreakable run is wider than the line, it is cut at a character
 * boundary (never inside a wide character). */
#include "newsdesk/wrap.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unilbrk.h>
#include <wchar.h>

enum { CLOSING = 1, OPENING = 2 };

/* Marks that must not start a line (they close or trail) and that must not
 * end one (they open), full-width and half-width. */
static const unsigned closing_marks[] = {
	0xFF0C,
	0x3002,
	0x3001,
	0xFF1B,
	0xFF1A,
	0xFF1F,
	0xFF01,
	0xFF09,
	0x300B,
	0x300D,
	0x300F,
	0x201D,
	0x2019,
	0x2026,
	0x3011,
	0x3015,
	0x3017,
	0x3009,
	0xFF3D,
	0xFF5D,
	0xFF0E,
	0x30FB,
	0x00B7,
	0xFF05,
	0x2030,
	0x2103,
	0x3005,
	0x309D,
	0x309E,
	0x30FC,
	',',
	'.',
	';',
	':',
	'?',
	'!',
	')',
	']',
	'}',
	'%',
	/* dashes: —— and the connector of GB/T 15834—2011 (clreq, strict) */
	0x2014,
	0x2013,
	0x2015,
	0x2E3A,
	0xFF5E,
};
/* Marks that may not start a line but may not hang past the measure either:
 * a unit sign belongs inside the measure (12%, 38℃), and so does a dash. */
static const unsigned unhung_marks[] = {
	'%', 0xFF05, 0x2030, 0x2103, 0x2109, 0x2014, 0x2013, 0x2015, 0x2E3A, 0xFF5E,
};
/* Characters that scale a number and stay with the unit after them (3.5万元). */
static const unsigned magnitudes[] = { 0x4E07, 0x4EBF, 0x5343, 0x767E, 0x5341 }; /* 万亿千百十 */
static const unsigned opening_marks[] = {
	0xFF08, 0x300A, 0x300C, 0x300E, 0x201C, 0x2018, 0x3010, 0x3014,
	0x3016, 0x3008, 0xFF3B, 0xFF5B, '(',    '[',    '{',
};

int nd_wrap_class(unsigned cp)
{
	for (size_t i = 0; i < sizeof closing_marks / sizeof *closing_marks; i++)
		if (closing_marks[i] == cp)
			return CLOSING;
	for (size_t i = 0; i < sizeof opening_marks / sizeof *opening_marks; i++)
		if (opening_marks[i] == cp)
			return OPENING;
	return 0;
}

static bool in(const unsigned *set, size_t n, unsigned cp)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return true;
	return false;
}

/* A closing mark that may hang past the measure (。，”…), not a unit sign. */
static bool hangs(unsigned cp)
{
	return nd_wrap_class(cp) == CLOSING &&
	       !in(unhung_marks, sizeof unhung_marks / sizeof *unhung_marks, cp);
}

static bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x3134F);
}

static bool is_digit(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_word_char(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '\'' || cp == '-' || cp == '_' ||
		       cp == '@' || cp == '/' || cp == '&';
	return nd_wcwidth_unicode(cp) == 1 && cp != 0x2014 && cp != 0x2026 && cp != 0x201C &&
	       cp != 0x201D && cp != 0x2018 && cp != 0x2019 && cp != 0x00B7;
}

static bool is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

struct cp_info {
	size_t off;
	unsigned cp;
	int width;
	bool uax_break; /* libunistring allows a break before this one */
	bool in_url; /* inside a URL or e-mail address, not its first character */
	bool url_soft; /* …and a break may come before it if the address must be cut */
};

/* A number and its unit are one: 2024年, 3.5万元, 15个. */
static bool number_unit(const struct cp_info *c, size_t i)
{
	if (!is_han(c[i].cp))
		return false;
	if (is_digit(c[i - 1].cp))
		return true;
	return i >= 2 && is_digit(c[i - 2].cp) &&
	       in(magnitudes, sizeof magnitudes / sizeof *magnitudes, c[i - 1].cp);
}

/* May a line break fall before c[i] (i > 0)? */
static bool break_before(const struct cp_info *c, size_t i)
{
	unsigned a = c[i - 1].cp, b = c[i].cp;
	if (c[i].width == 0 && !is_space(b))
		return false; /* combining marks stay with their base */
	if (is_space(b))
		return false; /* spaces hang at the end of the line */
	if (is_space(a))
		return true;
	if (nd_wrap_class(b) == CLOSING || nd_wrap_class(a) == OPENING)
		return false;
	if ((a == 0x2014 && b == 0x2014) || (a == 0x2026 && b == 0x2026))
		return false; /* —— and …… are one mark */
	if (c[i].in_url || number_unit(c, i))
		return false;
	if (is_word_char(a) && is_word_char(b))
		return false;
	/* Chinese quotes: a break may follow a closing one and precede an
	 * opening one, which UAX #14 does not allow next to Han. */
	if (a == 0x201D || a == 0x2019 || b == 0x201C || b == 0x2018)
		return true;
	return c[i].uax_break;
}

static bool url_char(unsigned cp)
{
	return cp < 0x80 && cp > ' ' &&
	       (strchr("-._~:/?#@!$&'*+,;=%", (int)cp) || (cp >= '0' && cp <= '9') ||
		((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && strncasecmp(s, prefix, k) == 0;
}

/* Marks the URLs and e-mail addresses (www.acftu.org.cn, news@acftu.org.cn)
 * as unbreakable, so one that fits on the next line moves there whole; one
 * wider than a line may be cut after a . / ? & or @. */
static void mark_urls(struct cp_info *c, size_t count, const char *s)
{
	for (size_t i = 0; i < count;) {
		if (!url_char(c[i].cp)) {
			i++;
			continue;
		}
		size_t j = i, at = 0, dot_after_at = 0;
		while (j < count && url_char(c[j].cp)) {
			if (c[j].cp == '@' && !at)
				at = j;
			else if (c[j].cp == '.' && at)
				dot_after_at = j;
			j++;
		}
		size_t end = j; /* the run goes on to j; the address, to end */
		while (end > i && strchr(".,;:!?'", (int)c[end - 1].cp))
			end--; /* a sentence's own mark after the address */
		const char *p = s + c[i].off;
		size_t len = end > i ? c[end - 1].off + 1 - c[i].off : 0;
		bool url = starts_with(p, len, "http://") || starts_with(p, len, "https://") ||
			   starts_with(p, len, "www.") ||
			   (at > i && dot_after_at > at && dot_after_at + 1 < end);
		for (size_t k = i + 1; url && k < end; k++) {
			c[k].in_url = true;
			c[k].url_soft = strchr("./?&@", (int)c[k - 1].cp) != NULL;
		}
		i = j;
	}
}

static int cp_width(unsigned cp)
{
	unsigned repl = nd_sanitize_cp(cp, 0);
	return nd_cp_width(repl ? repl : cp);
}

/* A run wider than the line must be cut somewhere before i: after a hyphen
 * or slash if it has one (2022-|2023年), else anywhere but between a number
 * and its unit or before a closing mark, else at i. */
static size_t forced_cut(const struct cp_info *c, size_t line_start, size_t i)
{
	for (size_t j = i; j > line_start + 1; j--)
		if (c[j - 1].cp == '-' || c[j - 1].cp == '/')
			return j;
	for (size_t j = i; j > line_start; j--)
		if (!number_unit(c, j) && nd_wrap_class(c[j].cp) != CLOSING)
			return j;
	return i;
}

long nd_wrap(const char *s, size_t n, int cols, struct nd_wrap_line **out)
{
	if (cols < 1)
		cols = 1;
	struct cp_info *cps = malloc((n + 1) * sizeof *cps);
	size_t count = 0, cap_lines = 8, nlines = 0;
	struct nd_wrap_line *lines = malloc(cap_lines * sizeof *lines);
	if (!cps || !lines) {
		free(cps);
		free(lines);
		return -1;
	}
	char *breaks = malloc(n ? n : 1);
	if (!breaks) {
		free(cps);
		free(lines);
		return -1;
	}
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", breaks);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		cps[count].off = i;
		cps[count].cp = cp;
		cps[count].width = cp_width(cp);
		cps[count].uax_break = breaks[i] == UC_BREAK_POSSIBLE;
		cps[count].in_url = cps[count].url_soft = false;
		count++;
		i += len > 0 ? (size_t)len : 1;
	}
	free(breaks);
	cps[count].off = n;
	mark_urls(cps, count, s);

	size_t line_start = 0; /* index into cps */
	while (line_start < count || nlines == 0) {
		int width = 0, width_at_break = 0, width_at_soft = 0, hanging = 0;
		size_t i = line_start, last_break = line_start, last_soft = line_start;
		while (i < count) {
			if (i > line_start && break_before(cps, i)) {
				last_break = i;
				width_at_break = width;
			}
			if (i > line_start && cps[i].url_soft) {
				last_soft = i;
				width_at_soft = width;
			}
			/* Closing marks may hang past the measure (ぶら下げ), up to
			 * two of them ("。”"): callers keep a margin for them. */
			bool hang = i > line_start && hangs(cps[i].cp) && hanging < 2 &&
				    width + cps[i].width <= cols + ND_WRAP_HANG;
			if (width + cps[i].width > cols && !is_space(cps[i].cp) && !hang)
				break;
			if (width + cps[i].width > cols && hang)
				hanging++;
			width += cps[i].width;
			i++;
		}
		size_t end = i;
		if (i < count) {
			if (last_break > line_start) {
				end = last_break;
				width = width_at_break;
			} else if (last_soft > line_start && cps[i].in_url) {
				end =
				    last_soft; /* an address wider than the line: after a . or / */
				width = width_at_soft;
			} else if (i > line_start + 1) {
				end = forced_cut(cps, line_start, i);
				for (size_t k = end; k < i; k++)
					width -= cps[k].width;
			} else if (i == line_start) {
				end = i + 1; /* a character wider than the line: show it anyway */
				width = cps[i].width;
			}
		}
		/* Trailing spaces hang: not part of the line's text or width. */
		size_t text_end = end;
		while (text_end > line_start && is_space(cps[text_end - 1].cp)) {
			text_end--;
			width -= cps[text_end].width;
		}
		if (nlines == cap_lines) {
			struct nd_wrap_line *nl = realloc(lines, (cap_lines *= 2) * sizeof *nl);
			if (!nl) {
				free(cps);
				free(lines);
				return -1;
			}
			lines = nl;
		}
		lines[nlines].start = cps[line_start].off;
		lines[nlines].end = cps[text_end].off;
		lines[nlines].width = width < 0 ? 0 : width;
		nlines++;
		/* Spaces at the start of a continuation line are dropped too. */
		line_start = end;
		while (line_start < count && nlines > 0 && is_space(cps[line_start].cp) &&
		       end < count)
			line_start++;
		if (count == 0)
			break;
	}
	free(cps);
	*out = lines;
	return (long)nlines;
}
