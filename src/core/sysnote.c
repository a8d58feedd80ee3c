/* sysnote.c — system notes: a code with arguments, rendered when shown
 * (sysnote.h). The table gives each code its message; the legacy table
 * reads back the English earlier versions stored. */
#include "newsdesk/sysnote.h"
#include "newsdesk/importer.h"
#include "newsdesk/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct code_row {
	const char *code;
	int nargs;
	const char *msg; /* positional %n$s over the arguments */
};

static const struct code_row codes[] = {
	{ ND_SN_PLACE, 3, N_("placed at %1$s p.%2$s #%3$s") },
	{ ND_SN_REPLACE, 6, N_("%1$s p.%2$s #%3$s → %4$s p.%5$s #%6$s") },
	{ ND_SN_UNPLACE, 3, N_("taken off %1$s p.%2$s #%3$s") },
	{ ND_SN_TAKEOVER, 1, N_("took over %s's expired lock") },
	{ ND_SN_TAKEOVER_GONE, 3,
	  N_("took over %1$s's lock: their desk (pid %2$s on %3$s) is gone") },
	{ ND_SN_UNLOCK, 1, N_("broke %s's lock") },
	{ ND_SN_HANGUP, 0,
	  N_("the terminal went away; the lock is released and the unsaved text is kept as a "
	     "draft ('newsdesk drafts')") },
	{ ND_SN_STALE, 0, N_("saved from an old revision; kept as a conflict draft") },
	{ ND_SN_LOCKED, 0, N_("saved while not editable; kept as a conflict draft") },
	{ ND_SN_CORRECTION, 0, N_("correction of the published text") },
	{ ND_SN_WITH_ISSUE, 1, N_("published with issue %s") },
	{ ND_SN_FRAGMENT, 0,
	  N_("import: could not tell which article this text belongs to; an editor should "
	     "check it") },
};

void nd_sysnote_args(char *out, size_t size, int n, const char *const *args)
{
	size_t at = 0;
	if (size)
		out[0] = '\0';
	for (int i = 0; i < n && at + 1 < size; i++) {
		int w =
		    snprintf(out + at, size - at, "%s%s", i ? "\x1f" : "", args[i] ? args[i] : "");
		if (w < 0)
			break;
		at += (size_t)w < size - at ? (size_t)w : size - at - 1;
	}
}

static const struct code_row *find_code(const char *code)
{
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(codes[i].code, code) == 0)
			return &codes[i];
	return NULL;
}

/* Splits the stored arguments into a[] (pointers into buf). */
static int split_args(char *buf, const char **a)
{
	int n = 0;
	for (int i = 0; i < ND_SN_MAX_ARGS; i++)
		a[i] = "";
	if (!buf[0])
		return 0;
	for (char *p = buf; n < ND_SN_MAX_ARGS;) {
		a[n++] = p;
		char *sep = strchr(p, ND_SN_SEP);
		if (!sep)
			break;
		*sep = '\0';
		p = sep + 1;
	}
	return n;
}

static char *format_code(const struct code_row *row, const char *args)
{
	char *buf = strdup(args ? args : "");
	if (!buf)
		return NULL;
	const char *a[ND_SN_MAX_ARGS];
	split_args(buf, a);
	const char *fmt = gettext(row->msg);
	char *out = NULL;
	/* Every message takes its arguments as %n$s; the unused ones of a
	 * shorter message are ignored by printf. */
	int len = snprintf(NULL, 0, fmt, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (len >= 0 && (out = malloc((size_t)len + 1)) != NULL)
		snprintf(out, (size_t)len + 1, fmt, a[0], a[1], a[2], a[3], a[4], a[5]);
	free(buf);
	return out;
}

/* ---- the English earlier versions stored ---------------------------------- */

/* An English note of an earlier version, by its verb: its code and
 * arguments when it parses, else false. */
static bool parse_legacy(const char *verb, const char *text, const char **code, char *args,
			 size_t size)
{
	static const struct {
		const char *verb; /* NULL: a review note */
		const char *text;
		const char *code;
	} fixed[] = {
		{ "draft",
		  "the terminal went away; the lock is released and the unsaved text is kept as a "
		  "draft ('newsdesk drafts')",
		  ND_SN_HANGUP },
		{ "conflict", "saved from an old revision; kept as a conflict draft", ND_SN_STALE },
		{ "conflict", "saved while not editable; kept as a conflict draft", ND_SN_LOCKED },
		{ "correct", "correction of the published text", ND_SN_CORRECTION },
		{ NULL,
		  "导入时无法确定这段文字属于哪篇稿件，请编辑核对。(import: could not tell which "
		  "article this text belongs to)",
		  ND_SN_FRAGMENT },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if ((verb && fixed[i].verb ? strcmp(verb, fixed[i].verb) == 0
					   : !verb && !fixed[i].verb) &&
		    strcmp(text, fixed[i].text) == 0) {
			*code = fixed[i].code;
			args[0] = '\0';
			return true;
		}
	if (!verb)
		return false;
	char who[80], pa[2][3][64];
	int used = 0;
	const char *a[6];
	bool moves = strcmp(verb, "assign") == 0 || strcmp(verb, "move") == 0;
	bool off = strcmp(verb, "unassign") == 0;
	if (moves || off) {
		/* "ISSUE p.N #N", "ISSUE p.N #N → ISSUE p.N #N", "off ISSUE p.N #N"
		 * (the arrow split by hand: scanf's multibyte matching varies) */
		const char *arrow = moves ? strstr(text, " → ") : NULL;
		const char *parts[2] = { off ? text + (strncmp(text, "off ", 4) == 0 ? 4 : 0)
					     : text,
					 arrow ? arrow + strlen(" → ") : NULL };
		if (off && parts[0] == text)
			return false;
		int np = arrow ? 2 : 1;
		for (int k = 0; k < np; k++) {
			int pg, pos;
			size_t len =
			    k == 0 && arrow ? (size_t)(arrow - parts[0]) : strlen(parts[k]);
			char one[160];
			if (len >= sizeof one)
				return false;
			memcpy(one, parts[k], len);
			one[len] = '\0';
			if (sscanf(one, "%63s p.%d #%d%n", pa[k][0], &pg, &pos, &used) != 3 ||
			    one[used] != '\0')
				return false;
			snprintf(pa[k][1], sizeof pa[k][1], "%d", pg);
			snprintf(pa[k][2], sizeof pa[k][2], "%d", pos);
			for (int j = 0; j < 3; j++)
				a[k * 3 + j] = pa[k][j];
		}
		*code = np == 2 ? ND_SN_REPLACE : off ? ND_SN_UNPLACE : ND_SN_PLACE;
		nd_sysnote_args(args, size, np * 3, a);
		return true;
	}
	char host[256];
	long pid;
	if (strcmp(verb, "takeover") == 0 &&
	    sscanf(text, "took over %79[^']'s lock: their desk (pid %ld on %255[^)]) is gone%n",
		   who, &pid, host, &used) == 3 &&
	    used > 0 && text[used] == '\0') {
		char p[24];
		snprintf(p, sizeof p, "%ld", pid);
		a[0] = who, a[1] = p, a[2] = host;
		*code = ND_SN_TAKEOVER_GONE;
		nd_sysnote_args(args, size, 3, a);
		return true;
	}
	const char *lock_fmt = strcmp(verb, "takeover") == 0 ? "took over %79[^']'s expired lock%n"
							     : "broke %79[^']'s lock%n";
	if ((strcmp(verb, "takeover") == 0 || strcmp(verb, "unlock") == 0) &&
	    sscanf(text, lock_fmt, who, &used) == 1 && used > 0 && text[used] == '\0') {
		a[0] = who;
		*code = strcmp(verb, "takeover") == 0 ? ND_SN_TAKEOVER : ND_SN_UNLOCK;
		nd_sysnote_args(args, size, 1, a);
		return true;
	}
	return false;
}

char *nd_sysnote_render(const char *code, const char *text, const char *verb, bool *system)
{
	*system = false;
	char legacy[256];
	if (!code && text && parse_legacy(verb, text, &code, legacy, sizeof legacy))
		text = legacy;
	if (!code)
		return text && text[0] ? strdup(text) : NULL;
	*system = true;
	const struct nd_import_rule *rule =
	    strcmp(code, ND_SN_IMPORT_CHECK) == 0 ? nd_import_rule_find(text) : NULL;
	if (rule) {
		/* the importer's reason, in the reader's language */
		const char *fmt = _("import: %s");
		const char *why = gettext(rule->why);
		size_t n = strlen(fmt) + strlen(why) + 1;
		char *out = malloc(n);
		if (out)
			snprintf(out, n, fmt, why);
		return out;
	}
	const struct code_row *row = find_code(code);
	if (row)
		return format_code(row, text);
	/* A code of a newer version: shown as it is, its arguments spaced. */
	size_t n = strlen(code) + (text ? strlen(text) : 0) + 3;
	char *out = malloc(n);
	if (out) {
		snprintf(out, n, "%s%s%s", code, text && text[0] ? ": " : "", text ? text : "");
		for (char *p = out; *p; p++)
			if (*p == ND_SN_SEP)
				*p = ' ';
	}
	return out;
}

const char *nd_log_verb_label(const char *verb, const char *label_zh)
{
	if (!nd_lang_is_zh())
		return verb;
	if (label_zh && label_zh[0])
		return label_zh;
	/* The verbs the program logs itself, outside the workflow's table. */
	const struct {
		const char *verb, *label;
	} own[] = {
		{ "file", C_("log", "file") },         { "import", C_("log", "import") },
		{ "edit", C_("log", "edit") },         { "conflict", C_("log", "conflict") },
		{ "assign", C_("log", "assign") },     { "move", C_("log", "move") },
		{ "unassign", C_("log", "unassign") }, { "takeover", C_("log", "takeover") },
		{ "unlock", C_("log", "unlock") },     { "draft", C_("log", "draft") },
	};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strcmp(own[i].verb, verb) == 0)
			return own[i].label;
	return verb;
}
