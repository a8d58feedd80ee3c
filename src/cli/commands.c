/* commands.c — the one command table: every command with its options
 * (whether each takes a value, whether the value names a server path), its
 * least role and whether the SSH shell may run it. The command line's
 * parser, the SSH shell's, --help and the SSH help all read it; the man
 * page's synopses are checked against it (tests/cli/synopsis.sh). */
#include "newsdesk/cli.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/layout.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/termcode.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A row of options, as git's parse-options declares them: name, the
 * field of the command's argument struct (cli_args.h) the value goes to,
 * the placeholder, flags (P: names a server path, R: required in the
 * synopsis, L: not over SSH), and for a number its range, default and the
 * usage error for a value that does not fit. */
#define DEST(T, f) .offset = offsetof(struct T, f)
#define FLAG(n, T, f, fl)                                                                          \
	{                                                                                          \
		.name = n, .type = ND_OT_FLAG, .flags = (fl), DEST(T, f)                           \
	}
#define STRING(n, T, f, ph, fl)                                                                    \
	{                                                                                          \
		.name = n, .type = ND_OT_STRING, .flags = ND_OPT_VALUE | (fl), .value = ph,        \
		DEST(T, f)                                                                         \
	}
/* a string of lo to hi bytes */
#define SIZED(n, T, f, ph, lo, hi, bad_)                                                           \
	{                                                                                          \
		.name = n, .type = ND_OT_STRING, .flags = ND_OPT_VALUE, .value = ph, DEST(T, f),   \
		.min = lo, .max = hi, .bad = bad_                                                  \
	}
#define INT(n, T, f, ph, lo, hi, def_, fl, bad_)                                                   \
	{                                                                                          \
		.name = n, .type = ND_OT_INT, .flags = ND_OPT_VALUE | (fl), .value = ph,           \
		DEST(T, f), .min = lo, .max = hi, .def = def_, .bad = bad_                         \
	}
#define ID(n, T, f, ph, fl, bad_)                                                                  \
	{                                                                                          \
		.name = n, .type = ND_OT_ID, .flags = ND_OPT_VALUE | (fl), .value = ph,            \
		DEST(T, f), .bad = bad_                                                            \
	}
/* one of the words of ch ("text|json"); def_: the word when not given */
#define CHOICE(n, T, f, ch, def_, fl, bad_)                                                        \
	{                                                                                          \
		.name = n, .type = ND_OT_CHOICE, .flags = ND_OPT_VALUE | (fl), .value = ch,        \
		DEST(T, f), .def_word = def_, .bad = bad_                                          \
	}
#define DAY(n, T, f, type_, bad_)                                                                  \
	{                                                                                          \
		.name = n, .type = type_, .flags = ND_OPT_VALUE | ND_OPT_BAD_NAME,                 \
		.value = "YYYY-MM-DD", DEST(T, f), .bad = bad_                                     \
	}
#define P ND_OPT_PATH
#define R ND_OPT_REQUIRED
#define L ND_OPT_LOCAL

static const struct nd_option file_opts[] = {
	STRING("encoding", nd_file_args, encoding, "NAME", 0),
	STRING("token", nd_file_args, token, "T", 0),
	INT("bytes", nd_file_args, bytes, "N", 0, LLONG_MAX, -1, 0,
	    N_("--bytes needs the size in bytes")),
	SIZED("sha256", nd_file_args, sha256, "HEX", 64, 64, N_("--sha256 needs 64 hex digits")),
	FLAG("tar", nd_file_args, tar, 0), /* photos (issue 22) */
	CHOICE("format", nd_file_args, format, "text|docx", NULL, 0,
	       N_("unknown format '%s' (text, docx)")), /* a Word document (issue 34) */
	{ 0 },
};
static const struct nd_option list_opts[] = {
	STRING("state", nd_list_args, state, "S", 0),
	STRING("section", nd_list_args, section, "S", 0),
	STRING("reporter", nd_list_args, reporter, "LOGIN", 0),
	STRING("issue", nd_list_args, issue, "CODE", 0),
	CHOICE("sort", nd_list_args, sort, "updated|id|filed|chars", NULL, 0,
	       N_("unknown sort '%s'")),
	INT("limit", nd_list_args, limit, "N", 1, INT_MAX, 0, 0,
	    N_("--limit needs a positive number")),
	CHOICE("format", nd_list_args, format, "table|tsv|json", "table", 0,
	       N_("unknown format '%s' (table, tsv or json)")),
	INT("width", nd_list_args, width, "N", 40, 10000, 0, 0,
	    N_("--width needs 40 columns or more")),
	{ 0 },
};
static const struct nd_option proof_opts[] = {
	INT("rev", nd_proof_args, rev, "N", 1, INT_MAX, 0, 0,
	    N_("--rev needs a revision number (1, 2, …)")),
	CHOICE("format", nd_proof_args, format, "text|json", "text", 0,
	       N_("unknown format '%s' (text or json)")),
	{ 0 },
};
/* --original writes a reporter's raw bytes: over SSH the server cannot
 * tell whether they reach a terminal, so it is the command line's only. */
static const struct nd_option show_opts[] = {
	INT("rev", nd_show_args, rev, "N", 1, INT_MAX, 0, 0,
	    N_("--rev needs a revision number (1, 2, …)")),
	CHOICE("format", nd_show_args, format, "text|json", "text", 0,
	       N_("unknown format '%s' (text or json)")),
	FLAG("original", nd_show_args, original, L),
	{ 0 },
};
static const struct nd_option redecode_opts[] = {
	STRING("encoding", nd_redecode_args, encoding, "NAME", R),
	{ 0 },
};
static const struct nd_option edit_opts[] = {
	STRING("from", nd_edit_args, from, "FILE", P),
	FLAG("keep-state", nd_edit_args, keep_state, 0),
	{ 0 },
};
static const struct nd_option issue_add_opts[] = {
	STRING("title", nd_issue_args, title, "T", R),
	STRING("date", nd_issue_args, date, "YYYY-MM-DD", 0),
	INT("pages", nd_issue_args, pages, "N", 1, 1000, 0, 0,
	    N_("--pages needs a number of pages, 1 to 1000")),
	{ 0 },
};
static const struct nd_option issue_page_opts[] = {
	STRING("section", nd_issue_args, section, "S", 0),
	INT("budget", nd_issue_args, budget, "版面字数", 0, INT_MAX, -1, 0,
	    N_("--budget is a 版面字数, 0 or more")),
	INT("chars-per-line", nd_issue_args, chars_per_line, "N", 0, ND_CPL_MAX, -1, 0,
	    N_("--chars-per-line is 4 to 100 characters a line, or 0 to clear")),
	{ 0 },
};
static const struct nd_option assign_opts[] = {
	STRING("issue", nd_assign_args, issue, "CODE", R),
	INT("page", nd_assign_args, page, "N", 1, 1000000, 0, R | ND_OPT_BAD_NAME,
	    N_("--%s needs a number, 1 or more")),
	INT("position", nd_assign_args, position, "P", 1, 1000000, 0, ND_OPT_BAD_NAME,
	    N_("--%s needs a number, 1 or more")),
	{ 0 },
};
static const struct nd_option move_opts[] = {
	INT("page", nd_assign_args, page, "N", 1, 1000000, 0, R | ND_OPT_BAD_NAME,
	    N_("--%s needs a number, 1 or more")),
	INT("position", nd_assign_args, position, "P", 1, 1000000, 0, ND_OPT_BAD_NAME,
	    N_("--%s needs a number, 1 or more")),
	{ 0 },
};
static const struct nd_option rundown_opts[] = {
	CHOICE("format", nd_rundown_args, format, "text|csv|json|html", "text", 0,
	       N_("unknown format '%s' (text, csv, json, html)")),
	STRING("output", nd_rundown_args, output, "FILE", P),
	FLAG("force", nd_rundown_args, force, L),
	INT("width", nd_rundown_args, width, "N", 60, 10000, 0, 0,
	    N_("--width needs 60 columns or more")),
	{ 0 },
};
static const struct nd_option publish_opts[] = {
	STRING("issue", nd_publish_args, issue, "CODE", 0),
	FLAG("partial", nd_publish_args, partial, 0),
	STRING("note", nd_publish_args, note, "TEXT", 0),
	{ 0 },
};
static const struct nd_option export_opts[] = {
	CHOICE("format", nd_export_args, format, "txt|json|html", "txt", R,
	       N_("unknown format '%s' (txt, json, html)")),
	STRING("output", nd_export_args, output, "DIR", P | R),
	FLAG("force", nd_export_args, force, L),
	{ 0 },
};
/* Proofs go to a file or a pipe; over SSH an editor's standard output only
 * (--output names a server path). */
static const struct nd_option galley_opts[] = {
	STRING("issue", nd_galley_args, issue, "CODE", 0),
	STRING("output", nd_galley_args, output, "FILE", P),
	FLAG("force", nd_galley_args, force, L),
	{ 0 },
};
static const struct nd_option stats_opts[] = {
	INT("year", nd_stats_args, year, "YYYY", 1900, 9999, 0, 0,
	    N_("--year needs a year, like 2024")),
	STRING("reporter", nd_stats_args, reporter, "LOGIN", 0),
	{ 0 },
};
static const struct nd_option measure_opts[] = {
	STRING("section", nd_measure_args, section, "S", 0),
	{ 0 },
};
/* --interactive opens the desk on this terminal: the command line's only;
 * the workflow says which states an import may start in (--state). */
static const struct nd_option import_opts[] = {
	STRING("issue", nd_import_args, issue, "CODE", 0),
	STRING("state", nd_import_args, state, "submitted|published", 0),
	FLAG("dry-run", nd_import_args, dry_run, 0),
	FLAG("interactive", nd_import_args, interactive, L),
	CHOICE("format", nd_import_args, format, "text|json", "text", 0,
	       N_("unknown format '%s' (text or json)")),
	STRING("encoding", nd_import_args, encoding, "NAME", 0),
	{ 0 },
};
static const struct nd_option search_opts[] = {
	STRING("state", nd_search_args, state, "S", 0),
	STRING("section", nd_search_args, section, "S", 0),
	STRING("reporter", nd_search_args, reporter, "LOGIN", 0),
	STRING("issue", nd_search_args, issue, "CODE", 0),
	DAY("since", nd_search_args, since, ND_OT_DAY,
	    N_("--%1$s needs a day as YYYY-MM-DD, not '%2$s'")),
	DAY("until", nd_search_args, until, ND_OT_DAY_END,
	    N_("--%1$s needs a day as YYYY-MM-DD, not '%2$s'")),
	INT("limit", nd_search_args, limit, "N", 1, 100000, 20, 0,
	    N_("--limit needs a number from 1 to 100000")),
	INT("page", nd_search_args, page, "N", 1, INT32_MAX, 0, 0,
	    N_("--page needs a positive number")),
	INT("offset", nd_search_args, offset, "N", 0, INT64_MAX / 2, 0, 0,
	    N_("--offset needs a number, 0 or more")),
	CHOICE("format", nd_search_args, format, "table|json", "table", 0,
	       N_("unknown format '%s' (table or json)")),
	{ 0 },
};
static const struct nd_option backup_opts[] = {
	FLAG("force", nd_backup_args, force, L),
	{ 0 },
};
static const struct nd_option check_opts[] = {
	FLAG("repair", nd_check_args, repair, 0),
	FLAG("full", nd_check_args, full, 0),
	STRING("against", nd_check_args, against, "ROOT|FILE", P),
	{ 0 },
};
static const struct nd_option restore_opts[] = {
	STRING("from-replica", nd_restore_args, from_replica, "URL", P),
	STRING("timestamp", nd_restore_args, timestamp, "T", 0),
	FLAG("force", nd_restore_args, force, L),
	{ 0 },
};
static const struct nd_option keys_opts[] = {
	STRING("install", nd_keys_args, install, "PATH", P),
	{ 0 },
};
/* The benchmarks' modes (bench/run) are a test build's only. */
#define H (ND_OPT_HIDDEN | L)
static const struct nd_option desk_opts[] = {
	FLAG("once", nd_desk_args, once, 0),
#ifdef ND_TEST_HOOKS
	ID("bench-keys", nd_desk_args, bench_keys, "ID", H, N_("--bench-keys needs an item ID")),
	STRING("bench-list", nd_desk_args, bench_list, "WORD", H),
	STRING("walk-list", nd_desk_args, walk_list, "WORDS", H),
	STRING("walk-state", nd_desk_args, walk_state, "S", H),
	INT("keys", nd_desk_args, keys, "N", 1, 1000000, 500, H,
	    N_("--keys needs a number of keystrokes")),
#endif
	STRING("keys-file", nd_desk_args, keys_file, "FILE", P),
	{ 0 },
};
#undef H
static const struct nd_option user_add_opts[] = {
	STRING("role", nd_user_args, role, "ROLE", R),
	STRING("name", nd_user_args, name, "姓名", 0),
	STRING("key", nd_user_args, key, "FILE", P),
	FLAG("no-desk", nd_user_args, no_desk, 0), /* issue 32 */
	{ 0 },
};
/* quotas (issue 32) */
static const struct nd_option user_quota_opts[] = {
	FLAG("everyone", nd_user_args, everyone, 0),
	{ 0 },
};
static const struct nd_option user_key_opts[] = {
	STRING("key", nd_user_args, key, "FILE", P | R),
	{ 0 },
};
/* photos (issue 22) */
static const struct nd_option attach_opts[] = {
	STRING("name", nd_attach_args, name, "NAME", 0),
	STRING("caption", nd_attach_args, caption, "TEXT", 0),
	INT("bytes", nd_attach_args, bytes, "N", 0, LLONG_MAX, -1, 0,
	    N_("--bytes needs the size in bytes")),
	SIZED("sha256", nd_attach_args, sha256, "HEX", 64, 64, N_("--sha256 needs 64 hex digits")),
	{ 0 },
};
/* the SSH audit log (issue 32) */
static const struct nd_option audit_opts[] = {
	FLAG("refused", nd_audit_args, refused, 0),
	DAY("since", nd_audit_args, since, ND_OT_DAY,
	    N_("--%1$s needs a day as YYYY-MM-DD, not '%2$s'")),
	INT("limit", nd_audit_args, limit, "N", 1, 1000000, 0, 0,
	    N_("--limit needs a number from 1 to 1000000")),
	{ 0 },
};
static const struct nd_option note_opts[] = {
	STRING("note", nd_verb_args, note, "TEXT", 0),
	{ 0 },
};

#undef P
#undef R
#undef L

enum {
	REPORTER = ND_RANK_REPORTER,
	EDITOR = ND_RANK_EDITOR,
	CHIEF = ND_RANK_CHIEF,
	ADMIN = ND_RANK_ADMIN,
	SSH = ND_CMD_SSH,
	PATHS = ND_CMD_PATH_ARGS,
	ALSO_VERB = ND_CMD_ALSO_VERB
};

#define CMD(name, run, args, summary, opts, rank, flags)                                           \
	{                                                                                          \
		name, run, args, summary, opts, rank, flags, NULL, NULL, NULL                      \
	}
/* a command that reads its own words */
#define WORDS(name, run, args, summary, opts, rank, flags)                                         \
	{                                                                                          \
		name, NULL, args, summary, opts, rank, flags, NULL, NULL, run                      \
	}
#define GROUP(name, summary, rank, flags, subs)                                                    \
	{                                                                                          \
		name, NULL, "", summary, NULL, rank, flags, subs, NULL, NULL                       \
	}
#define SUB(name, run, args, summary, opts, rank, flags, group)                                    \
	{                                                                                          \
		name, run, args, summary, opts, rank, flags, NULL, group, NULL                     \
	}

static const struct nd_command user_subs[] = {
	SUB("add", nd_cmd_user, "LOGIN", "add a user (admins)", user_add_opts, ADMIN, 0, "user"),
	SUB("key", nd_cmd_user, "LOGIN", "store a user's SSH public key (admins)", user_key_opts,
	    ADMIN, 0, "user"),
	SUB("list", nd_cmd_user, "", "list the users", NULL, ADMIN, 0, "user"),
	SUB("desk", nd_cmd_user, "LOGIN on|off",
	    "whether the user may open the desk over SSH (ssh -t); off: it prints what they may do",
	    NULL, ADMIN, 0, "user"),
	SUB("quota", nd_cmd_user, "[LOGIN] [NAME [VALUE|default]]",
	    "a reporter's quotas (--everyone: every reporter's) and today's use; set one (admins)",
	    user_quota_opts, ADMIN, 0, "user"),
	SUB("disable", nd_cmd_user, "LOGIN", "disable a user (admins)", NULL, ADMIN, 0, "user"),
	SUB("enable", nd_cmd_user, "LOGIN", "enable a user again (admins)", NULL, ADMIN, 0, "user"),
	{ 0 },
};

static const struct nd_command issue_subs[] = {
	SUB("add", nd_cmd_issue, "CODE", "plan a new issue", issue_add_opts, EDITOR, SSH, "issue"),
	SUB("list", nd_cmd_issue, "", "the issues", NULL, EDITOR, SSH, "issue"),
	SUB("show", nd_cmd_issue, "CODE", "the issue's rundown", NULL, EDITOR, SSH, "issue"),
	SUB("page", nd_cmd_issue, "CODE N",
	    "plan a page: its section, 版面字数 budget and 字/行 (chars a line)", issue_page_opts,
	    EDITOR, SSH, "issue"),
	{ 0 },
};

/* photos (issue 22): get writes a picture's bytes, which over SSH could
 * reach a terminal the server cannot see: the command line's only */
static const struct nd_command photo_subs[] = {
	SUB("list", nd_cmd_photo, "ID", "an item's photos: name, size, EXIF date, caption", NULL,
	    REPORTER, SSH, "photo"),
	SUB("get", nd_cmd_photo, "ID N", "photo N's bytes as filed, to a file or pipe", NULL,
	    REPORTER, 0, "photo"),
	SUB("caption", nd_cmd_photo, "ID N TEXT...", "a new caption for photo N", NULL, REPORTER,
	    SSH, "photo"),
	SUB("move", nd_cmd_photo, "ID N TO", "put photo N at place TO", NULL, REPORTER, SSH,
	    "photo"),
	SUB("detach", nd_cmd_photo, "ID N", "take photo N off the item (its history keeps it)",
	    NULL, REPORTER, SSH, "photo"),
	{ 0 },
};

static const struct nd_command replica_subs[] = {
	SUB("config", nd_cmd_replica, "URL", "print the litestream.yml replicate would use", NULL,
	    ADMIN, PATHS, "replica"),
	{ 0 },
};

const struct nd_command nd_commands[] = {
	CMD("init", nd_cmd_init, "", "create the database and register you as its admin", NULL, 0,
	    0),
	GROUP("user", "manage users (admins)", ADMIN, 0, user_subs),
	CMD("file", nd_cmd_file, "[FILE...]",
	    "file stories (stdin when no FILE) as new items: text in any common encoding, or a Word "
	    ".docx with its pictures",
	    file_opts, REPORTER, SSH | PATHS),
	/* photos (issue 22) */
	CMD("attach", nd_cmd_attach, "ID [FILE...]",
	    "attach photos (JPEG, PNG, WebP) to an item; over SSH one, on standard input",
	    attach_opts, REPORTER, SSH),
	GROUP("photo", "an item's photos: list, get, caption, move, detach", REPORTER, SSH,
	      photo_subs),
	CMD("list", nd_cmd_list, "", "list items, newest first", list_opts, EDITOR, SSH),
	CMD("show", nd_cmd_show, "ID",
	    "show one item (--original: the bytes as filed, to a file or pipe)", show_opts,
	    REPORTER, SSH),
	CMD("revisions", nd_cmd_revisions, "ID", "list an item's revisions", NULL, EDITOR, SSH),
	CMD("log", nd_cmd_log, "ID", "the item's workflow log and notes", NULL, REPORTER, SSH),
	CMD("note", nd_cmd_note, "ID TEXT...", "add a review note to an item", NULL, EDITOR, SSH),
	CMD("edit", nd_cmd_edit, "ID",
	    "edit an item in $EDITOR (or save FILE) as a new revision, under the edit lock",
	    edit_opts, REPORTER, 0),
	CMD("redecode", nd_cmd_redecode, "ID",
	    "decode the filed original again in NAME (big5, gb18030, …) as a new revision",
	    redecode_opts, EDITOR, SSH),
	CMD("drafts", nd_cmd_drafts, "[discard ID]",
	    "unsaved drafts (autosaved by the desk, left by $EDITOR); discard your own", NULL,
	    REPORTER, 0),
	CMD("diff", nd_cmd_diff, "ID [REV_A [REV_B]]",
	    "what changed between two revisions ([-deleted-] {+inserted+}); default: filed → current",
	    NULL, EDITOR, SSH),
	CMD("proof", nd_cmd_proof, "ID",
	    "proofreading warnings (校对): pairs, repeats, half-width marks, datelines, credits",
	    proof_opts, EDITOR, SSH),
	GROUP("issue", "plan the publication's issues (期) and their pages", EDITOR, SSH,
	      issue_subs),
	CMD("assign", nd_cmd_assign, "ID",
	    "place an item on a page (position defaults to the end; others shift)", assign_opts,
	    EDITOR, SSH),
	CMD("move", nd_cmd_assign, "ID", "move a placed item within its issue", move_opts, EDITOR,
	    SSH),
	CMD("unassign", nd_cmd_unassign, "ID", "take an item off its page", NULL, EDITOR, SSH),
	CMD("rundown", nd_cmd_rundown, "CODE",
	    "the issue's rundown: pages, items, 字数 汉字 版面字数, 版面字数 against budgets, what is "
	    "not signed off",
	    rundown_opts, EDITOR, SSH),
	CMD("publish", nd_cmd_publish, "[ID]",
	    "publish an approved item, or every approved item of an issue in one transaction",
	    publish_opts, CHIEF, SSH),
	CMD("export", nd_cmd_export, "CODE",
	    "write a published issue: one file per item in page order, and an index", export_opts,
	    EDITOR, 0),
	CMD("galley", nd_cmd_galley, "[ID...]",
	    "galley proofs (校样) as PDF: items, or an issue page by page, set on the grid of 字/行 "
	    "with line numbers and proofreading marks",
	    galley_opts, EDITOR, SSH),
	CMD("stats", nd_cmd_stats, "",
	    "items filed and published, and published 字数, 汉字, 版面字数, per reporter for a "
	    "year (通联)",
	    stats_opts, EDITOR, SSH),
	CMD("measure", nd_cmd_measure, "[N]",
	    "字/行 (chars a line) 版面字数 is counted at: the publication's and each section's; N "
	    "sets the publication's (chiefs) or, with --section, a section's (0 clears it)",
	    measure_opts, EDITOR, SSH),
	CMD("import", nd_cmd_import, "FILE...",
	    "split page dumps (pages copied out of print) into items and file them", import_opts,
	    EDITOR, PATHS),
	CMD("search", nd_cmd_search, "QUERY...",
	    "find items by their text: words ANDed, \"a phrase\" as is; headline hits first",
	    search_opts, REPORTER, SSH),
	CMD("reindex", nd_cmd_reindex, "", "rebuild the full-text index (admins)", NULL, ADMIN, 0),
	CMD("backup", nd_cmd_backup, "FILE",
	    "copy the database while others work, then check the copy (admins)", backup_opts, ADMIN,
	    PATHS),
	CMD("restore", nd_cmd_restore, "[BACKUP]",
	    "put a backup in place: checked first, refused while the database is open, the old "
	    "files kept (admins); --from-replica: the standby replica's copy, as of T",
	    restore_opts, ADMIN, PATHS | ALSO_VERB),
	CMD("replicate", nd_cmd_replicate, "URL",
	    "stream the database to a standby replica with Litestream, in the foreground (admins)",
	    NULL, ADMIN, PATHS),
	GROUP("replica", "the standby replica's Litestream configuration (admins)", ADMIN, 0,
	      replica_subs),
	CMD("check", nd_cmd_check, "",
	    "prove the history since the last proven root (--full: all of it; --against: a "
	    "root kept elsewhere) and print the root; --repair rebuilds the index and counts",
	    check_opts, REPORTER, 0),
	CMD("mine", nd_cmd_mine, "", "my items: state, headline, 字数 and the last note on each",
	    NULL, REPORTER, SSH),
	CMD("settings", nd_cmd_settings, "[NAME [VALUE|default]]",
	    "your own settings (ambiwidth 1|2|auto: how wide your terminal draws “ · … ─) and "
	    "the publication's (count-rule word|marks: how 字数 counts; chiefs set it)",
	    NULL, REPORTER, SSH),
	CMD("keys", nd_cmd_keys, "",
	    "the authorized_keys lines for every enabled user with a key (admins)", keys_opts,
	    ADMIN, 0),
	CMD("audit", nd_cmd_audit, "",
	    "the SSH audit log: every command asked over SSH, accepted or refused and why (admins)",
	    audit_opts, ADMIN, 0),
	WORDS("ssh-shell", nd_cmd_ssh_shell, "LOGIN",
	      "the forced command of authorized_keys: runs SSH_ORIGINAL_COMMAND as LOGIN", NULL, 0,
	      0),
	CMD("unlock", nd_cmd_unlock, "ID", "break another editor's edit lock (chiefs; logged)",
	    NULL, CHIEF, SSH),
	CMD("workflow", nd_cmd_workflow, "", "list the workflow's states and verbs", NULL, EDITOR,
	    SSH),
	CMD("desk", nd_cmd_desk, "",
	    "open the desk (what newsdesk with no command does on a terminal); --once draws one screen",
	    desk_opts, REPORTER, 0),
	CMD("help", nd_cmd_help, "[COMMAND]", "this list, or one command's usage", NULL, REPORTER,
	    SSH),
	{ 0 },
};

/* The workflow checks each verb's role itself. */
const struct nd_command nd_verb_command =
    WORDS("VERB", nd_cmd_verb, "ID", "a workflow verb: finish, approve, publish, return, refile, …",
	  note_opts, REPORTER, SSH);

const struct nd_command *nd_cli_find_command(const char *name)
{
	for (const struct nd_command *c = nd_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

const struct nd_command *nd_cli_resolve(int n, char **words)
{
	const struct nd_command *cmd = n > 0 ? nd_cli_find_command(words[0]) : NULL;
	if (cmd && (cmd->flags & ND_CMD_ALSO_VERB) && n > 1 && nd_cli_parse_id(words[1]))
		return NULL;
	return cmd;
}

void nd_cli_synopsis(struct nd_buf *b, const struct nd_command *cmd, bool ssh)
{
	if (cmd->subs) {
		for (const struct nd_command *s = cmd->subs; s->name; s++) {
			if (ssh && !(s->flags & ND_CMD_SSH))
				continue;
			if (s != cmd->subs)
				nd_buf_adds(b, " | ");
			nd_cli_synopsis(b, s, ssh);
		}
		return;
	}
	if (cmd->group)
		nd_buf_printf(b, "%s ", cmd->group);
	nd_buf_adds(b, cmd->name);
	if (cmd->args[0] && !(ssh && (cmd->flags & ND_CMD_PATH_ARGS)))
		nd_buf_printf(b, " %s", cmd->args);
	for (const struct nd_option *o = cmd->options; o && o->name; o++) {
		if ((ssh && !nd_option_over_ssh(o)) || (o->flags & ND_OPT_HIDDEN))
			continue;
		bool req = o->flags & ND_OPT_REQUIRED;
		nd_buf_printf(b, " %s--%s", req ? "" : "[", o->name);
		if (o->flags & ND_OPT_VALUE)
			nd_buf_printf(b, " %s", o->value);
		if (!req)
			nd_buf_addc(b, ']');
	}
	if (ssh && (cmd->flags & ND_CMD_PATH_ARGS))
		nd_buf_adds(b, " < FILE");
}

/* ---- parsing ---------------------------------------------------------------- */

static const struct nd_option *find_option(const struct nd_command *cmd, const char *name,
					   size_t len)
{
	for (const struct nd_option *o = cmd->options; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* Prints "newsdesk: refused: …" with the word sanitised, and the usage. */
static int refuse(const struct nd_command *cmd, const char *fmt, const char *word)
{
	char *clean = nd_sanitized(word, 0);
	nd_cli_note_refusal("usage-at", word);
	int rc = nd_cli_usage(cmd, fmt, clean ? clean : "?");
	free(clean);
	return rc;
}

/* The option words of one command line, in order, before their values
 * are checked (so --help anywhere is help, whatever else is wrong). */
struct taken {
	int n;
	struct {
		const struct nd_option *o;
		const char *value; /* NULL for a flag */
	} opt[ND_MAX_OPTION_WORDS];
};

/* One option word at argv[*i]; true when it was taken. */
static bool take_option(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv,
			int *i, struct taken *t, int *rc)
{
	const char *word = argv[*i] + 2;
	const char *eq = cli->ssh ? NULL : strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	const struct nd_option *o = find_option(cmd, word, len);
	if (!o) {
		if (cli->ssh && strchr(word, '='))
			*rc = refuse(cmd, _("'%s': give an option's value as the next word"),
				     argv[*i]);
		else
			*rc = refuse(cmd, _("unknown option '%s'"), argv[*i]);
		return false;
	}
	if (cli->ssh && !nd_option_over_ssh(o)) {
		nd_cli_note_refusal(o->flags & ND_OPT_PATH ? "server-path" : "not-over-ssh",
				    argv[*i]);
		*rc = refuse(cmd, _("refused: '%s' is not available over SSH"), argv[*i]);
		return false;
	}
	if (t->n == ND_MAX_OPTION_WORDS) {
		*rc = refuse(cmd, _("too many options (at '%s')"), argv[*i]);
		return false;
	}
	const char *value = NULL;
	if (o->flags & ND_OPT_VALUE) {
		if (eq)
			value = eq + 1;
		else if (*i + 1 < argc)
			value = argv[++*i];
		else {
			*rc = refuse(cmd, _("'%s' needs a value"), argv[*i]);
			return false;
		}
	} else if (eq) {
		*rc = refuse(cmd, _("'%s' takes no value"), argv[*i]);
		return false;
	}
	t->opt[t->n].o = o;
	t->opt[t->n].value = value;
	t->n++;
	return true;
}

/* A day, YYYY-MM-DD, as the time its local midnight starts; with next,
 * the midnight that ends it (--until names the last day included). */
static int parse_day(const char *s, bool next, int64_t *out)
{
	int y, m, d, used = 0;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || s[used])
		return -1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1 };
	if (mktime(&tm) == (time_t)-1 || tm.tm_year != y - 1900 || tm.tm_mon != m - 1 ||
	    tm.tm_mday != d)
		return -1; /* 2024-02-30 is not a day */
	tm = (struct tm){
		.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d + next, .tm_isdst = -1
	};
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = (int64_t)t;
	return 0;
}

/* Is word one of the '|'-separated words of choices? */
static bool is_choice(const char *choices, const char *word)
{
	size_t len = strlen(word);
	for (const char *p = choices; p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && strncmp(p, word, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

/* The usage error of a value that does not fit its row. */
static int bad_value(const struct nd_command *cmd, const struct nd_option *o, const char *v)
{
	const char *msg = o->bad ? _(o->bad) : _("'%s' is not a value this option takes");
	if (o->flags & ND_OPT_BAD_NAME)
		return nd_cli_usage(cmd, msg, o->name, v);
	return nd_cli_usage(cmd, msg, v);
}

/* Checks v by o's type and range and stores it at o's destination in
 * args; 0, or the usage error's exit code. */
static int bind_value(const struct nd_command *cmd, const struct nd_option *o, const char *v,
		      void *args)
{
	char *dest = (char *)args + o->offset;
	long long n;
	switch (o->type) {
	case ND_OT_FLAG:
		*(bool *)dest = true;
		return 0;
	case ND_OT_STRING:
		if (o->max > 0 && (strlen(v) < (size_t)o->min || strlen(v) > (size_t)o->max))
			return bad_value(cmd, o, v);
		*(const char **)dest = v;
		return 0;
	case ND_OT_CHOICE:
		if (!is_choice(o->value, v))
			return bad_value(cmd, o, v);
		*(const char **)dest = v;
		return 0;
	case ND_OT_INT:
		if (nd_cli_parse_number(v, o->min, o->max, &n) < 0)
			return bad_value(cmd, o, v);
		*(long long *)dest = n;
		return 0;
	case ND_OT_ID:
		if (!(n = nd_cli_parse_id(v)))
			return bad_value(cmd, o, v);
		*(long long *)dest = n;
		return 0;
	case ND_OT_DAY:
	case ND_OT_DAY_END:
		if (parse_day(v, o->type == ND_OT_DAY_END, (int64_t *)(void *)dest) < 0)
			return bad_value(cmd, o, v);
		return 0;
	}
	return bad_value(cmd, o, v);
}

/* The table's defaults, before any option word is read: every row's
 * field is set, whatever the struct held. */
static void bind_defaults(const struct nd_command *cmd, void *args)
{
	for (const struct nd_option *o = cmd->options; o && o->name; o++) {
		char *dest = (char *)args + o->offset;
		switch (o->type) {
		case ND_OT_FLAG:
			*(bool *)dest = false;
			break;
		case ND_OT_STRING:
			*(const char **)dest = NULL;
			break;
		case ND_OT_CHOICE:
			*(const char **)dest = o->def_word;
			break;
		case ND_OT_INT:
			*(long long *)dest = o->def;
			break;
		case ND_OT_ID:
			*(long long *)dest = 0;
			break;
		case ND_OT_DAY:
		case ND_OT_DAY_END:
			*(int64_t *)(void *)dest = 0;
			break;
		}
	}
}

/* Machine formats stay UTF-8 on a terminal of another charset (JSON is
 * UTF-8 by its RFC; the others declare or assume it): stdout stops
 * converting. Text for people is converted (src/text/termcode.c). */
static void machine_format(const struct taken *t)
{
	static const char *const machine = "json|tsv|csv|html";
	for (int k = 0; k < t->n; k++)
		if (strcmp(t->opt[k].o->name, "format") == 0 && t->opt[k].value &&
		    is_choice(machine, t->opt[k].value))
			nd_term_stdout_bytes();
}

bool nd_option_over_ssh(const struct nd_option *o)
{
	return !(o->flags & (ND_OPT_PATH | ND_OPT_LOCAL));
}

bool nd_cli_parse(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv,
		  void *args, int *rc)
{
	struct nd_words *w = args;
	struct taken t = { 0 };
	w->word0 = argv[0];
	w->npos = 0;
	w->pos = argv + 1;
	bind_defaults(cmd, args);
	bool only_words = false;
	*rc = ND_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *word = argv[i];
		if (only_words || word[0] != '-' || strcmp(word, "-") == 0) {
			if (cli->ssh && (cmd->flags & ND_CMD_PATH_ARGS)) {
				nd_cli_note_refusal("server-path", word);
				*rc = refuse(cmd,
					     _("refused: '%s': over SSH a story comes on standard "
					       "input, never from a file on the server"),
					     word);
				return true;
			}
			/* moved to the front by rotating the option words after
			   it, so argv keeps every pointer once (the SSH shell
			   frees its words); option words are few (bounded) */
			char *moved = argv[i];
			int to = 1 + w->npos++;
			memmove(&argv[to + 1], &argv[to], (size_t)(i - to) * sizeof *argv);
			argv[to] = moved;
		} else if (strcmp(word, "--") == 0) {
			only_words = true;
		} else if (strcmp(word, "--help") == 0 || (!cli->ssh && strcmp(word, "-h") == 0)) {
			nd_cli_print_usage(stdout, cmd);
			return true;
		} else if (word[1] != '-') {
			*rc = refuse(cmd, _("unknown option '%s' (options are spelled --name)"),
				     word);
			return true;
		} else if (!take_option(cli, cmd, argc, argv, &i, &t, rc)) {
			return true;
		}
	}
	for (int k = 0; k < t.n; k++)
		if ((*rc = bind_value(cmd, t.opt[k].o, t.opt[k].value, args)) != 0)
			return true;
	machine_format(&t);
	return false;
}

/* Over SSH: may the acting user run cmd (a command or a subcommand)? */
static bool ssh_allows(struct nd_cli *cli, const struct nd_command *cmd, const char *word, int *rc)
{
	if (!cli->ssh)
		return true;
	char *clean = nd_sanitized(word, 0);
	*rc = ND_EXIT_USAGE;
	if (!(cmd->flags & ND_CMD_SSH) || cli->actor.user.rank < cmd->min_rank)
		nd_cli_note_refusal(!(cmd->flags & ND_CMD_SSH) ? "not-over-ssh" : "not-for-role",
				    word);
	if (!(cmd->flags & ND_CMD_SSH))
		fprintf(stderr, _("newsdesk: refused: '%s' is not available over SSH\n"),
			clean ? clean : "?");
	else if (cli->actor.user.rank < cmd->min_rank)
		fprintf(stderr, _("newsdesk: refused: '%s' is not for your role\n"),
			clean ? clean : "?");
	else
		*rc = ND_EXIT_OK;
	free(clean);
	return *rc == ND_EXIT_OK;
}

/* A command that is not a group: its words read by the table, then run. */
static int run_leaf(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	if (cmd->run_words)
		return cmd->run_words(cli, cmd, argc, argv);
	union nd_cmd_args args;
	memset(&args, 0, sizeof args);
	int rc;
	if (nd_cli_parse(cli, cmd, argc, argv, &args, &rc))
		return rc;
	return cmd->run(cli, cmd, &args);
}

int nd_cli_run(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	int rc;
	if (!ssh_allows(cli, cmd, argv[0], &rc))
		return rc;
	if (!cmd->subs)
		return run_leaf(cli, cmd, argc, argv);
	if (argc < 2)
		return nd_cli_usage(cmd, _("%s needs a subcommand"), cmd->name);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		nd_cli_print_usage(stdout, cmd);
		return ND_EXIT_OK;
	}
	for (const struct nd_command *s = cmd->subs; s->name; s++)
		if (strcmp(s->name, argv[1]) == 0)
			return ssh_allows(cli, s, argv[1], &rc)
				   ? run_leaf(cli, s, argc - 1, argv + 1)
				   : rc;
	return refuse(cmd, _("unknown subcommand '%s'"), argv[1]);
}
