/* cmd_users.c — init and user: the database and who may use it. */
#include "newsdesk/authkeys.h"
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/external.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

int nd_cmd_init(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_error err = { 0 };
	int rc;
	if (argc > 1) {
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		}
		return nd_cli_usage(cmd, "init takes no arguments");
	}
	if (!(cli->db_path = nd_store_default_path(cli->db_option)))
		return ND_EXIT_STORE;
	if ((rc = nd_store_open(&cli->st, cli->db_path, ND_STORE_CREATE, &err)) < 0)
		return nd_cli_fail(&err);
	struct nd_user self;
	rc = nd_user_get(cli->st, cli->unix_login, &self, &err);
	if (rc == 0) {
		printf("%s is ready (schema %d); you (%s) are %s\n", cli->db_path,
		       nd_store_version(cli->st), self.login, self.role);
		nd_user_free(&self);
		return ND_EXIT_OK;
	}
	if (rc != ND_ENOENT)
		return nd_cli_fail(&err);
	if ((rc = nd_user_bootstrap(cli->st, cli->unix_login, NULL, &err)) < 0)
		return nd_cli_fail(&err);
	printf("created %s (schema %d); %s is its admin\n", cli->db_path, nd_store_version(cli->st),
	       cli->unix_login);
	return ND_EXIT_OK;
}

/* Reads and validates a public key file. */
static int read_key(const char *path, char **key, struct nd_error *err)
{
	struct nd_buf b = ND_BUF_INIT;
	int rc = nd_read_file(path, &b, err);
	if (rc == 0 && b.len > 16384)
		rc = nd_fail(err, ND_EINVAL, "%s is too big to be a public key", path);
	if (rc == 0)
		rc = nd_key_validate(nd_buf_str(&b), key, err);
	if (rc < 0)
		nd_error_prefix(err, "%s: ", path);
	nd_buf_free(&b);
	return rc;
}

static int user_add(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "key", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *role = NULL, *name = NULL, *key_file = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "r:n:k:h", options, NULL)) != -1) {
		switch (c) {
		case 'r':
			role = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 'k':
			key_file = optarg;
			break;
		case 'h':
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		default:
			return nd_cli_usage(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return nd_cli_usage(cmd, "user add takes exactly one LOGIN");
	if (!role)
		return nd_cli_usage(cmd, "user add needs --role reporter|editor|chief|admin");
	struct nd_error err = { 0 };
	char *key = NULL;
	if (key_file && read_key(key_file, &key, &err) < 0)
		return nd_cli_fail(&err);
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_user_add(cli->st, &cli->actor, argv[optind], role, name, key, &err);
	free(key);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf("added %s as %s\n", argv[optind], role);
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
		printf("\t%s\t", users[i].role);
		nd_cli_put(stdout, users[i].name ? users[i].name : "", 0);
		printf("\t%s\n", users[i].enabled ? "enabled" : "disabled");
	}
	nd_users_free(users, n);
	return ND_EXIT_OK;
}

int nd_cmd_user(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	if (argc < 2)
		return nd_cli_usage(cmd, "user needs a subcommand: add, list, disable or enable");
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		nd_cli_print_usage(stdout, cmd);
		return ND_EXIT_OK;
	}
	if (strcmp(sub, "add") == 0)
		return user_add(cli, cmd, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return argc == 2 ? user_list(cli)
				 : nd_cli_usage(cmd, "user list takes no arguments");
	if (strcmp(sub, "key") == 0) {
		if (argc != 5 || strcmp(argv[3], "--key") != 0)
			return nd_cli_usage(cmd, "user key LOGIN --key FILE");
		struct nd_error err = { 0 };
		char *key = NULL;
		int rc = read_key(argv[4], &key, &err);
		if (rc == 0)
			rc = nd_cli_open(cli, 0, &err);
		if (rc == 0)
			rc = nd_user_set_key(cli->st, &cli->actor, argv[2], key, &err);
		free(key);
		if (rc < 0)
			return nd_cli_fail(&err);
		printf("key set for %s; run 'newsdesk keys --install ~/.ssh/authorized_keys'\n",
		       argv[2]);
		return ND_EXIT_OK;
	}
	if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) {
		if (argc != 3)
			return nd_cli_usage(cmd, "user %s takes one LOGIN", sub);
		struct nd_error err = { 0 };
		int enable = strcmp(sub, "enable") == 0;
		if (nd_cli_open(cli, 0, &err) < 0 ||
		    nd_user_set_enabled(cli->st, &cli->actor, argv[2], enable, &err) < 0)
			return nd_cli_fail(&err);
		printf("%s %s\n", argv[2], enable ? "enabled" : "disabled");
		return ND_EXIT_OK;
	}
	return nd_cli_usage(cmd, "unknown user subcommand '%s'", sub);
}
