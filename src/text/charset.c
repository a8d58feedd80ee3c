/* charset.c — encoding detection and conversion with glibc iconv.
 * The pitfalls in DESIGN.md are handled here: BOMs stripped by hand,
 * GB2312/GBK read as GB18030, C1 controls counted against UTF-8, and Big5
 * against GB18030 decided by scoring because their byte ranges overlap. */
#include "newsdesk/charset.h"
#include "charset_int.h"
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

/* Descriptors opened once per encoding and kept: guessing tries eight
 * encodings on every filing, and iconv_open loads a module each time. The
 * program has one thread. */
static struct {
	const char *from;
	iconv_t cd;
} cds[16];

static iconv_t open_cd(const char *from)
{
	size_t i = 0;
	for (; i < sizeof cds / sizeof *cds && cds[i].from; i++)
		if (strcmp(cds[i].from, from) == 0) {
			iconv(cds[i].cd, NULL, NULL, NULL, NULL); /* back to the initial state */
			return cds[i].cd;
		}
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd != (iconv_t)-1 && i < sizeof cds / sizeof *cds)
		cds[i].from = from, cds[i].cd = cd;
	return cd;
}

static void close_cd(iconv_t cd)
{
	for (size_t i = 0; i < sizeof cds / sizeof *cds && cds[i].from; i++)
		if (cds[i].cd == cd)
			return;
	iconv_close(cd);
}

int nd_iconv_to_utf8(const char *from, const char *in, size_t n, char **out, size_t *outlen,
		     size_t *bad_offset, struct nd_error *err)
{
	iconv_t cd = open_cd(from);
	if (cd == (iconv_t)-1)
		return nd_fail(err, ND_EINVAL, _("the encoding %s is not available here"), from);

	size_t cap = n * 2 + 16, used = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		close_cd(cd);
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
	close_cd(cd);
	if (rc < 0) {
		free(buf);
		return rc;
	}
	buf[used] = '\0';
	*out = buf;
	*outlen = used;
	return 0;
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

static const struct trial {
	const char *iconv; /* the name glibc knows */
	const char *name; /* the name a person knows */
	const char *option; /* what --encoding takes, or NULL: not accepted */
	enum script script;
	long (*level)(const unsigned char *in, size_t n); /* see nd_cs_gb_level */
} trials[] = {
	{ "UTF-8", "UTF-8", "utf-8", SCRIPT_ANY, NULL },
	{ "GB18030", "GB18030", "gb18030", SCRIPT_ZH, nd_cs_gb_level },
	{ "BIG5", "Big5", "big5", SCRIPT_ZH, nd_cs_big5_level },
	{ "UTF-16LE", "UTF-16LE", NULL, SCRIPT_UTF16, NULL },
	{ "UTF-16BE", "UTF-16BE", NULL, SCRIPT_UTF16, NULL },
	{ "CP932", "Shift_JIS", NULL, SCRIPT_JA, NULL },
	{ "EUC-JP", "EUC-JP", NULL, SCRIPT_JA, NULL },
	{ "EUC-KR", "EUC-KR", NULL, SCRIPT_KO, NULL },
	{ "CP1252", "Latin-1 (Windows-1252)", NULL, SCRIPT_LATIN, NULL },
};
enum { NTRIALS = sizeof trials / sizeof *trials };

struct reading {
	const struct trial *trial;
	struct nd_decoded d;
	long score;
	bool chinese; /* scores as Chinese text: --encoding is suggested for no other */
};

static int by_score(const void *a, const void *b)
{
	const struct reading *x = a, *y = b;
	return x->score > y->score ? -1 : x->score < y->score;
}

/* Whether a reading is Chinese text: it has Han, and scores well read so
 * (with the rows its bytes came from, for GB18030 and Big5). */
static bool reads_as_chinese(const struct reading *r, const char *in, size_t n)
{
	if (!nd_cs_count_han(r->d.text, r->d.len))
		return false;
	/* Han of the standard rows only (GB2312's 6,763, Big5's two levels), none
	 * of it a control or private character, is Chinese text too, if a rarer
	 * one: 丁岚 and 薇 are names */
	if (r->trial->script == SCRIPT_ZH)
		return r->score >= GUESS_MIN ||
		       (r->score > 0 && r->trial->level((const unsigned char *)in, n) >= 400);
	return nd_cs_score(SCRIPT_ZH, r->d.text, r->d.len) >= GUESS_MIN;
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

/* "as GB18030 “…”; as Big5 “…”; file it again with --encoding gb18030 or
 * --encoding big5": the readings shown, and --encoding offered only for
 * those that may be taken. */
static void show_readings(struct nd_buf *b, struct reading **shown, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		nd_buf_adds(b, i ? ";" : "");
		nd_buf_printf(b, _(" as %s "), shown[i]->trial->name);
		first_line(b, shown[i]);
	}
	const char *sep = _("; file it again with ");
	for (size_t i = 0; i < count; i++) {
		const char *opt = shown[i]->trial->option;
		if (!opt && shown[i]->trial->script == SCRIPT_UTF16)
			opt = shown[i]->trial->name;
		if (!opt || !shown[i]->chinese)
			continue;
		nd_buf_printf(b, "%s--encoding %s", sep, opt);
		sep = _(" or ");
	}
}

/* The reading that scores best and clearly, in an encoding newsdesk does
 * not take: named, with how to convert it. */
static void name_untaken(struct nd_buf *b, const struct reading *best)
{
	nd_buf_printf(b, _("this looks like %s"), best->trial->name);
	nd_buf_adds(b,
		    best->trial->script == SCRIPT_UTF16 ? _(" without a byte-order mark (") : " (");
	first_line(b, best);
	if (best->trial->script == SCRIPT_UTF16)
		nd_buf_printf(b, _("): file it again with --encoding %s"), best->trial->name);
	else
		nd_buf_printf(b,
			      _("); newsdesk takes UTF-8, GB18030 (GBK, GB2312), Big5 and "
				"UTF-16 with a byte-order mark: convert it first (iconv -f %s "
				"-t UTF-8)"),
			      best->trial->iconv);
}

/* What is wrong with the bytes, when no reading is text: the first byte
 * that is not UTF-8, or a control character in it. */
static void name_fault(struct nd_buf *b, const char *in, size_t n, bool utf8_ok, size_t utf8_bad)
{
	if (!utf8_ok) {
		nd_buf_printf(b, _("byte 0x%1$02X at offset %2$zu is not valid UTF-8"),
			      (unsigned char)in[utf8_bad], utf8_bad);
	} else {
		size_t at = 0;
		while (at + 1 < n && in[at] &&
		       !((unsigned char)in[at] == 0xC2 && (unsigned char)in[at + 1] >= 0x80 &&
			 (unsigned char)in[at + 1] <= 0x9F))
			at++;
		nd_buf_printf(b, _("the text has a control character at offset %zu"), at);
	}
	nd_buf_adds(b, _(", and it does not read as Chinese text in GB18030 or Big5 either; "
			 "nothing was filed (if you know the encoding, convert it to UTF-8 "
			 "first)"));
}

/* A file cut in the middle of its last character: UTF-8, GB18030 or Big5
 * that is valid up to a lead byte (and perhaps some of its trail bytes) at
 * the very end. Returns the offset of the cut, or n. */
static size_t cut_at(const char *in, size_t n, bool utf8_ok, size_t utf8_bad)
{
	if (!utf8_ok && n - utf8_bad < 4) {
		unsigned char lead = (unsigned char)in[utf8_bad];
		size_t need = lead >= 0xF0 && lead <= 0xF4   ? 4
			      : lead >= 0xE0 && lead <= 0xEF ? 3
			      : lead >= 0xC2 && lead <= 0xDF ? 2
							     : 0;
		bool conts = true;
		for (size_t i = utf8_bad + 1; i < n; i++)
			conts = conts && ((unsigned char)in[i] & 0xC0) == 0x80;
		if (need > n - utf8_bad && conts)
			return utf8_bad;
	}
	for (int k = 0; k < 2; k++) {
		const char *enc = k ? "BIG5" : "GB18030";
		char *t;
		size_t len, bad = n;
		struct nd_error e = { 0 };
		if (nd_iconv_to_utf8(enc, in, n, &t, &len, &bad, &e) == 0) {
			free(t);
			continue;
		}
		if (n - bad >= 4 || (unsigned char)in[bad] < 0x81)
			continue;
		/* what comes before the cut must read as Chinese in it */
		if (nd_iconv_to_utf8(enc, in, bad, &t, &len, NULL, &e) < 0)
			continue;
		bool text =
		    nd_cs_score(SCRIPT_ZH, t, len) >= GUESS_MIN || nd_cs_count_han(t, len) == 0;
		free(t);
		if (text)
			return bad;
	}
	return n;
}

/* Whether a Latin-1 reading has an accented letter: one with only € or ‰
 * where the bytes were is a stray byte in ASCII, not Latin-1 text. */
static bool latin_letters(const struct reading *r)
{
	size_t i = 0;
	while (i < r->d.len) {
		unsigned cp;
		int len = nd_utf8_decode(r->d.text + i, r->d.len - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
			return true;
	}
	return false;
}

/* Every refusal says either which readings may be meant, each with its
 * --encoding (only readings that score as Chinese text are offered), or
 * what the bytes are: an encoding newsdesk does not take, a file cut off
 * in its last character, or the first byte that is no text. */
static int refuse(struct reading *r, size_t nr, const char *in, size_t n, bool utf8_ok,
		  size_t utf8_bad, struct nd_error *err)
{
	struct nd_buf b = ND_BUF_INIT;
	struct reading *offered[NTRIALS];
	size_t no = 0;
	for (size_t i = 0; i < nr; i++)
		if (r[i].chinese)
			offered[no++] = &r[i];
	const struct reading *best = nr ? &r[0] : NULL;
	bool clear = nr <= 1 || best->score - r[1].score >= GUESS_MARGIN;
	/* a Latin-1 reading with no accented letter is a stray byte, not text */
	bool best_text = best && best->score >= GUESS_MIN &&
			 (best->trial->script != SCRIPT_LATIN || latin_letters(best));
	size_t cut = cut_at(in, n, utf8_ok, utf8_bad);
	if (cut < n) {
		nd_buf_printf(&b,
			      _("the last character is cut off (byte offset %zu): the file looks "
				"truncated; nothing was filed"),
			      cut);
		if (no) {
			nd_buf_adds(&b, _("; if it is whole, it reads"));
			show_readings(&b, offered, no);
		}
	} else if (best && best->score >= GUESS_MIN && !best->trial->option &&
		   (best->trial->script == SCRIPT_JA || best->trial->script == SCRIPT_KO)) {
		/* kana or hangul ahead of every Chinese reading: Japanese or Korean,
		 * and a Chinese reading of it would be gibberish */
		if (!utf8_ok)
			nd_buf_printf(&b, _("not UTF-8 (byte 0x%1$02X at offset %2$zu), and "),
				      (unsigned char)in[utf8_bad], utf8_bad);
		name_untaken(&b, best);
	} else if (best_text && clear &&
		   (best->trial->script == SCRIPT_UTF16 || !best->trial->option)) {
		if (!utf8_ok)
			nd_buf_printf(&b, _("not UTF-8 (byte 0x%1$02X at offset %2$zu), and "),
				      (unsigned char)in[utf8_bad], utf8_bad);
		name_untaken(&b, best);
	} else if (no || best_text) {
		/* beside the Chinese readings, the others that score as well, shown
		 * but never offered */
		const char *untaken = NULL;
		for (size_t i = 0; i < nr && no < NTRIALS; i++)
			if (!r[i].chinese && r[i].score >= GUESS_MIN &&
			    r[i].score >= best->score - 2 * GUESS_MARGIN) {
				offered[no++] = &r[i];
				untaken = untaken ? untaken : r[i].trial->name;
			}
		nd_buf_adds(&b, _("the encoding is not clear, nothing was filed:"));
		show_readings(&b, offered, no);
		if (untaken)
			nd_buf_printf(&b,
				      _("; if it is %s, newsdesk does not take it: convert it to "
					"UTF-8 first"),
				      untaken);
	} else {
		name_fault(&b, in, n, utf8_ok, utf8_bad);
		if (best && best->score >= GUESS_MIN - GUESS_MARGIN &&
		    best->trial->script != SCRIPT_UTF16 && best->trial->script != SCRIPT_ANY) {
			nd_buf_printf(&b, _("; it may be %s ("), best->trial->name);
			first_line(&b, best);
			nd_buf_adds(&b, _("), which newsdesk does not take"));
		}
	}
	int rc = nd_fail(err, ND_EENCODING, "%s", b.data ? nd_buf_str(&b) : "");
	nd_buf_free(&b);
	return rc;
}

/* One character in both Chinese encodings, even repeated, cannot outvote
 * the other reading (睿睿 in Big5 reads 和和 in GB18030, both common): two
 * Chinese readings of so little are a tie. True when every byte of 0x80 and
 * above belongs to one and the same pair of bytes. */
static bool one_double_byte_char(const char *in, size_t n)
{
	const char *first = NULL;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)in[i] < 0x80)
			continue;
		if (i + 1 >= n || (first && memcmp(first, in + i, 2) != 0))
			return false;
		first = in + i++;
	}
	return true;
}

/* Takes the best reading when it is one newsdesk takes, scores well and
 * is clear of the rest; utf8_suspect: the input is valid UTF-8 whose reading
 * is no text (utf8_alien), taken only if no Chinese reading stands beside. */
static bool take_best(const struct reading *r, size_t nr, const char *in, size_t n,
		      bool utf8_suspect)
{
	if (utf8_suspect) {
		for (size_t i = 1; i < nr; i++) /* r[0] is the UTF-8 reading */
			if (r[i].chinese)
				return false;
		return true;
	}
	bool clear = nr == 1 || r[0].score - r[1].score >= GUESS_MARGIN;
	if (!r[0].trial->option || r[0].score < GUESS_MIN || !clear)
		return false;
	if (r[0].chinese && nr > 1 && r[1].chinese && one_double_byte_char(in, n))
		return false;
	return true;
}

static int guess(const char *in, size_t n, bool utf8_ok, size_t utf8_bad, bool utf8_suspect,
		 struct nd_decoded *out, struct nd_error *err)
{
	struct reading r[NTRIALS];
	size_t nr = 0;
	for (size_t t = 0; t < NTRIALS; t++) {
		const struct trial *tr = &trials[t];
		if ((tr->script == SCRIPT_ANY && !utf8_ok) || (tr->script == SCRIPT_UTF16 && n % 2))
			continue;
		struct nd_error e = { 0 };
		struct nd_decoded d = { 0 };
		if (decode_as(tr->iconv, in, n, 0, &d, &e) < 0)
			continue;
		d.encoding = tr->iconv;
		long sc = nd_cs_score(tr->script, d.text, d.len);
		if (tr->level) /* what the characters are, and how common their rows */
			sc = (sc + tr->level((const unsigned char *)in, n)) / 2;
		r[nr] = (struct reading){ tr, d, sc, false };
		r[nr].chinese = reads_as_chinese(&r[nr], in, n);
		nr++;
	}
	qsort(r, nr, sizeof *r, by_score);
	if (utf8_suspect) /* the UTF-8 reading first: it is the one in question */
		for (size_t i = 0; i < nr; i++)
			if (r[i].trial->script == SCRIPT_ANY) {
				struct reading u = r[i];
				memmove(r + 1, r, i * sizeof *r);
				r[0] = u;
				r[0].chinese = true; /* offered beside the Chinese ones */
			}
	int rc = 0;
	if (nr && take_best(r, nr, in, n, utf8_suspect)) {
		*out = r[0].d;
		r[0].d.text = NULL;
	} else {
		rc = refuse(r, nr, in, n, utf8_ok, utf8_bad, err);
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
		long sc = nd_cs_score(SCRIPT_UTF16, d.text, d.len);
		nd_decoded_free(&d);
		if (sc >= GUESS_MIN)
			return enc;
	}
	return NULL;
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
	if (utf8_ok && !has_c1_controls(in, n) && !memchr(in, 0, n) && !nd_cs_utf16_as_ascii(in, n))
		return nd_cs_utf8_alien(in, n) ? guess(in, n, true, 0, true, out, err)
					       : copy_utf8(in, n, out, err);
	return guess(in, n, utf8_ok, utf8_bad, false, out, err);
}

void nd_decoded_free(struct nd_decoded *d)
{
	free(d->text);
	d->text = NULL;
	d->len = 0;
}
