/* layout.h — 版面字数, the count payment for printed work is made by
 * (《使用文字作品支付报酬办法》, 2014, art. 5): the characters a line of the
 * printed column holds (字/行) times every line the item takes, a title or
 * a short last line counting as a full line. The rules, with examples,
 * are in newsdesk(1), "COUNTS".
 *
 * The lines an item takes depend only on its text and the measure, so each
 * revision keeps a small profile of its line units (computed once, when it
 * is stored); the figure for any 字/行 is then arithmetic on the profile. */
#ifndef NEWSDESK_LAYOUT_H
#define NEWSDESK_LAYOUT_H

#include "newsdesk/count.h"
#include "newsdesk/filing.h"
#include <stdbool.h>

/* 字/行 newsdesk accepts: narrower than 4 or wider than 100 is no column. */
#define ND_CPL_MIN 4
#define ND_CPL_MAX 100
#define ND_CPL_DEFAULT 14 /* when the publication has set none */

/* 汉字 of the whole story (count.h: nd_count_hanzi), the fields 字数
 * counts: kicker, headline, subhead, dateline, byline, body. */
long nd_story_hanzi(const struct nd_story *s);

/* Half-slots s takes in a Chinese column: 2 for a Han character, kana,
 * a full-width form or Chinese punctuation (“”‘’—…· included), 1 for a
 * half-width letter, digit, mark or space, 0 for what takes no room.
 * Leading and trailing white space is not counted. */
long nd_layout_halves(const char *s);

/* The half-slots of one character, as nd_layout_halves counts it (a blank
 * between text included), and whether it is a blank (leading and trailing
 * blanks take no room): for laying a unit out on the grid (grid.h). */
int nd_layout_cp_halves(unsigned cp);
bool nd_layout_cp_blank(unsigned cp);

/* The story's line profile: one word per line unit, in reading order —
 * "tN" for a unit set on lines of its own (kicker, headline, subhead,
 * byline), "N" for a paragraph (the dateline runs into the first), N its
 * half-slots; then ".T" when it ends in closing marks (。” …) of T ≤ 4
 * half-slots, and "@O+W" for each run of half-width characters (a number,
 * a Latin word) of W half-slots at offset O, which a line must not split.
 * Blank paragraphs take no line. Freed by the caller; NULL when out of
 * memory. */
char *nd_layout_profile(const struct nd_story *s);

/* The story's 字数 by rule (nd_story_chars_by), its body's 字数, its 汉字
 * (nd_story_hanzi) and its line profile (nd_layout_profile, freed by the
 * caller), in one reading of its text: what check --full recounts for
 * every revision. -1 when out of memory (profile NULL). */
struct nd_story_measure {
	long chars, body_chars, hanzi;
	char *profile;
};
int nd_story_measure(const struct nd_story *s, enum nd_count_rule rule, struct nd_story_measure *m);

struct nd_layout {
	long lines; /* every line the item takes */
	long chars; /* 版面字数 = lines × 字/行 */
};

/* Lines and 版面字数 of a profile at cpl characters a line: a title unit
 * takes ⌈N / 2cpl⌉ lines, at least one; a paragraph ⌈(N + 4) / 2cpl⌉ (its
 * first line indented two characters); each started line counts whole.
 * A half-width run the line end would split goes whole to the next line
 * (推出, unless it is longer than a line), and closing marks that would
 * begin a unit's last line are squeezed into the line before (挤进).
 * Returns -1 (out zeroed) on a cpl out of range or a malformed profile. */
int nd_layout_count(const char *profile, int cpl, struct nd_layout *out);

/* The same for a story not stored (the editor's draft). */
int nd_story_layout(const struct nd_story *s, int cpl, struct nd_layout *out);

#endif
