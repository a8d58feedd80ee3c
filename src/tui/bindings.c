/* bindings.c — the user's key-binding file, as tig's `bind` lines and
 * mutt's: `bind PANE KEY REQUEST`, one a line, read when the desk starts.
 * A binding comes before the request table in its panes; help and the
 * hints write the keys as they then are. The file is the user's own, but
 * its costs are bounded all the same, and in the restricted SSH context no
 * file is read at all (the files module refuses at the point of effect). */
#include "newsdesk/files.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/utf8.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_BINDINGS 512
#define MAX_FILE (64 * 1024)

struct binding {
	unsigned panes;
	int code;
	enum tui_req req; /* REQ_NONE: the key does nothing here */
};

static struct binding bindings[MAX_BINDINGS];
static size_t nbindings;
static char source[PATH_MAX];

/* A pane's word in a binding file: the registry's names (panes.c), and
 * two of the binding file's own: generic (every pane but the editor) and
 * help (the pager). */
static unsigned pane_word(const char *w)
{
	const struct tui_pane_info *p = tui_pane_by_name(w);
	if (p)
		return p->flag;
	if (strcmp(w, "generic") == 0)
		return PANE_ALL;
	if (strcmp(w, "help") == 0)
		return PANE_PAGER;
	if (strcmp(w, "photos") == 0)
		return PANE_PHOTO; /* as the request that opens it is named */
	return 0;
}

/* Key names between < >, as vim and mutt write them, and the terminfo
 * capability names of the same keys; the first of a code is how help
 * writes it. */
static const struct {
	const char *name;
	int code;
} key_names[] = {
	{ "↑", TK_FN(KEY_UP) },
	{ "↓", TK_FN(KEY_DOWN) },
	{ "←", TK_FN(KEY_LEFT) },
	{ "→", TK_FN(KEY_RIGHT) },
	{ "Home", TK_FN(KEY_HOME) },
	{ "End", TK_FN(KEY_END) },
	{ "PgUp", TK_FN(KEY_PPAGE) },
	{ "PgDn", TK_FN(KEY_NPAGE) },
	{ "Enter", '\n' },
	{ "Tab", '\t' },
	{ "Esc", 27 },
	{ "Space", ' ' },
	{ "Backspace", 127 },
	{ "Backspace", TK_FN(KEY_BACKSPACE) },
	{ "Del", TK_FN(KEY_DC) },
	{ "Ins", TK_FN(KEY_IC) },
	{ "Shift-Tab", TK_FN(KEY_BTAB) },
	{ "Enter", TK_FN(KEY_ENTER) },
	{ "^←", TK_FN(TUI_KEY_CLEFT) },
	{ "^→", TK_FN(TUI_KEY_CRIGHT) },
	{ "^↑", TK_FN(TUI_KEY_CUP) },
	{ "^↓", TK_FN(TUI_KEY_CDOWN) },
	{ "^Home", TK_FN(TUI_KEY_CHOME) },
	{ "^End", TK_FN(TUI_KEY_CEND) },
	{ "^Space", TK_CTRL_SPACE },
	/* other spellings, for the file only */
	{ "Up", TK_FN(KEY_UP) },
	{ "Down", TK_FN(KEY_DOWN) },
	{ "Left", TK_FN(KEY_LEFT) },
	{ "Right", TK_FN(KEY_RIGHT) },
	{ "PageUp", TK_FN(KEY_PPAGE) },
	{ "PageDown", TK_FN(KEY_NPAGE) },
	{ "Return", '\n' },
	{ "CR", '\r' },
	{ "Escape", 27 },
	{ "BS", 127 },
	{ "Delete", TK_FN(KEY_DC) },
	{ "Insert", TK_FN(KEY_IC) },
	{ "S-Tab", TK_FN(KEY_BTAB) },
	{ "BackTab", TK_FN(KEY_BTAB) },
	{ "C-Left", TK_FN(TUI_KEY_CLEFT) },
	{ "C-Right", TK_FN(TUI_KEY_CRIGHT) },
	{ "C-Up", TK_FN(TUI_KEY_CUP) },
	{ "C-Down", TK_FN(TUI_KEY_CDOWN) },
	{ "C-Home", TK_FN(TUI_KEY_CHOME) },
	{ "C-End", TK_FN(TUI_KEY_CEND) },
	{ "C-Space", TK_CTRL_SPACE },
	{ "Hash", '#' },
	/* terminfo capabilities (infocmp's names) */
	{ "kcuu1", TK_FN(KEY_UP) },
	{ "kcud1", TK_FN(KEY_DOWN) },
	{ "kcub1", TK_FN(KEY_LEFT) },
	{ "kcuf1", TK_FN(KEY_RIGHT) },
	{ "khome", TK_FN(KEY_HOME) },
	{ "kend", TK_FN(KEY_END) },
	{ "kpp", TK_FN(KEY_PPAGE) },
	{ "knp", TK_FN(KEY_NPAGE) },
	{ "kbs", TK_FN(KEY_BACKSPACE) },
	{ "kdch1", TK_FN(KEY_DC) },
	{ "kich1", TK_FN(KEY_IC) },
	{ "kcbt", TK_FN(KEY_BTAB) },
	{ "kent", TK_FN(KEY_ENTER) },
	{ "kLFT5", TK_FN(TUI_KEY_CLEFT) },
	{ "kRIT5", TK_FN(TUI_KEY_CRIGHT) },
	{ "kUP5", TK_FN(TUI_KEY_CUP) },
	{ "kDN5", TK_FN(TUI_KEY_CDOWN) },
	{ "kHOM5", TK_FN(TUI_KEY_CHOME) },
	{ "kEND5", TK_FN(TUI_KEY_CEND) },
};
#define N_KEY_NAMES (sizeof key_names / sizeof *key_names)

void tui_key_name(int code, char *out, size_t size)
{
	for (size_t i = 0; i < N_KEY_NAMES; i++)
		if (key_names[i].code == code) {
			snprintf(out, size, "%s", key_names[i].name);
			return;
		}
	if (code & TK_META(0)) {
		struct nd_buf c = ND_BUF_INIT;
		nd_buf_add_cp(&c, (unsigned)(code & ~TK_META(0)));
		snprintf(out, size, "Alt-%s", nd_buf_str(&c));
		nd_buf_free(&c);
	} else if (code & TK_FN(0)) {
		int k = code & ~TK_FN(0);
		if (k >= KEY_F(1) && k <= KEY_F(63))
			snprintf(out, size, "F%d", k - KEY_F(0));
		else if (keyname(k) && strncmp(keyname(k), "KEY_", 4) == 0)
			snprintf(out, size, "%s", keyname(k) + 4);
		else
			snprintf(out, size, "<%d>", k);
	} else if (code < 0x20) {
		snprintf(out, size, "^%c", code + '@');
	} else {
		struct nd_buf c = ND_BUF_INIT;
		nd_buf_add_cp(&c, (unsigned)code);
		snprintf(out, size, "%s", nd_buf_str(&c));
		nd_buf_free(&c);
	}
}

/* One character, the whole word: its code point; -1 otherwise. */
static int one_char(const char *w)
{
	unsigned cp;
	size_t n = strlen(w);
	int len = nd_utf8_decode(w, n, &cp);
	return len > 0 && (size_t)len == n && cp >= 0x20 && cp != 0x7f ? (int)cp : -1;
}

/* An ncurses name, KEY_HOME or KEY_F(5): the codes below KEY_MAX by name. */
static int ncurses_name(const char *w)
{
	for (int k = KEY_MIN; k <= KEY_MAX; k++) {
		const char *name = keyname(k);
		if (name && strcmp(name, w) == 0)
			return TK_FN(k);
	}
	return -1;
}

/* What is inside < > (or a bare terminfo name): a named key, F5, C-x
 * (Ctrl), M-x or A-x (Alt). */
static int named(const char *w)
{
	for (size_t i = 0; i < N_KEY_NAMES; i++)
		if (strcasecmp(key_names[i].name, w) == 0)
			return key_names[i].code;
	int f;
	char end;
	if ((w[0] == 'F' || w[0] == 'f') && sscanf(w + 1, "%d%c", &f, &end) == 1 && f >= 1 &&
	    f <= 63 && isdigit((unsigned char)w[1]))
		return TK_FN(KEY_F(f));
	bool alt = strncasecmp(w, "M-", 2) == 0 || strncasecmp(w, "A-", 2) == 0;
	bool ctrl = strncasecmp(w, "C-", 2) == 0;
	int skip = alt || ctrl ? 2 : 0;
	if (strncasecmp(w, "Alt-", 4) == 0 || strncasecmp(w, "Meta-", 5) == 0)
		alt = true, skip = w[1] == 'l' || w[1] == 'L' ? 4 : 5;
	else if (strncasecmp(w, "Ctrl-", 5) == 0)
		ctrl = true, skip = 5;
	int c = skip ? one_char(w + skip) : -1;
	if (c < 0)
		return -1;
	if (alt)
		return TK_META(c);
	return c < 0x80 && isalpha(c) ? TK_CTRL(toupper(c)) : -1;
}

int tui_key_parse(const char *w, int *code)
{
	size_t n = strlen(w);
	int c = -1;
	if (n == 0)
		return -1;
	if (w[0] == '^' && n == 2) {
		unsigned char x = (unsigned char)toupper((unsigned char)w[1]);
		if (x == '?')
			c = 127;
		else if (x == '@')
			c = TK_CTRL_SPACE;
		else if (x >= 'A' && x <= '_')
			c = TK_CTRL(x);
	} else if (w[0] == '^' && strcasecmp(w + 1, "Space") == 0) {
		c = TK_CTRL_SPACE;
	} else if (w[0] == '<' && n > 2 && w[n - 1] == '>') {
		char inner[64];
		if (n - 2 >= sizeof inner)
			return -1;
		memcpy(inner, w + 1, n - 2);
		inner[n - 2] = '\0';
		c = strncmp(inner, "KEY_", 4) == 0 ? ncurses_name(inner) : named(inner);
	} else if (strncmp(w, "KEY_", 4) == 0) {
		c = ncurses_name(w);
	} else if ((c = named(w)) < 0) {
		c = one_char(w); /* else a terminfo name (khome, kLFT5) or ↓ */
	}
	if (c < 0 || c == 0)
		return -1;
	*code = c;
	return 0;
}

static unsigned parse_panes(const char *w, char *bad, size_t size, bool *generic)
{
	unsigned panes = 0;
	char copy[128];
	snprintf(copy, sizeof copy, "%s", w);
	char *save = NULL;
	for (char *p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		unsigned one = pane_word(p);
		*generic |= strcmp(p, "generic") == 0;
		if (!one) {
			snprintf(bad, size, "%s", p);
			return 0;
		}
		panes |= one;
	}
	return panes;
}

/* The words of a line (at most max), blanks between them; a word that
 * starts with # after the fourth begins a comment (the key may be #). */
static int split(char *line, char **words, int max)
{
	int n = 0;
	for (char *p = line; *p;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p || (n >= 4 && *p == '#'))
			break;
		if (n == max)
			return max + 1;
		words[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return n;
}

static void bad_line(struct nd_buf *errors, const char *src, long line, const char *fmt,
		     const char *a)
{
	if (!errors)
		return;
	nd_buf_printf(errors, "%s:%ld: ", src, line);
	nd_buf_printf(errors, fmt, a);
	nd_buf_addc(errors, '\n');
}

/* One line; a message for a bad one in errors. true when it was good. */
static bool parse_line(char *text, const char *src, long no, struct nd_buf *errors)
{
	char *w[5];
	int n = split(text, w, 4);
	if (n == 0 || w[0][0] == '#')
		return true;
	if (strcmp(w[0], "bind") != 0) {
		bad_line(errors, src, no,
			 _("'%s' is not a command here; lines are 'bind PANE KEY REQUEST'"), w[0]);
		return false;
	}
	if (n != 4) {
		bad_line(errors, src, no, "%s", _("'bind' takes three words: PANE KEY REQUEST"));
		return false;
	}
	char bad[128];
	bool generic = false;
	unsigned panes = parse_panes(w[1], bad, sizeof bad, &generic);
	if (!panes) {
		char names[256], what[400];
		tui_pane_names(names, sizeof names);
		snprintf(what, sizeof what, "%s, generic", names);
		if (errors) {
			nd_buf_printf(errors, "%s:%ld: ", src, no);
			nd_buf_printf(errors, _("no pane '%1$s' (%2$s)"), bad, what);
			nd_buf_addc(errors, '\n');
		}
		return false;
	}
	int code;
	if (tui_key_parse(w[2], &code) < 0) {
		bad_line(errors, src, no,
			 _("no key '%s' (a character, ^X, <Home>, <F5>, <M-x>, KEY_HOME or khome)"),
			 w[2]);
		return false;
	}
	enum tui_req req = REQ_NONE;
	if (strcmp(w[3], "none") != 0) {
		const struct tui_request *r = NULL;
		for (size_t i = 0; i < tui_request_count && !r; i++)
			if (strcmp(tui_requests[i].name, w[3]) == 0)
				r = &tui_requests[i];
		if (!r) {
			bad_line(errors, src, no, _("no request '%s' (help lists their names)"),
				 w[3]);
			return false;
		}
		/* a request of the `:` line only works wherever `:` does;
		 * generic means every pane where the request works */
		unsigned where = r->panes ? r->panes : PANE_ALL;
		if (generic)
			panes &= where | (panes & ~PANE_ALL);
		if (!panes || (panes & where) != panes) {
			bad_line(errors, src, no, _("'%s' does nothing in every pane named here"),
				 w[3]);
			return false;
		}
		req = r->req;
	}
	if (nbindings == MAX_BINDINGS) {
		bad_line(errors, src, no, "%s", _("too many bindings; the rest are not read"));
		return false;
	}
	bindings[nbindings++] = (struct binding){ panes, code, req };
	return true;
}

int tui_bindings_parse(const char *text, const char *src, struct nd_buf *errors)
{
	int bad = 0;
	long no = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[512];
		no++;
		if (len >= sizeof line) {
			bad_line(errors, src, no, "%s", _("line too long"));
			bad++;
		} else {
			memcpy(line, p, len);
			line[len] = '\0';
			if (len && line[len - 1] == '\r')
				line[len - 1] = '\0';
			if (!nd_utf8_valid(line, strlen(line), NULL)) {
				bad_line(errors, src, no, "%s", _("not UTF-8"));
				bad++;
			} else if (!parse_line(line, src, no, errors)) {
				bad++;
			}
		}
		p += len + (nl ? 1 : 0);
	}
	return bad;
}

/* $XDG_CONFIG_HOME/newsdesk/keys, else ~/.config/newsdesk/keys. */
static bool default_path(char *out, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return snprintf(out, size, "%s/newsdesk/keys", xdg) < (int)size;
	if (home && home[0] == '/')
		return snprintf(out, size, "%s/.config/newsdesk/keys", home) < (int)size;
	return false;
}

int tui_bindings_load(const char *path, struct nd_buf *errors)
{
	char def[PATH_MAX];
	bool given = path != NULL;
	if (!given) {
		/* over SSH the environment is the desk account's, but nothing
		 * read there may depend on what a session sets */
		if (nd_restricted() || !default_path(def, sizeof def))
			return 0;
		path = def;
		FILE *probe = fopen(path, "r");
		if (!probe)
			return 0; /* no file: the table as it is */
		fclose(probe);
	}
	struct nd_error err = { 0 };
	FILE *f;
	if (nd_open_input(path, &f, &err) < 0) {
		if (errors)
			nd_buf_printf(errors, _("key bindings not read: %s\n"), err.msg);
		return 1;
	}
	struct nd_buf text = ND_BUF_INIT;
	char chunk[4096];
	size_t n;
	bool too_big = false;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (text.len + n > MAX_FILE) {
			too_big = true;
			break;
		}
		nd_buf_add(&text, chunk, n);
	}
	fclose(f);
	if (too_big) {
		if (errors)
			nd_buf_printf(errors, _("%s: larger than %d KiB; key bindings not read\n"),
				      path, MAX_FILE / 1024);
		nd_buf_free(&text);
		return 1;
	}
	snprintf(source, sizeof source, "%s", path);
	int bad = tui_bindings_parse(nd_buf_str(&text), path, errors);
	nd_buf_free(&text);
	return bad;
}

void tui_bindings_clear(void)
{
	nbindings = 0;
	source[0] = '\0';
}

const char *tui_bindings_source(void)
{
	return source[0] ? source : NULL;
}

int tui_binding_for_code(unsigned pane, int code, enum tui_req *req)
{
	for (size_t i = nbindings; i-- > 0;) /* the last line wins */
		if ((bindings[i].panes & pane) && bindings[i].code == code) {
			*req = bindings[i].req;
			return 1;
		}
	return 0;
}

static void add_code(int *codes, size_t *n, size_t max, int code)
{
	for (size_t i = 0; i < *n; i++)
		if (codes[i] == code)
			return;
	if (*n < max)
		codes[(*n)++] = code;
}

size_t tui_request_keys(const struct tui_request *r, unsigned kind, int *codes, size_t max)
{
	size_t n = 0;
	for (int k = 0; k < TUI_MAX_KEYS && r->keys[k]; k++)
		if ((r->panes & kind) && tui_request_for_code(kind, r->keys[k]) == r->req)
			add_code(codes, &n, max, r->keys[k]);
	for (size_t i = 0; i < nbindings; i++)
		if ((bindings[i].panes & kind) && bindings[i].req == r->req &&
		    tui_request_for_code(kind, bindings[i].code) == r->req)
			add_code(codes, &n, max, bindings[i].code);
	return n;
}

static void add_name(char *buf, size_t size, int code)
{
	char name[32], padded[40];
	tui_key_name(code, name, sizeof name);
	snprintf(padded, sizeof padded, " %s ", name);
	char have[520];
	snprintf(have, sizeof have, " %s ", buf);
	if (strstr(have, padded))
		return; /* Enter as \n, \r and KEY_ENTER is one name */
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s", len ? " " : "", name);
}

const char *tui_request_label(const struct tui_request *r, unsigned kind, char *buf, size_t size)
{
	bool touched = false;
	for (size_t i = 0; i < nbindings && !touched; i++) {
		if (!(bindings[i].panes & kind))
			continue;
		touched = bindings[i].req == r->req;
		for (int k = 0; k < TUI_MAX_KEYS && r->keys[k] && !touched; k++)
			touched = r->keys[k] == bindings[i].code;
	}
	if (!touched)
		return r->label && (r->panes & kind) ? r->label : "";
	int codes[TUI_MAX_KEYS + 16];
	size_t n = tui_request_keys(r, kind, codes, sizeof codes / sizeof *codes);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		add_name(buf, size, codes[i]);
	return buf;
}
