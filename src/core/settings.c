/* settings.c — a user's own settings: one table of names, each with the
 * check its values pass before they are stored (allowlist). */
#include "newsdesk/settings.h"
#include "newsdesk/count.h"
#include "newsdesk/lang.h"
#include "newsdesk/meta.h"
#include "newsdesk/stats.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define N_(s) (s) /* the help is translated where it is shown */

static int check_ambiwidth(const char *value)
{
	return nd_width_parse_ambiguous(value) < 0 ? -1 : 0;
}

static int check_count_rule(const char *value)
{
	return value[0] && nd_count_rule_parse(value) >= 0 ? 0 : -1;
}

/* Every revision's 字数 again by the rule now set (the stored counts are
 * derived: check recounts them by the same rule). */
static int recount(struct nd_store *st, const char *value, struct nd_error *err)
{
	int rc = nd_sql_exec(
	    st, err, "recounting 字数",
	    "UPDATE revision_counts SET "
	    "chars = nd_chars(r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body, ?1), "
	    "body_chars = nd_chars(NULL, NULL, NULL, NULL, NULL, r.body, ?1) "
	    "FROM revisions r WHERE r.id = revision_counts.revision_id "
	    "AND nd_progress('recounting 字数 of revisions', "
	    "(SELECT count(*) FROM revision_counts))",
	    "s", value);
	/* the stats' 字数 are the published revisions' (stats.h) */
	if (rc < 0 || (rc = nd_stats_recount(st, err)) < 0)
		return rc;
	nd_count_set_rule((enum nd_count_rule)nd_count_rule_parse(value));
	return 0;
}

const struct nd_setting_def nd_setting_defs[] = {
	{ "ambiwidth", "1|2|auto",
	  N_("columns of an East Asian ambiguous character (“ ” · … — ─) on your terminal; auto "
	     "asks the terminal when the desk starts"),
	  check_ambiwidth, NULL, NULL, NULL },
	{ "count-rule", "word|marks",
	  N_("the publication's 字数: word counts as Word does (a half-width mark alone 0, 2,000 "
	     "one word); marks counts each half-width mark 1 (2,000 is 3); changing it recounts "
	     "every revision"),
	  check_count_rule, "count_rule", "word", recount },
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
	char names[128] = "";
	for (const struct nd_setting_def *d = nd_setting_defs; d->name; d++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			 d == nd_setting_defs ? "" : ", ", d->name);
	return nd_fail(err, ND_EINVAL, _("there is no setting '%1$s' (settings: %2$s)"),
		       name ? name : "", names);
}

int nd_setting_get(struct nd_store *st, const struct nd_actor *actor, const char *name, char *out,
		   size_t size, struct nd_error *err)
{
	if (size)
		out[0] = '\0';
	int rc = known(name, err);
	if (rc < 0)
		return rc;
	const struct nd_setting_def *d = nd_setting_def(name);
	if (d->meta_key)
		return nd_sql_text(st, out, size, err, "reading the publication's settings",
				   "SELECT value FROM meta WHERE key = ?", "s", d->meta_key);
	return nd_sql_text(st, out, size, err, "reading your settings",
			   "SELECT value FROM user_settings WHERE login = ? AND name = ?", "ss",
			   actor->user.login, name);
}

/* The publication's value, and what derives from it, in one transaction:
 * a crash leaves the old value with the old figures. */
static int set_publication(struct nd_store *st, const struct nd_actor *actor,
			   const struct nd_setting_def *d, const char *value, struct nd_error *err)
{
	int rc =
	    nd_require_rank(actor, ND_RANK_CHIEF, N_("change the publication's settings"), err);
	if (rc < 0)
		return rc;
	if (value && d->check(value) < 0)
		return nd_fail(err, ND_EINVAL, _("%1$s takes %2$s, not '%3$s'"), d->name, d->values,
			       value);
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if (value)
		rc = nd_meta_set(st, d->meta_key, value, err);
	else
		rc = nd_sql_exec(st, err, "clearing a setting", "DELETE FROM meta WHERE key = ?",
				 "s", d->meta_key) < 0
			 ? err->code
			 : 0;
	if (rc == 0 && d->changed)
		rc = d->changed(st, value ? value : d->fallback, err);
	if (rc < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

int nd_setting_set(struct nd_store *st, const struct nd_actor *actor, const char *name,
		   const char *value, struct nd_error *err)
{
	int rc = known(name, err);
	if (rc < 0)
		return rc;
	const struct nd_setting_def *d = nd_setting_def(name);
	if (d->meta_key)
		return set_publication(st, actor, d, value, err);
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
