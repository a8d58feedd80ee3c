/* cli.h — the command line: one table of commands, one context. Commands
 * live in src/cli/, one file per group, and hold no SQL: they call core. */
#ifndef NEWSDESK_CLI_H
#define NEWSDESK_CLI_H

#include "newsdesk/buf.h"
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
	bool lang_given; /* the environment named a language */
	bool ssh; /* the SSH shell: strict parsing, the SSH synopsis */
	const char *ambiwidth; /* --ambiwidth 1|2|auto */
	bool ambiwidth_done; /* the ambiguous width is decided (nd_cli_ambiwidth) */
	char ambiwidth_note[256]; /* what was decided and why, for the desk */
};

struct nd_command;
typedef int (*nd_command_fn)(struct nd_cli *cli, const struct nd_command *cmd, int argc,
			     char **argv);

/* Every option any command takes, by one name: a command's switch reads
 * these keys, the table (commands.c) says which command takes which. */
enum nd_opt_key {
	ND_O_NONE,
	ND_O_BENCH_KEYS,
	ND_O_BENCH_LIST,
	ND_O_BUDGET,
	ND_O_BYTES,
	ND_O_CAPTION,
	ND_O_CHARS_PER_LINE,
	ND_O_DATE,
	ND_O_DRY_RUN,
	ND_O_ENCODING,
	ND_O_FORCE,
	ND_O_FORMAT,
	ND_O_FROM,
	ND_O_FROM_REPLICA,
	ND_O_INSTALL,
	ND_O_INTERACTIVE,
	ND_O_ISSUE,
	ND_O_KEEP_STATE,
	ND_O_KEY,
	ND_O_KEYS,
	ND_O_KEYS_FILE,
	ND_O_LIMIT,
	ND_O_NAME,
	ND_O_NOTE,
	ND_O_OFFSET,
	ND_O_ONCE,
	ND_O_ORIGINAL,
	ND_O_OUTPUT,
	ND_O_PAGE,
	ND_O_PAGES,
	ND_O_PARTIAL,
	ND_O_POSITION,
	ND_O_REPAIR,
	ND_O_REPORTER,
	ND_O_REV,
	ND_O_ROLE,
	ND_O_SECTION,
	ND_O_SHA256,
	ND_O_SINCE,
	ND_O_SORT,
	ND_O_STATE,
	ND_O_TAR,
	ND_O_TIMESTAMP,
	ND_O_TITLE,
	ND_O_TOKEN,
	ND_O_UNTIL,
	ND_O_WIDTH,
	ND_O_YEAR,
};

enum {
	ND_OPT_VALUE = 1u << 0, /* takes the next word as its value */
	ND_OPT_PATH = 1u << 1, /* the value names a file on the server: never over SSH */
	ND_OPT_REQUIRED = 1u << 2, /* shown without brackets in the synopsis */
	ND_OPT_LOCAL = 1u << 3, /* not over SSH for another reason */
};

struct nd_option {
	enum nd_opt_key key;
	const char *name; /* the long name, without "--"; matched exactly */
	unsigned flags;
	const char *value; /* the value's placeholder in the synopsis */
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
};

/* The command table: commands, then { 0 }. */
extern const struct nd_command nd_commands[];
/* The workflow verbs' entry (refile ID [--note TEXT]); its name is "VERB". */
extern const struct nd_command nd_verb_command;

/* The most option words one command line may carry. */
#define ND_MAX_OPTION_WORDS 64

/* A command line read with the table: options in order, and the
 * positional words moved together (in argv's own array). */
struct nd_args {
	int n;
	struct {
		enum nd_opt_key key;
		const char *value; /* NULL for a flag */
	} opt[ND_MAX_OPTION_WORDS];
	char **pos;
	int npos;
};

/* Reads argv[1..argc) by cmd's options. On the command line, --name VALUE
 * and --name=VALUE; in a restricted (SSH) session only exact --name VALUE,
 * no option the table keeps off SSH and no positional path. Returns true
 * when the command is done: *rc is then the exit code (help printed, or a
 * usage error printed naming the word). */
bool nd_cli_parse(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv,
		  struct nd_args *a, int *rc);
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
int nd_cmd_init(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_user(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_file(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_list(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_show(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_revisions(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_log(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_note(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_edit(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_drafts(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_settings(struct nd_cli *, const struct nd_command *, int, char **);
/* Before `edit ID`: offers the user's own draft of id (recover, diff,
 * discard, quit) on stdin; -1 to go on (ND_EDIT_RECOVER set in flags when
 * recovering), else the exit code. Tells of other editors' drafts. */
int nd_cli_offer_draft(struct nd_cli *cli, long long id, unsigned *flags);
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
int nd_cmd_galley(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_stats(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_measure(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_import(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_search(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_reindex(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_backup(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_restore(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_check(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_replicate(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_replica(struct nd_cli *, const struct nd_command *, int, char **);
/* Only an admin restores: one of the current database if it opens, else
 * one of the copy's being restored (the current file may be what broke). */
int nd_cli_restore_allowed(struct nd_cli *cli, const char *copy, struct nd_error *err);
/* restore --from-replica: fetch with Litestream, put in place, check. */
int nd_cli_restore_replica(struct nd_cli *cli, const char *url, const char *when, bool force);
int nd_cmd_keys(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_mine(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_ssh_shell(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_desk(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_help(struct nd_cli *, const struct nd_command *, int, char **);
/* Photos (issue 22): cmd_photos.c. */
int nd_cmd_attach(struct nd_cli *, const struct nd_command *, int, char **);
int nd_cmd_photo(struct nd_cli *, const struct nd_command *, int, char **);
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
int nd_cmd_verb(struct nd_cli *cli, const char *verb, int argc, char **argv);

#endif
