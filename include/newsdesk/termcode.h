/* termcode.h — the terminal's charset. Text inside newsdesk is UTF-8; a
 * terminal whose locale says otherwise (zh_CN.GB18030, zh_CN.GBK…) is
 * written in its own charset and what it cannot show becomes '?'. */
#ifndef NEWSDESK_TERMCODE_H
#define NEWSDESK_TERMCODE_H

#include <stdbool.h>
#include <stdio.h>

enum nd_term_kind {
	ND_TERM_UTF8, /* UTF-8 (also the plain C locale, which says nothing) */
	ND_TERM_CJK, /* a charset that carries simplified Chinese: GB18030, GBK… */
	ND_TERM_NARROW, /* one that cannot: ISO-8859-1, KOI8-R… */
};

/* Decides, once after setlocale(LC_ALL, ""), how the terminal is spoken
 * to: a locale without a charset of its own (C, POSIX, or one not
 * installed) falls back to C.UTF-8 as newsdesk always did; any other
 * non-UTF-8 charset becomes the terminal's, and stdout and stderr are
 * replaced by streams that convert to it. */
enum nd_term_kind nd_term_init(void);
enum nd_term_kind nd_term_kind(void);
/* The charset's name as the C library gives it ("UTF-8", "GB18030"). */
const char *nd_term_charset(void);
/* The locale's name (LC_CTYPE), for messages. */
const char *nd_term_locale(void);

/* Words typed on a terminal of another charset arrive in it: each argv
 * word that is not ASCII, is not already UTF-8 and does not name an
 * existing file (a file's name is its bytes) is converted to UTF-8 in
 * place. A word that does not convert stays as it was. */
void nd_term_argv(int argc, char **argv);

/* True when the terminal's charset can show cp. */
bool nd_term_shows(unsigned cp);

/* The stdout as it was before nd_term_init: bytes written there are not
 * converted (the desk's curses screen, `show --original`). */
FILE *nd_term_raw_stdout(void);

/* From now on stdout passes bytes unconverted: machine formats (JSON is
 * UTF-8 by its RFC; TSV, CSV and HTML say UTF-8 too) and a filing's
 * original bytes. */
void nd_term_stdout_bytes(void);

/* A stream writing to fd that converts UTF-8 to the terminal's charset,
 * '?' for each character it cannot show. NULL on failure. */
FILE *nd_term_stream(int fd, int buffering);

/* How wide the terminal draws an East Asian ambiguous character: writes
 * “ at the start of the line, asks where the cursor went (ESC [ 6 n),
 * waits at most timeout_ms for the answer, and wipes the line. Returns 1 or
 * 2, or 0 when stdin and stdout are not a terminal or it did not answer. */
int nd_term_probe_ambiguous(int timeout_ms);

#endif
