/* test_files.c — the point of effect: reading a named file, writing an
 * output, starting a program; and each refusing in the restricted (SSH)
 * context, whatever called it. */
#include "newsdesk/external.h"
#include "newsdesk/files.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static char *at(const char *name)
{
	static char paths[8][128];
	static int next;
	char *p = paths[next++ % 8];
	snprintf(p, 128, "%s/%s", dir, name);
	return p;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static char *get(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int leftovers(void)
{
	/* temporary files are named .NAME.tmp-XXXXXX beside the output */
	char cmd[160];
	snprintf(cmd, sizeof cmd, "ls -a %s | grep -c '\\.tmp-' >/dev/null", dir);
	return system(cmd) == 0;
}

static void test_outputs(void)
{
	struct nd_error err = { 0 };
	ok(nd_output_file(at("a.txt"), "one", 3, 0, &err) == 0, "an output is written");
	is_str(get(at("a.txt")), "one", "…whole");
	ok(nd_output_file(at("a.txt"), "two", 3, 0, &err) == ND_EINVAL,
	   "an existing file is not replaced");
	ok(strstr(err.msg, "--force") != NULL, "…and the message says --force: %s", err.msg);
	is_str(get(at("a.txt")), "one", "…it keeps what it had");
	ok(nd_output_file(at("a.txt"), "two", 3, ND_OUT_FORCE, &err) == 0, "--force replaces it");
	is_str(get(at("a.txt")), "two", "…with the new text");
	ok(nd_output_file(at("s.db"), "x", 1, ND_OUT_SHARED, &err) == 0, "a shared output");
	struct stat st;
	stat(at("s.db"), &st);
	is_int(st.st_mode & 0777, 0660, "…is 0660 whatever the umask");
	ok(!leftovers(), "no temporary file is left behind");

	/* the database and its sidecars, by inode and by folder + name */
	put(at("desk.db"), "DATABASE");
	nd_protect(at("desk.db"), true);
	const char *names[] = { "desk.db", "desk.db-wal", "desk.db-shm", "desk.db-journal",
				"./../%s/desk.db" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char path[160];
		if (strchr(names[i], '%')) {
			char rel[64];
			snprintf(rel, sizeof rel, names[i], strrchr(dir, '/') + 1);
			snprintf(path, sizeof path, "%s/%s", dir, rel);
		} else
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		ok(nd_output_file(path, "x", 1, ND_OUT_FORCE, &err) == ND_EPERM,
		   "%s is never an output, even with --force", names[i]);
	}
	ok(link(at("desk.db"), at("hard")) == 0 && symlink("desk.db", at("soft")) == 0,
	   "a hard and a soft link to the database");
	ok(nd_output_file(at("hard"), "x", 1, ND_OUT_FORCE, &err) == ND_EPERM,
	   "…the hard link is refused (same inode)");
	ok(nd_output_file(at("soft"), "x", 1, ND_OUT_FORCE | ND_OUT_MERGE, &err) == ND_EPERM,
	   "…and the symbolic one");
	is_str(get(at("desk.db")), "DATABASE", "the database was never touched");
	ok(!leftovers(), "no temporary file is left behind");
}

static void test_restricted(void)
{
	struct nd_error err = { 0 };
	FILE *f = NULL;
	put(at("canary"), "CANARY");
	ok(nd_open_input(at("canary"), &f, &err) == 0 && f, "before: an input opens");
	if (f)
		fclose(f);

	nd_restrict();
	ok(nd_restricted(), "the restricted context is entered");
	f = NULL;
	ok(nd_open_input(at("canary"), &f, &err) == ND_EPERM && !f,
	   "restricted: the input file is not opened");
	ok(strstr(err.msg, "SSH") != NULL, "…saying why: %s", err.msg);
	struct nd_buf b = ND_BUF_INIT;
	ok(nd_read_file(at("canary"), &b, &err) == ND_EPERM && b.len == 0,
	   "…nor through nd_read_file");
	nd_buf_free(&b);

	struct nd_output o;
	ok(nd_output_open(&o, at("new.txt"), ND_OUT_FORCE, &err) == ND_EPERM,
	   "restricted: no output file is created");
	ok(nd_output_file(at("canary"), "X", 1, ND_OUT_FORCE, &err) == ND_EPERM,
	   "…nor replaced with --force");
	ok(access(at("new.txt"), F_OK) != 0, "…new.txt does not exist");
	is_str(get(at("canary")), "CANARY", "…the canary is unchanged");
	int fd;
	char tmpl[128];
	snprintf(tmpl, sizeof tmpl, "%s/scratch-XXXXXX.txt", dir);
	ok(nd_temp_file(tmpl, 4, &fd, &err) == ND_EPERM, "…no scratch file either");
	ok(nd_output_dir(at("outdir"), &err) == ND_EPERM && access(at("outdir"), F_OK) != 0,
	   "…nor an output folder");
	ok(nd_create_shared(at("new.db"), &err) == ND_EPERM, "…nor a database");

	char cmd[160];
	snprintf(cmd, sizeof cmd, "touch %s", at("ran"));
	char *argv[] = { "/bin/sh", "-c", cmd, NULL };
	ok(nd_run_program(argv, &err) == ND_EPERM, "restricted: no program is started");
	ok(access(at("ran"), F_OK) != 0, "…it did not run");
	ok(!leftovers(), "no temporary file is left behind");
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/newsdesk-files-XXXXXX");
	if (!mkdtemp(dir))
		return 99;
	umask(022);
	/* unrestricted first: the context never ends once entered */
	char *argv[] = { "/bin/sh", "-c", "exit 0", NULL };
	struct nd_error err = { 0 };
	ok(nd_run_program(argv, &err) == 0, "before: a program runs");
	test_outputs();
	test_restricted();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 99;
	return tap_done();
}
