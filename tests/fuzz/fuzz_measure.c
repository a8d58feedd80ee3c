/* fuzz_measure.c — check --full's one reading of a story (nd_story_measure)
 * gives exactly the figures of the functions it stands in for: 字数 by
 * the rule, the body's 字数, 汉字 and the line profile. The input's first
 * byte picks the rule and which fields are there; the rest is split into
 * the six fields at 0x1E bytes. */
#include "newsdesk/count.h"
#include "newsdesk/layout.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init++)
		setlocale(LC_ALL, "C.UTF-8");
	if (size < 1)
		return 0;
	char *text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	char *field[6] = { NULL };
	char *p = text;
	for (int k = 0; k < 6 && p; k++) {
		field[k] = data[0] & (1u << k) ? p : NULL;
		char *end = strchr(p, 0x1E);
		if (end)
			*end = '\0';
		p = end ? end + 1 : NULL;
	}
	struct nd_story s = { .kicker = field[0],
			      .headline = field[1],
			      .subhead = field[2],
			      .dateline = field[3],
			      .byline = field[4],
			      .body = field[5] };
	enum nd_count_rule rule = data[0] & 0x80 ? ND_COUNT_MARKS : ND_COUNT_WORD;
	struct nd_story_measure m;
	if (nd_story_measure(&s, rule, &m) < 0)
		abort();
	long body;
	long chars = nd_story_chars_by(&s, &body, rule);
	char *profile = nd_layout_profile(&s);
	if (!profile || m.chars != chars || m.body_chars != body || m.hanzi != nd_story_hanzi(&s) ||
	    strcmp(profile, m.profile) != 0)
		abort();
	free(profile);
	free(m.profile);
	free(text);
	return 0;
}
