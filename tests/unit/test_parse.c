/* test_parse.c — the option parser the command table drives: each row's
 * type, range and destination (the parser fills the command's argument
 * struct), missing values, unknown options, one way to read positional
 * words, and the SSH shell's strictness (exact long options, values as the
 * next word, no server path, nothing the table keeps local). */
#include "newsdesk/cli.h"
#include "newsdesk/files.h"
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A command of every type, as a command file would declare it. */
struct test_args {
	ND_WORDS;
	const char *text, *sum, *kind, *out;
	long long count, item;
	int64_t from, to;
	bool loud, local;
};

#define DEST(f) .offset = offsetof(struct test_args, f)
static const struct nd_option test_opts[] = {
	{ .name = "text", .type = ND_OT_STRING, .flags = ND_OPT_VALUE, .value = "T", DEST(text) },
	{ .name = "sum",
	  .type = ND_OT_STRING,
	  .flags = ND_OPT_VALUE,
	  .value = "HEX",
	  DEST(sum),
	  .min = 4,
	  .max = 4,
	  .bad = "--sum needs 4 digits" },
	{ .name = "kind",
	  .type = ND_OT_CHOICE,
	  .flags = ND_OPT_VALUE,
	  .value = "text|json|tsv",
	  DEST(kind),
	  .def_word = "text",
	  .bad = "unknown kind '%s'" },
	{ .name = "count",
	  .type = ND_OT_INT,
	  .flags = ND_OPT_VALUE,
	  .value = "N",
	  DEST(count),
	  .min = 1,
	  .max = 100,
	  .def = 20,
	  .bad = "--count needs 1 to 100" },
	{ .name = "item",
	  .type = ND_OT_ID,
	  .flags = ND_OPT_VALUE,
	  .value = "ID",
	  DEST(item),
	  .bad = "--item needs an item ID" },
	{ .name = "from",
	  .type = ND_OT_DAY,
	  .flags = ND_OPT_VALUE | ND_OPT_BAD_NAME,
	  .value = "YYYY-MM-DD",
	  DEST(from),
	  .bad = "--%1$s needs a day, not '%2$s'" },
	{ .name = "to",
	  .type = ND_OT_DAY_END,
	  .flags = ND_OPT_VALUE | ND_OPT_BAD_NAME,
	  .value = "YYYY-MM-DD",
	  DEST(to),
	  .bad = "--%1$s needs a day, not '%2$s'" },
	{ .name = "out",
	  .type = ND_OT_STRING,
	  .flags = ND_OPT_VALUE | ND_OPT_PATH,
	  .value = "FILE",
	  DEST(out) },
	{ .name = "loud", .type = ND_OT_FLAG, DEST(loud) },
	{ .name = "local", .type = ND_OT_FLAG, .flags = ND_OPT_LOCAL, DEST(local) },
	{ 0 },
};
#undef DEST

static const struct nd_command test_cmd = { "probe", NULL,       "[WORD...]", "",   test_opts,
					    0,       ND_CMD_SSH, NULL,        NULL, NULL };
static const struct nd_command path_cmd = {
	"load", NULL, "FILE...", "", test_opts, 0, ND_CMD_SSH | ND_CMD_PATH_ARGS, NULL, NULL, NULL
};

static char capture[128];
static char said[4096];

/* Parses words (NULL-terminated, after the command's name) with stderr
 * and stdout captured into said; returns -1 when the parse went on to the
 * command, else the exit code it stopped with. */
static int parse(bool ssh, const struct nd_command *cmd, struct test_args *a, const char **words)
{
	char *argv[32] = { (char *)cmd->name };
	int argc = 1;
	while (words[argc - 1])
		argv[argc] = (char *)words[argc - 1], argc++;
	struct nd_cli cli = { .ssh = ssh };
	memset(a, 0x5a, sizeof *a); /* the parser must set every field it owns */
	fflush(stdout);
	fflush(stderr);
	int out = dup(1), errfd = dup(2);
	int fd = open(capture, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	dup2(fd, 2);
	int rc;
	bool done = nd_cli_parse(&cli, cmd, argc, argv, a, &rc);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(errfd, 2);
	close(out);
	close(errfd);
	close(fd);
	FILE *f = fopen(capture, "r");
	size_t n = f ? fread(said, 1, sizeof said - 1, f) : 0;
	said[n] = '\0';
	if (f)
		fclose(f);
	return done ? rc : -1;
}

#define WORDS(...) ((const char *[]){ __VA_ARGS__, NULL })

static void test_types(void)
{
	struct test_args a;
	int rc = parse(false, &test_cmd, &a, (const char *[]){ NULL });
	ok(rc == -1 && a.npos == 0, "no words: the command runs");
	ok(a.count == 20 && strcmp(a.kind, "text") == 0,
	   "the table's defaults: --count 20, --kind text");
	ok(a.text == NULL && a.sum == NULL && a.item == 0 && a.from == 0 && !a.loud && !a.local,
	   "what is not given is empty (the struct is not left as it was)");

	rc = parse(false, &test_cmd, &a,
		   WORDS("--text", "工会", "--count=7", "--kind", "json", "--loud", "--item", "#42",
			 "--sum", "beef"));
	ok(rc == -1, "a line of every type parses");
	ok(a.text && strcmp(a.text, "工会") == 0, "STRING: the next word");
	ok(a.count == 7, "INT: --name=VALUE on the command line");
	ok(strcmp(a.kind, "json") == 0, "CHOICE: one of its words");
	ok(a.loud, "FLAG: true when given");
	ok(a.item == 42, "ID: #42 is item 42");
	ok(strcmp(a.sum, "beef") == 0, "STRING with a length: 4 bytes");

	rc = parse(false, &test_cmd, &a, WORDS("--count", "3", "--count", "9"));
	ok(rc == -1 && a.count == 9, "the last of an option given twice wins");
}

static void test_ranges(void)
{
	struct test_args a;
	const char *bad_counts[] = { "0", "101", "12x", "", " 3", "-1", "99999999999999999999" };
	bool all = true;
	for (size_t i = 0; i < sizeof bad_counts / sizeof *bad_counts; i++) {
		int rc = parse(false, &test_cmd, &a, WORDS("--count", bad_counts[i]));
		all &= rc == ND_EXIT_USAGE && strstr(said, "--count needs 1 to 100") &&
		       strstr(said, "usage:");
	}
	ok(all, "INT out of range or not a number: the row's usage error, and the usage");
	ok(parse(false, &test_cmd, &a, WORDS("--count", "1")) == -1 && a.count == 1 &&
	       parse(false, &test_cmd, &a, WORDS("--count", "100")) == -1 && a.count == 100,
	   "INT: both ends of the range are in it");
	ok(parse(false, &test_cmd, &a, WORDS("--kind", "xml")) == ND_EXIT_USAGE &&
	       strstr(said, "unknown kind 'xml'"),
	   "CHOICE: another word is refused, naming it");
	ok(parse(false, &test_cmd, &a, WORDS("--kind", "tex")) == ND_EXIT_USAGE,
	   "CHOICE: a prefix of a word is not the word");
	ok(parse(false, &test_cmd, &a, WORDS("--item", "0")) == ND_EXIT_USAGE &&
	       strstr(said, "--item needs an item ID") &&
	       parse(false, &test_cmd, &a, WORDS("--item", "4x")) == ND_EXIT_USAGE,
	   "ID: 0 and 4x are no item");
	ok(parse(false, &test_cmd, &a, WORDS("--sum", "abc")) == ND_EXIT_USAGE &&
	       strstr(said, "--sum needs 4 digits"),
	   "STRING with a length: 3 bytes are refused");
	ok(parse(false, &test_cmd, &a, WORDS("--from", "2024-02-30")) == ND_EXIT_USAGE &&
	       strstr(said, "--from needs a day, not '2024-02-30'"),
	   "DAY: 2024-02-30 is no day; the message names the option and the value");
	ok(parse(false, &test_cmd, &a, WORDS("--from", "2024-7-1")) == ND_EXIT_USAGE,
	   "DAY: only YYYY-MM-DD");
	int rc = parse(false, &test_cmd, &a, WORDS("--from", "2024-07-01", "--to", "2024-07-01"));
	struct tm tm = { .tm_year = 124, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1 };
	int64_t midnight = (int64_t)mktime(&tm);
	tm = (struct tm){ .tm_year = 124, .tm_mon = 6, .tm_mday = 2, .tm_isdst = -1 };
	ok(rc == -1 && a.from == midnight && a.to == (int64_t)mktime(&tm),
	   "DAY: the midnight that starts it; DAY_END: the one that ends it");
}

static void test_words(void)
{
	struct test_args a;
	ok(parse(false, &test_cmd, &a, WORDS("--count")) == ND_EXIT_USAGE &&
	       strstr(said, "'--count' needs a value"),
	   "a value missing at the end is named");
	ok(parse(false, &test_cmd, &a, WORDS("--nope")) == ND_EXIT_USAGE &&
	       strstr(said, "unknown option '--nope'"),
	   "an unknown option is named");
	ok(parse(false, &test_cmd, &a, WORDS("--coun", "3")) == ND_EXIT_USAGE,
	   "no abbreviations, on the command line either");
	ok(parse(false, &test_cmd, &a, WORDS("-c", "3")) == ND_EXIT_USAGE &&
	       strstr(said, "options are spelled --name"),
	   "a short option is refused, saying how options are spelled");
	ok(parse(false, &test_cmd, &a, WORDS("--loud=yes")) == ND_EXIT_USAGE &&
	       strstr(said, "takes no value"),
	   "a flag given a value is refused");
	int rc =
	    parse(false, &test_cmd, &a, WORDS("one", "--count", "3", "two", "--", "--loud", "-"));
	ok(rc == -1 && a.npos == 4 && strcmp(a.pos[0], "one") == 0 &&
	       strcmp(a.pos[1], "two") == 0 && strcmp(a.pos[2], "--loud") == 0 &&
	       strcmp(a.pos[3], "-") == 0 && !a.loud && a.count == 3,
	   "positional words in order, among options; after -- every word is one; - is a word");
	ok(strcmp(a.word0, "probe") == 0, "the command's own word is kept");
	ok(parse(false, &test_cmd, &a, WORDS("--count", "0", "--help")) == ND_EXIT_OK &&
	       strstr(said, "usage:") && !strstr(said, "--count needs"),
	   "--help anywhere is help, before any value is checked");
	ok(parse(false, &test_cmd, &a, WORDS("-h")) == ND_EXIT_OK, "-h on the command line");
}

static void test_ssh(void)
{
	struct test_args a;
	ok(parse(true, &test_cmd, &a, WORDS("--text", "x", "--count", "5", "w")) == -1 &&
	       a.count == 5 && a.npos == 1,
	   "SSH: exact options, values as the next word");
	ok(parse(true, &test_cmd, &a, WORDS("--count=5")) == ND_EXIT_USAGE &&
	       strstr(said, "give an option's value as the next word"),
	   "SSH: --name=VALUE is refused");
	ok(parse(true, &test_cmd, &a, WORDS("--out", "/etc/passwd")) == ND_EXIT_USAGE &&
	       strstr(said, "not available over SSH"),
	   "SSH: an option naming a server path is refused");
	ok(parse(true, &test_cmd, &a, WORDS("--local")) == ND_EXIT_USAGE &&
	       strstr(said, "not available over SSH"),
	   "SSH: an option the table keeps local is refused");
	ok(parse(true, &test_cmd, &a, WORDS("-h")) == ND_EXIT_USAGE, "SSH: -h is no option");
	ok(parse(true, &path_cmd, &a, WORDS("/etc/passwd")) == ND_EXIT_USAGE &&
	       strstr(said, "never from a file on the server"),
	   "SSH: a positional word of a command whose words are paths is refused");
	ok(parse(true, &path_cmd, &a, WORDS("--", "/etc/passwd")) == ND_EXIT_USAGE,
	   "SSH: …after -- too");
	ok(parse(false, &path_cmd, &a, WORDS("page.txt")) == -1 && a.npos == 1,
	   "the command line reads the same word as a file");
	ok(parse(true, &test_cmd, &a, WORDS("--kind\033[2J")) == ND_EXIT_USAGE &&
	       !strchr(said, '\033'),
	   "a refusal quotes the word without its control characters");
}

/* Every row of the real table: a destination inside the argument union,
 * a message for every value that can be refused, a default that is one of
 * its own words. */
static void check_rows(const struct nd_command *c, bool *dest, bool *bad, bool *def)
{
	for (const struct nd_option *o = c->options; o && o->name; o++) {
		size_t size = o->type == ND_OT_FLAG ? sizeof(bool) : sizeof(long long);
		if (o->offset + size > sizeof(union nd_cmd_args) ||
		    o->offset < offsetof(struct nd_words, npos) + sizeof(int))
			*dest = false;
		bool can_fail = o->type == ND_OT_INT || o->type == ND_OT_ID ||
				o->type == ND_OT_CHOICE || o->type == ND_OT_DAY ||
				o->type == ND_OT_DAY_END || (o->type == ND_OT_STRING && o->max);
		if (can_fail && !o->bad)
			*bad = false;
		if (!(o->type == ND_OT_FLAG) != !!(o->flags & ND_OPT_VALUE))
			*bad = false;
		if (o->type == ND_OT_CHOICE && o->def_word) {
			char *w = strdup(o->value);
			bool found = false;
			for (char *save, *t = strtok_r(w, "|", &save); t;
			     t = strtok_r(NULL, "|", &save))
				found |= strcmp(t, o->def_word) == 0;
			free(w);
			*def &= found;
		}
	}
}

static void test_table_rows(void)
{
	bool dest = true, bad = true, def = true;
	for (const struct nd_command *c = nd_commands; c->name; c++) {
		check_rows(c, &dest, &bad, &def);
		for (const struct nd_command *s = c->subs; s && s->name; s++)
			check_rows(s, &dest, &bad, &def);
		if (!c->subs && !c->run && !c->run_words)
			dest = false;
	}
	check_rows(&nd_verb_command, &dest, &bad, &def);
	ok(dest, "every row's destination is inside the command's argument struct");
	ok(bad, "every value that can be refused has its message; only flags take no value");
	ok(def, "every choice's default is one of its words");
}

int main(void)
{
	snprintf(capture, sizeof capture, "/tmp/newsdesk-parse-%d", (int)getpid());
	unsetenv("LANG");
	setenv("LC_ALL", "C.UTF-8", 1);
	test_types();
	test_ranges();
	test_words();
	test_ssh();
	test_table_rows();
	unlink(capture);
	return tap_done();
}
