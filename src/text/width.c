/* width.c — columns by the C library's UTF-8 tables whatever the terminal's
 * charset, East Asian ambiguous characters one or two columns wide as the
 * user says (vim's 'ambiwidth'), cutting and padding by columns. */
#include "newsdesk/width.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/utf8.h"

#include "ambiguous.h"

#include <locale.h>
#include <stdint.h>
#include <string.h>
#include <threads.h>
#include <wchar.h>
#include <wctype.h>

static int ambiguous_cols = 1;

void nd_width_set_ambiguous(int cols)
{
	ambiguous_cols = cols == 2 ? 2 : 1;
}

int nd_width_ambiguous(void)
{
	return ambiguous_cols;
}

int nd_width_parse_ambiguous(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "1") == 0 || strcmp(s, "single") == 0)
		return 1;
	if (strcmp(s, "2") == 0 || strcmp(s, "double") == 0)
		return 2;
	if (strcmp(s, "auto") == 0)
		return 0;
	return -1;
}

bool nd_cp_ambiguous(unsigned cp)
{
	size_t lo = 0, hi = sizeof nd_ambiguous / sizeof *nd_ambiguous;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < nd_ambiguous[mid][0])
			hi = mid;
		else if (cp > nd_ambiguous[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* The C library's widths in a locale's charmap: under zh_CN.GB18030 glibc
 * makes every two-byte GB character two columns (é, ·, “ included) and an
 * emoji -1, so the widths are read once from C.UTF-8's tables for the
 * Basic Multilingual Plane, and through that locale above it. wcswidth, not
 * wcwidth: the program defines wcwidth itself, as this function
 * (src/tui/curses_width.c, for ncursesw). */
static locale_t utf8_locale;
static int8_t bmp_width[0x10000];
static once_flag bmp_once = ONCE_FLAG_INIT;

static int libc_width(unsigned cp)
{
	wchar_t wc = (wchar_t)cp;
	if (!utf8_locale)
		return wcswidth(&wc, 1);
	locale_t old = uselocale(utf8_locale);
	int w = wcswidth(&wc, 1);
	uselocale(old);
	return w;
}

static void bmp_init(void)
{
	utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	locale_t old = utf8_locale ? uselocale(utf8_locale) : (locale_t)0;
	for (unsigned cp = 0; cp < 0x10000; cp++) {
		wchar_t wc = (wchar_t)cp;
		bmp_width[cp] = (int8_t)wcswidth(&wc, 1);
	}
	if (utf8_locale)
		uselocale(old);
}

int nd_wcwidth_unicode(unsigned cp)
{
	if (cp > 0x10FFFF)
		return -1;
	call_once(&bmp_once, bmp_init);
	return cp < 0x10000 ? bmp_width[cp] : libc_width(cp);
}

bool nd_cp_alnum(unsigned cp)
{
	call_once(&bmp_once, bmp_init);
	if (!utf8_locale)
		return iswalnum((wint_t)cp);
	return iswalnum_l((wint_t)cp, utf8_locale);
}

int nd_wcwidth(unsigned cp)
{
	int w = nd_wcwidth_unicode(cp);
	if (w == 1 && ambiguous_cols == 2 && nd_cp_ambiguous(cp))
		w = 2;
	return w;
}

int nd_cp_width(unsigned cp)
{
	int w = nd_wcwidth(cp);
	return w < 0 ? 1 : w;
}

static int width_of(const char *s, size_t n)
{
	int cols = 0;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		cols += nd_cp_width(cp);
	}
	return cols;
}

int nd_text_width(const char *s)
{
	struct nd_buf b = ND_BUF_INIT;
	if (nd_sanitize(&b, s, strlen(s), 0) < 0)
		return (int)strlen(s);
	int w = width_of(nd_buf_str(&b), b.len);
	nd_buf_free(&b);
	return w;
}

static int add_spaces(struct nd_buf *out, int n)
{
	for (int i = 0; i < n; i++)
		if (nd_buf_addc(out, ' ') < 0)
			return -1;
	return 0;
}

int nd_fit(struct nd_buf *out, const char *s, int cols, bool pad, enum nd_align align)
{
	struct nd_buf clean = ND_BUF_INIT;
	if (cols < 0)
		cols = 0;
	if (nd_sanitize(&clean, s ? s : "", s ? strlen(s) : 0, 0) < 0)
		return -1;
	const char *t = nd_buf_str(&clean);
	size_t n = clean.len;
	int total = width_of(t, n), used = 0;
	size_t keep = n;

	if (total > cols) {
		/* Room for the ellipsis: cut where the kept text plus "…" fits. */
		int room = cols - nd_cp_width(0x2026);
		size_t i = 0;
		keep = 0;
		while (i < n && room >= 0) {
			unsigned cp;
			int len = nd_utf8_decode(t + i, n - i, &cp);
			size_t step = len > 0 ? (size_t)len : 1;
			int w = nd_cp_width(cp);
			if (used + w > room)
				break;
			used += w;
			i += step;
			keep = i;
		}
	} else {
		used = total;
	}
	bool cut = keep < n;
	int shown = used + (cut && cols > 0 ? nd_cp_width(0x2026) : 0);
	int rc = 0;
	if (pad && align == ND_ALIGN_RIGHT)
		rc |= add_spaces(out, cols - shown);
	rc |= nd_buf_add(out, t, keep);
	if (cut && cols > 0)
		rc |= nd_buf_adds(out, "\xE2\x80\xA6");
	if (pad && align == ND_ALIGN_LEFT)
		rc |= add_spaces(out, cols - shown);
	nd_buf_free(&clean);
	return rc < 0 ? -1 : (pad ? (shown > cols ? shown : cols) : shown);
}
