/* lang.h — the one translation mechanism. Every message a person reads is
 * gettext's (_("…"), ngettext, positional %1$s when there are several
 * arguments); what is data rather than a message (a state's Chinese label
 * column in the schema) asks nd_lang_is_zh(), never a parameter. */
#ifndef NEWSDESK_LANG_H
#define NEWSDESK_LANG_H

#include <libintl.h>
#include <stdbool.h>

#ifndef _
#define _(s) gettext(s)
#endif
#ifndef N_
#define N_(s) (s)
#endif
/* A message whose words depend on where it stands (pgettext): the
 * catalogue's key is the context, \004 and the text. */
#define C_(ctx, s) nd_pgettext(ctx "\004" s, s)
static inline const char *nd_pgettext(const char *key, const char *msgid)
{
	const char *t = gettext(key);
	return t == key ? msgid : t;
}
/* A singular and plural pair in a table, for ngettext where shown. */
#define NP_(one, many) (one), (many)

/* Chooses the language of messages and labels once: name is a locale or
 * language ("zh_CN.UTF-8", "zh", "en_US.UTF-8", "C"); NULL or "" reads
 * LC_ALL, LC_MESSAGES and LANG as the C library does. Chinese is given to
 * gettext even when that locale is missing here (a client's forwarded LANG
 * on a server whose own locale is C). */
void nd_lang_set(const char *name);
/* True when LC_ALL, LC_MESSAGES or LANG names a language. */
bool nd_lang_env_given(void);
/* True when messages and labels are Chinese. Without nd_lang_set, the
 * environment's answer. */
bool nd_lang_is_zh(void);

#endif
