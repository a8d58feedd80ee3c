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
#include <unilbrk.h>
#include <wchar.h>

enum { CLOSING = 1, OPENING = 2 };

/* Marks that must not start a line (they close or trail) and that must not
 * end one (they open), full-width and half-width. */
static const unsigned closing_marks[] = {
	0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D,
	0x300F, 0x201D, 0x2019, 0x2026, 0x3011, 0x3015, 0x3017, 0x3009, 0xFF3D, 0xFF5D,
	0xFF0E, 0x30FB, 0x00B7, 0xFF05, 0x2030, 0x2103, 0x3005, 0x309D, 0x309E, 0x30FC,
	',',    '.',    ';',    ':',    '?',    '!',    ')',    ']',    '}',    '%',
};
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

static bool is_word_char(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '\'' || cp == '-' || cp == '_' ||
		       cp == '@' || cp == '/' || cp == '&';
	return wcwidth((wchar_t)cp) == 1 && cp != 0x2014 && cp != 0x2026 && cp != 0x201C &&
	       cp != 0x201D && cp != 0x2018 && cp != 0x2019 && cp != 0x00B7;
}

static bool is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* May a line break fall between a and b? uax is libunistring's answer. */
static bool break_between(unsigned a, unsigned b, int b_width, bool uax)
{
	if (b_width == 0 && !is_space(b))
		return false; /* combining marks stay with their base */
	if (is_space(b))
		return false; /* spaces hang at the end of the line */
	if (is_space(a))
		return true;
	if (nd_wrap_class(b) == CLOSING || nd_wrap_class(a) == OPENING)
		return false;
	if ((a == 0x2014 && b == 0x2014) || (a == 0x2026 && b == 0x2026))
		return false; /* —— and …… are one mark */
	if (is_word_char(a) && is_word_char(b))
		return false;
	/* Chinese quotes: a break may follow a closing one and precede an
	 * opening one, which UAX #14 does not allow next to Han. */
	if (a == 0x201D || a == 0x2019 || b == 0x201C || b == 0x2018)
		return true;
	return uax;
}

struct cp_info {
	size_t off;
	unsigned cp;
	int width;
	bool uax_break; /* libunistring allows a break before this one */
};

static int cp_width(unsigned cp)
{
	unsigned repl = nd_sanitize_cp(cp, 0);
	return nd_cp_width(repl ? repl : cp);
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
		count++;
		i += len > 0 ? (size_t)len : 1;
	}
	free(breaks);
	cps[count].off = n;

	size_t line_start = 0; /* index into cps */
	while (line_start < count || nlines == 0) {
		int width = 0, width_at_break = 0, hanging = 0;
		size_t i = line_start, last_break = line_start;
		while (i < count) {
			if (i > line_start && break_between(cps[i - 1].cp, cps[i].cp, cps[i].width,
							    cps[i].uax_break)) {
				last_break = i;
				width_at_break = width;
			}
			/* Closing marks may hang past the measure (ぶら下げ), up to
			 * two of them ("。”"): callers keep a margin for them. */
			bool hang = i > line_start && nd_wrap_class(cps[i].cp) == CLOSING &&
				    hanging < 2 && width + cps[i].width <= cols + ND_WRAP_HANG;
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
