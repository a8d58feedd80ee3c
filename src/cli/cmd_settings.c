/* cmd_settings.c — your own settings: list them, show one, set one, or
 * put one back to its default. Over SSH too: a setting is how a reporter
 * or editor tells the desk about a terminal the command line cannot. */
#include "newsdesk/cli.h"
#include "newsdesk/settings.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#define _(s) gettext(s)

int nd_cmd_settings(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	int rc;
	if (a->npos > 2)
		return nd_cli_usage(cmd, _("settings takes at most a NAME and a VALUE"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (a->npos && !nd_setting_def(a->pos[0])) {
		nd_setting_get(cli->st, &cli->actor, a->pos[0], NULL, 0, &err);
		return nd_cli_fail(&err);
	}
	if (a->npos == 2) {
		const char *value = strcmp(a->pos[1], "default") == 0 ? NULL : a->pos[1];
		if (nd_setting_set(cli->st, &cli->actor, a->pos[0], value, &err) < 0)
			return nd_cli_fail(&err);
	}
	for (const struct nd_setting_def *d = nd_setting_defs; d->name; d++) {
		if (a->npos && strcmp(d->name, a->pos[0]) != 0)
			continue;
		char value[80];
		if ((rc = nd_setting_get(cli->st, &cli->actor, d->name, value, sizeof value,
					 &err)) < 0)
			return nd_cli_fail(&err);
		char shown[96];
		if (rc)
			snprintf(shown, sizeof shown, "%s", value);
		else if (d->fallback) /* the publication's, unset: its value is the fallback */
			snprintf(shown, sizeof shown, "%s (%s)", d->fallback, _("default"));
		else
			snprintf(shown, sizeof shown, "%s", _("default"));
		printf("%-10s %-8s  %s (%s)\n", d->name, shown, _(d->help), d->values);
	}
	return ND_EXIT_OK;
}
