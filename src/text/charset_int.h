/* charset_int.h — how charset.c scores a reading (charset_score.c): the
 * scripts a reading may be in, what it is worth in its script, and the
 * checks on valid UTF-8 that may be something else. Inside text/ only. */
#ifndef NEWSDESK_CHARSET_INT_H
#define NEWSDESK_CHARSET_INT_H

#include <stdbool.h>
#include <stddef.h>

enum script { SCRIPT_ANY, SCRIPT_ZH, SCRIPT_JA, SCRIPT_KO, SCRIPT_LATIN, SCRIPT_UTF16 };

enum {
	GUESS_MIN = 550, /* a reading must score this (of 1000) to be taken */
	GUESS_MARGIN = 250, /* …and lead the next one by this much */
	BAD_WEIGHT = 3000, /* what a control or PUA character costs */
};

bool nd_cs_is_han(unsigned cp);
bool nd_cs_ascii_letter(unsigned cp);
size_t nd_cs_count_han(const char *s, size_t n);

/* The mean worth (of 1000) of a reading's characters in its script, less
 * BAD_WEIGHT for each control or private character. */
long nd_cs_score(enum script script, const char *s, size_t n);

/* How common the rows of the double-byte characters are, 0–1000, in
 * GB18030 and in Big5. */
long nd_cs_gb_level(const unsigned char *in, size_t n);
long nd_cs_big5_level(const unsigned char *in, size_t n);

/* Valid UTF-8 whose reading has no Han and no common Latin text (医院 in
 * GBK is valid UTF-8, “ҽԺ”): the Chinese readings are asked too. */
bool nd_cs_utf8_alien(const char *s, size_t n);

/* UTF-16 without a BOM made only of ASCII bytes (关爱礼包 is "sQ1r<ySS"). */
bool nd_cs_utf16_as_ascii(const char *in, size_t n);

#endif
