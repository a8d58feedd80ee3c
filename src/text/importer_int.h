/* importer_int.h — what the importer's two halves share: the rules and
 * line classifiers (importer_rules.c) and the passes that walk classified
 * lines into items (importer.c). Internal to src/text/. */
#ifndef NEWSDESK_IMPORTER_INT_H
#define NEWSDESK_IMPORTER_INT_H

#include "newsdesk/importer.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* The rules, by what they decide; ids are stable (tests and scripts). */
enum rule_id {
	R_MARKER,
	R_COLUMN_MARKER,
	R_BANNER,
	R_RUN_LAST,
	R_RUN_ABOVE,
	R_KICKER_DASH,
	R_SUBHEAD_DASH,
	R_SLOGAN_HEAD,
	R_SLOGAN_SUB,
	R_SLOGAN_BANNER,
	R_SLOGAN_ABOVE,
	R_DATELINE,
	R_AUTHOR,
	R_COLUMN_AUTHOR,
	R_BYLINE_LINE,
	R_BYLINE_TAIL,
	R_CREDIT,
	R_CREDIT_TAIL,
	R_PHOTO_TITLE_AFTER,
	R_SPARE_KICKER,
	R_HEAD_FROM_BODY,
	R_TAIL_JOINED,
	R_TAIL_BYLINE,
	R_KIND_PHOTO,
	R_KIND_ARTICLE,
	R_KIND_NOTE,
	R_COUNT
};

/* The rule table, indexed by enum rule_id. */
extern const struct nd_import_rule nd_imp_rules[R_COUNT];

enum kind { L_MARKER, L_TITLE, L_DATELINE, L_AUTHOR, L_POSITION, L_CREDIT, L_SOURCE, L_PARA };

struct line {
	char *text;
	enum kind kind;
	int gap; /* blank lines before it */
	enum rule_id rule; /* for a byline or credit: how it was found */
};

static inline bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* Bytes of a blank (space, tab, U+3000, U+00A0) at s, or 0. */
static inline size_t blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (starts(s, "\xE3\x80\x80"))
		return 3;
	if (starts(s, "\xC2\xA0"))
		return 2;
	return 0;
}

static inline const char *skip_blank(const char *s)
{
	size_t k;
	while ((k = blank_at(s)))
		s += k;
	return s;
}

static inline bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static inline bool has_any(const char *s, const char *const *marks, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(s, marks[i]))
			return true;
	return false;
}

static inline bool dash_open(const char *s)
{
	return starts(s, "——") || starts(s, "—") || starts(s, "--");
}

/* Finished: the paragraph ends a sentence (or a quotation that does). */
bool nd_imp_finished(const char *s);
/* An author line with organisation and position: the name's byte offset, or 0. */
size_t nd_imp_position_line(const char *s);
/* A two-part slogan (谱写新篇章 书写新答卷). */
bool nd_imp_two_part(const char *s);

/* Titles waiting for what follows them to say what they are. */
struct titles {
	char *t[16];
	int n;
};

/* Which title of a run is which, as print sets a title group (标题组):
 * 引题 kicker above, 主题 headline, 副题 subhead below; earlier lines are
 * banners (column titles), kept as markers. */
struct roles {
	int kicker, headline, subhead, banner; /* indexes into the run, or -1 */
	enum rule_id kicker_rule, headline_rule, subhead_rule;
};

/* Which line of a run of titles is which (the title-group rules). */
struct roles nd_imp_title_roles(const struct titles *tl);

/* Pass 1: the page's lines, trimmed and classified, with the blank lines
 * before each; *lines is malloc'd (free each text). -1: out of memory. */
int nd_imp_read_lines(const char *text, struct line **lines, size_t *n);

#endif
