/* charset.h — what encoding a filed story is in, and its UTF-8 text.
 * Accepted: UTF-8 (with or without BOM), UTF-16LE/BE with a BOM, GB18030
 * (which covers GBK and GB2312) and Big5. */
#ifndef NEWSDESK_CHARSET_H
#define NEWSDESK_CHARSET_H

#include "newsdesk/error.h"

#include <stddef.h>

struct nd_decoded {
	char *text; /* UTF-8, NUL-terminated, BOM removed */
	size_t len; /* bytes in text */
	const char *encoding; /* the canonical name used: "UTF-8", "GB18030", … */
};

/* Decodes in[0..n). forced, when not NULL, names the encoding to use
 * (GB2312, GBK and CP936 are read as GB18030; UTF-16 needs a BOM or an
 * explicit LE/BE). Without it: BOM, then strict UTF-8, then strict trials
 * of GB18030, Big5 and the encodings newsdesk does not take (UTF-16 without
 * a BOM, Shift_JIS, EUC-KR, Latin-1), each reading scored by how much it
 * looks like text in its script, C1 controls and Private Use Area characters
 * counting against it. Valid UTF-8 whose reading has no Han and no common
 * Latin text (short GBK often is) is refused when a GB18030 or Big5 reading
 * is Chinese, both readings shown. A reading is taken only when newsdesk
 * takes its encoding and it leads the others by a clear margin; otherwise
 * the input is refused (ND_EENCODING). A refusal offers --encoding only for
 * readings that score as Chinese text (each shown by its first line);
 * otherwise it names the fault: the last character cut off, a Japanese,
 * Korean or Latin-1 encoding newsdesk does not take, or the first byte that
 * is not UTF-8. Never a silent guess. */
int nd_charset_decode(const char *in, size_t n, const char *forced, struct nd_decoded *out,
		      struct nd_error *err);

void nd_decoded_free(struct nd_decoded *d);

/* Converts in[0..n) from the iconv encoding `from` to UTF-8. On EILSEQ or a
 * truncated end, *bad_offset is the input byte offset and ND_EENCODING is
 * returned. */
int nd_iconv_to_utf8(const char *from, const char *in, size_t n, char **out, size_t *outlen,
		     size_t *bad_offset, struct nd_error *err);

/* "UTF-16LE" or "UTF-16BE" when in[0..n) reads well as that (text with NUL
 * bytes that is not binary), else NULL. */
const char *nd_charset_utf16_sniff(const char *in, size_t n);

/* Share (0–1000) of Han characters in s that are common in news copy. */
int nd_common_han_score(const char *s, size_t n);

#endif
