/* cli.h — the command line: one table of commands, one context. Commands
 * live in src/cli/, one file per group, and hold no SQL: they call core. */
#ifndef NEWSDESK_CLI_H
#define NEWSDESK_CLI_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include "newsdesk/sanitize.h"
#include <stdbool.h>

#include <stdio.h>

/* Exit codes (documented in man/newsdesk.1). */
enum {
	ND_EXIT_OK = 0,
	ND_EXIT_FAIL = 1, /* refused input, not found, wrong state, locked, conflict */
	ND_EXIT_USAGE = 2, /* the command line is wrong */
	ND_EXIT_PERM = 3, /* the acting user may not do this */
	ND_EXIT_STORE = 4, /* the database or a file could not be read or written */
};

struct nd_cli {
	const char *db_option; /* --db */
	const char *as; /* --as */
	const char *unix_login;
	char *db_path;
	struct nd_store *st;
	struct nd_actor actor;
	bool have_actor;
	bool zh; /* messages and labels in Chinese */
	bool lang_given; /* the environment named a language */
};

struct nd_command;
typedef int (*nd_command_fn)(struct nd_cli *cli, const struct nd_command *cmd, int argc,
			     char **argv);

struct nd_command {
	const char *name;
	nd_command_fn run;
	const char *usage; /* after "newsdesk NAME " */
	const char *summary; /* one line, for --help */
};

int nd_cli_main(int argc, char **argv);
const struct nd_command *nd_cli_find_command(const char *name);

/* Opens the store (creating it only for init) and resolves the actor. */
int nd_cli_open(struct nd_cli *cli, unsigned store_flags, struct nd_error *err);
/* Prints "newsdesk: message" on stderr; returns the exit code for err. */
int nd_cli_fail(const struct nd_error *err);
/* Prints a usage error for cmd; returns ND_EXIT_USAGE. */
int nd_cli_usage(const struct nd_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "usage: newsdesk NAME USAGE" and the summary to out. */
void nd_cli_print_usage(FILE *out, const struct nd_command *cmd);
/* Parses a positive item id ("1042" or "#1042"); 0 on error. */
long long nd_cli_parse_id(const char *s);
/* Parses a whole decimal number in [min, max] into *out; -1 if s is anything else
   ("12x", "", " 3", out of range), so no option silently becomes 0. */
int nd_cli_parse_number(const char *s, long long min, long long max, long long *out);
/* The width to lay tables out in: --width, the terminal, $COLUMNS, 100. */
int nd_cli_width(int option);
/* Formats a stored time as local "YYYY-MM-DD HH:MM". */
void nd_cli_time(long long t, char *out, size_t size);
/* Writes stored text to out through the sanitiser. */
void nd_cli_put(FILE *out, const char *s, unsigned sanitize_flags);

/* Command groups: each defined in its own file. */
int nd_cmd_init(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_user(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_file(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_list(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_show(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_revisions(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_log(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_note(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_edit(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_redecode(struct nd_cli *, const struct nd_command *, int, char **);
/* show ID --original: the filed bytes, raw, to a file or pipe only. */
int nd_cli_show_original(struct nd_cli *cli, long long id);
int nd_cmd_unlock(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_workflow(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_diff(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_proof(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_issue(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_assign(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_unassign(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_rundown(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_publish(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_export(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_stats(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_import(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_search(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_reindex(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_backup(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_check(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_keys(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_mine(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_ssh_shell(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_desk(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_verb(struct nd_cli *cli, const char *verb, int argc, char **argv);

#endif
