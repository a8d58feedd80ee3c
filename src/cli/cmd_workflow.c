/* cmd_workflow.c — the workflow verbs (looked up in the database), the
 * log, notes, editing and unlocking. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/edit.h"
#include "newsdesk/filing.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int nd_cmd_verb(struct nd_cli *cli, const char *verb, int argc, char **argv)
{
	struct nd_error err = {0};
	struct nd_workflow wf;
	if (nd_cli_open(cli, 0, &err) < 0 || nd_workflow_load(cli->st, &wf, &err) < 0)
		return nd_cli_fail(&err);
	bool known = nd_workflow_has_verb(&wf, verb);
	const struct nd_transition *t = NULL;
	for (size_t i = 0; known && i < wf.n_transitions && !t; i++)
		if (strcmp(wf.transitions[i].verb, verb) == 0)
			t = &wf.transitions[i];
	char usage[160], summary[160];
	if (t) {
		snprintf(usage, sizeof usage, "ID%s", t->note_required ? " --note TEXT" : " [--note TEXT]");
		snprintf(summary, sizeof summary, "%s (%s)", t->label_en, t->label_zh);
	}
	nd_workflow_free(&wf);
	if (!known) {
		fprintf(stderr, "newsdesk: unknown command '%s'; see 'newsdesk --help' and "
				"'newsdesk workflow'\n",
			verb);
		return ND_EXIT_USAGE;
	}
	const struct nd_command cmd = {verb, NULL, usage, summary};
	static const struct option options[] = {
		{"note", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *note = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "m:h", options, NULL)) != -1) {
		switch (c) {
		case 'm':
			note = optarg;
			break;
		case 'h':
			nd_cli_print_usage(stdout, &cmd);
			return ND_EXIT_OK;
		default:
			return nd_cli_usage(&cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return nd_cli_usage(&cmd, "%s takes one item ID", verb);
	long long id = nd_cli_parse_id(argv[optind]);
	if (!id)
		return nd_cli_usage(&cmd, "'%s' is not an item ID", argv[optind]);
	struct nd_transition_result res;
	if (nd_workflow_apply(cli->st, &cli->actor, id, verb, note, cli->zh, &res, &err) < 0)
		return nd_cli_fail(&err);
	printf("#%lld %s → %s\n", id, res.from, res.to);
	return ND_EXIT_OK;
}

int nd_cmd_workflow(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		if (strcmp(argv[1], "--help") == 0) {
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		}
		return nd_cli_usage(cmd, "workflow takes no arguments");
	}
	struct nd_error err = {0};
	struct nd_workflow wf;
	if (nd_cli_open(cli, 0, &err) < 0 || nd_workflow_load(cli->st, &wf, &err) < 0)
		return nd_cli_fail(&err);
	puts(cli->zh ? "状态:" : "States:");
	for (size_t i = 0; i < wf.n_states; i++) {
		const struct nd_state *s = &wf.states[i];
		printf("  %-10s ", s->name);
		nd_cli_put(stdout, s->label_zh, 0);
		printf(" / ");
		nd_cli_put(stdout, s->label_en, 0);
		printf("%s\n", s->editable ? "" : (cli->zh ? "  (不可编辑)" : "  (not editable)"));
	}
	puts(cli->zh ? "\n动作:" : "\nVerbs:");
	for (size_t i = 0; i < wf.n_transitions; i++) {
		const struct nd_transition *t = &wf.transitions[i];
		printf("  %-8s %-10s → %-10s %-8s%s%s  ", t->verb, t->from_state,
		       t->to_state ? t->to_state : "(previous)", t->min_role,
		       t->note_required ? " note" : "", t->own_only ? " own" : "");
		nd_cli_put(stdout, t->label_zh, 0);
		putchar('\n');
	}
	nd_workflow_free(&wf);
	return ND_EXIT_OK;
}

int nd_cmd_log(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		nd_cli_print_usage(stdout, cmd);
		return ND_EXIT_OK;
	}
	long long id = argc == 2 ? nd_cli_parse_id(argv[1]) : 0;
	if (!id)
		return nd_cli_usage(cmd, "log takes one item ID");
	struct nd_error err = {0};
	struct nd_event *ev;
	struct nd_note *notes;
	size_t n, nn;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_events_list(cli->st, &cli->actor, id, cli->zh, &ev, &n, &err) < 0)
		return nd_cli_fail(&err);
	if (nd_notes_list(cli->st, &cli->actor, id, &notes, &nn, &err) < 0) {
		nd_events_free(ev, n);
		return nd_cli_fail(&err);
	}
	for (size_t i = 0; i < n; i++) {
		char when[32];
		nd_cli_time(ev[i].at, when, sizeof when);
		printf("%s  %-12s %-9s ", when, ev[i].actor, ev[i].verb);
		if (ev[i].from_state && ev[i].to_state && strcmp(ev[i].from_state, ev[i].to_state))
			printf("%s → %s", ev[i].from_state, ev[i].to_state);
		else if (ev[i].to_state)
			printf("%s", ev[i].to_state);
		if (ev[i].rev)
			printf("  rev %d", ev[i].rev);
		if (ev[i].note) {
			printf("  “");
			nd_cli_put(stdout, ev[i].note, 0);
			printf("”");
		}
		putchar('\n');
	}
	if (nn)
		printf("\n%s\n", cli->zh ? "审稿意见:" : "Notes:");
	for (size_t i = 0; i < nn; i++) {
		char when[32];
		nd_cli_time(notes[i].at, when, sizeof when);
		printf("%s  %s", when, notes[i].author);
		if (notes[i].author_name) {
			printf(" (");
			nd_cli_put(stdout, notes[i].author_name, 0);
			printf(")");
		}
		printf(" rev %d: ", notes[i].rev);
		nd_cli_put(stdout, notes[i].body, 0);
		putchar('\n');
	}
	nd_events_free(ev, n);
	nd_notes_free(notes, nn);
	return ND_EXIT_OK;
}

int nd_cmd_note(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		nd_cli_print_usage(stdout, cmd);
		return ND_EXIT_OK;
	}
	if (argc < 3)
		return nd_cli_usage(cmd, "note takes an item ID and the note's text");
	long long id = nd_cli_parse_id(argv[1]);
	if (!id)
		return nd_cli_usage(cmd, "'%s' is not an item ID", argv[1]);
	struct nd_buf text = ND_BUF_INIT;
	for (int i = 2; i < argc; i++)
		nd_buf_printf(&text, "%s%s", i > 2 ? " " : "", argv[i]);
	struct nd_error err = {0};
	int64_t note_id;
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_note_add(cli->st, &cli->actor, id, nd_buf_str(&text), &note_id, &err);
	nd_buf_free(&text);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf("noted on #%lld\n", id);
	return ND_EXIT_OK;
}

int nd_cmd_unlock(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	long long id = argc == 2 ? nd_cli_parse_id(argv[1]) : 0;
	if (!id)
		return nd_cli_usage(cmd, "unlock takes one item ID");
	struct nd_error err = {0};
	char holder[72];
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_lock_break(cli->st, &cli->actor, id, holder, sizeof holder, &err) < 0)
		return nd_cli_fail(&err);
	printf("#%lld unlocked (was held by %s)\n", id, holder);
	return ND_EXIT_OK;
}

/* ---- edit --------------------------------------------------------------- */

static int read_file(const char *path, struct nd_buf *b, struct nd_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return nd_fail(err, ND_EIO, "cannot open %s: %s", path, strerror(errno));
	char chunk[65536];
	size_t got;
	int rc = 0;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (nd_buf_add(b, chunk, got) < 0 || b->len > ND_MAX_INPUT) {
			rc = nd_fail(err, ND_EINVAL, "%s is over 1 MiB", path);
			break;
		}
	}
	if (rc == 0 && ferror(f))
		rc = nd_fail(err, ND_EIO, "cannot read %s: %s", path, strerror(errno));
	fclose(f);
	return rc;
}

/* Runs $VISUAL or $EDITOR (else vi) on path and waits. The child execs at
 * once and never touches the database. */
static int run_editor(const char *path, struct nd_error *err)
{
	const char *editor = getenv("VISUAL");
	if (!editor || !editor[0])
		editor = getenv("EDITOR");
	if (!editor || !editor[0])
		editor = "vi";
	char *words = strdup(editor);
	char *argv[34];
	int argc = 0;
	if (!words)
		return nd_fail(err, ND_ENOMEM, "out of memory");
	for (char *tok = strtok(words, " \t"); tok && argc < 32; tok = strtok(NULL, " \t"))
		argv[argc++] = tok;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		free(words);
		return nd_fail(err, ND_EIO, "cannot start the editor: %s", strerror(errno));
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	free(words);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return nd_fail(err, ND_EIO, "the editor (%s) failed (status %d)", editor,
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

static int write_temp(const char *text, char *path, size_t size, struct nd_error *err)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/newsdesk-XXXXXX.txt", dir && dir[0] ? dir : "/tmp");
	int fd = mkstemps(path, 4);
	if (fd < 0)
		return nd_fail(err, ND_EIO, "cannot create a temporary file: %s", strerror(errno));
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return nd_fail(err, ND_EIO, "cannot write %s: %s", path, strerror(errno));
		}
		off += (size_t)w;
	}
	if (close(fd) < 0)
		return nd_fail(err, ND_EIO, "cannot write %s: %s", path, strerror(errno));
	return 0;
}

static int save_text(struct nd_cli *cli, long long id, int base_rev, const struct nd_buf *text,
		     unsigned flags, const char *keep_path)
{
	struct nd_error err = {0};
	struct nd_story story;
	struct nd_save_result res;
	if (nd_story_from_bytes(nd_buf_str(text), text->len, NULL, &story, NULL, &err) < 0) {
		if (keep_path)
			nd_error_prefix(&err, "your text is kept in %s; fix it and run 'newsdesk edit "
					      "%lld --from %s': ",
					keep_path, id, keep_path);
		nd_lock_release(cli->st, &cli->actor, id, NULL);
		return nd_cli_fail(&err);
	}
	int rc = nd_item_save(cli->st, &cli->actor, id, base_rev, &story, flags, &res, &err);
	nd_story_free(&story);
	nd_lock_release(cli->st, &cli->actor, id, NULL);
	if (rc < 0)
		return nd_cli_fail(&err);
	if (keep_path)
		unlink(keep_path);
	if (res.unchanged)
		printf("#%lld unchanged\n", id);
	else
		printf("#%lld saved as revision %d%s\n", id, res.rev,
		       res.moved ? (cli->zh ? " (已编)" : " (now edited)") : "");
	return ND_EXIT_OK;
}

int nd_cmd_edit(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{"from", required_argument, NULL, 'f'},
		{"keep-state", no_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *from = NULL;
	unsigned flags = 0;
	int c;
	while ((c = getopt_long(argc, argv, "f:kh", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			from = optarg;
			break;
		case 'k':
			flags |= ND_SAVE_KEEP_STATE;
			break;
		case 'h':
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		default:
			return nd_cli_usage(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return nd_cli_usage(cmd, "edit takes one item ID");
	long long id = nd_cli_parse_id(argv[optind]);
	if (!id)
		return nd_cli_usage(cmd, "'%s' is not an item ID", argv[optind]);

	struct nd_error err = {0};
	struct nd_lock lock;
	struct nd_buf text = ND_BUF_INIT;
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (from && read_file(from, &text, &err) < 0) {
		nd_buf_free(&text);
		return nd_cli_fail(&err);
	}
	if (nd_lock_take(cli->st, &cli->actor, id, &lock, &err) < 0) {
		nd_buf_free(&text);
		return nd_cli_fail(&err);
	}
	if (lock.took_over)
		fprintf(stderr, "newsdesk: took over %s's expired lock on #%lld\n", lock.previous, id);
	int rc;
	if (from) {
		rc = save_text(cli, id, lock.base_rev, &text, flags, NULL);
		nd_buf_free(&text);
		return rc;
	}

	struct nd_item it;
	char path[4096] = "";
	if (nd_item_get(cli->st, &cli->actor, id, lock.base_rev, false, &it, &err) < 0) {
		nd_lock_release(cli->st, &cli->actor, id, NULL);
		return nd_cli_fail(&err);
	}
	char *original = nd_story_format(&it.story);
	nd_item_free(&it);
	if (!original || write_temp(original, path, sizeof path, &err) < 0 ||
	    run_editor(path, &err) < 0 || read_file(path, &text, &err) < 0) {
		free(original);
		nd_buf_free(&text);
		nd_lock_release(cli->st, &cli->actor, id, NULL);
		if (!err.msg[0])
			nd_fail(&err, ND_ENOMEM, "out of memory");
		if (path[0] && access(path, F_OK) == 0)
			nd_error_prefix(&err, "(your text, if any, is in %s) ", path);
		return nd_cli_fail(&err);
	}
	if (strcmp(original, nd_buf_str(&text)) == 0) {
		free(original);
		nd_buf_free(&text);
		unlink(path);
		nd_lock_release(cli->st, &cli->actor, id, NULL);
		printf("#%lld unchanged\n", id);
		return ND_EXIT_OK;
	}
	free(original);
	rc = save_text(cli, id, lock.base_rev, &text, flags, path);
	nd_buf_free(&text);
	return rc;
}
