/* external.c — the $EDITOR round trip and saving text under the lock. */
#include "newsdesk/external.h"
#include "newsdesk/files.h"
#include "newsdesk/items.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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
			rc = nd_fail(err, ND_ENOMEM, "out of memory reading %s", path);
			break;
		}
		if (b->len > ND_MAX_INPUT) {
			rc = nd_fail(err, ND_EINVAL, "%s is over 1 MiB", path);
			break;
		}
	}
	if (rc == 0 && ferror(f))
		rc = nd_fail(err, ND_EIO, "cannot read %s: %s", path, strerror(errno));
	fclose(f);
	return rc;
}

int nd_run_program(char *const argv[], struct nd_error *err)
{
	if (nd_restricted())
		return nd_fail(err, ND_EPERM,
			       "starting a program (%s) is not available over SSH; the desk's "
			       "built-in editor is",
			       argv[0]);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return nd_fail(err, ND_EIO, "cannot start %s: %s", argv[0], strerror(errno));
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return nd_fail(err, ND_EIO, "%s failed (status %d)", argv[0],
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

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
	/* "code -w" and the like: split on blanks, never through a shell. */
	for (char *tok = strtok(words, " \t"); tok && argc < 32; tok = strtok(NULL, " \t"))
		argv[argc++] = tok;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	int rc = nd_run_program(argv, err);
	if (rc < 0)
		nd_error_prefix(err, "the editor: ");
	free(words);
	return rc;
}

static int write_temp(const char *text, char *path, size_t size, struct nd_error *err)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/newsdesk-XXXXXX.txt", dir && dir[0] ? dir : "/tmp");
	int fd;
	int rc = nd_temp_file(path, 4, &fd, err);
	if (rc < 0) {
		path[0] = '\0';
		return rc;
	}
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
	if (fsync(fd) < 0 || close(fd) < 0)
		return nd_fail(err, ND_EIO, "cannot write %s: %s", path, strerror(errno));
	return 0;
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
	int rc;
	memset(res, 0, sizeof *res);
	/* said before the lock is taken; nd_run_program refuses anyway */
	if (nd_restricted())
		return nd_fail(err, ND_EPERM,
			       "an external editor is not available over SSH; the desk's built-in "
			       "editor is");
	if ((rc = nd_lock_take(st, actor, id, &lock, err)) < 0)
		return rc;
	if (lock.took_over)
		snprintf(res->took_over, sizeof res->took_over, "%s", lock.previous);
	if ((rc = nd_item_get(st, actor, id, lock.base_rev, false, &it, err)) < 0)
		goto out;
	char *original = nd_story_format(&it.story);
	nd_item_free(&it);
	if (!original) {
		rc = nd_fail(err, ND_ENOMEM, "out of memory");
		goto out;
	}
	if ((rc = write_temp(original, path, sizeof path, err)) < 0 ||
	    (rc = run_editor(path, err)) < 0 || (rc = nd_read_file(path, &text, err)) < 0) {
		free(original);
		if (path[0] && access(path, F_OK) == 0)
			snprintf(res->kept, sizeof res->kept, "%s", path);
		goto out;
	}
	if (strcmp(original, nd_buf_str(&text)) == 0) {
		free(original);
		res->unchanged = true;
		unlink(path);
		goto out;
	}
	free(original);
	struct nd_save_result sr;
	rc = save_locked(st, actor, id, lock.base_rev, nd_buf_str(&text), text.len, save_flags, &sr,
			 err);
	if (rc < 0 && rc != ND_ECONFLICT) {
		/* It did not parse or was refused: keep the file for the user. */
		snprintf(res->kept, sizeof res->kept, "%s", path);
		goto out;
	}
	unlink(path); /* saved, or kept as a conflict draft in the store */
	res->unchanged = sr.unchanged;
	res->rev = sr.rev;
	res->moved = sr.moved;
out:
	nd_buf_free(&text);
	nd_lock_release(st, actor, id, NULL);
	return rc;
}
