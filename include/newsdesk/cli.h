/* cli.h — the command line: one table of commands, one context. Commands
 * live in src/cli/, one file per group, and hold no SQL: they call core. */
#ifndef NEWSDESK_CLI_H
#define NEWSDESK_CLI_H

#include "newsdesk/buf.h"
#include "newsdesk/cli_args.h"
#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include "newsdesk/sanitize.h"
#include <stdbool.h>
#include <stddef.h>

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
	bool lang_given; /* the environment named a language */
	bool ssh; /* the SSH shell: strict parsing, the SSH synopsis */
	const char *ambiwidth; /* --ambiwidth 1|2|auto */
	bool ambiwidth_done; /* the ambiguous width is decided (nd_cli_ambiwidth) */
	char ambiwidth_note[256]; /* what was decided and why, for the desk */
};

struct nd_command;
/* A command's body: args is its argument struct (cli_args.h), filled by
 * the parser from the table's rows. */
typedef int (*nd_command_fn)(struct nd_cli *cli, const struct nd_command *cmd, void *args);
/* A command that reads its own words (ssh-shell, the workflow verbs). */
typedef int (*nd_words_fn)(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv);

/* What an option's value is, and so how the parser checks and stores it
 * (as git's OPT_BOOL, OPT_STRING, OPT_INTEGER). */
enum nd_opt_type {
	ND_OT_FLAG, /* bool: true when given */
	ND_OT_STRING, /* const char *; with max > 0, its length in [min, max] */
	ND_OT_INT, /* long long, a whole decimal number in [min, max] */
	ND_OT_ID, /* long long, an item ID (1042 or #1042) */
	ND_OT_CHOICE, /* const char *, one of the words of value ("text|json") */
	ND_OT_DAY, /* int64_t, YYYY-MM-DD as the time its local midnight starts */
	ND_OT_DAY_END, /* int64_t, YYYY-MM-DD as the midnight that ends it */
};

enum {
	ND_OPT_VALUE = 1u << 0, /* takes the next word as its value (every type but FLAG) */
	ND_OPT_PATH = 1u << 1, /* the value names a file on the server: never over SSH */
	ND_OPT_REQUIRED = 1u << 2, /* shown without brackets in the synopsis */
	ND_OPT_LOCAL = 1u << 3, /* not over SSH for another reason */
	ND_OPT_BAD_NAME = 1u << 4, /* bad's arguments are the option's name, then the value */
	ND_OPT_HIDDEN = 1u << 5, /* a test build's hook: not in help or the man page */
};

/* One row of a command's options: its name, type, range and destination. */
struct nd_option {
	const char *name; /* the long name, without "--"; matched exactly */
	enum nd_opt_type type;
	unsigned flags; /* ND_OPT_* */
	const char *value; /* the value's placeholder in the synopsis; a CHOICE's words */
	size_t offset; /* where the value goes in the command's argument struct */
	long long min, max; /* INT: the range; STRING: the length, when max > 0 */
	long long def; /* INT: the value when the option is not given */
	const char *def_word; /* CHOICE: the word when not given (NULL: none) */
	const char *bad; /* the usage error when the value does not fit (N_()) */
};

enum {
	ND_CMD_SSH = 1u << 0, /* may be run through the SSH shell */
	ND_CMD_PATH_ARGS = 1u << 1, /* its positional words name files on the server */
	/* its name is a workflow verb too: followed by an item ID it is the
	   verb (restore 42 brings back a spiked item; restore FILE a backup) */
	ND_CMD_ALSO_VERB = 1u << 2,
};

struct nd_command {
	const char *name;
	nd_command_fn run; /* NULL for a group: the subcommand's runs */
	const char *args; /* the positional words in the synopsis */
	const char *summary; /* one line, for --help */
	const struct nd_option *options; /* ends with a { 0 } entry; NULL: none */
	int min_rank; /* the least role that may run it (ND_RANK_*) */
	unsigned flags; /* ND_CMD_* */
	const struct nd_command *subs; /* a group's subcommands, ending with { 0 } */
	const char *group; /* a subcommand's group name */
	nd_words_fn run_words; /* instead of run: the command reads its own words */
};

/* The command table: commands, then { 0 }. */
extern const struct nd_command nd_commands[];
/* The workflow verbs' entry (refile ID [--note TEXT]); its name is "VERB". */
extern const struct nd_command nd_verb_command;

/* The most option words one command line may carry. */
#define ND_MAX_OPTION_WORDS 64

/* Reads argv[1..argc) by cmd's options into args, the command's argument
 * struct (cli_args.h): the table's defaults, then each option's value,
 * checked by its row's type and range; the positional words moved together
 * (in argv's own array) as args' pos and npos. On the command line,
 * --name VALUE and --name=VALUE; in a restricted (SSH) session only exact
 * --name VALUE, no option the table keeps off SSH and no positional path.
 * Returns true when the command is done: *rc is then the exit code (help
 * printed, or a usage error printed naming the word). */
bool nd_cli_parse(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv,
		  void *args, int *rc);
/* May the option be given over SSH (not a server path, not local)? */
bool nd_option_over_ssh(const struct nd_option *o);
/* Runs cmd (a group: its subcommand) on argv, argv[0] being its name. */
int nd_cli_run(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv);
/* The synopsis of cmd after "newsdesk ": name, arguments and options;
 * ssh: only what the SSH shell accepts. */
void nd_cli_synopsis(struct nd_buf *b, const struct nd_command *cmd, bool ssh);

int nd_cli_main(int argc, char **argv);
const struct nd_command *nd_cli_find_command(const char *name);
/* The command words[0..n) run, or NULL when they are a workflow verb's
 * (not a command, or an ND_CMD_ALSO_VERB command before an item ID). */
const struct nd_command *nd_cli_resolve(int n, char **words);

/* Opens the store (creating it only for init) and resolves the actor. */
int nd_cli_open(struct nd_cli *cli, unsigned store_flags, struct nd_error *err);
/* Decides the ambiguous width once (nd_cli_open does): --ambiwidth, else
 * NEWSDESK_AMBIWIDTH, else the user's setting, else 1; auto probes the
 * terminal. */
void nd_cli_ambiwidth(struct nd_cli *cli);
/* Prints "newsdesk: message" on stderr; returns the exit code for err. */
int nd_cli_fail(const struct nd_error *err);
struct nd_restore_result;
/* Says where restore moved the database that was in its way. */
void nd_cli_say_moved_aside(const struct nd_restore_result *res);
/* Why the command was refused, for the SSH audit log: a code (a row of
 * cmd_audit.c's table) and its argument, the word refused as typed. The
 * first noted stands; nd_cli_fail and nd_cli_usage note a general one
 * when nothing more precise was. */
void nd_cli_note_refusal(const char *code, const char *argument);
/* The code noted (NULL: none) and its argument ("" when none). */
const char *nd_cli_refusal(const char **argument);
/* Prints a usage error for cmd; returns ND_EXIT_USAGE. */
int nd_cli_usage(const struct nd_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* newsdesk --help: the global options and every command. */
void nd_cli_print_help(FILE *out);
/* The SSH shell's help: what the acting user may run over SSH. */
void nd_ssh_help(struct nd_cli *cli, FILE *out);
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
int nd_cmd_init(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_user(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_file(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_list(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_show(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_revisions(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_log(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_note(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_edit(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_drafts(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_settings(struct nd_cli *, const struct nd_command *, void *);
/* Before `edit ID`: offers the user's own draft of id (recover, diff,
 * discard, quit) on stdin; -1 to go on (ND_EDIT_RECOVER set in flags when
 * recovering), else the exit code. Tells of other editors' drafts. */
int nd_cli_offer_draft(struct nd_cli *cli, long long id, unsigned *flags);
int nd_cmd_redecode(struct nd_cli *, const struct nd_command *, void *);
/* show ID --original: the filed bytes, raw, to a file or pipe only. */
int nd_cli_show_original(struct nd_cli *cli, long long id);
int nd_cmd_unlock(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_workflow(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_diff(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_proof(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_issue(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_assign(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_unassign(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_rundown(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_publish(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_export(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_galley(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_stats(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_measure(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_import(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_search(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_reindex(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_backup(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_restore(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_check(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_replicate(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_replica(struct nd_cli *, const struct nd_command *, void *);
/* Only an admin restores: one of the current database if it opens, else
 * one of the copy's being restored (the current file may be what broke). */
int nd_cli_restore_allowed(struct nd_cli *cli, const char *copy, struct nd_error *err);
/* restore --from-replica: fetch with Litestream, put in place, check. */
int nd_cli_restore_replica(struct nd_cli *cli, const char *url, const char *when, bool force);
int nd_cmd_keys(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_mine(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_ssh_shell(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_desk(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_help(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_audit(struct nd_cli *, const struct nd_command *, void *);
/* Photos (issue 22): cmd_photos.c. */
int nd_cmd_attach(struct nd_cli *, const struct nd_command *, void *);
int nd_cmd_photo(struct nd_cli *, const struct nd_command *, void *);
/* export: writes item id's photos into dir as BASE-N.EXT (N its place)
 * and appends to html a <figure> each and to json an object each. */
int nd_cli_export_photos(struct nd_cli *cli, int64_t id, const char *dir, const char *base,
			 unsigned out_flags, struct nd_buf *html, struct nd_buf *json,
			 struct nd_error *err);
/* file --tar: the story (.txt) and photos of one tar stream; every
 * photo is checked before the story is filed, then each is attached to the
 * new item. nd_cli_tar_limit: the most bytes such a stream may have. */
int nd_cli_file_tar(struct nd_cli *cli, const char *tar, size_t n, const char *encoding,
		    const char *token);
size_t nd_cli_tar_limit(struct nd_cli *cli);
/* Files a Word document's bytes (cmd_document.c): its story, pictures and
 * original in one transaction. */
struct nd_token;
int nd_cli_file_document(struct nd_cli *cli, const char *bytes, size_t n, const char *name,
			 const struct nd_token *token, int64_t *filed);
/* Files bytes as file does one story (name for messages); *id the item. */
int nd_cli_file_bytes(struct nd_cli *cli, const char *bytes, size_t n, const char *name,
		      const char *encoding, const char *token, int64_t *id);
/* Applies workflow verb to the item id_word names. */
int nd_cli_apply_verb(struct nd_cli *cli, const struct nd_command *cmd, const char *verb,
		      const char *id_word, const char *note);
/* The workflow verbs' entry: a word that is no command is looked up among
 * the verbs; then parsed as nd_verb_command named for the verb. */
int nd_cmd_verb(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv);

#endif
