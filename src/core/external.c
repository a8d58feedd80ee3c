/* external.c — the $EDITOR round trip and saving text under the lock. The
 * file being edited is a draft: it lives beside the database (drafts.h),
 * where the next `edit ID` finds it if the editor or we are killed. */
#include "newsdesk/external.h"
#include "newsdesk/drafts.h"
#include "newsdesk/files.h"
#include "newsdesk/items.h"
#include "newsdesk/lang.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int nd_read_file(const char *path, struct nd_buf *b, struct nd_error *err)
{
	FILE *f;
	int rc = nd_open_input(path, &f, err);
	if (rc < 0)
		return rc;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (nd_buf_add(b, chunk, got) < 0) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory reading %s"), path);
			break;
		}
		if (b->len > ND_MAX_INPUT) {
			rc = nd_fail(err, ND_EINVAL, _("%s is over 1 MiB"), path);
			break;
		}
	}
	if (rc == 0 && ferror(f))
		rc = nd_fail(err, ND_EIO, _("cannot read %1$s: %2$s"), path, strerror(errno));
	fclose(f);
	return rc;
}

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

/* The one place a program is started. Meanwhile SIGINT and SIGQUIT are
 * the program's (as system() does); SIGHUP and SIGTERM are passed on to
 * it, and a handler of the caller's (the desk's flag) hears of them too. */
int nd_run_program(char *const argv[], struct nd_error *err)
{
	if (nd_restricted())
		return nd_fail(err, ND_EPERM,
			       _("starting a program (%s) is not available over SSH; the desk's "
				 "built-in editor is"),
			       argv[0]);
	fflush(NULL);
	struct sigaction on, ign, old[4];
	static const int sigs[4] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT };
	memset(&on, 0, sizeof on);
	memset(&ign, 0, sizeof ign);
	on.sa_handler = on_signal;
	ign.sa_handler = SIG_IGN;
	sigemptyset(&on.sa_mask);
	sigemptyset(&ign.sa_mask);
	caught = 0;
	for (int i = 0; i < 4; i++)
		sigaction(sigs[i], i < 2 ? &on : &ign, &old[i]);
	pid_t pid = fork();
	if (pid < 0) {
		for (int i = 0; i < 4; i++)
			sigaction(sigs[i], &old[i], NULL);
		return nd_fail(err, ND_EIO, _("cannot start %1$s: %2$s"), argv[0], strerror(errno));
	}
	if (pid == 0) {
		for (int i = 0; i < 4; i++)
			sigaction(sigs[i], &old[i], NULL);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0, sent = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
		if (caught && !sent) {
			sent = caught;
			kill(pid, sent);
		}
	}
	int sig = caught;
	for (int i = 0; i < 4; i++)
		sigaction(sigs[i], &old[i], NULL);
	for (int i = 0; i < 2; i++)
		if (sig == sigs[i] && old[i].sa_handler != SIG_DFL && old[i].sa_handler != SIG_IGN)
			raise(sig);
	if (sig)
		return nd_fail(err, ND_EIO, _("interrupted by signal %1$d (%2$s) while %3$s ran"),
			       sig, strsignal(sig), argv[0]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return nd_fail(err, ND_EIO,
			       WIFEXITED(status) ? _("%1$s failed (exit status %2$d)")
						 : _("%1$s failed (signal %2$d)"),
			       argv[0], WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return 0;
}

/* Replaces this process with argv (a daemon run in the foreground, such as
 * Litestream under systemd: its signals and exit status are then its own).
 * Returns only on failure. */
int nd_exec_program(char *const argv[], struct nd_error *err)
{
	if (nd_restricted())
		return nd_fail(err, ND_EPERM,
			       _("starting a program (%s) is not available over SSH"), argv[0]);
	fflush(NULL);
	execvp(argv[0], argv);
	return nd_fail(err, errno == ENOENT ? ND_ENOENT : ND_EIO, _("cannot start %1$s: %2$s"),
		       argv[0], strerror(errno));
}

/* Reads the child's stdout into out, at most ND_MAX_INPUT bytes (more is
 * read and dropped, so the child never blocks on a full pipe), for at
 * most ND_PROGRAM_SECONDS: a replica host that does not answer must not
 * hang `newsdesk check`. Returns false on the timeout. */
#define ND_PROGRAM_SECONDS 30
static bool drain(int fd, struct nd_buf *out, bool *oom)
{
	char chunk[4096];
	time_t end = time(NULL) + ND_PROGRAM_SECONDS;
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		time_t left = end - time(NULL);
		if (left <= 0)
			return false;
		int r = poll(&p, 1, (int)left * 1000);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0;
		ssize_t got = read(fd, chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return true;
		if (out->len + (size_t)got <= ND_MAX_INPUT &&
		    nd_buf_add(out, chunk, (size_t)got) < 0)
			*oom = true;
	}
}

int nd_run_program_output(char *const argv[], struct nd_buf *out, struct nd_error *err)
{
	if (nd_restricted())
		return nd_fail(err, ND_EPERM,
			       _("starting a program (%s) is not available over SSH"), argv[0]);
	fflush(NULL);
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0)
		return nd_fail(err, ND_EIO, _("cannot start %1$s: %2$s"), argv[0], strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return nd_fail(err, ND_EIO, _("cannot start %1$s: %2$s"), argv[0], strerror(errno));
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	bool oom = false;
	bool done = drain(fds[0], out, &oom);
	close(fds[0]);
	if (!done)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!done)
		return nd_fail(err, ND_EIO, _("%1$s did not answer within %2$d s"), argv[0],
			       ND_PROGRAM_SECONDS);
	if (oom)
		return nd_fail(err, ND_ENOMEM, _("out of memory reading what %s printed"), argv[0]);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return nd_fail(err, ND_ENOENT, _("cannot start %s (not installed?)"), argv[0]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return nd_fail(err, ND_EIO,
			       WIFEXITED(status) ? _("%1$s failed (exit status %2$d)")
						 : _("%1$s failed (signal %2$d)"),
			       argv[0], WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return 0;
}

static int run_editor(const char *path, struct nd_error *err)
{
	int rc = 0;
	const char *editor = getenv("VISUAL");
	if (!editor || !editor[0])
		editor = getenv("EDITOR");
	if (!editor || !editor[0])
		editor = "vi";
	char *words = strdup(editor);
	char *argv[34];
	int argc = 0;
	if (!words)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	/* "code -w" and the like: split on blanks, never through a shell. */
	for (char *tok = strtok(words, " \t"); tok && argc < 32; tok = strtok(NULL, " \t"))
		argv[argc++] = tok;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	rc = nd_run_program(argv, err);
	if (rc < 0)
		nd_error_prefix(err, _("the editor: "));
	free(words);
	return rc;
}

/* Writes text to path, a new file of mode 0660 (the desk's group may
 * recover it), synced. */
static int write_draft_file(const char *text, const char *path, struct nd_error *err)
{
	int fd;
	int rc = nd_create_shared_fd(path, &fd, err);
	if (rc < 0)
		return rc;
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			unlink(path);
			return nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), path,
				       strerror(errno));
		}
		off += (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0)
		return nd_fail(err, ND_EIO, _("cannot write %1$s: %2$s"), path, strerror(errno));
	return 0;
}

/* The text the editor starts from: the revision, or with ND_EDIT_RECOVER
 * the desk's draft (when there is no $EDITOR draft file already). */
static char *starting_text(struct nd_store *st, const struct nd_actor *actor, int64_t id,
			   const char *original, unsigned flags)
{
	struct nd_draft d;
	if (!(flags & ND_EDIT_RECOVER) || nd_draft_get(st, actor, id, &d, NULL) != 1)
		return strdup(original);
	char *text = nd_story_format(&d.story);
	nd_draft_free(&d);
	return text;
}

static int save_locked(struct nd_store *st, const struct nd_actor *actor, int64_t id, int base_rev,
		       const char *bytes, size_t n, unsigned flags, struct nd_save_result *res,
		       struct nd_error *err)
{
	struct nd_story story;
	int rc = nd_story_from_bytes(bytes, n, NULL, &story, NULL, err);
	if (rc < 0)
		return rc;
	rc = nd_item_save(st, actor, id, base_rev, &story, flags, res, err);
	nd_story_free(&story);
	return rc;
}

int nd_save_text(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *bytes,
		 size_t n, unsigned save_flags, struct nd_save_result *res, struct nd_error *err)
{
	struct nd_lock lock;
	int rc = nd_lock_take(st, actor, id, &lock, err);
	if (rc < 0)
		return rc;
	rc = save_locked(st, actor, id, lock.base_rev, bytes, n, save_flags, res, err);
	nd_lock_release(st, actor, id, NULL);
	return rc;
}

int nd_external_edit(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     unsigned save_flags, struct nd_external_result *res, struct nd_error *err)
{
	struct nd_lock lock;
	struct nd_item it;
	struct nd_buf text = ND_BUF_INIT;
	char path[4096] = "";
	char *original = NULL;
	bool kept = false;
	int rc;
	memset(res, 0, sizeof *res);
	/* said before the lock is taken; nd_run_program refuses anyway */
	if (nd_restricted())
		return nd_fail(
		    err, ND_EPERM,
		    _("an external editor is not available over SSH; the desk's built-in "
		      "editor is"));
	if ((rc = nd_lock_take(st, actor, id, &lock, err)) < 0)
		return rc;
	if (lock.took_over)
		snprintf(res->took_over, sizeof res->took_over, "%s", lock.previous);
	if ((rc = nd_item_get(st, actor, id, lock.base_rev, &it, err)) < 0)
		goto out;
	original = nd_story_format(&it.story);
	nd_item_free(&it);
	if (!original) {
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((rc = nd_draft_file_path(st, actor->user.login, id, true, path, sizeof path, err)) < 0)
		goto out;
	if (access(path, F_OK) == 0 && !(save_flags & ND_EDIT_RECOVER)) {
		/* Never written over: it is someone's unsaved work. */
		snprintf(res->kept, sizeof res->kept, "%s", path);
		path[0] = '\0';
		rc = nd_fail(
		    err, ND_ESTATE,
		    _("you have an unsaved $EDITOR draft of #%1$lld; 'newsdesk edit %2$lld' "
		      "offers to recover or discard it"),
		    (long long)id, (long long)id);
		goto out;
	}
	if (access(path, F_OK) != 0) {
		char *start = starting_text(st, actor, id, original, save_flags);
		rc = start ? write_draft_file(start, path, err)
			   : nd_fail(err, ND_ENOMEM, _("out of memory"));
		free(start);
		if (rc < 0) {
			path[0] = '\0';
			goto out;
		}
	}
	kept = true; /* from here on the file is the draft until saved */
	if ((rc = run_editor(path, err)) < 0 || (rc = nd_read_file(path, &text, err)) < 0)
		goto out;
	if (strcmp(original, nd_buf_str(&text)) == 0) {
		res->unchanged = true;
		goto done;
	}
	struct nd_save_result sr;
	rc = save_locked(st, actor, id, lock.base_rev, nd_buf_str(&text), text.len,
			 save_flags & ~ND_EDIT_RECOVER, &sr, err);
	if (rc < 0 && rc != ND_ECONFLICT)
		goto out; /* did not parse or was refused: the file stays the draft */
	res->unchanged = sr.unchanged;
	res->rev = sr.rev;
	res->moved = sr.moved;
done:
	/* Saved, unchanged, or kept as a conflict revision: the draft is done. */
	kept = false;
	unlink(path);
	if (save_flags & ND_EDIT_RECOVER)
		nd_draft_discard(st, actor, id, NULL);
out:
	if (kept && rc < 0 && text.len == 0 && nd_read_file(path, &text, NULL) == 0 &&
	    strcmp(original, nd_buf_str(&text)) == 0 && !(save_flags & ND_EDIT_RECOVER)) {
		kept = false; /* nothing was typed: no draft to keep */
		unlink(path);
	}
	free(original);
	nd_buf_free(&text);
	if (kept && rc < 0) {
		snprintf(res->kept, sizeof res->kept, "%s", path);
		nd_draft_hangup(st, actor, id, NULL); /* unlocks, logs that a draft exists */
	} else {
		nd_lock_release(st, actor, id, NULL);
	}
	return rc;
}
