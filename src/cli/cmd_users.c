/* cmd_users.c — init and user: the database and who may use it. */
#include "newsdesk/authkeys.h"
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/external.h"
#include "newsdesk/lang.h"
#include "newsdesk/quotas.h"

#include <stdlib.h>
#include <string.h>

int nd_cmd_init(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	struct nd_error err = { 0 };
	int rc;
	if (a->npos)
		return nd_cli_usage(cmd, _("init takes no arguments"));
	if (!(cli->db_path = nd_store_default_path(cli->db_option)))
		return ND_EXIT_STORE;
	if ((rc = nd_store_open(&cli->st, cli->db_path, ND_STORE_CREATE, &err)) < 0)
		return nd_cli_fail(&err);
	struct nd_user self;
	rc = nd_user_get(cli->st, cli->unix_login, &self, &err);
	if (rc == 0) {
		printf(_("%1$s is ready (schema %2$d); you (%3$s) are %4$s\n"), cli->db_path,
		       nd_store_version(cli->st), self.login, self.role);
		nd_user_free(&self);
		return ND_EXIT_OK;
	}
	if (rc != ND_ENOENT)
		return nd_cli_fail(&err);
	if ((rc = nd_user_bootstrap(cli->st, cli->unix_login, NULL, &err)) < 0)
		return nd_cli_fail(&err);
	printf(_("created %1$s (schema %2$d); %3$s is its admin\n"), cli->db_path,
	       nd_store_version(cli->st), cli->unix_login);
	return ND_EXIT_OK;
}

/* Reads and validates a public key file. */
static int read_key(const char *path, char **key, struct nd_error *err)
{
	struct nd_buf b = ND_BUF_INIT;
	int rc = nd_read_file(path, &b, err);
	if (rc == 0 && b.len > 16384)
		rc = nd_fail(err, ND_EINVAL, _("%s is too big to be a public key"), path);
	if (rc == 0)
		rc = nd_key_validate(nd_buf_str(&b), key, err);
	if (rc < 0)
		nd_error_prefix(err, "%s: ", path);
	nd_buf_free(&b);
	return rc;
}

static int user_add(struct nd_cli *cli, const struct nd_command *cmd, const struct nd_user_args *a)
{
	const char *role = a->role, *name = a->name, *key_file = a->key;
	bool no_desk = a->no_desk;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("user add takes exactly one LOGIN"));
	if (!role)
		return nd_cli_usage(cmd, _("user add needs --role reporter|editor|chief|admin"));
	struct nd_error err = { 0 };
	char *key = NULL;
	if (key_file && read_key(key_file, &key, &err) < 0)
		return nd_cli_fail(&err);
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_user_add(cli->st, &cli->actor, a->pos[0], role, name, key, &err);
	free(key);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf(_("added %1$s as %2$s\n"), a->pos[0], role);
	if (no_desk && nd_user_set_desk(cli->st, &cli->actor, a->pos[0], 0, &err) < 0) {
		nd_cli_fail(&err);
		fprintf(stderr,
			_("newsdesk: %1$s was added with the desk on: run 'newsdesk user desk "
			  "%1$s off'\n"),
			a->pos[0]);
		return ND_EXIT_STORE;
	}
	return ND_EXIT_OK;
}

static int user_list(struct nd_cli *cli)
{
	struct nd_error err = { 0 };
	struct nd_user *users;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0 || nd_user_list(cli->st, &users, &n, &err) < 0)
		return nd_cli_fail(&err);
	for (size_t i = 0; i < n; i++) {
		nd_cli_put(stdout, users[i].login, 0);
		putchar('\t');
		nd_cli_put(stdout, users[i].role_label ? users[i].role_label : users[i].role, 0);
		putchar('\t');
		nd_cli_put(stdout, users[i].name ? users[i].name : "", 0);
		printf("\t%s\n", users[i].enabled ? _("enabled") : _("disabled"));
	}
	nd_users_free(users, n);
	return ND_EXIT_OK;
}

static int user_key(struct nd_cli *cli, const struct nd_command *cmd, const struct nd_user_args *a)
{
	const char *file = a->key;
	if (a->npos != 1 || !file)
		return nd_cli_usage(cmd, _("user key takes LOGIN --key FILE"));
	struct nd_error err = { 0 };
	char *key = NULL;
	int rc = read_key(file, &key, &err);
	if (rc == 0)
		rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_user_set_key(cli->st, &cli->actor, a->pos[0], key, &err);
	free(key);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf(_("key set for %s; run 'newsdesk keys --install ~/.ssh/authorized_keys'\n"),
	       a->pos[0]);
	return ND_EXIT_OK;
}

/* user quota [LOGIN|--everyone] [NAME [VALUE|default]] (issue 32) */
static int user_quota(struct nd_cli *cli, const struct nd_command *cmd,
		      const struct nd_user_args *a)
{
	bool everyone = a->everyone;
	int first = everyone ? 0 : 1;
	if ((!everyone && a->npos < 1) || a->npos - first > 2)
		return nd_cli_usage(cmd, _("user quota takes LOGIN (or --everyone), then a NAME "
					   "and a VALUE"));
	const char *login = everyone ? "*" : a->pos[0];
	const char *name = a->npos > first ? a->pos[first] : NULL;
	struct nd_error err = { 0 };
	int64_t value = -1;
	if (a->npos - first == 2 && strcmp(a->pos[first + 1], "default") != 0) {
		long long v;
		if (nd_cli_parse_number(a->pos[first + 1], 0, INT64_MAX, &v) < 0)
			return nd_cli_usage(cmd, _("a quota is a whole number, 0 or more, or "
						   "'default'"));
		value = v;
	}
	int64_t ignored;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_require_rank(&cli->actor, ND_RANK_ADMIN, N_("read quotas"), &err) < 0 ||
	    (name && nd_quota_get(cli->st, login, name, &ignored, NULL, 0, &err) < 0) ||
	    (a->npos - first == 2 &&
	     nd_quota_set(cli->st, &cli->actor, login, name, value, &err) < 0))
		return nd_cli_fail(&err);
	struct nd_quota_use use = { 0 };
	if (!everyone && nd_quota_use(cli->st, login, &use, &err) < 0)
		return nd_cli_fail(&err);
	const int64_t used[] = { use.items_today, use.photo_bytes_today,
				 use.store_bytes ? use.photo_bytes * 100 / use.store_bytes : 0 };
	int k = 0;
	for (const struct nd_quota_def *d = nd_quota_defs; d->name; d++, k++) {
		if (name && strcmp(name, d->name) != 0)
			continue;
		int64_t v;
		char whose[64];
		if (nd_quota_get(cli->st, login, d->name, &v, whose, sizeof whose, &err) < 0)
			return nd_cli_fail(&err);
		printf("%-18s %14lld  %-9s", d->name, (long long)v,
		       !whose[0]                 ? _("default")
		       : strcmp(whose, "*") == 0 ? _("everyone")
						 : whose);
		if (!everyone)
			printf(_("  used %lld"), (long long)used[k]);
		printf("  %s\n", _(d->help));
	}
	return ND_EXIT_OK;
}

/* cmd is the subcommand's entry (add, key, list, quota, disable, enable). */
int nd_cmd_user(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_user_args *a = args;
	const char *sub = cmd->name;
	if (strcmp(sub, "add") == 0)
		return user_add(cli, cmd, a);
	if (strcmp(sub, "key") == 0)
		return user_key(cli, cmd, a);
	if (strcmp(sub, "desk") == 0) {
		int on = a->npos == 2 && strcmp(a->pos[1], "on") == 0;
		if (a->npos != 2 || (!on && strcmp(a->pos[1], "off") != 0))
			return nd_cli_usage(cmd, _("user desk takes LOGIN and on or off"));
		struct nd_error err = { 0 };
		if (nd_cli_open(cli, 0, &err) < 0 ||
		    nd_user_set_desk(cli->st, &cli->actor, a->pos[0], on, &err) < 0)
			return nd_cli_fail(&err);
		printf(on ? _("%s may open the desk over SSH\n")
			  : _("%s may no longer open the desk over SSH; ssh -t prints what they "
			      "may do\n"),
		       a->pos[0]);
		return ND_EXIT_OK;
	}
	if (strcmp(sub, "quota") == 0)
		return user_quota(cli, cmd, a);
	if (strcmp(sub, "list") == 0)
		return a->npos == 0 ? user_list(cli)
				    : nd_cli_usage(cmd, _("user list takes no arguments"));
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("user %s takes one LOGIN"), sub);
	struct nd_error err = { 0 };
	int enable = strcmp(sub, "enable") == 0;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_user_set_enabled(cli->st, &cli->actor, a->pos[0], enable, &err) < 0)
		return nd_cli_fail(&err);
	printf(enable ? _("%s enabled\n") : _("%s disabled\n"), a->pos[0]);
	return ND_EXIT_OK;
}
