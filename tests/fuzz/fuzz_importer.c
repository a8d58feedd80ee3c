/* fuzz_importer.c — page splitting on arbitrary text, and the importer's
 * promise checked on every input: every character of the page (but white
 * space) lands in exactly one item field, as a multiset, and every field
 * is valid UTF-8. */
#include "newsdesk/filing.h"
#include "newsdesk/importer.h"
#include "newsdesk/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hist[0x110000];

static bool blank(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       cp == 0x3000 || cp == 0xA0;
}

/* Adds d for each character of s; with check, instead fails on any count
 * not back at zero. */
static bool walk(const char *s, int d, bool check)
{
	if (!s)
		return true;
	size_t n = strlen(s);
	if (!nd_utf8_valid(s, n, NULL))
		return false;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = nd_utf8_decode(s + i, n - i, &cp);
		i += k > 0 ? (size_t)k : 1;
		if (blank(cp))
			continue;
		if (check) {
			if (hist[cp]) {
				fprintf(stderr, "U+%04X: %+d in the items\n", cp, -hist[cp]);
				return false;
			}
		} else {
			hist[cp] += d;
		}
	}
	return true;
}

static bool fields(const struct nd_import_page *pg, int d, bool check)
{
	bool ok = true;
	for (size_t i = 0; i < pg->n; i++) {
		const struct nd_import_item *it = &pg->items[i];
		const struct nd_story *s = &it->story;
		const char *f[] = { it->markers, it->source,  s->kicker, s->headline,
				    s->subhead,  s->dateline, s->byline, s->body };
		for (size_t j = 0; j < sizeof f / sizeof *f; j++)
			ok = walk(f[j], d, check) && ok;
		if (s->byline && it->byline_name > strlen(s->byline))
			ok = false;
	}
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	struct nd_error err;
	struct nd_import_page page;
	if (nd_text_from_bytes((const char *)data, size, 1 << 20, NULL, &text, NULL, &err) < 0)
		return 0;
	if (nd_import_split(text, &page, &err) == 0) {
		walk(text, 1, false);
		bool ok = fields(&page, -1, false);
		ok = walk(text, 0, true) && ok;
		ok = fields(&page, 0, true) && ok;
		if (!ok) {
			fprintf(stderr, "importer lost, added or broke characters\n");
			abort();
		}
		/* passed: every count touched is back at zero for the next input */
		nd_import_page_free(&page);
	}
	free(text);
	return 0;
}
