/* settings.h — a user's own settings in the store (schema:
 * user_settings): an allowlist of names, each with the values it takes.
 * Everyone reads and sets only their own. */
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
 * naming what it takes. */
int nd_setting_set(struct nd_store *st, const struct nd_actor *actor, const char *name,
		   const char *value, struct nd_error *err);

#endif
