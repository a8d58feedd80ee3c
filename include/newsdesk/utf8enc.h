/* utf8enc.h — one code point written as UTF-8: the one encoder of the
 * buffer, the tokenizer (also built alone as the sqlite3 shell's
 * extension, hence inline here, no function to link) and the tools. */
#ifndef NEWSDESK_UTF8ENC_H
#define NEWSDESK_UTF8ENC_H

/* Writes cp (at most 0x10FFFF, not checked) into out[0..3]; returns the
 * number of bytes written. */
static inline int nd_utf8_put(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#endif
