/* lang.c — which language the reader reads, decided in one place. */
#include "newsdesk/lang.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int chosen_zh = -1; /* -1: not chosen yet */

/* The variable that decides LC_MESSAGES, in POSIX's order. */
static const char *env_language(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && v[0])
			return v;
	}
	return NULL;
}

bool nd_lang_env_given(void)
{
	return env_language() != NULL;
}

static bool names_zh(const char *name)
{
	return name && strncmp(name, "zh", 2) == 0;
}

void nd_lang_set(const char *name)
{
	if (!name || !name[0])
		name = env_language();
	chosen_zh = names_zh(name);
	/* gettext takes its language from LANGUAGE before the locale, but
	 * ignores it under the C locale; C.UTF-8 carries the messages when the
	 * named locale is not installed. Setting LC_MESSAGES again also tells
	 * gettext to forget what it looked up in the other language. */
	static const char *const languages[] = { "en", "zh_CN" };
	setenv("LANGUAGE", languages[chosen_zh], 1);
	const char *now = setlocale(LC_MESSAGES, NULL);
	char current[128] = "C";
	if (now && strlen(now) < sizeof current)
		strcpy(current, now);
	bool plain = strcmp(current, "C") == 0 || strcmp(current, "POSIX") == 0;
	if (!(chosen_zh && plain && setlocale(LC_MESSAGES, "C.UTF-8")))
		setlocale(LC_MESSAGES, current);
}

bool nd_lang_is_zh(void)
{
	if (chosen_zh < 0)
		chosen_zh = names_zh(env_language());
	return chosen_zh;
}
