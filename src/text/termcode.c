/* termcode.c — the terminal's charset from the locale, and the one
 * converting stream the command line writes through. ncursesw converts the
 * desk's wide characters itself (src/tui/draw.c). */
#include "newsdesk/termcode.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static enum nd_term_kind kind = ND_TERM_UTF8;
static char charset[64] = "UTF-8", locale_name[128] = "C.UTF-8";
static FILE *raw_stdout;
struct conv;
static struct conv *stdout_conv, *last_conv; /* stdout's, the one made last */

/* A sample of the desk's own words: a charset that cannot write these
 * (Big5, ISO-8859-*) cannot show the paper. */
static const unsigned chinese_sample[] = { 0x5F85, 0x7F16, 0x7B7E, 0x53D1, 0x5DE5, 0x4F1A };

bool nd_term_shows(unsigned cp)
{
	if (cp < 0x80 || kind == ND_TERM_UTF8)
		return true;
	char mb[MB_LEN_MAX];
	mbstate_t st = { 0 };
	return wcrtomb(mb, (wchar_t)cp, &st) != (size_t)-1;
}

enum nd_term_kind nd_term_init(void)
{
	raw_stdout = stdout;
	const char *set = setlocale(LC_ALL, "");
	const char *ctype = setlocale(LC_CTYPE, NULL);
	const char *cs = nl_langinfo(CODESET);
	if (set && ctype && strcmp(ctype, "C") != 0 && strcmp(ctype, "POSIX") != 0 &&
	    strcmp(cs, "UTF-8") != 0) {
		snprintf(charset, sizeof charset, "%s", cs);
		snprintf(locale_name, sizeof locale_name, "%s", ctype);
		kind = ND_TERM_CJK;
		for (size_t i = 0; i < sizeof chinese_sample / sizeof *chinese_sample; i++)
			if (!nd_term_shows(chinese_sample[i]))
				kind = ND_TERM_NARROW;
		FILE *out = nd_term_stream(STDOUT_FILENO, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
		struct conv *out_conv = last_conv;
		FILE *errs = nd_term_stream(STDERR_FILENO, _IOLBF);
		if (out && errs) {
			stdout_conv = out_conv;
			stdout = out;
			stderr = errs;
			return kind;
		}
		if (out)
			fclose(out);
		if (errs)
			fclose(errs);
	}
	/* Width and character classes come from the locale; with no charset
	 * of its own, newsdesk speaks UTF-8 as it always did. */
	kind = ND_TERM_UTF8;
	if (strcmp(cs, "UTF-8") != 0 || !set)
		setlocale(LC_CTYPE, "C.UTF-8");
	snprintf(charset, sizeof charset, "UTF-8");
	ctype = setlocale(LC_CTYPE, NULL);
	snprintf(locale_name, sizeof locale_name, "%s", ctype ? ctype : "C.UTF-8");
	return kind;
}

enum nd_term_kind nd_term_kind(void)
{
	return kind;
}

const char *nd_term_charset(void)
{
	return charset;
}

const char *nd_term_locale(void)
{
	return locale_name;
}

/* the converted words, kept for the life of the process */
#define ARGV_KEPT 256
static char *argv_kept[ARGV_KEPT];

static char *to_utf8(const char *word)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t n = strlen(word), room = n * 4 + 1;
	char *out = malloc(room), *ip = (char *)word, *op = out;
	if (out && iconv(cd, &ip, &n, &op, &room) != (size_t)-1 && room > 0) {
		*op = '\0';
	} else {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	return out;
}

void nd_term_argv(int argc, char **argv)
{
	if (kind == ND_TERM_UTF8)
		return;
	int kept = 0;
	for (int i = 1; i < argc && kept < ARGV_KEPT; i++) {
		const char *w = argv[i];
		bool ascii = true;
		for (const char *p = w; *p; p++)
			ascii = ascii && (unsigned char)*p < 0x80;
		if (ascii || nd_utf8_valid(w, strlen(w), NULL) || access(w, F_OK) == 0)
			continue;
		char *utf8 = to_utf8(w);
		if (utf8)
			argv[i] = argv_kept[kept++] = utf8;
	}
}

FILE *nd_term_raw_stdout(void)
{
	return raw_stdout ? raw_stdout : stdout;
}

/* ---- the converting stream ---------------------------------------------- */

struct conv {
	int fd;
	iconv_t cd;
	char pending[4]; /* the start of a character split between two writes */
	size_t npending;
	bool bytes; /* pass-through: nd_term_stdout_bytes */
};

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Converts in[0..n) and writes it; returns how many bytes of in were used
 * (an incomplete character at the end is left), or -1 on a write error. */
static ssize_t convert(struct conv *c, const char *in, size_t n)
{
	char out[1024];
	char *ip = (char *)in;
	size_t left = n;
	while (left) {
		char *op = out;
		size_t room = sizeof out - 8;
		size_t r = iconv(c->cd, &ip, &left, &op, &room);
		int e = errno;
		if (!write_all(c->fd, out, (size_t)(op - out)))
			return -1;
		if (r != (size_t)-1)
			break;
		if (e == E2BIG)
			continue;
		unsigned cp;
		int len = nd_utf8_decode(ip, left, &cp);
		if (e == EINVAL && len < 0 && left < 4)
			break; /* incomplete: wait for the rest */
		/* cannot be shown (or not UTF-8): a placeholder as wide as it, so
		 * a table's columns stay where they were */
		size_t step = len > 0 ? (size_t)len : 1;
		if (!write_all(c->fd, "??", len > 0 && nd_cp_width(cp) == 2 ? 2 : 1))
			return -1;
		ip += step;
		left -= step;
	}
	return (ssize_t)(n - left);
}

static ssize_t conv_write(void *cookie, const char *buf, size_t size)
{
	struct conv *c = cookie;
	if (c->bytes)
		return write_all(c->fd, buf, size) ? (ssize_t)size : -1;
	size_t used = 0;
	/* finish a character the previous write began */
	while (c->npending && used < size) {
		c->pending[c->npending++] = buf[used++];
		ssize_t done = convert(c, c->pending, c->npending);
		if (done < 0)
			return -1;
		c->npending -= (size_t)done;
		memmove(c->pending, c->pending + done, c->npending);
	}
	ssize_t done = convert(c, buf + used, size - used);
	if (done < 0)
		return -1;
	size_t rest = size - used - (size_t)done;
	memcpy(c->pending, buf + used + done, rest);
	c->npending = rest;
	return (ssize_t)size;
}

static int conv_close(void *cookie)
{
	struct conv *c = cookie;
	if (c->npending)
		write_all(c->fd, "?", 1);
	iconv_close(c->cd);
	free(c);
	return 0;
}

void nd_term_stdout_bytes(void)
{
	if (!stdout_conv)
		return;
	fflush(stdout);
	stdout_conv->bytes = true;
}

FILE *nd_term_stream(int fd, int buffering)
{
	struct conv *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->fd = fd;
	c->cd = iconv_open(charset, "UTF-8");
	if (c->cd == (iconv_t)-1) {
		free(c);
		return NULL;
	}
	cookie_io_functions_t io = { .write = conv_write, .close = conv_close };
	FILE *f = fopencookie(c, "w", io);
	if (!f) {
		iconv_close(c->cd);
		free(c);
		return NULL;
	}
	setvbuf(f, NULL, buffering, BUFSIZ);
	last_conv = c;
	return f;
}

/* ---- the ambiguous-width probe ------------------------------------------ */

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads the answer ESC [ row ; col R; returns col, or 0. */
static int read_cursor_column(int fd, int timeout_ms)
{
	char reply[32];
	size_t n = 0;
	long end = now_ms() + timeout_ms;
	while (n < sizeof reply - 1) {
		long left = end - now_ms();
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			return 0;
		ssize_t r = read(fd, reply + n, 1);
		if (r <= 0)
			return 0;
		if (reply[n++] == 'R')
			break;
	}
	reply[n] = '\0';
	const char *esc = strstr(reply, "\033[");
	int row, col;
	if (!esc || sscanf(esc, "\033[%d;%dR", &row, &col) != 2)
		return 0;
	return col;
}

int nd_term_probe_ambiguous(int timeout_ms)
{
	int in = STDIN_FILENO, out = STDOUT_FILENO;
	struct termios saved, raw;
	if (!isatty(in) || !isatty(out) || tcgetattr(in, &saved) < 0)
		return 0;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(in, TCSANOW, &raw) < 0)
		return 0;
	/* “ in the terminal's own charset */
	char quote[MB_LEN_MAX + 1] = "\xE2\x80\x9C";
	if (kind != ND_TERM_UTF8) {
		mbstate_t st = { 0 };
		size_t len = wcrtomb(quote, (wchar_t)0x201C, &st);
		quote[len == (size_t)-1 ? 0 : len] = '\0';
	}
	int col = 0;
	if (quote[0] && write_all(out, "\r", 1) && write_all(out, quote, strlen(quote)) &&
	    write_all(out, "\033[6n", 4))
		col = read_cursor_column(in, timeout_ms);
	write_all(out, "\r\033[K", 4);
	/* no answer in time: a late one must not reach the desk as keys
	 * (ESC [ 1 ; 3 R would be a count and R) */
	if (!col)
		tcflush(in, TCIFLUSH);
	tcsetattr(in, TCSANOW, &saved);
	/* the line started at column 1: “ ended at column 2 or 3 */
	return col == 2 || col == 3 ? col - 1 : 0;
}
