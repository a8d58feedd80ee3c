/* importer_rules.c — the importer's rules and classifiers: the tables of
 * section markers and positions, the rule table --dry-run explains fields
 * by, what each line of a page is (pass 1), and which line of a run of
 * titles is which (the title-group rules). The passes that walk the lines
 * into items are importer.c. */
#include "importer_int.h"
#include "newsdesk/filing.h"
#include "newsdesk/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Column and section names of the trade-union press; 【…】 alone on a line
 * is a marker whatever it says. A publication adds its own here. */
static const char *const section_markers[] = {
	"新闻速递", "图说新闻", "图片新闻", "工会动态", "基层传真", "一线传真", "职工风采",
	"劳模风采", "工会博览", "主席之声", "理论园地", "维权在线", "文化园地", "要闻",
	"综合新闻", "地方新闻", "工运时评", "本期导读", "特别报道", "深度报道",
};

/* Positions a writer signs a column piece with, after the organisation
 * (某某市总工会党组书记、主席 王某某): the line ends in one, then a name. */
static const char *const positions[] = {
	"主席", "书记", "主任",   "部长", "局长",   "处长", "科长", "会长",   "理事长", "秘书长",
	"院长", "校长", "厂长",   "经理", "董事长", "委员", "干事", "队长",   "班组长", "站长",
	"所长", "社长", "总编辑", "馆长", "组长",   "班长", "代表", "巡视员", "调研员",
};

#define N_(s) (s) /* marked for xgettext; translated where shown (cmd_import.c) */

const struct nd_import_rule nd_imp_rules[R_COUNT] = {
	[R_MARKER] = { "marker", N_("the section or column marker above it") },
	[R_COLUMN_MARKER] = { "column-marker",
			      N_("the 【column】 marker above it, which names the pieces under "
				 "it up to a block break") },
	[R_BANNER] = { "banner",
		       N_("a banner over a run of titles: it names the section of what follows") },
	[R_RUN_LAST] = { "title-run", N_("the last title line above the text") },
	[R_RUN_ABOVE] = { "kicker-above", N_("the line just above the headline, as print sets "
					     "a kicker (引题)") },
	[R_KICKER_DASH] = { "kicker-dash", N_("a line ending in —— leads into the headline") },
	[R_SUBHEAD_DASH] = { "subhead-dash", N_("a line opening with —— under the headline") },
	[R_SLOGAN_HEAD] = { "slogan-head",
			    N_("a short two-part slogan over a line too long for a headline: "
			       "print sets the slogan as the headline") },
	[R_SLOGAN_SUB] = { "slogan-sub",
			   N_("the long line under a slogan headline is its subhead (副题)") },
	[R_SLOGAN_BANNER] = { "slogan-banner",
			      N_("a long two-part slogan, as wide as the headline under it or "
				 "wider: a page banner, kept with the markers, not the kicker") },
	[R_SLOGAN_ABOVE] = { "slogan-above",
			     N_("a two-part slogan above the kicker: a page banner, kept with "
				"the markers; it names no section") },
	[R_DATELINE] = { "dateline", N_("a dateline (本报讯, 本报北京7月5日电 …)") },
	[R_AUTHOR] = { "author-line", N_("an author line under the headline (本报记者 …)") },
	[R_COLUMN_AUTHOR] = { "column-author",
			      N_("an author line of organisation, position and name: the name "
				 "is the byline, the organisation and position its title") },
	[R_BYLINE_LINE] = { "byline-line", N_("a line of names after the text") },
	[R_BYLINE_TAIL] = { "byline-tail",
			    N_("a name after a space at the end of the last paragraph") },
	[R_CREDIT] = { "photo-credit", N_("a photo credit (… 摄)") },
	[R_CREDIT_TAIL] = { "photo-credit-tail",
			    N_("a photo credit (… 摄) at the end of the caption") },
	[R_PHOTO_TITLE_AFTER] = { "photo-title-after",
				  N_("a short line after a photo's credit: the photo's title") },
	[R_SPARE_KICKER] = { "displaced-title",
			     N_("a title the layout displaced from this headless article") },
	[R_HEAD_FROM_BODY] = { "first-sentence", N_("no title: the first sentence of the text") },
	[R_TAIL_JOINED] = { "tail-joined",
			    N_("a displaced continuation, set apart by the layout, joined back") },
	[R_TAIL_BYLINE] = { "tail-byline",
			    N_("the byline at the end of a displaced continuation joined back") },
	[R_KIND_PHOTO] = { "photo", N_("a photo credit (摄) makes it a photo") },
	[R_KIND_ARTICLE] = { "article", N_("a head and text of its own") },
	[R_KIND_NOTE] = { "fragment",
			  N_("could not tell which article this text belongs to: an editor "
			     "must look") },
	[R_PLACE_BANNER] = { "place-banner",
			     N_("a place name or page label over the titles (舟山, 东台): a page "
				"banner, kept with the markers; not the kicker, and no section") },
	[R_PARTS_BANNER] = { "parts-banner",
			     N_("a line of three or more parts over a longer headline: a page "
				"banner set in rows, kept with the markers; not the kicker") },
	[R_CAPTION_IN_ARTICLE] = { "caption-in-article",
				   N_("a caption signed … 摄 inside an article's paragraphs: a "
				      "photo of its own, not the article's text") },
	[R_SECTION_JOINED] = { "section-joined",
			       N_("a subhead and text the layout set apart, sharing this "
				  "article's words, joined back as a section of it") },
	[R_CREDIT_MOVED] = { "credit-moved",
			     N_("a photo credit the layout set apart, given to the photo above "
				"that had none") },
	[R_NOTE_ABOVE] = { "note-above",
			   N_("the 【编者按】 above it introduces it: they share their words") },
	[R_NOTE_BELOW] = { "note-below",
			   N_("the 【编者按】 below it is about it: they share their words") },
	[R_NOTE_UNDER_HEAD] = { "note-under-head",
				N_("a 【编者按】 between the headline and the text") },
	[R_AFTER_PHOTO] = { "after-photo",
			    N_("text after a photo set inside this article's paragraphs goes on "
			       "with the article") },
	[R_CAPTION_TITLE] = { "caption-title",
			      N_("a title inside an article's paragraphs over text that opens as "
				 "a caption does (a date or 近日, then a comma): an item of its own, "
				 "not a subhead") },
	[F_SPARE_TITLE] = { "check-title",
			    N_("its headline is a title that stood over another article: check "
			       "it") },
	[F_TAIL_BY_BYLINE] = { "check-tail",
			       N_("text joined to it only because it is the one article without "
				  "a byline, not because a sentence goes on: check it") },
	[F_SECTION] = { "check-section",
			N_("a subhead and text were joined to it by the words they share: check "
			   "where they go") },
	[F_CREDIT] = { "check-credit",
		       N_("its photo credit stood apart from its caption: check whose photo it "
			  "is") },
	[F_NOTE_ORDER] = { "check-note",
			   N_("a 【编者按】 that shares no words with either neighbour was given "
			      "to the article below it: check it") },
	[F_UNFINISHED] = { "check-unfinished",
			   N_("its text stops mid-sentence and nothing on the page goes on with "
			      "it: the rest may be on another page") },
	[F_CAPTION_TITLE] = { "check-split",
			      N_("taken out of the article above as an item of its own, because "
				 "its text opens as a caption does: check it") },
};

const struct nd_import_rule *nd_import_rule_find(const char *id)
{
	for (size_t i = 0; id && i < R_COUNT; i++)
		if (nd_imp_rules[i].id && strcmp(nd_imp_rules[i].id, id) == 0)
			return &nd_imp_rules[i];
	return NULL;
}

size_t nd_import_flagged(const struct nd_import_page *page)
{
	size_t n = 0;
	for (size_t i = 0; i < page->n; i++)
		n += page->items[i].flag != NULL;
	return n;
}

static const char *const field_names[ND_IF_COUNT] = {
	[ND_IF_KIND] = N_("kind"),       [ND_IF_SECTION] = N_("section"),
	[ND_IF_KICKER] = N_("kicker"),   [ND_IF_HEADLINE] = N_("headline"),
	[ND_IF_SUBHEAD] = N_("subhead"), [ND_IF_DATELINE] = N_("dateline"),
	[ND_IF_BYLINE] = N_("byline"),   [ND_IF_BODY] = N_("body"),
	[ND_IF_MARKERS] = N_("markers"),
};

const char *nd_import_field_name(enum nd_import_field f)
{
	return f < ND_IF_COUNT && field_names[f] ? field_names[f] : "";
}

bool nd_import_is_marker(const char *line)
{
	size_t n = strlen(line);
	if (n >= 6 && starts(line, "【") && strcmp(line + n - 3, "】") == 0 &&
	    !strstr(line + 3, "【") && nd_utf8_length(line) <= 12)
		return true;
	for (size_t i = 0; i < sizeof section_markers / sizeof *section_markers; i++)
		if (strcmp(line, section_markers[i]) == 0)
			return true;
	return false;
}

/* Finished: the paragraph ends a sentence (or a quotation that does). */
bool nd_imp_finished(const char *s)
{
	static const char *const finals[] = { "。", "！", "？", "…", "”", "’", "」",
					      "』", "）", ".",  "!", "?", ")" };
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof finals / sizeof *finals; i++) {
		size_t k = strlen(finals[i]);
		if (n >= k && memcmp(s + n - k, finals[i], k) == 0)
			return true;
	}
	return false;
}

/* A sentence ends: 。！？… (a closing quote may end a headline too). */
static bool ends_sentence(const char *s)
{
	static const char *const finals[] = { "。", "！", "？", "…", ".", "!", "?" };
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof finals / sizeof *finals; i++) {
		size_t k = strlen(finals[i]);
		if (n >= k && memcmp(s + n - k, finals[i], k) == 0)
			return true;
	}
	return false;
}

/* An author line with organisation and position: "某某市某某区总工会党组书记、
 * 主席 王某某". Returns the byte offset of the name, or 0. */
size_t nd_imp_position_line(const char *s)
{
	static const char *const prose[] = { "。", "，", "；", "：", "！", "？", "“", "（" };
	if (nd_utf8_length(s) > 48 || has_any(s, prose, sizeof prose / sizeof *prose) ||
	    dash_open(s))
		return 0; /* ——记…主任 李某某 is a subhead about a person, not a signature */
	/* the name: after the last run of blanks */
	const char *gap = NULL, *name = NULL;
	for (const char *p = s; *p;) {
		if (blank_at(p)) {
			const char *end = skip_blank(p);
			if (*end) {
				gap = p;
				name = end;
			}
			p = end;
		} else {
			p++;
		}
	}
	if (!name || !nd_is_byline(name) || ends_with(name, "摄") || strchr(name, ',') ||
	    strstr(name, "、") || nd_utf8_length(name) > 10)
		return 0;
	/* what precedes it: an organisation ending in a position */
	char *head = strndup(s, (size_t)(gap - s));
	if (!head)
		return 0;
	bool ok = nd_utf8_length(head) >= 4, pos = false;
	for (size_t i = 0; ok && i < sizeof positions / sizeof *positions; i++)
		pos = pos || ends_with(head, positions[i]);
	free(head);
	return ok && pos ? (size_t)(name - s) : 0;
}

/* A name (or a photo credit) after a space at the end of a paragraph that
 * ends a sentence: "…作出更大贡献。 李某某". Returns its offset, or 0. */
static size_t tail_byline(const char *s, size_t *text_end)
{
	static const char *const finals[] = { "。", "！", "？", "”", "…", "」", "』" };
	const char *cut = NULL;
	for (const char *p = s; *p; p++)
		for (size_t i = 0; i < sizeof finals / sizeof *finals; i++)
			if (starts(p, finals[i]) && blank_at(p + strlen(finals[i])))
				cut = p + strlen(finals[i]);
	if (!cut || nd_utf8_length(s) - nd_utf8_length(cut) < 8)
		return 0;
	const char *tail = skip_blank(cut);
	static const char *const prose[] = { "。", "，", "；", "：", "！", "？", "“", "”" };
	if (!*tail || nd_utf8_length(tail) > 30 ||
	    has_any(tail, prose, sizeof prose / sizeof *prose))
		return 0;
	*text_end = (size_t)(cut - s);
	return nd_is_byline(tail) ? (size_t)(tail - s) : 0;
}

/* A two-part slogan, as banners and slogan headlines are set: two runs of
 * 2–10 characters and no punctuation, one blank between (谱写新篇章 书写新答卷). */
bool nd_imp_two_part(const char *s)
{
	static const char *const marks[] = { "，", "、", "：", "“", "。", ",", ":" };
	if (has_any(s, marks, sizeof marks / sizeof *marks))
		return false;
	const char *sp = NULL;
	for (const char *p = s; *p; p++)
		if (blank_at(p)) {
			if (sp)
				return false;
			sp = p;
			p = skip_blank(p) - 1;
		}
	if (!sp)
		return false;
	char *first = strndup(s, (size_t)(sp - s));
	if (!first)
		return false;
	size_t a = nd_utf8_length(first), b = nd_utf8_length(skip_blank(sp));
	free(first);
	return a >= 2 && a <= 10 && b >= 2 && b <= 10;
}

static enum kind classify(const char *s)
{
	if (starts(s, "【编者按】"))
		return L_PARA; /* an editor's note is text of an article, not a marker */
	if (nd_import_is_marker(s))
		return L_MARKER;
	if (starts(s, "来源：") || starts(s, "来源:"))
		return L_SOURCE;
	if (nd_match_dateline(s))
		return L_DATELINE;
	size_t n = strlen(s);
	if (n >= 3 && strcmp(s + n - 3, "摄") == 0 && nd_is_byline(s))
		return L_CREDIT; /* a photo credit, even when it names 本报记者 */
	if (nd_is_author_line(s))
		return L_AUTHOR;
	if (nd_is_byline(s))
		return L_CREDIT;
	if (nd_imp_position_line(s))
		return L_POSITION;
	size_t len = nd_utf8_length(s), end;
	if (tail_byline(s, &end))
		return L_PARA; /* a caption or paragraph signed at its end */
	if (len <= 40 && !nd_ends_like_prose(s) && !ends_sentence(s))
		return L_TITLE;
	return L_PARA;
}

/* Characters a line sets, blanks not counted. */
static size_t ink(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		size_t k = blank_at(p);
		if (k) {
			p += k;
			continue;
		}
		n++;
		p += nd_utf8_prefix(p, 1);
	}
	return n;
}

static bool last_opens_with_dash(const struct titles *tl)
{
	return tl->n >= 2 && dash_open(tl->t[tl->n - 1]);
}

/* A 主题 is set large and short: under a short two-part slogan, a line
 * twice as long (and long) is its 副题. */
static bool slogan_over_long(const struct titles *tl)
{
	return tl->n == 2 && nd_imp_two_part(tl->t[0]) && !ends_with(tl->t[0], "——") &&
	       ink(tl->t[1]) >= 2 * ink(tl->t[0]) && ink(tl->t[1]) >= 24;
}

/* A kicker sits over its headline, narrower than it; a two-part slogan as
 * wide as the line below or wider, and long, is a page banner. */
static bool slogan_over_short(const struct titles *tl)
{
	return tl->n == 2 && nd_imp_two_part(tl->t[0]) && ink(tl->t[0]) >= 16 &&
	       ink(tl->t[0]) >= ink(tl->t[1]);
}

bool nd_imp_caption_opening(const char *s)
{
	static const char *const words[] = { "近日", "日前" };
	static const char *const parts_of_day[] = { "上午", "下午", "中午", "晚", "晚上", "早" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (starts(s, words[i]))
			return starts(s + strlen(words[i]), "，") ||
			       starts(s + strlen(words[i]), ",");
	/* N月N日 (or N日至N日), a part of the day, a comma */
	const char *p = s;
	size_t digits = 0;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (!digits || digits > 2 || !starts(p, "月"))
		return false;
	for (p += strlen("月"), digits = 0; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (!digits || digits > 2 || !starts(p, "日"))
		return false;
	p += strlen("日");
	for (size_t i = 0; i < sizeof parts_of_day / sizeof *parts_of_day; i++)
		if (starts(p, parts_of_day[i])) {
			p += strlen(parts_of_day[i]);
			break;
		}
	return starts(p, "，") || starts(p, ",");
}

/* Blank-separated parts of a line. */
static int parts(const char *s)
{
	int n = 0;
	for (const char *p = s; *p;) {
		p = skip_blank(p);
		if (!*p)
			break;
		n++;
		while (*p && !blank_at(p))
			p++;
	}
	return n;
}

bool nd_imp_place_banner(const char *s)
{
	static const char *const places[] = { "市", "县", "区", "镇", "省", "州", "旗", "盟" };
	size_t len = nd_utf8_length(s);
	if (len < 2 || len > 6 || parts(s) != 1)
		return false;
	for (const char *p = s; *p;) {
		unsigned cp;
		int k = nd_utf8_decode(p, strlen(p), &cp);
		if (k <= 0 || cp < 0x4E00 || cp > 0x9FFF)
			return false; /* Han only: no mark, no digit */
		p += k;
	}
	if (len <= 3)
		return true;
	for (size_t i = 0; i < sizeof places / sizeof *places; i++)
		if (ends_with(s, places[i]))
			return true;
	return false;
}

/* A banner set in rows over the headline (全力推进、突出加强 新就业形态劳动者
 * 工会工作): three parts or more, narrower than the headline. A kicker is
 * one phrase or a two-part slogan. */
static bool parts_over_longer(const struct titles *tl)
{
	return tl->n == 2 && parts(tl->t[0]) >= 3 && ink(tl->t[0]) < ink(tl->t[1]) &&
	       !ends_with(tl->t[0], "——");
}

static bool any_run(const struct titles *tl)
{
	return tl->n >= 1;
}

/* Title-group rules, first fit wins. Lines are counted from the end of the
 * run (1 = the last), 0 = none; the line above the headline is its kicker
 * unless a banner, and lines above that are banners naming the section. */
static const struct group_rule {
	bool (*fits)(const struct titles *tl);
	int headline, subhead, banner;
	enum rule_id headline_rule, subhead_rule, banner_rule;
} group_rules[] = {
	{ last_opens_with_dash, 2, 1, 0, R_RUN_LAST, R_SUBHEAD_DASH, R_COUNT },
	{ slogan_over_long, 2, 1, 0, R_SLOGAN_HEAD, R_SLOGAN_SUB, R_COUNT },
	{ slogan_over_short, 1, 0, 2, R_RUN_LAST, R_RUN_LAST, R_SLOGAN_BANNER },
	{ parts_over_longer, 1, 0, 2, R_RUN_LAST, R_RUN_LAST, R_PARTS_BANNER },
	{ any_run, 1, 0, 0, R_RUN_LAST, R_RUN_LAST, R_COUNT },
};

struct roles nd_imp_title_roles(const struct titles *tl)
{
	struct roles r = { -1, -1, -1, -1, R_RUN_ABOVE, R_RUN_LAST, R_RUN_LAST, R_COUNT };
	for (size_t i = 0; i < sizeof group_rules / sizeof *group_rules; i++) {
		const struct group_rule *g = &group_rules[i];
		if (!g->fits(tl))
			continue;
		r.headline = tl->n - g->headline;
		r.subhead = g->subhead ? tl->n - g->subhead : -1;
		r.banner = g->banner ? tl->n - g->banner : -1;
		r.headline_rule = g->headline_rule;
		r.subhead_rule = g->subhead_rule;
		r.banner_rule = g->banner_rule;
		break;
	}
	if (r.headline == 1 && r.banner < 0 && nd_imp_place_banner(tl->t[0])) {
		r.banner = 0; /* 舟山 over its headline: a banner, not a kicker */
		r.banner_rule = R_PLACE_BANNER;
	}
	if (r.headline >= 1 && r.banner != r.headline - 1) {
		r.kicker = r.headline - 1;
		if (ends_with(tl->t[r.kicker], "——") || ends_with(tl->t[r.kicker], "—"))
			r.kicker_rule = R_KICKER_DASH;
	}
	return r;
}

static int append(struct line **lines, size_t *n, size_t *cap, char *text, int gap)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct line *nl = realloc(*lines, nc * sizeof *nl);
		if (!nl)
			return -1;
		*lines = nl;
		*cap = nc;
	}
	enum kind k = classify(text);
	(*lines)[(*n)++] =
	    (struct line){ text, k, gap, ends_with(text, "摄") ? R_CREDIT : R_BYLINE_LINE };
	return 0;
}

/* One line of the page (takes text); a paragraph that ends in a byline or
 * a photo credit after a space is two lines, as print means it. */
static int push_line(struct line **lines, size_t *n, size_t *cap, char *text, int gap)
{
	enum kind k = classify(text);
	size_t end = 0, cut = k == L_PARA || k == L_DATELINE ? tail_byline(text, &end) : 0;
	if (!cut) {
		if (append(lines, n, cap, text, gap) < 0) {
			free(text);
			return -1;
		}
		return 0;
	}
	char *tail = strdup(text + cut);
	text[end] = '\0'; /* the blanks between are layout */
	if (!tail || append(lines, n, cap, text, gap) < 0) {
		free(text);
		free(tail);
		return -1;
	}
	if (append(lines, n, cap, tail, 0) < 0) {
		free(tail);
		return -1;
	}
	struct line *t = &(*lines)[*n - 1];
	t->kind = L_CREDIT;
	t->rule = ends_with(tail, "摄") ? R_CREDIT_TAIL : R_BYLINE_TAIL;
	return 0;
}

int nd_imp_read_lines(const char *text, struct line **out, size_t *count)
{
	struct line *lines = NULL;
	size_t n = 0, cap = 0;
	int gap = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);
		if (!line)
			goto oom;
		/* trim blanks, ideographic too */
		char *s = line;
		while (*s == ' ' || *s == '\t' || starts(s, "\xE3\x80\x80"))
			s += starts(s, "\xE3\x80\x80") ? 3 : 1;
		size_t sl = strlen(s);
		while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t' || s[sl - 1] == '\r'))
			s[--sl] = '\0';
		if (!*s) {
			gap++;
			free(line);
		} else {
			memmove(line, s, sl + 1);
			if (push_line(&lines, &n, &cap, line, n == 0 ? 0 : gap) < 0)
				goto oom;
			gap = 0;
		}
		p += len + (nl ? 1 : 0);
	}
	*out = lines;
	*count = n;
	return 0;
oom:
	for (size_t i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
	return -1;
}
