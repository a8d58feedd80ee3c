/* test_words.c — the SSH command splitter: quotes, escapes, no expansion. */
#include "newsdesk/words.h"
#include "tap.h"

#include <string.h>

static void check(const char *s, int want_n, const char *joined, const char *name)
{
	char **w;
	int n;
	struct nd_error err = { 0 };
	if (!ok(nd_split_words(s, &w, &n, &err) == 0, "%s: splits", name))
		return;
	is_int(n, want_n, name);
	char buf[512] = "";
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(buf, "|");
		strcat(buf, w[i]);
	}
	is_str(buf, joined, "…into these words");
	ok(w[n] == NULL, "…NULL-terminated");
	nd_words_free(w, n);
}

int main(void)
{
	check("file --encoding GB18030", 3, "file|--encoding|GB18030", "plain words");
	check("  show   1042  ", 2, "show|1042", "extra blanks");
	check("note 12 \"电头 缺日期\"", 3, "note|12|电头 缺日期", "double quotes group");
	check("note 12 '他说\"好\"'", 3, "note|12|他说\"好\"", "single quotes keep everything");
	check("note 12 a\\ b", 3, "note|12|a b", "a backslash escapes a blank");
	check("note 12 \"a \\\"b\\\"\"", 3, "note|12|a \"b\"",
	      "escaped quotes inside double quotes");
	check("file; rm -rf /", 4, "file;|rm|-rf|/", "; is an ordinary character");
	check("$(touch x) `id` *", 4, "$(touch|x)|`id`|*", "nothing is expanded");
	check("", 0, "", "nothing at all");
	check("a''b", 1, "ab", "an empty quote joins");
	char **w;
	int n;
	struct nd_error err = { 0 };
	ok(nd_split_words("show 'x", &w, &n, &err) == ND_EINVAL,
	   "an unterminated quote is refused");
	ok(strstr(err.msg, "unterminated single quote") != NULL, "…and named: %s", err.msg);
	return tap_done();
}
