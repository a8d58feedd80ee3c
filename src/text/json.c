/* json.c — JSON string escaping (RFC 8259). Invalid UTF-8 becomes U+FFFD.
 * Besides what JSON requires, everything a terminal or a viewer could be
 * fooled by is escaped as \uXXXX, lossless for a JSON reader: C1
 * controls, the line and paragraph separators, and every format character
 * (general category Cf: the bidi embeddings, overrides and isolates
 * U+202A–202E and U+2066–2069, zero-width characters, the BOM, tags). */
#include "newsdesk/json.h"
#include "newsdesk/utf8.h"

#include <inttypes.h>
#include <string.h>
#include <unictype.h>

static bool escaped(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       uc_is_general_category(cp, UC_CATEGORY_Cf);
}

/* \uXXXX, as a surrogate pair past the BMP */
static int escape_cp(struct nd_buf *b, unsigned cp)
{
	if (cp < 0x10000)
		return nd_buf_printf(b, "\\u%04x", cp);
	cp -= 0x10000;
	return nd_buf_printf(b, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
}

int nd_json_str(struct nd_buf *b, const char *s)
{
	if (!s)
		return nd_buf_adds(b, "null");
	int rc = nd_buf_addc(b, '"');
	size_t n = strlen(s), i = 0;
	while (i < n && rc == 0) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			rc |= nd_buf_addc(b, '\\');
			rc |= nd_buf_addc(b, (char)c);
			i++;
		} else if (c == '\n') {
			rc |= nd_buf_adds(b, "\\n");
			i++;
		} else if (c == '\t') {
			rc |= nd_buf_adds(b, "\\t");
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			rc |= nd_buf_printf(b, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			rc |= nd_buf_addc(b, (char)c);
			i++;
		} else {
			unsigned cp;
			int len = nd_utf8_decode(s + i, n - i, &cp);
			if (len < 0 || escaped(cp)) {
				rc |= escape_cp(b, len < 0 ? 0xFFFD : cp);
				i += len < 0 ? 1 : (size_t)len;
			} else {
				rc |= nd_buf_add(b, s + i, (size_t)len);
				i += (size_t)len;
			}
		}
	}
	return rc | nd_buf_addc(b, '"');
}

int nd_json_kv_str(struct nd_buf *b, int first, const char *key, const char *value)
{
	int rc = first ? 0 : nd_buf_addc(b, ',');
	rc |= nd_json_str(b, key);
	rc |= nd_buf_addc(b, ':');
	return rc | nd_json_str(b, value);
}

int nd_json_kv_int(struct nd_buf *b, int first, const char *key, int64_t value)
{
	int rc = first ? 0 : nd_buf_addc(b, ',');
	rc |= nd_json_str(b, key);
	return rc | nd_buf_printf(b, ":%" PRId64, value);
}
