/* test_bigram.c — the search tokenizer: what terms it emits, at which
 * positions, for Han, Latin, digits, mixed text and punctuation; and that
 * FTS5 with it finds what instr() finds. */
#include "newsdesk/bigram.h"
#include "newsdesk/utf8enc.h"
#include "tap.h"

#include "../../src/store/fold_han.h"

#include <stdio.h>
#include <string.h>

/* Renders the terms as "工会 +工 会职 +会 职" ('+' marks a term at the
 * same position as the one before it). */
struct out {
	char s[1024];
	int calls;
};

/* The rowids sql (one parameter: arg) gives, as "1,4", into got. */
static void rowids(sqlite3 *db, const char *sql, const char *arg, char *got, size_t size)
{
	sqlite3_stmt *stmt;
	got[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(stmt, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		snprintf(got, size, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
}
static int collect(void *ctx, int flags, const char *term, int bytes, int start, int end)
{
	struct out *o = ctx;
	size_t len = strlen(o->s);
	snprintf(o->s + len, sizeof o->s - len, "%s%s%.*s", o->calls ? " " : "",
		 (flags & FTS5_TOKEN_COLOCATED) ? "+" : "", bytes, term);
	o->calls++;
	return start >= 0 && end > start ? SQLITE_OK : SQLITE_ERROR;
}

static void check(int mode, const char *text, const char *want, const char *name)
{
	struct out o = { "", 0 };
	int rc = nd_bigram_tokenize(&o, mode, text, (int)strlen(text), collect);
	is_int(rc, SQLITE_OK, name);
	is_str(o.s, want, name);
}

#define DOC FTS5_TOKENIZE_DOCUMENT
#define QUERY FTS5_TOKENIZE_QUERY

static void test_terms(void)
{
	check(DOC, "工会职工", "工会 会职 职工 工", "Han: bigrams, and the run's last character");
	check(DOC, "会", "会", "one Han character: its unigram");
	check(QUERY, "工会", "工会", "a two-character query is one term");
	check(QUERY, "工会职工", "工会 会职 职工", "a longer query is a phrase of bigrams");
	check(QUERY, "会", "会", "a one-character query is its unigram");
	check(DOC, "WhatsApp", "wh ha at ts sa ap pp p",
	      "Latin: folded to lower case, bigrams like Han");
	check(QUERY, "App", "ap pp", "App finds app inside WhatsApp");
	check(DOC, "2024年", "20 02 24 4年 年", "digits and Han run together");
	check(QUERY, "5.2%", "5. .2 2%", "punctuation is a character: 5.2% is exact");
	check(DOC, "工会，职工", "工会 会， ，职 职工 工",
	      "full-width punctuation too, so 会，职 is found as instr finds it");
	check(DOC, "工会 职工", "工会 会 职工 工",
	      "a blank ends a run; its last character is a term of its own");
	check(DOC, "。会，", "。会 会， ，", "one character between punctuation: in two pairs");
	check(DOC, "x 会 y", "x 会 y", "one character between blanks: its unigram");
	check(DOC, "工会\u3000职工\u00a0a", "工会 会 职工 工 a",
	      "ideographic and no-break spaces are blanks");
	check(QUERY, "trade union", "tr ra ad de e un ni io on",
	      "a phrase over a blank keeps the positions the document has");
	check(QUERY, "a b", "a b", "single characters in a phrase");
	check(DOC, "  \n\t ", "", "blanks only: no terms");
	check(DOC,
	      "a\xff"
	      "b",
	      "a\xff \xff"
	      "b b",
	      "an invalid byte is a character of its own, never skipped");
	check(DOC, "\xe5\xb7", "\xe5\xb7 \xb7", "a truncated character: its bytes one by one");
}

static int refuse(void *ctx, int flags, const char *term, int bytes, int start, int end)
{
	(void)flags, (void)term, (void)bytes, (void)start, (void)end;
	return ++*(int *)ctx >= 2 ? SQLITE_NOMEM : SQLITE_OK;
}

static void test_stops(void)
{
	int calls = 0;
	is_int(nd_bigram_tokenize(&calls, DOC, "工会职工", 12, refuse), SQLITE_NOMEM,
	       "an error from FTS5 stops the tokenizer and is returned");
	is_int(calls, 2, "…at once");
}

/* FTS5 with the tokenizer agrees with instr() on a few awkward texts. */
static void test_fts(void)
{
	sqlite3 *db;
	sqlite3_open(":memory:", &db);
	is_int(nd_bigram_register(db), SQLITE_OK, "registers with FTS5");
	sqlite3_exec(db,
		     "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'nd_bigram');"
		     "INSERT INTO t(rowid, x) VALUES (1, '全总召开工会工作会议'),"
		     "(2, '增长5.2%，2024年'), (3, 'WhatsApp 和 Apple'), (4, '工 会'),"
		     "(5, '职工之家'), (6, 'trade   union'), (7, 'trade unions x')",
		     NULL, NULL, NULL);
	static const struct {
		const char *match, *want;
	} cases[] = {
		{ "\"工会\"", "1" },          { "\"会\" *", "1,4" },
		{ "\"工会工作\"", "1" },      { "\"5.2%\"", "2" },
		{ "\"2024年\"", "2" },        { "\"app\"", "3" },
		{ "\"APP\"", "3" },           { "\"会工\"", "1" },
		{ "\"trade union\"", "6,7" }, { "\"职工\" AND \"家\"", "5" },
		{ "\"之家会\"", "" },         { "\"e\" *", "3,6,7" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char got[64];
		rowids(
		    db,
		    "SELECT group_concat(rowid) FROM (SELECT rowid FROM t WHERE t MATCH ? ORDER BY "
		    "rowid)",
		    cases[i].match, got, sizeof got);
		char name[96];
		snprintf(name, sizeof name, "MATCH %s", cases[i].match);
		is_str(got, cases[i].want, name);
	}
	sqlite3_close(db);
}

/* The expression for a word: its terms ANDed, each once, without the
 * run-final characters a bigram already holds; exact only for one term. */
static void test_expr(void)
{
	static const struct {
		const char *word, *want;
		int exact;
	} cases[] = {
		{ "工会", "\"工会\"", 1 },
		{ "会", "\"会\" *", 1 },
		{ "a", "\"a\" *", 1 },
		{ "\xe5", "\"\xe5\" *", 0 },
		{ "工会 会", "\"工会\"", 0 },
		{ "App", "\"ap\" AND \"pp\"", 0 },
		{ "工会工会", "\"工会\" AND \"会工\"", 0 },
		{ "工 会", "\"工\" * AND \"会\" *", 0 },
		{ "工会 职工", "\"工会\" AND \"职工\"", 0 },
		{ "a\"b", "\"a\"\"\" AND \"\"\"b\"", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int exact = -1;
		char *e = nd_bigram_expr(cases[i].word, (int)strlen(cases[i].word), &exact, NULL);
		char name[96];
		snprintf(name, sizeof name, "the expression of %s", cases[i].word);
		is_str(e ? e : "(null)", cases[i].want, name);
		is_int(exact, cases[i].exact, name);
		sqlite3_free(e);
	}
	is_int(nd_bigram_contains("WhatsApp 和\tApple", 18, "app 和", 7), 1,
	       "contains: case folded, any blank run alike");
	is_int(nd_bigram_contains("工会", 6, "工 会", 7), 0,
	       "contains: a blank in the word is needed");
	is_int(nd_bigram_contains("x", 1, "  ", 2), 1, "contains: a word of blanks is everywhere");
}

/* The fold (issue 30): full-width letters and digits, quotation marks,
 * traditional and simplified characters, alike in the index's terms and
 * in the re-check, both ways. */
static void test_fold(void)
{
	check(DOC, "ＡＰＰ２", "ap pp p2 2", "full-width letters and digits fold to half-width");
	check(DOC, "工會", "工会 会", "a traditional character folds to the simplified");
	check(DOC, "「雙進」", "“双 双进 进” ”", "「」 fold to “”");
	check(QUERY, "『工會』", "“工 工会 会”", "『』 fold to “” in a query too");
	static const struct {
		const char *text, *word;
		int want;
	} cases[] = {
		{ "總工會「雙進」宣講", "工会“双进”", 1 },
		{ "总工会“双进”宣讲", "工會「雙進」", 1 },
		{ "总工会‘双进’", "工会“双进”", 1 },
		{ "总工会〝双进〞", "工会“双进”", 1 },
		{ "总工会『双进』", "工会“双进”", 1 },
		{ "总工会“双进”", "工会”双进“", 0 },
		{ "ＷｈａｔｓＡｐｐ，２０２４年", "app，2024年", 1 },
		{ "2024年", "２０２４年", 1 },
		{ "５．２％", "5.2%", 0 },
		{ "裏", "里", 1 },
		{ "裡", "裏", 1 },
		{ "乾隆", "干隆", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[128];
		snprintf(name, sizeof name, "%s in %s", cases[i].word, cases[i].text);
		is_int(nd_bigram_contains(cases[i].text, (int)strlen(cases[i].text), cases[i].word,
					  (int)strlen(cases[i].word)),
		       cases[i].want, name);
	}
	/* the text is folded a piece at a time: a hit across the pieces, a
	   blank run across them, a long text (on the heap) */
	static char big[20000];
	for (int at = 505; at < 515; at++) {
		memset(big, 'x', sizeof big);
		memcpy(big + at, "工會「雙進」", 18);
		char name[64];
		snprintf(name, sizeof name, "a hit at byte %d, across a piece's end", at);
		is_int(nd_bigram_contains(big, at + 18, "工会“双进”", (int)strlen("工会“双进”")), 1,
		       name);
	}
	memset(big, 'x', sizeof big);
	memcpy(big + 19990, "ab", 2);
	is_int(nd_bigram_contains(big, sizeof big, "xab", 3), 1,
	       "a hit at the end of 20,000 bytes");
	is_int(nd_bigram_contains(big, sizeof big, "xaby", 4), 0, "…and a miss");
	memset(big, ' ', 600);
	memcpy(big + 600, "z", 1);
	memcpy(big, "w", 1);
	is_int(nd_bigram_contains(big, 601, "w z", 3), 1,
	       "a blank run of 599 across pieces is one blank");
	int len = 0;
	const char *t = "总工會「雙進」宣讲";
	is_int(nd_bigram_find(t, (int)strlen(t), "工会“双进”", (int)strlen("工会“双进”"), &len), 3,
	       "find: where the folded hit starts");
	is_int(len, 18, "find: the hit's length in the text (工會「雙進」)");
	is_int(nd_bigram_find(t, (int)strlen(t), "工人", 6, &len), -1,
	       "find: -1 when it is not there");
	/* every row of the committed table, both ways, and a folded character
	   folds to itself (a fold that moved again would make the index lie) */
	int bad = 0;
	for (size_t i = 0; i < sizeof nd_fold_han / sizeof *nd_fold_han; i++) {
		char a[8], b[8];
		int na = nd_utf8_put(nd_fold_han[i][0], a), nb = nd_utf8_put(nd_fold_han[i][1], b);
		if (nd_bigram_contains(a, na, b, nb) != 1 || nd_bigram_contains(b, nb, a, na) != 1)
			bad++;
		for (size_t j = 0; j < sizeof nd_fold_han / sizeof *nd_fold_han; j++)
			if (nd_fold_han[j][0] == nd_fold_han[i][1])
				bad++;
		if (i > 0 && nd_fold_han[i - 1][0] >= nd_fold_han[i][0])
			bad++;
	}
	is_int(bad, 0, "the committed table: sorted, both ways, each target folds to itself");
}

/* The index as schema 016 makes it (no positions): the candidates of a
 * word re-checked by nd_bigram_has are exactly what instr() finds. */
static void test_detail_none(void)
{
	sqlite3 *db;
	sqlite3_open(":memory:", &db);
	is_int(nd_bigram_register(db), SQLITE_OK, "registers the tokenizer and its functions");
	sqlite3_exec(db,
		     "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'nd_bigram', detail = none);"
		     "INSERT INTO t(rowid, x) VALUES (1, '全总召开工会工作会议'),"
		     "(2, '增长5.2%，2024年'), (3, 'WhatsApp 和 Apple'), (4, '工 会'),"
		     "(5, '职工之家'), (6, 'trade   union'), (7, 'trade unions x'),"
		     "(8, '工作会议召开了工会'), (9, '“家”，。乾'), (10, '總工會 ｘ')",
		     NULL, NULL, NULL);
	/* a one-character word is exact from the index alone: wherever it is
	   (a pair's first, a run's last, alone between blanks or punctuation,
	   folded from traditional or full-width) */
	static const struct {
		const char *word, *want;
	} cases[] = {
		{ "工会", "1,8,10" },
		{ "会", "1,4,8,10" },
		{ "工会工作", "1" },
		{ "5.2%", "2" },
		{ "2024年", "2" },
		{ "app", "3" },
		{ "APP", "3" },
		{ "会工", "1" },
		{ "trade union", "6,7" },
		{ "之家会", "" },
		{ "e u", "6,7" },
		{ "工 会", "4" },
		{ "工作会议召开", "8" },
		{ "开工会工", "1" },
		{ "工", "1,4,5,8,10" },
		{ "家", "5,9" },
		{ "x", "7,10" },
		{ "，", "2,9" },
		{ "。", "9" },
		{ "干", "9" },
		{ "乾", "9" },
		{ "會", "1,4,8,10" },
		{ "Ａ", "3,6,7" },
		{ "总", "1,10" },
		{ "”", "9" },
		{ "龘", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int exact = 0;
		sqlite3_free(
		    nd_bigram_expr(cases[i].word, (int)strlen(cases[i].word), &exact, NULL));
		for (int alone = 0; alone <= exact; alone++) {
			char got[64];
			rowids(db,
			       alone ? "SELECT group_concat(rowid) FROM (SELECT rowid FROM t "
				       "WHERE t MATCH nd_bigram_query(?1) ORDER BY rowid)"
				     : "SELECT group_concat(rowid) FROM (SELECT rowid FROM t "
				       "WHERE t MATCH nd_bigram_query(?1) AND "
				       "nd_bigram_has(x, ?1) ORDER BY rowid)",
			       cases[i].word, got, sizeof got);
			char name[96];
			snprintf(name, sizeof name, "detail=none%s: %s",
				 alone ? ", the index alone" : "", cases[i].word);
			is_str(got, cases[i].want, name);
		}
	}
	sqlite3_close(db);
}

int main(void)
{
	test_terms();
	test_stops();
	test_fts();
	test_expr();
	test_detail_none();
	test_fold();
	return tap_done();
}
