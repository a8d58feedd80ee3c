/* charset_score.c — how much a reading of filed bytes looks like text in
 * its script (charset.c decides by it): common Han for Chinese, kana for
 * Japanese, common syllables for Korean, accented letters inside Latin
 * words; and the checks that valid UTF-8 or ASCII bytes may be something
 * else. */
#include "charset_int.h"
#include "common_han.h"
#include "newsdesk/charset.h"
#include "newsdesk/utf8.h"

#include <stdbool.h>
#include <string.h>

/* A set of BMP characters, decoded once into a bitmap: scoring asks it for
 * every character of every reading. */
struct cp_set {
	const char *src;
	unsigned char bits[0x10000 / 8];
	bool loaded;
};
static struct cp_set common_han = { nd_common_han, { 0 }, false };
static struct cp_set common_hangul = { nd_common_hangul, { 0 }, false };

static void load_set(struct cp_set *set)
{
	const char *s = set->src;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (cp < 0x10000)
			set->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	}
	set->loaded = true;
}

static bool in_set(struct cp_set *set, unsigned cp)
{
	if (!set->loaded)
		load_set(set);
	return cp < 0x10000 && (set->bits[cp >> 3] >> (cp & 7) & 1);
}

bool nd_cs_is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

int nd_common_han_score(const char *s, size_t n)
{
	size_t i = 0, han = 0, common = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (!nd_cs_is_han(cp))
			continue;
		han++;
		common += in_set(&common_han, cp);
	}
	return han ? (int)(common * 1000 / han) : 0;
}

/* Both Chinese encodings order their characters by frequency: GB2312's
 * level 1 (lead bytes B0–D7) holds the 3,755 common hanzi, Big5's level 1
 * (A4–C6) the 5,401 common ones. Bytes of the other encoding fall outside
 * those rows far more often: into GBK's extension or user area, into
 * GB2312's kana and Cyrillic rows, into Big5's level 2. The mean worth of
 * the double-byte characters, 0–1000. */
long nd_cs_gb_level(const unsigned char *in, size_t n)
{
	long sum = 0, count = 0;
	for (size_t i = 0; i < n;) {
		unsigned char b = in[i];
		if (b < 0x80 || i + 1 >= n) {
			i++;
			continue;
		}
		unsigned char t = in[i + 1];
		count++;
		if (t >= 0x30 && t <= 0x39) { /* four bytes: outside GBK */
			i += 4;
			continue;
		}
		i += 2;
		if (t < 0xA1)
			continue; /* GBK's extension */
		sum += b >= 0xB0 && b <= 0xD7   ? 1000
		       : b >= 0xD8 && b <= 0xF7 ? 400
		       : b >= 0xA1 && b <= 0xA3 ? 800
		       : b >= 0xA4 && b <= 0xA9 ? 100
						: 0;
	}
	return count ? sum / count : 0;
}

long nd_cs_big5_level(const unsigned char *in, size_t n)
{
	long sum = 0, count = 0;
	for (size_t i = 0; i < n;) {
		unsigned char b = in[i];
		if (b < 0x80 || i + 1 >= n) {
			i++;
			continue;
		}
		count++;
		i += 2;
		sum += b >= 0xA4 && b <= 0xC6   ? 1000
		       : b >= 0xC9 && b <= 0xF9 ? 400
		       : b >= 0xA1 && b <= 0xA2 ? 800
		       : b == 0xA3              ? 300
						: 0;
	}
	return count ? sum / count : 0;
}

/* Evidence against a reading. A C0 control is the same byte in every
 * ASCII-based reading, so it tells them nothing (NUL aside, which is never
 * text); in a UTF-16 reading it is a misreading. */
static bool is_bad_cp(unsigned cp, enum script script)
{
	if (cp == 0)
		return true;
	if (cp < 0x20 || cp == 0x7F)
		return script == SCRIPT_UTF16 && cp != '\n' && cp != '\r' && cp != '\t' &&
		       cp != '\f';
	return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 ||
	       cp == 0xFFFD || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE ||
	       (script != SCRIPT_JA && cp >= 0xFF61 && cp <= 0xFF9F);
}

static bool is_cjk_punct(unsigned cp)
{
	return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
	       (cp >= 0x2010 && cp <= 0x2027) || cp == 0x00B7;
}

bool nd_cs_ascii_letter(unsigned cp)
{
	return cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

static bool ascii_alnum(unsigned cp)
{
	return nd_cs_ascii_letter(cp) || (cp >= '0' && cp <= '9');
}

/* What one character of a reading is worth (of 1000) in its script. */
static int worth(enum script script, unsigned cp, unsigned prev, unsigned next)
{
	bool han = nd_cs_is_han(cp),
	     latin_word = nd_cs_ascii_letter(prev) || nd_cs_ascii_letter(next);
	switch (script) {
	case SCRIPT_ZH:
		if (han)
			return nd_cs_ascii_letter(prev) && nd_cs_ascii_letter(next) ? 0 /* Z黵ich */
			       : in_set(&common_han, cp)                            ? 1000
										    : 300;
		return is_cjk_punct(cp) ? 800 : 0;
	case SCRIPT_JA:
		if (cp >= 0x3041 && cp <= 0x30FF)
			return 1000;
		if (han)
			return in_set(&common_han, cp) ? 700 : 300;
		return is_cjk_punct(cp) ? 800 : cp >= 0xFF61 && cp <= 0xFF9F ? 100 : 0;
	case SCRIPT_KO:
		if (cp >= 0xAC00 && cp <= 0xD7A3)
			return in_set(&common_hangul, cp) ? 1000 : 350;
		return is_cjk_punct(cp) ? 600 : han ? 150 : 0;
	case SCRIPT_LATIN:
		if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
			return latin_word ? 1000 : 150;
		if (cp == 0x20AC || (cp >= 0x2013 && cp <= 0x2026) || cp == 0xB0 || cp == 0xA7 ||
		    cp == 0xAB || cp == 0xBB)
			return 700;
		return 0;
	case SCRIPT_UTF16:
		if (cp >= 0x20 && cp < 0x7F)
			return 1000;
		if (han)
			return in_set(&common_han, cp) ? 1000 : 200;
		return is_cjk_punct(cp) || cp == '\n' || cp == '\r' || cp == '\t' ? 800 : 0;
	case SCRIPT_ANY:
	default:
		return 1000;
	}
}

/* Scores a reading: the mean worth of its characters (all of them for
 * UTF-16, the non-ASCII ones otherwise: ASCII reads the same in each),
 * less BAD_WEIGHT for each control or Private Use Area character. */
enum { SCORE_MAX = 256 * 1024 }; /* bytes of a reading scored: the verdict is long clear */

long nd_cs_score(enum script script, const char *s, size_t n)
{
	if (n > SCORE_MAX)
		n = SCORE_MAX;
	long sum = 0, counted = 0, ascii_letters = 0, nonascii_letters = 0;
	unsigned prev = 0, cp = 0, next = 0;
	size_t i = 0;
	int len = 0;
	if (n) {
		len = nd_utf8_decode(s, n, &cp);
		i = len > 0 ? (size_t)len : 1;
	}
	for (bool more = n > 0; more;) {
		more = i < n;
		next = 0;
		if (more) {
			len = nd_utf8_decode(s + i, n - i, &next);
			i += len > 0 ? (size_t)len : 1;
		}
		if (is_bad_cp(cp, script)) {
			sum -= BAD_WEIGHT;
			counted++;
		} else if (cp >= 0x80 ||
			   (script == SCRIPT_UTF16 && (cp >= 0x20 || cp == '\n' || cp == '\t'))) {
			sum += worth(script, cp, prev, next);
			counted++;
		}
		ascii_letters += nd_cs_ascii_letter(cp);
		nonascii_letters += cp >= 0x80;
		prev = cp;
		cp = next;
	}
	long mean = counted ? sum / counted : 0;
	/* Accented letters are a few in a Latin word (Zürich, Ærøskøbing); a
	 * reading where they are every other letter is something else read as
	 * Latin-1. */
	if (script == SCRIPT_LATIN &&
	    nonascii_letters * 100 > 35 * (ascii_letters + nonascii_letters))
		mean -= 600;
	return mean;
}

size_t nd_cs_count_han(const char *s, size_t n)
{
	size_t i = 0, han = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		han += nd_cs_is_han(cp);
	}
	return han;
}

/* What a character of a UTF-8 reading with no Han is worth: accented
 * letters inside Latin words, typographic and CJK punctuation, kana and
 * hangul are text; a Cyrillic, Armenian, Hebrew or IPA letter standing in
 * Chinese copy is two GBK bytes read as one character. */
static int utf8_worth(unsigned cp, unsigned prev, unsigned next)
{
	if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
		return nd_cs_ascii_letter(prev) || nd_cs_ascii_letter(next) ? 1000 : 150;
	if ((cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7) /* 5°, ©2024, 3×4 */
		return ascii_alnum(prev) || ascii_alnum(next) ? 800 : 150;
	if (is_cjk_punct(cp) || (cp >= 0x2010 && cp <= 0x205E) || cp == 0x20AC || cp == 0x2122 ||
	    (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7A3))
		return 800;
	return 0;
}

/* Valid UTF-8 is not proof of UTF-8: short GBK is often valid UTF-8 too
 * (医院 is D2 BD D4 BA, “ҽԺ”). True when the UTF-8 reading has no Han and
 * no common Latin text: then the Chinese readings are asked as well. */
bool nd_cs_utf8_alien(const char *s, size_t n)
{
	long sum = 0, counted = 0;
	unsigned prev = 0, cp = 0, next = 0;
	size_t i = 0;
	int len;
	for (bool more = true; more;) {
		more = i < n;
		next = 0;
		if (more) {
			len = nd_utf8_decode(s + i, n - i, &next);
			i += len > 0 ? (size_t)len : 1;
		}
		if (nd_cs_is_han(cp))
			return false;
		if (cp >= 0x80) {
			sum += utf8_worth(cp, prev, next);
			counted++;
		}
		prev = cp;
		cp = next;
	}
	return counted && sum / counted < GUESS_MIN;
}

/* Short UTF-16 without a BOM can be all ASCII bytes (关爱礼包 is
 * "sQ1r<ySS" in UTF-16LE). Real ASCII text read as UTF-16 is a jumble of
 * rare characters; when either reading is common Chinese throughout, the
 * bytes are UTF-16 and not ASCII. */
bool nd_cs_utf16_as_ascii(const char *in, size_t n)
{
	if (n < 8 || n % 2 || n > 4096)
		return false;
	for (int big = 0; big < 2; big++) {
		size_t han = 0, common = 0, other = 0;
		for (size_t i = 0; i < n && !other; i += 2) {
			unsigned char a = (unsigned char)in[i], b = (unsigned char)in[i + 1];
			unsigned u = big ? (unsigned)(a << 8 | b) : (unsigned)(b << 8 | a);
			if (nd_cs_is_han(u)) {
				han++;
				common += in_set(&common_han, u);
			} else if (!is_cjk_punct(u)) {
				other++;
			}
		}
		/* three in four common: English letters read so come out rare */
		if (!other && han && common * 4 >= han * 3)
			return true;
	}
	return false;
}
