/* settings.h — settings in the store: a user's own (schema:
 * user_settings), which everyone reads and sets only for themselves, and
 * the publication's (the meta table), which everyone reads and a chief or
 * an admin sets for all. One allowlist of names, each with the values it
 * takes. */
#ifndef NEWSDESK_SETTINGS_H
#define NEWSDESK_SETTINGS_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stddef.h>

struct nd_setting_def {
	const char *name;
	const char *values; /* how the values are written for people: "1|2|auto" */
	const char *help; /* one line, English; N_() for the catalogue */
	int (*check)(const char *value); /* 0 when value is allowed */
	const char *meta_key; /* the publication's setting, kept in meta; NULL: a user's own */
	const char *fallback; /* the publication's value when it has set none */
	/* Derived data to make again when the publication's value changes, in
	 * the same transaction (NULL: nothing) */
	int (*changed)(struct nd_store *st, const char *value, struct nd_error *err);
};

/* The settings there are, ending with { 0 }. */
extern const struct nd_setting_def nd_setting_defs[];
const struct nd_setting_def *nd_setting_def(const char *name);

/* The actor's value of name into out (size bytes): 1 when set, 0 when
 * not (out is ""), < 0 on error. */
int nd_setting_get(struct nd_store *st, const struct nd_actor *actor, const char *name, char *out,
		   size_t size, struct nd_error *err);
/* Sets the actor's name to value (checked), or with value NULL goes back
 * to the default. An unknown name or a value it does not take is ND_EINVAL
 * naming what it takes. A publication's setting needs a chief or an admin,
 * and what derives from it is made again in the same transaction, so the
 * store never holds figures of a rule other than the one set (count-rule:
 * every revision's 字数 recounted, with progress on stderr). */
int nd_setting_set(struct nd_store *st, const struct nd_actor *actor, const char *name,
		   const char *value, struct nd_error *err);

#endif
