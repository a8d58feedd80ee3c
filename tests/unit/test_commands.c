/* test_commands.c — the one command table: help shows what the table
 * says, and every option of every command the SSH shell allows, fed a
 * path in every spelling and position, is refused or never opens it. */
#include "newsdesk/cli.h"
#include "newsdesk/files.h"
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SECRET "CANARY-SECRET-7f3a"

static char dir[64], db[128], canary[128], outpath[128], capture[128];

static char *slurp(const char *path)
{
	static char buf[1 << 16];
	FILE *f = fopen(path, "r");
	size_t n = 0;
	if (f) {
		n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	return buf;
}

/* Runs newsdesk in this process with stdout and stderr captured and stdin
 * empty; returns the exit code. */
static int run(int argc, char **argv)
{
	fflush(stdout);
	fflush(stderr);
	int out = dup(1), errfd = dup(2), in = dup(0);
	int fd = open(capture, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int null = open("/dev/null", O_RDONLY);
	dup2(fd, 1);
	dup2(fd, 2);
	dup2(null, 0);
	clearerr(stdin);
	int rc = nd_cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(errfd, 2);
	dup2(in, 0);
	close(out);
	close(errfd);
	close(in);
	close(fd);
	close(null);
	return rc;
}

static int cli(const char *a1, const char *a2, const char *a3, const char *a4, const char *a5,
	       const char *a6)
{
	char *argv[] = { "newsdesk", "--db",     db,         (char *)a1, (char *)a2,
			 (char *)a3, (char *)a4, (char *)a5, (char *)a6, NULL };
	int argc = 3;
	while (argv[argc])
		argc++;
	return run(argc, argv);
}

static int ssh(const char *login, const char *command)
{
	setenv("SSH_ORIGINAL_COMMAND", command, 1);
	char *argv[] = { "newsdesk", "--db", db, "ssh-shell", (char *)login, NULL };
	return run(5, argv);
}

/* ---- the table and help --------------------------------------------------- */

static void check_help(const struct nd_command *c, const char *help)
{
	FILE *f = fopen(capture, "w");
	nd_cli_print_usage(f, c);
	fclose(f);
	const char *usage = slurp(capture);
	struct nd_buf ssh = ND_BUF_INIT;
	nd_cli_synopsis(&ssh, c, true);
	bool all = true, ssh_right = true, unique = true;
	for (const struct nd_option *o = c->options; o && o->name; o++) {
		char word[64];
		snprintf(word, sizeof word, "--%s%s", o->name,
			 (o->flags & ND_OPT_VALUE) ? " " : "");
		/* a test build's hooks are in no help (nor the man page) */
		if (!strstr(usage, word) != !!(o->flags & ND_OPT_HIDDEN))
			all = false;
		bool over_ssh = strstr(nd_buf_str(&ssh), word) != NULL;
		if (over_ssh != !(o->flags & (ND_OPT_PATH | ND_OPT_LOCAL)))
			ssh_right = false;
		if ((o->flags & ND_OPT_PATH) && !(o->flags & ND_OPT_VALUE))
			ssh_right = false;
		for (const struct nd_option *p = o + 1; p->name; p++)
			if (strcmp(p->name, o->name) == 0)
				unique = false;
	}
	const char *name = c->group ? c->group : c->name;
	ok(all, "%s%s%s: its --help shows every option in the table", c->group ? c->group : "",
	   c->group ? " " : "", c->name);
	ok(ssh_right, "%s%s%s: the SSH synopsis shows exactly the options SSH takes",
	   c->group ? c->group : "", c->group ? " " : "", c->name);
	ok(unique, "%s: no option twice", c->name);
	char line[64];
	snprintf(line, sizeof line, "  %-10s ", name);
	ok(strstr(help, line) != NULL, "%s is in newsdesk --help", name);
	nd_buf_free(&ssh);
}

static void test_table(void)
{
	FILE *f = fopen(capture, "w");
	nd_cli_print_help(f);
	fclose(f);
	char *help = strdup(slurp(capture));
	for (const struct nd_command *c = nd_commands; c->name; c++) {
		if (c->subs) {
			for (const struct nd_command *s = c->subs; s->name; s++)
				check_help(s, help);
			ok(!(c->flags & ND_CMD_SSH) || c->min_rank > 0, "%s: a role is named",
			   c->name);
		} else {
			check_help(c, help);
		}
	}
	check_help(&nd_verb_command, "    VERB       ");
	free(help);
}

/* ---- attacks ------------------------------------------------------------------ */

static bool clean(void)
{
	return strstr(slurp(capture), SECRET) == NULL && strcmp(slurp(canary), SECRET "\n") == 0 &&
	       access(outpath, F_OK) != 0;
}

/* Every spelling of an option with the path as its value, or beside it. */
static void attack_option(const char *login, const char *prefix, const struct nd_option *o,
			  const char *path)
{
	char cmd[512];
	bool good = true, refused = true;
	const char *forms[] = { "%s --%s %s",    "%s --%s=%s",    "%s 1 --%s %s",
				"%s -- --%s %s", "%s --%s -- %s", "%s x --%s %s" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		snprintf(cmd, sizeof cmd, forms[i], prefix, o->name, path);
		ssh(login, cmd);
		good &= clean();
	}
	/* abbreviations and short forms are never options over SSH */
	size_t len = strlen(o->name);
	for (size_t k = 1; k < len; k++) {
		snprintf(cmd, sizeof cmd, "%s --%.*s %s", prefix, (int)k, o->name, path);
		int rc = ssh(login, cmd);
		good &= clean();
		refused &= rc == ND_EXIT_USAGE;
	}
	const char *shorts[] = { "%s -%c %s", "%s -%c%s", "%s -x%c %s" };
	for (size_t i = 0; i < sizeof shorts / sizeof *shorts; i++) {
		snprintf(cmd, sizeof cmd, shorts[i], prefix, o->name[0], path);
		int rc = ssh(login, cmd);
		good &= clean();
		refused &= rc == ND_EXIT_USAGE;
	}
	ok(good, "%s --%s %s: refused or never opened, the canary unread and unchanged", prefix,
	   o->name, path == canary ? "CANARY" : "OUT");
	ok(refused, "%s: every abbreviation and short form of --%s is refused", prefix, o->name);
}

static void attack_command(const char *login, const struct nd_command *c, const char *prefix)
{
	for (const struct nd_option *o = c->options; o && o->name; o++) {
		attack_option(login, prefix, o, canary);
		attack_option(login, prefix, o, outpath);
	}
	/* the path as a positional word, in every place */
	char cmd[512];
	const char *forms[] = { "%s %s", "%s 1 %s", "%s 1 1 %s", "%s -- %s", "%s %s 1" };
	bool good = true;
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		for (int p = 0; p < 2; p++) {
			snprintf(cmd, sizeof cmd, forms[i], prefix, p ? outpath : canary);
			ssh(login, cmd);
			good &= clean();
		}
	}
	ok(good, "%s PATH: a path as an argument is refused or never opened", prefix);
}

static void test_attacks(void)
{
	for (const struct nd_command *c = nd_commands; c->name; c++) {
		if (!(c->flags & ND_CMD_SSH))
			continue;
		if (!c->subs) {
			attack_command("chen", c, c->name);
			continue;
		}
		for (const struct nd_command *s = c->subs; s->name; s++) {
			char prefix[64];
			snprintf(prefix, sizeof prefix, "%s %s", c->name, s->name);
			if (s->flags & ND_CMD_SSH)
				attack_command("chen", s, prefix);
		}
	}
	attack_command("zhu", &nd_verb_command, "refile");
	attack_command("chen", &nd_verb_command, "approve");
	/* what the table keeps off SSH is refused by name */
	for (const struct nd_command *c = nd_commands; c->name; c++) {
		if (c->flags & ND_CMD_SSH)
			continue;
		char cmd[256];
		snprintf(cmd, sizeof cmd, "%s %s", c->name, canary);
		int rc = ssh("chen", cmd);
		ok(rc == ND_EXIT_USAGE && strstr(slurp(capture), "not available over SSH") &&
		       clean(),
		   "%s is refused over SSH", c->name);
	}
	ok(ssh("chen", "list --format\033[2J") == ND_EXIT_USAGE && !strchr(slurp(capture), '\033'),
	   "a refusal quotes the word without its control characters");
}

int main(void)
{
	/* some 12,000 commands, each audited with an fdatasync: in memory they
	 * cost nothing (62 s on /tmp's disk here); what is tested is which
	 * words are refused, not durability */
	snprintf(dir, sizeof dir, "/dev/shm/newsdesk-commands-XXXXXX");
	if (!mkdtemp(dir)) {
		snprintf(dir, sizeof dir, "/tmp/newsdesk-commands-XXXXXX");
		if (!mkdtemp(dir))
			return 99;
	}
	snprintf(db, sizeof db, "%s/desk.db", dir);
	snprintf(canary, sizeof canary, "%s/canary.txt", dir);
	snprintf(outpath, sizeof outpath, "%s/out.txt", dir);
	snprintf(capture, sizeof capture, "%s/capture", dir);
	FILE *f = fopen(canary, "w");
	fputs(SECRET "\n", f);
	fclose(f);
	char story[160];
	snprintf(story, sizeof story, "%s/story.txt", dir);
	f = fopen(story, "w");
	fputs("标题：职工书屋\n\n本刊讯 正文。\n", f);
	fclose(f);
	unsetenv("LANG");
	setenv("LC_ALL", "C.UTF-8", 1);

	test_table();
	ok(cli("init", NULL, NULL, NULL, NULL, NULL) == 0, "init");
	cli("user", "add", "chen", "--role", "chief", NULL);
	cli("user", "add", "zhu", "--role", "reporter", NULL);
	cli("--as", "zhu", "file", story, NULL, NULL);
	ok(cli("issue", "add", "C1", "--title", "一期", NULL) == 0, "an issue to work on");
	test_attacks();
	ok(nd_restricted(), "the SSH shell entered the restricted context");
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 99;
	return tap_done();
}
