/* filing.c — reading a filed story. The header keys, kind words, dateline
 * and byline conventions are tables, so a publication's own conventions are
 * an entry, not a branch. */
#include "newsdesk/filing.h"
#include "newsdesk/buf.h"
#include "newsdesk/charset.h"
#include "newsdesk/count.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/utf8.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FIELD(name) offsetof(struct nd_story, name)

struct header_key {
	const char *key;
	size_t field;
};

static const struct header_key header_keys[] = {
	{ "标题", FIELD(headline) },
	{ "主题", FIELD(headline) },
	{ "headline", FIELD(headline) },
	{ "title", FIELD(headline) },
	{ "引题", FIELD(kicker) },
	{ "肩题", FIELD(kicker) },
	{ "kicker", FIELD(kicker) },
	{ "副题", FIELD(subhead) },
	{ "subhead", FIELD(subhead) },
	{ "subtitle", FIELD(subhead) },
	{ "栏目", FIELD(section) },
	{ "section", FIELD(section) },
	{ "电头", FIELD(dateline) },
	{ "dateline", FIELD(dateline) },
	{ "作者", FIELD(byline) },
	{ "署名", FIELD(byline) },
	{ "byline", FIELD(byline) },
	{ "author", FIELD(byline) },
	{ "类型", FIELD(kind) },
	{ "kind", FIELD(kind) },
	{ "type", FIELD(kind) },
	/* Traditional forms, as correspondents in Hong Kong or Taiwan write them. */
	{ "標題", FIELD(headline) },
	{ "引題", FIELD(kicker) },
	{ "副題", FIELD(subhead) },
	{ "欄目", FIELD(section) },
	{ "電頭", FIELD(dateline) },
	{ "類型", FIELD(kind) },
};

struct kind_word {
	const char *word;
	const char *kind;
};

static const struct kind_word kind_words[] = {
	{ "article", "article" }, { "文章", "article" }, { "稿件", "article" },
	{ "消息", "article" },    { "通讯", "article" }, { "photo", "photo" },
	{ "图片", "photo" },      { "图说", "photo" },   { "摄影", "photo" },
	{ "brief", "brief" },     { "简讯", "brief" },   { "短讯", "brief" },
	{ "note", "note" },       { "便条", "note" },    { "备注", "note" },
};

struct field_limit {
	size_t field;
	const char *name;
	size_t max_chars;
};

static const struct field_limit field_limits[] = {
	{ FIELD(headline), N_("headline (标题)"), ND_MAX_HEADLINE },
	{ FIELD(kicker), N_("kicker (引题)"), ND_MAX_HEADLINE },
	{ FIELD(subhead), N_("subhead (副题)"), ND_MAX_HEADLINE },
	{ FIELD(section), N_("section (栏目)"), 40 },
	{ FIELD(dateline), N_("dateline (电头)"), 100 },
	{ FIELD(byline), N_("byline (作者)"), 200 },
};

static char **field_at(struct nd_story *st, size_t off)
{
	return (char **)((char *)st + off);
}

static char *const *cfield_at(const struct nd_story *st, size_t off)
{
	return (char *const *)((const char *)st + off);
}

const char *nd_kind_canonical(const char *word)
{
	for (size_t i = 0; i < sizeof kind_words / sizeof *kind_words; i++)
		if (strcasecmp(kind_words[i].word, word) == 0)
			return kind_words[i].kind;
	return NULL;
}

const char *nd_kind_label(const char *kind)
{
	if (!kind)
		return "";
	const struct {
		const char *kind, *label;
	} labels[] = {
		{ "article", C_("kind", "article") },
		{ "photo", C_("kind", "photo") },
		{ "brief", C_("kind", "brief") },
		{ "note", C_("kind", "note") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i].kind, kind) == 0)
			return labels[i].label;
	return kind;
}

/* ---- small UTF-8 helpers ---------------------------------------------- */

static unsigned cp_at(const char *s, size_t *len)
{
	unsigned cp;
	size_t n = strnlen(s, 4);
	if (n == 0) {
		*len = 0;
		return 0;
	}
	int l = nd_utf8_decode(s, n, &cp);
	*len = l > 0 ? (size_t)l : 1;
	return cp;
}

static bool is_blank_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

static const char *skip_blanks(const char *s)
{
	size_t len;
	while (*s && is_blank_cp(cp_at(s, &len)))
		s += len;
	return s;
}

static bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x3134F);
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Trims blanks (ASCII and ideographic) from both ends, in place. */
static char *trim(char *s)
{
	char *start = (char *)skip_blanks(s);
	size_t n = strlen(start);
	while (n > 0) {
		if (start[n - 1] == ' ' || start[n - 1] == '\t') {
			n--;
		} else if (n >= 3 && memcmp(start + n - 3, "\xE3\x80\x80", 3) == 0) {
			n -= 3;
		} else if (n >= 2 && memcmp(start + n - 2, "\xC2\xA0", 2) == 0) {
			n -= 2;
		} else {
			break;
		}
	}
	memmove(s, start, n);
	s[n] = '\0';
	return s;
}

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* ---- datelines -------------------------------------------------------- */

static bool is_cn_numeral(const char *s)
{
	static const char *const numerals[] = { "〇", "零", "一", "二", "三", "四",
						"五", "六", "七", "八", "九", "十" };
	for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++)
		if (starts(s, numerals[i]))
			return true;
	return false;
}

/* Skips a number: ASCII or full-width digits, or Chinese numerals. */
static const char *skip_number(const char *s)
{
	const char *start = s;
	size_t len;
	for (;;) {
		unsigned cp = cp_at(s, &len);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || is_cn_numeral(s))
			s += len;
		else
			break;
	}
	return s > start ? s : NULL;
}

/* A parenthesised credit: (记者XXX 通讯员XXX). Returns the end or NULL. */
static const char *match_credit_parens(const char *s)
{
	const char *close;
	if (starts(s, "("))
		s += 1, close = ")";
	else if (starts(s, "（"))
		s += 3, close = "）";
	else
		return NULL;
	const char *end = strstr(s, close);
	const char *alt = strstr(s, *close == ')' ? "）" : ")");
	if (!end || (alt && alt < end))
		end = alt;
	if (!end || end - s > 90)
		return NULL;
	char inner[128];
	memcpy(inner, s, (size_t)(end - s));
	inner[end - s] = '\0';
	if (strchr(inner, '\n') || strstr(inner, "。"))
		return NULL;
	if (!strstr(inner, "记者") && !strstr(inner, "通讯员") && !strstr(inner, "实习生") &&
	    !strstr(inner, "特约"))
		return NULL;
	return end + (*end == ')' ? 1 : 3);
}

/* 记者XXX报道, 记者XXX 通讯员XXX报道, 本报记者XXX报道. */
static const char *match_reported_by(const char *s)
{
	static const char *const roles[] = { "本报记者", "本刊记者", "本报特约记者",
					     "特约记者", "见习记者", "本报见习记者",
					     "记者",     "通讯员",   "本报通讯员" };
	bool role = false;
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (starts(s, roles[i]))
			role = true;
	if (!role)
		return NULL;
	const char *end = strstr(s, "报道");
	if (!end || end - s > 60)
		return NULL;
	for (const char *p = s; p < end; p++)
		if (*p == '\n')
			return NULL;
	char inner[128];
	memcpy(inner, s, (size_t)(end - s));
	inner[end - s] = '\0';
	if (strstr(inner, "，") || strstr(inner, "。") || strchr(inner, ','))
		return NULL;
	return end + strlen("报道");
}

/* Agencies and papers whose 讯/电 datelines we know. */
static const char *const dateline_sources[] = { "本刊", "本报",   "本報",   "本台",  "本网",
						"本網", "新华社", "新華社", "中新社" };

/* 本刊讯, 本报讯, 本报北京7月5日电, 新华社北京7月5日电, each optionally
 * followed by a credit in parentheses. */
static const char *match_wire(const char *s)
{
	for (size_t i = 0; i < sizeof dateline_sources / sizeof *dateline_sources; i++) {
		if (!starts(s, dateline_sources[i]))
			continue;
		const char *p = s + strlen(dateline_sources[i]);
		if (starts(p, "讯") || starts(p, "訊")) {
			p += 3;
		} else {
			/* optional place (up to 8 Han characters), then X月X日电 */
			size_t len;
			int han = 0;
			const char *q = p;
			while (han < 8 && is_han(cp_at(q, &len)) && !skip_number(q) &&
			       !starts(q, "电") && !starts(q, "電")) {
				q += len;
				han++;
			}
			const char *num = skip_number(q);
			if (num && starts(num, "月")) {
				q = skip_number(num + 3);
				if (!q || !starts(q, "日"))
					continue;
				q += 3;
			} else if (num && starts(num, "日")) {
				q = num + 3;
			}
			if (!starts(q, "电") && !starts(q, "電"))
				continue;
			p = q + 3;
		}
		/* A credit may follow: (记者XXX) or 记者XXX 通讯员XXX报道. */
		const char *after = skip_blanks(p);
		const char *credit = match_credit_parens(after);
		if (!credit)
			credit = match_reported_by(after);
		return credit ? credit : p;
	}
	return NULL;
}

typedef const char *(*dateline_matcher)(const char *);

static const dateline_matcher dateline_matchers[] = { match_wire, match_reported_by,
						      match_credit_parens };

size_t nd_match_dateline(const char *s)
{
	for (size_t i = 0; i < sizeof dateline_matchers / sizeof *dateline_matchers; i++) {
		const char *end = dateline_matchers[i](s);
		if (end)
			return (size_t)(end - s);
	}
	return 0;
}

/* ---- bylines ---------------------------------------------------------- */

/* Longest first: "本报记者" must win over "记者". */
static const char *const byline_roles[] = {
	"本报特约记者", "本报见习记者", "本报记者", "本刊记者", "本报通讯员", "本刊通讯员",
	"特约记者",     "见习记者",     "记者",     "通讯员",   "实习生",     "摄影",
	"文/",          "文／",         "图/",      "图／",
};

/* A name: 2–4 Han characters, or parts joined by a middle dot as in
 * minority and foreign names (买买提·艾力). Returns its end or NULL. */
static const char *skip_name(const char *s)
{
	size_t len;
	int han = 0, dots = 0;
	const char *p = s;
	while (is_han(cp_at(p, &len)) && han < 12) {
		p += len;
		han++;
		if (starts(p, "·") && is_han(cp_at(p + 2, &len))) {
			p += 2;
			dots++;
		} else if (starts(p, "・") && is_han(cp_at(p + 3, &len))) {
			p += 3;
			dots++;
		}
	}
	if (dots ? han >= 3 && han <= 10 : han >= 2 && han <= 4)
		return p;
	return NULL;
}

int nd_is_byline(const char *line)
{
	size_t n = strlen(line);
	if (n == 0 || nd_utf8_length(line) > 60)
		return 0;
	/* A photo credit: "XXX 摄", "记者 XXX 摄", "XXX/摄". */
	if (n >= 3 &&
	    (strcmp(line + n - 3, "摄") == 0 || (n >= 6 && strcmp(line + n - 6, "摄影") == 0)) &&
	    nd_utf8_length(line) <= 30 && !strstr(line, "，") && !strstr(line, "。"))
		return 1;
	const char *p = skip_blanks(line);
	int names = 0;
	while (*p) {
		for (size_t i = 0; i < sizeof byline_roles / sizeof *byline_roles; i++) {
			if (starts(p, byline_roles[i])) {
				p = skip_blanks(p + strlen(byline_roles[i]));
				break;
			}
		}
		const char *end = skip_name(p);
		if (!end)
			return 0;
		names++;
		p = end;
		const char *next = skip_blanks(p);
		if (*next && next == p && !starts(next, "、") && !starts(next, ","))
			return 0; /* names must be separated */
		if (starts(next, "、"))
			next += 3;
		else if (starts(next, ","))
			next += 1;
		p = skip_blanks(next);
	}
	return names >= 1 && names <= 8;
}

/* ---- parsing ---------------------------------------------------------- */

struct lines {
	char **v;
	size_t n;
};

static int split_lines(const char *text, struct lines *out)
{
	size_t cap = 16;
	out->v = malloc(cap * sizeof *out->v);
	out->n = 0;
	if (!out->v)
		return -1;
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (out->n == cap) {
			char **nv = realloc(out->v, (cap *= 2) * sizeof *nv);
			if (!nv)
				return -1;
			out->v = nv;
		}
		char *line = dup_n(p, len);
		if (!line)
			return -1;
		out->v[out->n++] = trim(line);
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

static void free_lines(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* Splits "key: value" or "key：value"; returns the key's length or 0. */
static size_t header_key_len(const char *line, const char **value)
{
	const char *colon = strchr(line, ':');
	const char *wide = strstr(line, "：");
	size_t skip = 1;
	if (wide && (!colon || wide < colon)) {
		colon = wide;
		skip = 3;
	}
	if (!colon || colon == line || colon - line > 24)
		return 0;
	for (const char *p = line; p < colon; p++)
		if (*p == ' ' || *p == '\t')
			return 0;
	*value = skip_blanks(colon + skip);
	return (size_t)(colon - line);
}

static const struct header_key *find_key(const char *key, size_t len)
{
	for (size_t i = 0; i < sizeof header_keys / sizeof *header_keys; i++)
		if (strlen(header_keys[i].key) == len &&
		    strncasecmp(header_keys[i].key, key, len) == 0)
			return &header_keys[i];
	return NULL;
}

static int set_field(struct nd_story *st, size_t field, const char *value)
{
	char **slot = field_at(st, field);
	free(*slot);
	*slot = strdup(value);
	return *slot ? 0 : -1;
}

static int join_body(struct nd_story *st, struct lines *l, size_t from, size_t to)
{
	struct nd_buf b = ND_BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (!l->v[i][0])
			continue;
		if (b.len && nd_buf_addc(&b, '\n') < 0)
			goto oom;
		if (nd_buf_adds(&b, l->v[i]) < 0)
			goto oom;
	}
	free(st->body);
	st->body = nd_buf_take(&b);
	return st->body ? 0 : -1;
oom:
	nd_buf_free(&b);
	return -1;
}

static int parse_header(struct lines *l, size_t first, struct nd_story *st, size_t *body_start,
			struct nd_error *err)
{
	size_t i = first;
	for (; i < l->n && l->v[i][0]; i++) {
		const char *value;
		size_t klen = header_key_len(l->v[i], &value);
		if (!klen)
			return nd_fail(
			    err, ND_EINVAL,
			    _("header line %zu is not 'key: value' (a blank line must separate "
			      "the header from the body)"),
			    i + 1);
		const struct header_key *k = find_key(l->v[i], klen);
		if (!k)
			return nd_fail(
			    err, ND_EINVAL,
			    _("unknown header key '%2$.*1$s' on line %3$zu (known: 标题/headline, "
			      "引题/kicker, 副题/subhead, 栏目/section, 电头/dateline, "
			      "作者/byline, 类型/kind)"),
			    (int)klen, l->v[i], i + 1);
		if (k->field == FIELD(kind)) {
			const char *kind = nd_kind_canonical(value);
			if (!kind)
				return nd_fail(
				    err, ND_EINVAL,
				    _("unknown kind '%1$s' on line %2$zu (article/文章, photo/图片, "
				      "brief/简讯, note/便条)"),
				    value, i + 1);
			value = kind;
		}
		if (set_field(st, k->field, value) < 0)
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	*body_start = i;
	return 0;
}

/* Headlines often end in a closing quote (“吐故纳新”), never in a full
 * stop, comma or colon. */
bool nd_ends_like_prose(const char *s)
{
	static const char *const marks[] = { "。", "！", "？", "；", "，", "：",
					     ".",  "!",  "?",  ";",  ",",  ":" };
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		size_t k = strlen(marks[i]);
		if (n >= k && memcmp(s + n - k, marks[i], k) == 0)
			return true;
	}
	return false;
}

static bool short_title_line(const char *s)
{
	size_t n = nd_utf8_length(s);
	return n > 0 && n <= 40 && !nd_ends_like_prose(s) && !nd_match_dateline(s);
}

/* An author line under a headline: 本报记者 XXX 本报通讯员 XXX. */
bool nd_is_author_line(const char *line)
{
	static const char *const starts_with[] = {
		"本报", "本刊", "记者", "通讯员", "特约", "见习"
	};
	if (!nd_is_byline(line) || nd_match_dateline(line))
		return false;
	for (size_t i = 0; i < sizeof starts_with / sizeof *starts_with; i++)
		if (starts(line, starts_with[i]))
			return true;
	return false;
}

static size_t next_nonblank(struct lines *l, size_t i)
{
	while (i < l->n && !l->v[i][0])
		i++;
	return i;
}

static int parse_headerless(struct lines *l, size_t first, struct nd_story *st,
			    struct nd_error *err)
{
	size_t h = first, body = next_nonblank(l, first + 1);
	(void)err;

	/* Kicker: two short title lines, the second followed by a dateline. */
	size_t third = body < l->n ? next_nonblank(l, body + 1) : l->n;
	if (body < l->n && third < l->n && short_title_line(l->v[h]) &&
	    short_title_line(l->v[body]) &&
	    (nd_match_dateline(l->v[third]) || nd_is_author_line(l->v[third]))) {
		if (starts(l->v[body], "——") || starts(l->v[body], "—")) {
			if (set_field(st, FIELD(subhead), l->v[body]) < 0)
				return -1;
		} else {
			if (set_field(st, FIELD(kicker), l->v[h]) < 0)
				return -1;
			h = body;
		}
		body = third;
	} else if (body < l->n && (starts(l->v[body], "——") || starts(l->v[body], "—")) &&
		   short_title_line(l->v[body])) {
		if (set_field(st, FIELD(subhead), l->v[body]) < 0)
			return -1;
		body = next_nonblank(l, body + 1);
	}
	if (set_field(st, FIELD(headline), l->v[h]) < 0)
		return -1;

	/* An author line under the headline: 本报记者 XXX 本报通讯员 XXX. */
	if (body < l->n && nd_is_author_line(l->v[body])) {
		if (set_field(st, FIELD(byline), l->v[body]) < 0)
			return -1;
		body = next_nonblank(l, body + 1);
	}

	/* Dateline at the start of the first paragraph. */
	if (body < l->n) {
		size_t dl = nd_match_dateline(l->v[body]);
		if (dl) {
			char *line = l->v[body];
			char *date = dup_n(line, dl);
			if (!date)
				return -1;
			free(st->dateline);
			st->dateline = trim(date);
			memmove(line, line + dl, strlen(line + dl) + 1);
			trim(line);
			if (!line[0])
				body = next_nonblank(l, body + 1);
		}
	}

	/* Byline: the last line, when it is names or a photo credit. */
	size_t last = l->n;
	while (last > body && !l->v[last - 1][0])
		last--;
	if (last > body + 1 && !st->byline && nd_is_byline(l->v[last - 1])) {
		if (set_field(st, FIELD(byline), l->v[last - 1]) < 0)
			return -1;
		last--;
	}
	return join_body(st, l, body, last);
}

int nd_story_parse(const char *text, struct nd_story *st, struct nd_error *err)
{
	struct lines l = { 0 };
	int rc = 0;
	memset(st, 0, sizeof *st);
	if (split_lines(text, &l) < 0) {
		free_lines(&l);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	size_t first = next_nonblank(&l, 0);
	if (first == l.n) {
		rc = nd_fail(err, ND_EINVAL, _("the story is empty (nothing but white space)"));
		goto out;
	}
	const char *value;
	size_t klen = header_key_len(l.v[first], &value);
	if (klen && find_key(l.v[first], klen)) {
		size_t body = 0;
		rc = parse_header(&l, first, st, &body, err);
		if (rc == 0 && join_body(st, &l, body, l.n) < 0)
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
		if (rc == 0 && !st->headline)
			rc = nd_fail(err, ND_EINVAL, _("the header has no headline (标题: …)"));
	} else if (parse_headerless(&l, first, st, err) < 0) {
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	if (rc == 0 && !st->kind) {
		/* A story whose only credit is a photo credit is a photo. */
		const char *kind = "article";
		if (st->byline && strstr(st->byline, "摄"))
			kind = "photo";
		if (!(st->kind = strdup(kind)))
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	if (rc == 0 && !st->body && !(st->body = strdup("")))
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
out:
	free_lines(&l);
	if (rc < 0)
		nd_story_free(st);
	return rc;
}

int nd_story_validate(const struct nd_story *st, struct nd_error *err)
{
	if (!st->headline || !st->headline[0])
		return nd_fail(err, ND_EINVAL, _("the headline (标题) is empty"));
	for (size_t i = 0; i < sizeof field_limits / sizeof *field_limits; i++) {
		const char *v = *cfield_at(st, field_limits[i].field);
		if (!v)
			continue;
		if (strchr(v, '\n'))
			return nd_fail(err, ND_EINVAL, _("the %s must be one line"),
				       _(field_limits[i].name));
		size_t n = nd_utf8_length(v);
		if (n > field_limits[i].max_chars)
			return nd_fail(
			    err, ND_EINVAL,
			    _("the %1$s is %2$zu characters long; the limit is %3$zu (is the "
			      "first line really the headline? put it on a line of its own, "
			      "or use a header: 标题: …)"),
			    _(field_limits[i].name), n, field_limits[i].max_chars);
	}
	if (!st->kind || !nd_kind_canonical(st->kind))
		return nd_fail(err, ND_EINVAL, _("unknown kind '%s'"), st->kind ? st->kind : "");
	return 0;
}

/* Binary content: any NUL, or more than 1 in 50 characters a C0 control
 * other than the usual white space. */
static int check_binary(const char *s, size_t n, struct nd_error *err)
{
	size_t controls = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return nd_fail(
			    err, ND_EINVAL,
			    _("NUL byte at offset %zu: this looks like a binary file, not text"),
			    i);
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)
			controls++;
	}
	if (controls * 50 > n && controls > 2)
		return nd_fail(
		    err, ND_EINVAL,
		    _("%1$zu control bytes in %2$zu: this looks like a binary file, not text"),
		    controls, n);
	return 0;
}

static void normalise_line_ends(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else if (*r == '\f') {
			*w++ = '\n';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

int nd_text_from_bytes(const char *bytes, size_t n, size_t max, const char *forced_encoding,
		       char **text, const char **encoding, struct nd_error *err)
{
	*text = NULL;
	if (n == 0)
		return nd_fail(err, ND_EINVAL, _("the input is empty"));
	if (n > max)
		return nd_fail(err, ND_EINVAL,
			       _("the input is %1$zu bytes; at most %2$zu are accepted"), n, max);
	bool utf16 =
	    (n >= 2 && ((unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE)) ||
	    (n >= 2 && ((unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF)) ||
	    (forced_encoding && strncasecmp(forced_encoding, "UTF-16", 6) == 0);
	int rc;
	/* UTF-16 without a BOM has NUL bytes but is not binary: the detection
	 * below names it. */
	if (!utf16 && !(!forced_encoding && nd_charset_utf16_sniff(bytes, n)) &&
	    (rc = check_binary(bytes, n, err)) < 0)
		return rc;
	struct nd_decoded d;
	if ((rc = nd_charset_decode(bytes, n, forced_encoding, &d, err)) < 0)
		return rc;
	if (utf16 && (rc = check_binary(d.text, d.len, err)) < 0) {
		nd_decoded_free(&d);
		return rc;
	}
	if (encoding)
		*encoding = d.encoding;
	normalise_line_ends(d.text);
	nd_strip_controls(d.text);
	*text = d.text;
	return 0;
}

int nd_story_from_bytes(const char *bytes, size_t n, const char *forced_encoding,
			struct nd_story *st, const char **encoding, struct nd_error *err)
{
	char *text;
	memset(st, 0, sizeof *st);
	if (n > ND_MAX_INPUT)
		return nd_fail(err, ND_EINVAL,
			       _("the input is %1$zu bytes; a story may have at most %2$d (1 MiB)"),
			       n, ND_MAX_INPUT);
	int rc = nd_text_from_bytes(bytes, n, ND_MAX_INPUT, forced_encoding, &text, encoding, err);
	if (rc < 0)
		return rc;
	rc = nd_story_parse(text, st, err);
	free(text);
	if (rc == 0 && (rc = nd_story_validate(st, err)) < 0)
		nd_story_free(st);
	return rc;
}

char *nd_story_format(const struct nd_story *st)
{
	static const struct {
		const char *key;
		size_t field;
	} order[] = {
		{ "类型", FIELD(kind) },    { "栏目", FIELD(section) },
		{ "引题", FIELD(kicker) },  { "标题", FIELD(headline) },
		{ "副题", FIELD(subhead) }, { "电头", FIELD(dateline) },
		{ "作者", FIELD(byline) },
	};
	struct nd_buf b = ND_BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		const char *v = *cfield_at(st, order[i].field);
		if (v && v[0])
			rc |= nd_buf_printf(&b, "%s: %s\n", order[i].key, v);
	}
	rc |= nd_buf_addc(&b, '\n');
	const char *body = st->body ? st->body : "";
	for (const char *p = body; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		rc |= nd_buf_add(&b, p, len);
		rc |= nd_buf_adds(&b, "\n\n");
		p += len + (nl ? 1 : 0);
	}
	if (rc < 0) {
		nd_buf_free(&b);
		return NULL;
	}
	return nd_buf_take(&b);
}

long nd_story_chars(const struct nd_story *s, long *body_chars)
{
	return nd_story_chars_by(s, body_chars, nd_count_get_rule());
}

long nd_story_chars_by(const struct nd_story *s, long *body_chars, enum nd_count_rule rule)
{
	const char *fields[] = { s->kicker, s->headline, s->subhead, s->dateline, s->byline };
	long total = 0;
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i])
			total += nd_count_chars_by(fields[i], rule);
	*body_chars = nd_count_chars_by(s->body ? s->body : "", rule);
	return total + *body_chars;
}

long nd_story_chars_hanzi(const struct nd_story *s, long *body_chars, long *hanzi,
			  enum nd_count_rule rule)
{
	const char *fields[] = { s->kicker, s->headline, s->subhead, s->dateline, s->byline };
	long total = 0;
	*hanzi = 0;
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i])
			total += nd_count_chars_hanzi(fields[i], rule, hanzi);
	*body_chars = nd_count_chars_hanzi(s->body ? s->body : "", rule, hanzi);
	return total + *body_chars;
}

int nd_story_copy(struct nd_story *dst, const struct nd_story *src)
{
	static const size_t fields[] = { FIELD(kind),     FIELD(section), FIELD(kicker),
					 FIELD(headline), FIELD(subhead), FIELD(dateline),
					 FIELD(byline),   FIELD(body) };
	memset(dst, 0, sizeof *dst);
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		const char *v = *cfield_at(src, fields[i]);
		if (v && !(*field_at(dst, fields[i]) = strdup(v))) {
			nd_story_free(dst);
			return -1;
		}
	}
	return 0;
}

void nd_story_free(struct nd_story *st)
{
	free(st->kind);
	free(st->section);
	free(st->kicker);
	free(st->headline);
	free(st->subhead);
	free(st->dateline);
	free(st->byline);
	free(st->body);
	memset(st, 0, sizeof *st);
}
