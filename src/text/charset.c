/* charset.c — encoding detection and conversion with glibc iconv.
 * The pitfalls in DESIGN.md are handled here: BOMs stripped by hand,
 * GB2312/GBK read as GB18030, C1 controls counted against UTF-8, and Big5
 * against GB18030 decided by scoring because their byte ranges overlap. */
#include "newsdesk/charset.h"
#include "common_han.h"
#include "newsdesk/buf.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct bom {
	const char *bytes;
	size_t len;
	const char *encoding;
};

/* Longest first: the UTF-32 BOM is not accepted, but FF FE 00 00 would
 * otherwise pass as UTF-16LE. */
static const struct bom boms[] = {
	{ "\x84\x31\x95\x33", 4, "GB18030" },
	{ "\xEF\xBB\xBF", 3, "UTF-8" },
	{ "\xFF\xFE", 2, "UTF-16LE" },
	{ "\xFE\xFF", 2, "UTF-16BE" },
};

struct alias {
	const char *name;
	const char *iconv_name;
};

static const struct alias aliases[] = {
	{ "UTF-8", "UTF-8" },    { "UTF8", "UTF-8" },        { "GB18030", "GB18030" },
	{ "GBK", "GB18030" },    { "GB2312", "GB18030" },    { "CP936", "GB18030" },
	{ "EUC-CN", "GB18030" }, { "BIG5", "BIG5" },         { "BIG-5", "BIG5" },
	{ "CP950", "BIG5" },     { "UTF-16LE", "UTF-16LE" }, { "UTF-16BE", "UTF-16BE" },
	{ "UTF-16", "UTF-16" }, /* resolved by its BOM below */
};

int nd_iconv_to_utf8(const char *from, const char *in, size_t n, char **out, size_t *outlen,
		     size_t *bad_offset, struct nd_error *err)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return nd_fail(err, ND_EINVAL, _("the encoding %s is not available here"), from);

	size_t cap = n * 2 + 16, used = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		iconv_close(cd);
		return nd_fail(err, ND_ENOMEM, _("out of memory converting %s"), from);
	}
	char *ip = (char *)in;
	size_t ileft = n;
	int rc = 0;
	bool flushing = false;
	for (;;) {
		char *op = buf + used;
		size_t oleft = cap - used;
		/* After the input, one call with NULL input flushes shift state. */
		size_t r = flushing ? iconv(cd, NULL, NULL, &op, &oleft)
				    : iconv(cd, &ip, &ileft, &op, &oleft);
		used = (size_t)(op - buf);
		if (r != (size_t)-1) {
			if (flushing)
				break;
			flushing = ileft == 0;
			continue;
		}
		if (errno == E2BIG) {
			/* Grow and go on from the current input pointer; never restart. */
			char *nb = realloc(buf, cap * 2 + 1);
			if (!nb) {
				rc =
				    nd_fail(err, ND_ENOMEM, _("out of memory converting %s"), from);
				break;
			}
			buf = nb;
			cap *= 2;
			continue;
		}
		size_t off = (size_t)(ip - in);
		if (bad_offset)
			*bad_offset = off;
		if (errno == EINVAL)
			rc = nd_fail(
			    err, ND_EENCODING,
			    _("the text ends in the middle of a %1$s character (byte offset %2$zu): "
			      "the file looks truncated"),
			    from, off);
		else
			rc = nd_fail(err, ND_EENCODING,
				     _("byte 0x%1$02X at offset %2$zu is not valid %3$s"),
				     (unsigned char)*ip, off, from);
		break;
	}
	iconv_close(cd);
	if (rc < 0) {
		free(buf);
		return rc;
	}
	buf[used] = '\0';
	*out = buf;
	*outlen = used;
	return 0;
}

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

static bool is_han(unsigned cp)
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
		if (!is_han(cp))
			continue;
		han++;
		common += in_set(&common_han, cp);
	}
	return han ? (int)(common * 1000 / han) : 0;
}

static bool has_c1_controls(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return true;
	return false;
}

static int finish(struct nd_decoded *out, char *text, size_t len, const char *enc)
{
	out->text = text;
	out->len = len;
	out->encoding = enc;
	return 0;
}

static int copy_utf8(const char *in, size_t n, struct nd_decoded *out, struct nd_error *err)
{
	char *t = malloc(n + 1);
	if (!t)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	memcpy(t, in, n);
	t[n] = '\0';
	return finish(out, t, n, "UTF-8");
}

/* base: where in[0] is in the file (after a byte-order mark), so every
 * offset reported is the file's own. */
static int decode_as(const char *enc, const char *in, size_t n, size_t base, struct nd_decoded *out,
		     struct nd_error *err)
{
	size_t bad = 0;
	if (strcmp(enc, "UTF-8") == 0) {
		if (!nd_utf8_valid(in, n, &bad))
			return nd_fail(err, ND_EENCODING,
				       _("byte 0x%1$02X at offset %2$zu is not valid UTF-8"),
				       (unsigned char)in[bad], base + bad);
		return copy_utf8(in, n, out, err);
	}
	char *t;
	size_t len;
	int rc = nd_iconv_to_utf8(enc, in, n, &t, &len, &bad, err);
	if (rc < 0) {
		if (base && rc == ND_EENCODING)
			nd_fail(err, rc,
				bad >= n - 1
				    ? _("byte 0x%1$02X at offset %2$zu is not valid %3$s (the "
					"file ends in the middle of a character)")
				    : _("byte 0x%1$02X at offset %2$zu is not valid %3$s"),
				(unsigned char)in[bad], base + bad, enc);
		return rc;
	}
	return finish(out, t, len, enc);
}

static const char *canonical(const char *name)
{
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (strcasecmp(aliases[i].name, name) == 0)
			return aliases[i].iconv_name;
	return NULL;
}

/* ---- guessing, and refusing to guess ----------------------------------------
 * Every encoding that could be meant is tried strictly, and each reading is
 * scored by how much it looks like text in its script: common Han for
 * Chinese, kana for Japanese, common syllables for Korean, accented letters
 * inside Latin words. C1 controls, other controls and Private Use Area
 * characters in a reading are evidence against it. A reading is taken only
 * when it is one newsdesk accepts, scores well and leads the next by a
 * clear margin; otherwise the filing is refused with the readings shown. */

enum script { SCRIPT_ANY, SCRIPT_ZH, SCRIPT_JA, SCRIPT_KO, SCRIPT_LATIN, SCRIPT_UTF16 };

/* Both Chinese encodings order their characters by frequency: GB2312's
 * level 1 (lead bytes B0–D7) holds the 3,755 common hanzi, Big5's level 1
 * (A4–C6) the 5,401 common ones. Bytes of the other encoding fall outside
 * those rows far more often: into GBK's extension or user area, into
 * GB2312's kana and Cyrillic rows, into Big5's level 2. The mean worth of
 * the double-byte characters, 0–1000. */
static long gb_level(const unsigned char *in, size_t n)
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

static long big5_level(const unsigned char *in, size_t n)
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

static const struct trial {
	const char *iconv; /* the name glibc knows */
	const char *name; /* the name a person knows */
	const char *option; /* what --encoding takes, or NULL: not accepted */
	enum script script;
	long (*level)(const unsigned char *in, size_t n); /* see gb_level */
} trials[] = {
	{ "UTF-8", "UTF-8", "utf-8", SCRIPT_ANY, NULL },
	{ "GB18030", "GB18030", "gb18030", SCRIPT_ZH, gb_level },
	{ "BIG5", "Big5", "big5", SCRIPT_ZH, big5_level },
	{ "UTF-16LE", "UTF-16LE", NULL, SCRIPT_UTF16, NULL },
	{ "UTF-16BE", "UTF-16BE", NULL, SCRIPT_UTF16, NULL },
	{ "CP932", "Shift_JIS", NULL, SCRIPT_JA, NULL },
	{ "EUC-KR", "EUC-KR", NULL, SCRIPT_KO, NULL },
	{ "CP1252", "Latin-1 (Windows-1252)", NULL, SCRIPT_LATIN, NULL },
};
enum { NTRIALS = sizeof trials / sizeof *trials };

enum {
	GUESS_MIN = 550, /* a reading must score this (of 1000) to be taken */
	GUESS_MARGIN = 250, /* …and lead the next one by this much */
	BAD_WEIGHT = 3000, /* what a control or PUA character costs */
};

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

static bool ascii_letter(unsigned cp)
{
	return cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

/* What one character of a reading is worth (of 1000) in its script. */
static int worth(enum script script, unsigned cp, unsigned prev, unsigned next)
{
	bool han = is_han(cp), latin_word = ascii_letter(prev) || ascii_letter(next);
	switch (script) {
	case SCRIPT_ZH:
		if (han)
			return ascii_letter(prev) && ascii_letter(next) ? 0 /* Z黵ich */
			       : in_set(&common_han, cp)                ? 1000
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

static long score(enum script script, const char *s, size_t n)
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
		ascii_letters += ascii_letter(cp);
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

struct reading {
	const struct trial *trial;
	struct nd_decoded d;
	long score;
};

static int by_score(const void *a, const void *b)
{
	const struct reading *x = a, *y = b;
	return x->score > y->score ? -1 : x->score < y->score;
}

/* The first line of a reading, short and quoted, for the refusal. */
static void first_line(struct nd_buf *b, const struct reading *r)
{
	const char *s = r->d.text;
	while (*s == '\n' || *s == '\r' || *s == ' ')
		s++;
	size_t len = strcspn(s, "\r\n"), i = 0;
	int chars = 0;
	while (i < len && chars < 20) {
		unsigned cp;
		int l = nd_utf8_decode(s + i, len - i, &cp);
		i += l > 0 ? (size_t)l : 1;
		chars++;
	}
	nd_buf_adds(b, "“");
	nd_sanitize(b, s, i, 0);
	nd_buf_adds(b, i < len ? "…”" : "”");
}

static int refuse(struct reading *r, size_t nr, const char *in, bool utf8_ok, size_t utf8_bad,
		  struct nd_error *err)
{
	struct nd_buf b = ND_BUF_INIT;
	if (!utf8_ok)
		nd_buf_printf(&b, _("not UTF-8 (byte 0x%1$02X at offset %2$zu), and "),
			      (unsigned char)in[utf8_bad], utf8_bad);
	const struct reading *best = &r[0];
	bool clear = nr == 1 || best->score - r[1].score >= GUESS_MARGIN;
	if (!best->trial->option && best->score >= GUESS_MIN && clear) {
		nd_buf_printf(&b, _("this looks like %s"), best->trial->name);
		nd_buf_adds(&b, best->trial->script == SCRIPT_UTF16
				    ? _(" without a byte-order mark (")
				    : " (");
		first_line(&b, best);
		if (best->trial->script == SCRIPT_UTF16)
			nd_buf_printf(&b, _("): file it again with --encoding %s"),
				      best->trial->name);
		else
			nd_buf_printf(
			    &b,
			    _("); newsdesk takes UTF-8, GB18030 (GBK, GB2312), Big5 and "
			      "UTF-16 with a byte-order mark: convert it first (iconv -f %s "
			      "-t UTF-8)"),
			    best->trial->iconv);
	} else {
		nd_buf_adds(&b, _("the encoding is not clear, nothing was filed:"));
		size_t shown = 0;
		for (size_t i = 0; i < nr && shown < 3; i++) {
			if (i > 0 && r[i].score < best->score - 2 * GUESS_MARGIN)
				break;
			nd_buf_adds(&b, shown ? ";" : "");
			nd_buf_printf(&b, _(" as %s "), r[i].trial->name);
			first_line(&b, &r[i]);
			shown++;
		}
		const char *sep = _("; file it again with ");
		for (size_t i = 0; i < shown; i++) {
			const char *opt = r[i].trial->option;
			if (!opt && r[i].trial->script == SCRIPT_UTF16)
				opt = r[i].trial->name;
			if (!opt)
				continue;
			nd_buf_printf(&b, "%s--encoding %s", sep, opt);
			sep = _(" or ");
		}
		const char *untaken = NULL;
		for (size_t i = 0; i < shown && !untaken; i++)
			if (!r[i].trial->option && r[i].trial->script != SCRIPT_UTF16)
				untaken = r[i].trial->name;
		if (untaken)
			nd_buf_printf(&b,
				      _("; if it is %s, newsdesk does not take it: convert it to "
					"UTF-8 first"),
				      untaken);
		else if (strcmp(sep, _(" or ")) != 0)
			nd_buf_adds(&b, _("; if you know the encoding, convert it to UTF-8 first"));
	}
	int rc = nd_fail(err, ND_EENCODING, "%s", b.data ? nd_buf_str(&b) : "");
	nd_buf_free(&b);
	return rc;
}

static int guess(const char *in, size_t n, bool utf8_ok, size_t utf8_bad, struct nd_decoded *out,
		 struct nd_error *err)
{
	struct reading r[NTRIALS];
	size_t nr = 0;
	char tried[NTRIALS * 64] = "";
	for (size_t t = 0; t < NTRIALS; t++) {
		const struct trial *tr = &trials[t];
		if ((tr->script == SCRIPT_ANY && !utf8_ok) || (tr->script == SCRIPT_UTF16 && n % 2))
			continue;
		struct nd_error e = { 0 };
		struct nd_decoded d = { 0 };
		if (decode_as(tr->iconv, in, n, 0, &d, &e) < 0) {
			if (t == 1 || t == 2) { /* say why the Chinese ones failed */
				size_t l = strlen(tried);
				snprintf(tried + l, sizeof tried - l, "%s%s (%.40s…)",
					 l ? ", " : "", tr->name, e.msg);
			}
			continue;
		}
		d.encoding = tr->iconv;
		long sc = score(tr->script, d.text, d.len);
		if (tr->level) /* what the characters are, and how common their rows */
			sc = (sc + tr->level((const unsigned char *)in, n)) / 2;
		r[nr++] = (struct reading){ tr, d, sc };
	}
	if (nr == 0)
		return nd_fail(
		    err, ND_EENCODING,
		    _("not in a known encoding: byte 0x%1$02X at offset %2$zu is not valid UTF-8, "
		      "and the text is not %3$s; use --encoding if you know it"),
		    (unsigned char)in[utf8_bad], utf8_bad, tried[0] ? tried : "GB18030 or Big5");
	qsort(r, nr, sizeof *r, by_score);
	bool clear = nr == 1 || r[0].score - r[1].score >= GUESS_MARGIN;
	int rc = 0;
	if (r[0].trial->option && r[0].score >= GUESS_MIN && clear) {
		*out = r[0].d;
		r[0].d.text = NULL;
	} else {
		rc = refuse(r, nr, in, utf8_ok, utf8_bad, err);
	}
	for (size_t i = 0; i < nr; i++)
		nd_decoded_free(&r[i].d);
	return rc;
}

const char *nd_charset_utf16_sniff(const char *in, size_t n)
{
	if (n < 2 || n % 2)
		return NULL;
	for (int k = 0; k < 2; k++) {
		const char *enc = k ? "UTF-16BE" : "UTF-16LE";
		struct nd_decoded d;
		struct nd_error e = { 0 };
		if (decode_as(enc, in, n, 0, &d, &e) < 0)
			continue;
		long sc = score(SCRIPT_UTF16, d.text, d.len);
		nd_decoded_free(&d);
		if (sc >= GUESS_MIN)
			return enc;
	}
	return NULL;
}

/* Short UTF-16 without a BOM can be all ASCII bytes (关爱礼包 is
 * "sQ1r<ySS" in UTF-16LE). Real ASCII text read as UTF-16 is a jumble of
 * rare characters; when either reading is common Chinese throughout, the
 * bytes are UTF-16 and not ASCII. */
static bool utf16_as_ascii(const char *in, size_t n)
{
	if (n < 8 || n % 2 || n > 4096)
		return false;
	for (int big = 0; big < 2; big++) {
		size_t han = 0, common = 0, other = 0;
		for (size_t i = 0; i < n && !other; i += 2) {
			unsigned char a = (unsigned char)in[i], b = (unsigned char)in[i + 1];
			unsigned u = big ? (unsigned)(a << 8 | b) : (unsigned)(b << 8 | a);
			if (is_han(u)) {
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

int nd_charset_decode(const char *in, size_t n, const char *forced, struct nd_decoded *out,
		      struct nd_error *err)
{
	memset(out, 0, sizeof *out);
	const char *bom_enc = NULL;
	size_t skip = 0;
	for (size_t i = 0; i < sizeof boms / sizeof *boms; i++) {
		if (n >= boms[i].len && memcmp(in, boms[i].bytes, boms[i].len) == 0) {
			bom_enc = boms[i].encoding;
			skip = boms[i].len;
			break;
		}
	}

	if (forced) {
		const char *enc = canonical(forced);
		if (!enc)
			return nd_fail(
			    err, ND_EINVAL,
			    _("unknown encoding '%s' (use UTF-8, GB18030, GBK, GB2312, BIG5, "
			      "UTF-16LE or UTF-16BE)"),
			    forced);
		if (strcmp(enc, "UTF-16") == 0) {
			if (!bom_enc || strncmp(bom_enc, "UTF-16", 6) != 0)
				return nd_fail(
				    err, ND_EINVAL,
				    _("UTF-16 without a byte-order mark: say UTF-16LE or UTF-16BE"));
			enc = bom_enc;
		}
		/* Strip a BOM only when it belongs to the forced encoding. */
		if (!(bom_enc && strcmp(bom_enc, enc) == 0))
			skip = 0;
		return decode_as(enc, in + skip, n - skip, skip, out, err);
	}

	if (bom_enc)
		return decode_as(bom_enc, in + skip, n - skip, skip, out, err);

	size_t utf8_bad = 0;
	bool utf8_ok = nd_utf8_valid(in, n, &utf8_bad);
	if (utf8_ok && !has_c1_controls(in, n) && !memchr(in, 0, n) && !utf16_as_ascii(in, n))
		return copy_utf8(in, n, out, err);
	return guess(in, n, utf8_ok, utf8_bad, out, err);
}

void nd_decoded_free(struct nd_decoded *d)
{
	free(d->text);
	d->text = NULL;
	d->len = 0;
}
