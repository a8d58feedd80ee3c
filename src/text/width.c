/* width.c — columns by wcwidth, cutting and padding by columns. */
#include "newsdesk/width.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/utf8.h"

#include <string.h>
#include <wchar.h>

int nd_cp_width(unsigned cp)
{
	int w = wcwidth((wchar_t)cp);
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
