/* test_utf8.c — strict decoding: overlongs, surrogates, range, truncation. */
#include "newsdesk/utf8.h"
#include "tap.h"

#include <string.h>

int main(void)
{
	unsigned cp;
	is_int(nd_utf8_decode("A", 1, &cp), 1, "ASCII is one byte");
	is_int(cp, 'A', "ASCII code point");
	is_int(nd_utf8_decode("中", 3, &cp), 3, "中 is three bytes");
	is_int(cp, 0x4E2D, "中 is U+4E2D");
	is_int(nd_utf8_decode("\xF0\xB1\x8D\x90", 4, &cp), 4, "U+31350 (plane 3) decodes");
	is_int(cp, 0x31350, "U+31350 value");
	is_int(nd_utf8_decode("\xC0\xAF", 2, &cp), -1, "overlong '/' is refused");
	is_int(nd_utf8_decode("\xE0\x80\xAF", 3, &cp), -1, "three-byte overlong is refused");
	is_int(nd_utf8_decode("\xED\xA0\x80", 3, &cp), -1, "a surrogate is refused");
	is_int(nd_utf8_decode("\xF4\x90\x80\x80", 4, &cp), -1, "past U+10FFFF is refused");
	is_int(nd_utf8_decode("\xE4\xB8", 2, &cp), -1, "a truncated sequence is refused");
	is_int(cp, ND_REPLACEMENT, "an invalid sequence yields U+FFFD");
	is_int(nd_utf8_decode("\x80", 1, &cp), -1, "a lone continuation byte is refused");

	size_t bad = 99;
	ok(nd_utf8_valid("工会ok", strlen("工会ok"), &bad), "valid text is valid");
	ok(!nd_utf8_valid("工会\xFF!", 8, &bad), "0xFF is invalid");
	is_int(bad, 6, "the offset of the bad byte is reported");
	ok(!nd_utf8_valid("ab\xE5\xB7", 4, &bad), "text cut inside a character is invalid");
	is_int(bad, 2, "the offset of the cut character");

	is_int(nd_utf8_length("工会App"), 5, "length counts code points");
	is_int(nd_utf8_prefix("工会App", 2), 6, "prefix of two characters is six bytes");
	return tap_done();
}
