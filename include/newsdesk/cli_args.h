/* cli_args.h — each command's argument struct: what the parser fills from
 * the command table's rows (src/cli/commands.c), so a command's body reads
 * its options and words and does only what the command does. Every struct
 * begins with ND_WORDS, the positional words; an option's field has the
 * type its row's type stores (bool, const char *, long long, int64_t). */
#ifndef NEWSDESK_CLI_ARGS_H
#define NEWSDESK_CLI_ARGS_H

#include <stdbool.h>
#include <stdint.h>

/* The words after the command's name that are not options, in order:
 * the one way a command reads them. */
#define ND_WORDS                                                                                   \
	const char *word0; /* the command's own word (argv[0]) */                                  \
	char **pos;                                                                                \
	int npos

/* A command without options. */
struct nd_words {
	ND_WORDS;
};

struct nd_user_args {
	ND_WORDS;
	const char *role, *name, *key;
	bool no_desk; /* user add --no-desk (issue 32) */
	bool everyone; /* user quota --everyone */
};

/* the SSH audit log (issue 32) */
struct nd_audit_args {
	ND_WORDS;
	bool refused;
	int64_t since; /* 0: not given */
	long long limit; /* 0: all */
};

struct nd_file_args {
	ND_WORDS;
	const char *encoding, *token, *sha256;
	long long bytes; /* -1: not given */
	bool tar;
	const char *format; /* text, docx; NULL: by what the bytes are */
};

struct nd_attach_args {
	ND_WORDS;
	const char *name, *caption, *sha256;
	long long bytes; /* -1: not given */
};

struct nd_list_args {
	ND_WORDS;
	const char *state, *section, *reporter, *issue;
	const char *sort, *format;
	long long limit, width; /* 0: not given */
};

struct nd_show_args {
	ND_WORDS;
	long long rev; /* 0: the current revision */
	const char *format;
	bool original;
};

struct nd_proof_args {
	ND_WORDS;
	long long rev;
	const char *format;
};

struct nd_redecode_args {
	ND_WORDS;
	const char *encoding;
};

struct nd_edit_args {
	ND_WORDS;
	const char *from;
	bool keep_state;
};

struct nd_issue_args {
	ND_WORDS;
	const char *title, *date, *section;
	long long pages; /* 0: not given */
	long long budget, chars_per_line; /* -1: not given */
};

struct nd_assign_args {
	ND_WORDS;
	const char *issue;
	long long page, position; /* 0: not given */
};

struct nd_rundown_args {
	ND_WORDS;
	const char *format, *output;
	long long width;
	bool force;
};

struct nd_galley_args {
	ND_WORDS;
	const char *issue, *output;
	bool force;
};

struct nd_publish_args {
	ND_WORDS;
	const char *issue, *note;
	bool partial;
};

struct nd_export_args {
	ND_WORDS;
	const char *format, *output;
	bool force;
};

struct nd_stats_args {
	ND_WORDS;
	long long year; /* 0: this year */
	const char *reporter;
};

struct nd_measure_args {
	ND_WORDS;
	const char *section;
};

struct nd_import_args {
	ND_WORDS;
	const char *issue, *state, *format, *encoding;
	bool dry_run, interactive;
};

struct nd_search_args {
	ND_WORDS;
	const char *state, *section, *reporter, *issue, *format;
	int64_t since, until; /* 0: not given */
	long long limit, page, offset;
};

struct nd_backup_args {
	ND_WORDS;
	bool force;
};

struct nd_restore_args {
	ND_WORDS;
	const char *from_replica, *timestamp;
	bool force;
};

struct nd_check_args {
	ND_WORDS;
	bool repair, full;
	const char *against; /* a root, or a file of roots */
};

struct nd_keys_args {
	ND_WORDS;
	const char *install;
};

struct nd_desk_args {
	ND_WORDS;
	const char *keys_file;
	bool once;
	/* the test build's benchmarks (-Dtest_hooks=true) */
	long long bench_keys, keys;
	const char *bench_list;
	const char *walk_list, *walk_state; /* tests/cli/recall.sh */
};

struct nd_verb_args {
	ND_WORDS;
	const char *note;
};

/* Room for any command's arguments: what nd_cli_run fills. */
union nd_cmd_args {
	struct nd_words words;
	struct nd_user_args user;
	struct nd_file_args file;
	struct nd_attach_args attach;
	struct nd_list_args list;
	struct nd_show_args show;
	struct nd_proof_args proof;
	struct nd_redecode_args redecode;
	struct nd_edit_args edit;
	struct nd_issue_args issue;
	struct nd_assign_args assign;
	struct nd_rundown_args rundown;
	struct nd_publish_args publish;
	struct nd_export_args export;
	struct nd_galley_args galley;
	struct nd_stats_args stats;
	struct nd_measure_args measure;
	struct nd_import_args import;
	struct nd_search_args search;
	struct nd_backup_args backup;
	struct nd_restore_args restore;
	struct nd_check_args check;
	struct nd_keys_args keys;
	struct nd_desk_args desk;
	struct nd_verb_args verb;
	struct nd_audit_args audit;
};

#endif
