/* sanitize.c — visible placeholders for everything that could drive a
 * terminal. C0 controls become the Unicode control pictures (␛ for ESC) so an
 * editor can still see that something odd was filed. */
#include "newsdesk/sanitize.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int invisible_format(unsigned cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

unsigned nd_sanitize_cp(unsigned cp, unsigned flags)
{
	if (cp == '\n')
		return (flags & ND_SAN_NEWLINES) ? 0 : 0x21B5; /* ↵ */
	if (cp == '\t')
		return (flags & ND_SAN_TABS) ? 0 : ' ';
	if (cp < 0x20)
		return 0x2400 + cp; /* ␀ … ␟, ␛ for ESC */
	if (cp == 0x7F)
		return 0x2421; /* ␡ */
	if (cp < 0x7F)
		return 0;
	if (cp >= 0x80 && cp <= 0x9F)
		return ND_REPLACEMENT; /* C1: 0x9B is CSI to xterm */
	if (invisible_format(cp))
		return ND_REPLACEMENT;
	if (nd_wcwidth(cp) < 0)
		return ND_REPLACEMENT;
	return 0;
}

int nd_sanitize(struct nd_buf *out, const char *s, size_t n, unsigned flags)
{
	size_t i = 0, run = 0; /* run: start of bytes copied verbatim */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		unsigned cp, repl;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			repl = ND_REPLACEMENT;
			len = 1;
		} else {
			repl = nd_sanitize_cp(cp, flags);
		}
		if (repl) {
			if (nd_buf_add(out, s + run, i - run) < 0 || nd_buf_add_cp(out, repl) < 0)
				return -1;
			run = i + (size_t)len;
		}
		i += (size_t)len;
	}
	return nd_buf_add(out, s + run, n - run);
}

char *nd_sanitized(const char *s, unsigned flags)
{
	struct nd_buf b = ND_BUF_INIT;
	if (nd_sanitize(&b, s ? s : "", s ? strlen(s) : 0, flags) < 0) {
		nd_buf_free(&b);
		return NULL;
	}
	return nd_buf_take(&b);
}

void nd_strip_controls(char *s)
{
	size_t n = strlen(s), r = 0, w = 0;
	while (r < n) {
		unsigned char c = (unsigned char)s[r];
		if (c < 0x20 && c != '\n' && c != '\t') {
			r++;
			continue;
		}
		if (c == 0x7F) {
			r++;
			continue;
		}
		if (c == 0xC2 && r + 1 < n && (unsigned char)s[r + 1] >= 0x80 &&
		    (unsigned char)s[r + 1] <= 0x9F) {
			r += 2; /* U+0080–U+009F */
			continue;
		}
		s[w++] = s[r++];
	}
	s[w] = '\0';
}
