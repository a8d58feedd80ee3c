/* importer_int.h — what the importer's two halves share: the rules and
 * line classifiers (importer_rules.c) and the passes that walk classified
 * lines into items (importer.c). Internal to src/text/. */
#ifndef NEWSDESK_IMPORTER_INT_H
#define NEWSDESK_IMPORTER_INT_H

#include "newsdesk/importer.h"

#include "newsdesk/buf.h"

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
	R_PLACE_BANNER,
	R_PARTS_BANNER,
	R_CAPTION_IN_ARTICLE,
	R_SECTION_JOINED,
	R_CREDIT_MOVED,
	R_NOTE_ABOVE,
	R_NOTE_BELOW,
	R_NOTE_UNDER_HEAD,
	R_AFTER_PHOTO,
	R_CAPTION_TITLE,
	/* why an item is flagged: the rules that are unsure */
	F_SPARE_TITLE,
	F_TAIL_BY_BYLINE,
	F_SECTION,
	F_CREDIT,
	F_NOTE_ORDER,
	F_UNFINISHED,
	F_CAPTION_TITLE,
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
	enum rule_id kicker_rule, headline_rule, subhead_rule, banner_rule;
};

/* A place name or page label across the page top (舟山, 东台, 盐城市): a
 * banner, never a kicker, and no section. */
bool nd_imp_place_banner(const char *s);

/* ---- items under construction (pass 2 makes them, passes 3–5 fix them) ---- */

struct work {
	struct nd_import_item it;
	struct nd_buf body;
	bool headless; /* started at a dateline with no title above */
	bool spare_kicker; /* its kicker may be a displaced headline */
	bool orphan; /* body text with no head of its own */
	bool closed;
	bool titled; /* opened by a run of titles (a head of its own) */
	bool ed_note; /* a 【编者按】 waiting for the article it introduces */
	bool note_only; /* its body is only an editor's note under its head */
	long after_photo; /* an orphan after a photo set inside this item's run, or -1 */
	size_t *subheads; /* paragraphs of the body that are in-body subheads */
	size_t nsubheads, paras;
};

struct split {
	struct work *w;
	size_t n, cap;
	struct nd_buf markers;
	char *section;
	enum rule_id section_rule;
	char *outer; /* the section a 【column】 marker interrupts, back at a block break */
	enum rule_id outer_rule;
	bool in_column;
	size_t column_from; /* items before the column's first */
	bool titles_after_photos; /* the page sets a photo's title under its credit */
	long interrupted; /* the article a photo inside its run interrupted, or -1 */
	bool caption_title; /* the titles waiting head text that opens as a caption */
};

/* Text that opens as a photo's caption does: a date or 近日/日前, then a
 * comma (7月5日上午,北京市东城区, … / 近日,河北省秦皇岛市总工会 …). */
bool nd_imp_caption_opening(const char *s);

static inline void nd_imp_why(struct work *w, enum nd_import_field f, enum rule_id r)
{
	w->it.why[f] = &nd_imp_rules[r];
}

/* Flags w for an editor with the unsure rule r (the first flag stays). */
static inline void nd_imp_flag(struct work *w, enum rule_id r)
{
	if (!w->it.flag)
		w->it.flag = &nd_imp_rules[r];
}

/* Shared helpers of the passes (importer.c). */
void nd_imp_add_para(struct work *w, const char *text);
void nd_imp_add_subhead(struct work *w, const char *text);
void nd_imp_move_body(struct work *to, struct work *from, bool join_first);
const char *nd_imp_last_para(const struct work *w);
bool nd_imp_photo_credit(const struct work *w);

/* Passes 3 and 4 (importer_fix.c): displaced titles, tails, sections,
 * credits and editors' notes put back; unsure decisions flagged. */
void nd_imp_fix_headless(struct split *sp);
void nd_imp_fix_orphans(struct split *sp);
int nd_imp_fix_sections(struct split *sp);
void nd_imp_fix_notes(struct split *sp);
void nd_imp_flag_unfinished(struct split *sp);

/* Which line of a run of titles is which (the title-group rules). */
struct roles nd_imp_title_roles(const struct titles *tl);

/* Pass 1: the page's lines, trimmed and classified, with the blank lines
 * before each; *lines is malloc'd (free each text). -1: out of memory. */
int nd_imp_read_lines(const char *text, struct line **lines, size_t *n);

#endif
