/* words.c — shell-like word splitting with no expansion of any kind. */
#include "newsdesk/words.h"
#include "newsdesk/buf.h"
#include "newsdesk/lang.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int push(char ***words, int *count, struct nd_buf *w)
{
	char **nw = realloc(*words, (size_t)(*count + 2) * sizeof *nw);
	if (!nw)
		return -1;
	*words = nw;
	(*words)[(*count)++] = nd_buf_take(w);
	(*words)[*count] = NULL;
	return 0;
}

int nd_split_words(const char *s, char ***words, int *count, struct nd_error *err)
{
	struct nd_buf w = ND_BUF_INIT;
	bool in_word = false;
	char quote = 0;
	*words = calloc(1, sizeof **words);
	*count = 0;
	if (!*words)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	if (strlen(s) > 64 * 1024) {
		free(*words);
		*words = NULL;
		return nd_fail(err, ND_EINVAL, _("the command is too long"));
	}
	for (const char *p = s;; p++) {
		char c = *p;
		if (c == '\0') {
			if (quote) {
				nd_buf_free(&w);
				nd_words_free(*words, *count);
				*words = NULL;
				*count = 0;
				return nd_fail(err, ND_EINVAL,
					       _("unterminated %s quote in the command"),
					       quote == '"' ? "double" : "single");
			}
			break;
		}
		if (quote == '\'') {
			if (c == '\'')
				quote = 0;
			else
				nd_buf_addc(&w, c);
			continue;
		}
		if (quote == '"') {
			if (c == '"')
				quote = 0;
			else if (c == '\\' && (p[1] == '"' || p[1] == '\\')) {
				nd_buf_addc(&w, *++p);
			} else
				nd_buf_addc(&w, c);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (in_word && push(words, count, &w) < 0)
				goto oom;
			in_word = false;
			continue;
		}
		in_word = true;
		if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '\\' && p[1]) {
			nd_buf_addc(&w, *++p);
		} else {
			nd_buf_addc(&w, c);
		}
	}
	if (in_word && push(words, count, &w) < 0)
		goto oom;
	nd_buf_free(&w);
	return 0;
oom:
	nd_buf_free(&w);
	nd_words_free(*words, *count);
	*words = NULL;
	*count = 0;
	return nd_fail(err, ND_ENOMEM, _("out of memory"));
}

void nd_words_free(char **words, int count)
{
	if (!words)
		return;
	for (int i = 0; i < count; i++)
		free(words[i]);
	free(words);
}
