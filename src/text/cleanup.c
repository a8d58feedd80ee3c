/* cleanup.c — clean-up rules for copy that passed through a layout program
 * or a word processor: paragraphs split by a page or column break,
 * half-width punctuation in Chinese text, straight quotes, stray spaces,
 * full-width digits and Latin letters. */
#include "newsdesk/cleanup.h"
#include "newsdesk/lang.h"
#include "newsdesk/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* Han or full-width punctuation: the context in which marks go full-width. */
static bool is_chinese(unsigned cp)
{
	return is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
	       cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2026 ||
	       cp == 0x2014 || cp == 0x300A || cp == 0x300B;
}

/* Decodes s into code points (with their byte offsets). */
struct cps {
	unsigned *cp;
	size_t n;
};

static int decode(const char *s, struct cps *c)
{
	size_t n = strlen(s);
	c->cp = malloc((n + 1) * sizeof *c->cp);
	c->n = 0;
	if (!c->cp)
		return -1;
	for (size_t i = 0; i < n;) {
		int len = nd_utf8_decode(s + i, n - i, &c->cp[c->n++]);
		i += len > 0 ? (size_t)len : 1;
	}
	return 0;
}

/* ---- full-width punctuation in Chinese context --------------------------- */

static const struct {
	unsigned half, full;
} punct_map[] = {
	{ ',', 0xFF0C }, { ':', 0xFF1A }, { ';', 0xFF1B }, { '?', 0xFF1F },
	{ '!', 0xFF01 }, { '(', 0xFF08 }, { ')', 0xFF09 },
};

unsigned nd_cleanup_fullwidth_at(const unsigned *cp, size_t n, size_t i)
{
	unsigned c = cp[i], full = 0;
	for (size_t k = 0; k < sizeof punct_map / sizeof *punct_map; k++)
		if (punct_map[k].half == c)
			full = punct_map[k].full;
	if (c == '.') {
		/* A full stop only where it cannot be 3.5 or www.x.cn: after Chinese,
		 * before a closing quote, Han or the paragraph's end (更好." → 更好。”). */
		unsigned prev = i > 0 ? cp[i - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
		bool ends = next == 0 || next == '\n' || next == '"' || next == '\'' ||
			    next == 0x201D || next == 0x2019 || is_han(next);
		return is_chinese(prev) && prev != 0x201D && prev != 0x2019 && ends ? 0x3002 : 0;
	}
	if (!full)
		return 0;
	/* Look past one space after the mark: "他们: 奔跑". */
	size_t after = i + 1;
	bool space_after = after < n && cp[after] == ' ';
	unsigned prev = i > 0 ? cp[i - 1] : 0;
	unsigned next = after + space_after < n ? cp[after + space_after] : 0;
	bool chinese;
	if (c == '(')
		chinese = is_chinese(next) || (is_chinese(prev) && next != 0 && !(next < 0x80));
	else if (c == ')')
		chinese = is_chinese(prev) || (is_chinese(next) && prev >= 0x80);
	else
		chinese = (is_chinese(prev) && (next == 0 || next >= 0x80 || space_after ||
						next == '"' || next == '\'' || next == ')')) ||
			  is_chinese(next);
	/* 更好." and 更好.” : a sentence mark after Chinese, before the closing
	 * quote, is Chinese too (the quote rule then pairs the quote). */
	/* Keep 42:59, 3.5, a,b and the like: digits or Latin both sides. */
	return chinese ? full : 0;
}

static long punctuation(const char *in, struct nd_buf *out)
{
	struct cps c;
	long changes = 0;
	if (decode(in, &c) < 0)
		return -1;
	for (size_t i = 0; i < c.n; i++) {
		unsigned cp = c.cp[i], full = nd_cleanup_fullwidth_at(c.cp, c.n, i);
		if (full) {
			if (nd_buf_add_cp(out, full) < 0)
				goto oom;
			changes++;
			if (i + 1 < c.n && c.cp[i + 1] == ' ' && cp != '(')
				i++; /* the full-width mark carries its own space */
			continue;
		}
		if (nd_buf_add_cp(out, cp) < 0)
			goto oom;
	}
	free(c.cp);
	return changes;
oom:
	free(c.cp);
	return -1;
}

/* ---- straight quotes to paired curly quotes ------------------------------- */

static long quotes(const char *in, struct nd_buf *out)
{
	struct cps c;
	long changes = 0;
	bool open_double = false, open_single = false;
	if (decode(in, &c) < 0)
		return -1;
	for (size_t i = 0; i < c.n; i++) {
		unsigned cp = c.cp[i];
		if (cp == '\n') {
			open_double = open_single = false; /* quotes pair within a paragraph */
		} else if (cp == '"') {
			cp = open_double ? 0x201D : 0x201C;
			open_double = !open_double;
			changes++;
		} else if (cp == '\'') {
			unsigned prev = i ? c.cp[i - 1] : 0, next = i + 1 < c.n ? c.cp[i + 1] : 0;
			bool apostrophe = prev < 0x80 && next < 0x80 &&
					  ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') &&
					  ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
			if (!apostrophe) { /* don't, it's: leave English apostrophes */
				cp = open_single ? 0x2019 : 0x2018;
				open_single = !open_single;
				changes++;
			}
		}
		if (nd_buf_add_cp(out, cp) < 0) {
			free(c.cp);
			return -1;
		}
	}
	free(c.cp);
	return changes;
}

/* ---- spaces ----------------------------------------------------------- */

static long spaces(const char *in, struct nd_buf *out)
{
	long changes = 0;
	size_t n = strlen(in);
	for (size_t i = 0; i < n; i++) {
		char ch = in[i];
		if (ch == ' ' || ch == '\t') {
			size_t j = i;
			while (j < n && (in[j] == ' ' || in[j] == '\t'))
				j++;
			bool at_edge = j == n || in[j] == '\n' || i == 0 || in[i - 1] == '\n';
			if (at_edge) {
				changes++; /* trailing or leading blanks */
			} else {
				if (j - i > 1 || ch == '\t')
					changes++;
				if (nd_buf_addc(out, ' ') < 0)
					return -1;
			}
			i = j - 1;
			continue;
		}
		if (nd_buf_addc(out, ch) < 0)
			return -1;
	}
	return changes;
}

/* ---- full-width digits and Latin letters to half-width --------------------- */

static long halfwidth(const char *in, struct nd_buf *out)
{
	struct cps c;
	long changes = 0;
	if (decode(in, &c) < 0)
		return -1;
	for (size_t i = 0; i < c.n; i++) {
		unsigned cp = c.cp[i];
		if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
		    (cp >= 0xFF41 && cp <= 0xFF5A)) {
			cp -= 0xFEE0;
			changes++;
		}
		if (nd_buf_add_cp(out, cp) < 0) {
			free(c.cp);
			return -1;
		}
	}
	free(c.cp);
	return changes;
}

/* ---- half-width marks right after a Han character --------------------------- */

static bool ascii_alnum(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

/* The full-width mark for a half-width . : ; ? ! just after a Han character
 * ("万人." "他说:"), or 0. What "punctuation" left: a full stop, and a mark
 * before Latin or digits ("时间:10:30" → "时间：10:30"). Never a file name
 * or a host ("报告.docx", "工会.cn": a full stop before a letter or digit),
 * and a mark after a digit or a Latin letter is never touched (3.5,
 * 10:30, http:). */
static unsigned after_han_at(const unsigned *cp, size_t n, size_t i)
{
	static const struct {
		unsigned half, full;
	} marks[] = {
		{ '.', 0x3002 }, { ':', 0xFF1A }, { ';', 0xFF1B }, { '?', 0xFF1F }, { '!', 0xFF01 }
	};
	if (i == 0 || !is_han(cp[i - 1]))
		return 0;
	unsigned next = i + 1 < n ? cp[i + 1] : 0;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		if (marks[k].half != cp[i])
			continue;
		if (cp[i] == '.' && (ascii_alnum(next) || next == '.'))
			return 0; /* 报告.docx, 等等... */
		return marks[k].full;
	}
	return 0;
}

static long after_han(const char *in, struct nd_buf *out)
{
	struct cps c;
	long changes = 0;
	if (decode(in, &c) < 0)
		return -1;
	for (size_t i = 0; i < c.n; i++) {
		unsigned cp = c.cp[i], full = after_han_at(c.cp, c.n, i);
		if (full) {
			cp = full;
			changes++;
			if (i + 1 < c.n && c.cp[i + 1] == ' ')
				i++; /* the full-width mark carries its own space */
		}
		if (nd_buf_add_cp(out, cp) < 0) {
			free(c.cp);
			return -1;
		}
	}
	free(c.cp);
	return changes;
}

/* ---- spaces before a full-width mark, and between two Han characters -------- */

/* Marks that never follow a space in Chinese text: the sentence marks and
 * the closing ones. */
static bool closing_mark(unsigned cp)
{
	static const unsigned marks[] = { 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
					  0xFF09, 0x300B, 0x300D, 0x300F, 0x201D, 0x2019, 0x3011 };
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (marks[k] == cp)
			return true;
	return false;
}

/* Whether the paragraph around cp[i] is running text: it holds a full-width
 * comma or full stop (a line of names, a photo credit, a dateline alone
 * has none). */
struct para {
	size_t start, end; /* the paragraph last looked at: each is read once */
	bool prose;
};

static bool prose_at(const struct cps *c, size_t i, struct para *p)
{
	if (i >= p->start && i < p->end)
		return p->prose;
	size_t a = i, b = i;
	while (a > 0 && c->cp[a - 1] != '\n')
		a--;
	while (b < c->n && c->cp[b] != '\n')
		b++;
	p->start = a;
	p->end = b;
	p->prose = false;
	for (size_t k = a; k < b && !p->prose; k++)
		p->prose = c->cp[k] == 0xFF0C || c->cp[k] == 0x3002;
	return p->prose;
}

/* Drops each run of (ASCII) spaces inside a paragraph for which
 * drop(text, before, after) holds. */
static long drop_spaces(const char *in, struct nd_buf *out,
			bool (*drop)(const struct cps *, size_t, size_t, struct para *))
{
	struct cps c;
	struct para para = { 0, 0, false };
	long changes = 0;
	if (decode(in, &c) < 0)
		return -1;
	for (size_t i = 0; i < c.n; i++) {
		if (c.cp[i] == ' ') {
			size_t j = i;
			while (j < c.n && c.cp[j] == ' ')
				j++;
			unsigned before = i ? c.cp[i - 1] : 0, after = j < c.n ? c.cp[j] : 0;
			if (before && before != '\n' && after && after != '\n' &&
			    drop(&c, i - 1, j, &para)) {
				changes++;
				i = j - 1;
				continue;
			}
		}
		if (nd_buf_add_cp(out, c.cp[i]) < 0) {
			free(c.cp);
			return -1;
		}
	}
	free(c.cp);
	return changes;
}

static bool before_mark(const struct cps *c, size_t before, size_t after, struct para *p)
{
	(void)before;
	(void)p;
	return closing_mark(c->cp[after]);
}

/* "继续 扩大" in running text; never after a dateline (本刊讯 去年以来,
 * 本报北京7月5日电 记者) nor before a photo credit's 摄. */
static bool between_han(const struct cps *c, size_t before, size_t after, struct para *p)
{
	unsigned b = c->cp[before], a = c->cp[after];
	return is_han(b) && is_han(a) && b != 0x8BAF /* 讯 */ && b != 0x7535 /* 电 */ &&
	       a != 0x6444 /* 摄 */ && prose_at(c, before, p);
}

static long space_before_mark(const char *in, struct nd_buf *out)
{
	return drop_spaces(in, out, before_mark);
}

static long han_space(const char *in, struct nd_buf *out)
{
	return drop_spaces(in, out, between_han);
}

/* ---- a full-width decimal point inside a number ------------------------- */

static bool digit(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static long decimal_point(const char *in, struct nd_buf *out)
{
	struct cps c;
	long changes = 0;
	if (decode(in, &c) < 0)
		return -1;
	for (size_t i = 0; i < c.n; i++) {
		unsigned cp = c.cp[i];
		if (cp == 0xFF0E && i > 0 && i + 1 < c.n && digit(c.cp[i - 1]) &&
		    digit(c.cp[i + 1])) {
			cp = '.'; /* 3．6 → 3.6 */
			changes++;
		}
		if (nd_buf_add_cp(out, cp) < 0) {
			free(c.cp);
			return -1;
		}
	}
	free(c.cp);
	return changes;
}

/* ---- paragraphs a page or column break split ------------------------------ */

static bool ends_paragraph(const char *p, size_t len)
{
	static const char *const finals[] = { "。", "！", "？", "…", "”", "’", "」", "』", "）",
					      "：", "；", ".",  "!", "?", ")", "\"", ":" };
	for (size_t i = 0; i < sizeof finals / sizeof *finals; i++) {
		size_t k = strlen(finals[i]);
		if (len >= k && memcmp(p + len - k, finals[i], k) == 0)
			return true;
	}
	return false;
}

/* A paragraph that starts like a new one: a quotation, a bracketed marker,
 * a list number, a dateline. */
static bool starts_paragraph(const char *p, size_t len)
{
	static const char *const openers[] = { "“",    "「",     "【",     "《",   "（",
					       "(",    "本刊讯", "本报讯", "一、", "二、",
					       "三、", "四、",   "五、" };
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
		size_t k = strlen(openers[i]);
		if (len >= k && memcmp(p, openers[i], k) == 0)
			return true;
	}
	return len > 0 && p[0] >= '0' && p[0] <= '9' && len > 1 && (p[1] == '.' || p[1] == ')');
}

/* The paragraph reads as running text, not a subhead: long, or holding a
 * sentence mark inside ("建立企业技术需求数据库。做好企业专"). */
static bool running_text(const char *p, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return false;
	memcpy(copy, p, len);
	copy[len] = '\0';
	bool prose = nd_utf8_length(copy) > 30 || strstr(copy, "，") || strstr(copy, "。") ||
		     strchr(copy, ',');
	free(copy);
	return prose;
}

static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t chars_in(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i += char_len(s + i))
		count++;
	return count;
}

/* A line short enough for a subhead, with no sentence mark in it. */
static bool subhead_like(const char *p, size_t len)
{
	static const char *const marks[] = { "。", "；", "！", "？", "：" };
	if (len == 0 || len > 30 * 4 || chars_in(p, len) > 30)
		return false;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (memmem(p, len, marks[i], strlen(marks[i])))
			return false;
	return true;
}

enum { SUBHEAD_RUN = 4, SUBHEAD_LINES = 200 };

/* Whether the short lines p and q share a run of SUBHEAD_RUN characters. */
static bool share_run(const char *p, size_t len, const char *q, size_t qlen)
{
	for (size_t i = 0; i < len;) {
		size_t j = i;
		for (int k = 0; k < SUBHEAD_RUN && j < len; k++)
			j += char_len(p + j);
		if (chars_in(p + i, j - i) == SUBHEAD_RUN && memmem(q, qlen, p + i, j - i))
			return true;
		i += char_len(p + i);
	}
	return false;
}

/* One of a body's parallel subheads ("技能竞赛赋能，让产业工人创新有平台",
 * "工匠精神赋能，让产业工人创新有灵魂"): a short line with no sentence mark
 * that shares four characters running with another such line of the body.
 * A page break's fragment has no such twin. */
static bool parallel_subhead(const char *body, const char *p, size_t len)
{
	if (!body || !subhead_like(p, len))
		return false;
	int seen = 0;
	for (const char *q = body; *q && seen < SUBHEAD_LINES;) {
		const char *nl = strchr(q, '\n');
		size_t qlen = nl ? (size_t)(nl - q) : strlen(q);
		if (q != p && subhead_like(q, qlen)) {
			seen++;
			if (share_run(p, len, q, qlen))
				return true;
		}
		q += qlen + (nl ? 1 : 0);
	}
	return false;
}

bool nd_cleanup_rejoins(const char *body, const char *p, size_t len, const char *next,
			size_t next_len)
{
	return len > 0 && next_len > 0 && !ends_paragraph(p, len) && running_text(p, len) &&
	       !starts_paragraph(next, next_len) && !parallel_subhead(body, p, len);
}

static long rejoin(const char *in, struct nd_buf *out)
{
	long changes = 0;
	const char *p = in;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (nd_buf_add(out, p, len) < 0)
			return -1;
		if (!nl)
			break;
		const char *next = nl + 1;
		const char *next_nl = strchr(next, '\n');
		size_t next_len = next_nl ? (size_t)(next_nl - next) : strlen(next);
		if (nd_cleanup_rejoins(in, p, len, next, next_len))
			changes++;
		else if (nd_buf_addc(out, '\n') < 0)
			return -1;
		p = next;
	}
	return changes;
}

const struct nd_cleanup_rule nd_cleanup_rules[] = {
	{ "rejoin", N_("%ld paragraphs rejoined"), rejoin },
	{ "punctuation", N_("%ld marks made full-width"), punctuation },
	{ "after-han", N_("%ld half-width marks after Chinese made full-width"), after_han },
	{ "quotes", N_("%ld quotes paired"), quotes },
	{ "spaces", N_("%ld stray spaces removed"), spaces },
	{ "space-before-mark", N_("%ld spaces before a full-width mark removed"),
	  space_before_mark },
	{ "han-space", N_("%ld spaces between Chinese characters removed"), han_space },
	{ "halfwidth", N_("%ld full-width digits or letters made half-width"), halfwidth },
	{ "decimal", N_("%ld full-width decimal points made half-width"), decimal_point },
};

const size_t nd_cleanup_rule_count = sizeof nd_cleanup_rules / sizeof *nd_cleanup_rules;

const struct nd_cleanup_rule *nd_cleanup_find(const char *id)
{
	for (size_t i = 0; i < nd_cleanup_rule_count; i++)
		if (strcmp(nd_cleanup_rules[i].id, id) == 0)
			return &nd_cleanup_rules[i];
	return NULL;
}
