/* settings.c — a user's own settings: one table of names, each with the
 * check its values pass before they are stored (allowlist). */
#include "newsdesk/settings.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/width.h"

#include <string.h>
#include <time.h>

#define N_(s) (s) /* the help is translated where it is shown */

static int check_ambiwidth(const char *value)
{
	return nd_width_parse_ambiguous(value) < 0 ? -1 : 0;
}

const struct nd_setting_def nd_setting_defs[] = {
	{ "ambiwidth", "1|2|auto",
	  N_("columns of an East Asian ambiguous character (“ ” · … — ─) on your terminal; auto "
	     "asks the terminal when the desk starts"),
	  check_ambiwidth },
	{ 0 },
};

const struct nd_setting_def *nd_setting_def(const char *name)
{
	for (const struct nd_setting_def *d = nd_setting_defs; d->name; d++)
		if (name && strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

static int known(const char *name, struct nd_error *err)
{
	if (nd_setting_def(name))
		return 0;
	return nd_fail(err, ND_EINVAL, _("there is no setting '%1$s' (settings: %2$s)"),
		       name ? name : "", nd_setting_defs[0].name);
}

int nd_setting_get(struct nd_store *st, const struct nd_actor *actor, const char *name, char *out,
		   size_t size, struct nd_error *err)
{
	if (size)
		out[0] = '\0';
	int rc = known(name, err);
	if (rc < 0)
		return rc;
	return nd_sql_text(st, out, size, err, "reading your settings",
			   "SELECT value FROM user_settings WHERE login = ? AND name = ?", "ss",
			   actor->user.login, name);
}

int nd_setting_set(struct nd_store *st, const struct nd_actor *actor, const char *name,
		   const char *value, struct nd_error *err)
{
	int rc = known(name, err);
	if (rc < 0)
		return rc;
	const struct nd_setting_def *d = nd_setting_def(name);
	if (!value)
		return nd_sql_exec(st, err, "clearing a setting",
				   "DELETE FROM user_settings WHERE login = ? AND name = ?", "ss",
				   actor->user.login, name) < 0
			   ? err->code
			   : 0;
	if (d->check(value) < 0)
		return nd_fail(err, ND_EINVAL, _("%1$s takes %2$s, not '%3$s'"), name, d->values,
			       value);
	rc = nd_sql_exec(st, err, "saving a setting",
			 "INSERT INTO user_settings (login, name, value, updated_at) "
			 "VALUES (?, ?, ?, ?) ON CONFLICT (login, name) DO UPDATE SET "
			 "value = excluded.value, updated_at = excluded.updated_at",
			 "sssi", actor->user.login, name, value, (int64_t)time(NULL));
	return rc < 0 ? rc : 0;
}
