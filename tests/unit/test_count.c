/* test_count.c — 字数 by the rules in newsdesk(1). */
#include "newsdesk/count.h"
#include "tap.h"

#include <locale.h>
#include <string.h>

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	is_int(nd_count_chars(""), 0, "empty is 0");
	is_int(nd_count_chars("工会"), 2, "each Han character is 1");
	is_int(nd_count_chars("工会，职工。"), 6, "full-width punctuation counts");
	is_int(nd_count_chars("App"), 1, "a Latin word is 1");
	is_int(nd_count_chars("2024年"), 2, "a number is 1, then 年");
	is_int(nd_count_chars("大丰区总工会2024年“劳模工匠进校园”"), 17,
	       "mixed headline: 6 + 2024 + 年 + “ + 7 + ”");
	is_int(nd_count_chars("Hello, world!"), 2, "two words; half-width marks in them add none");
	is_int(nd_count_chars("职工,职工"), 4, "a half-width comma between Han is 0 (Word)");
	is_int(nd_count_chars("本报讯 (记者赖志凯)"), 8, "half-width brackets are 0");
	is_int(nd_count_chars("2,000名职工"), 4, "2,000 is one word");
	is_int(nd_count_chars("e-mail和App"), 3, "e-mail is one word");
	is_int(nd_count_chars("更好.\""), 2, "a half-width full stop and quote after Han: 0");
	is_int(nd_count_chars(" - "), 0, "a dash standing alone is 0");
	is_int(nd_count_chars("  \t\n\xE3\x80\x80 "), 0, "white space, ideographic too, is 0");
	is_int(nd_count_chars("ひらがな"), 4, "kana count 1 each");
	is_int(nd_count_chars("한국"), 2, "hangul syllables count 1 each");
	is_int(nd_count_chars("１２３"), 3, "full-width digits are wide: 1 each");
	is_int(nd_count_chars("1.7万"), 2, "1.7 is one word, then 万 (Word)");
	is_int(nd_count_chars("e\xCC\x81"), 1, "a combining mark adds nothing");
	is_int(nd_count_chars("……——"), 4, "ellipsis and dash marks count each");

	/* parts of a text add up to the whole (the editor counts by rows) */
	static const char t[] = "工会ab,c职工(2,000)";
	long whole = nd_count_chars(t), parts = 0;
	for (size_t cut = 0; cut <= strlen(t); cut++) {
		if ((t[cut] & 0xC0) == 0x80)
			continue;
		parts = nd_count_span(t, cut, t) + nd_count_span(t + cut, strlen(t) - cut, t);
		if (parts != whole)
			break;
	}
	is_int(parts, whole, "any two parts of a text add up to its 字数");
	ok(!nd_count_joins(t, 2, t), "the text's start joins nothing");
	ok(nd_count_joins(t + 8, 2, t), "\",c\" after \"ab\" goes on with the word ab (one less)");
	ok(!nd_count_joins(t + 8, 1, t), "…\",\" alone does not: it counts 0 either way");
	is_int(whole, 2 + 1 + 2 + 1, "工会 ab,c 职工 (2,000)");

	/* the older rule, for a publication that asks for it (count-rule marks) */
	is_int(nd_count_chars_by("职工,职工", ND_COUNT_MARKS), 5, "marks: a half-width comma is 1");
	is_int(nd_count_chars_by("2,000名职工", ND_COUNT_MARKS), 6, "marks: 2,000 is 2 + , + 000");
	is_int(nd_count_chars_by("Hello, world!", ND_COUNT_MARKS), 4,
	       "marks: two words, two marks");
	is_int(nd_count_chars_by("本报讯 (记者赖志凯)", ND_COUNT_MARKS), 10,
	       "marks: half-width brackets 1 each");
	is_int(nd_count_chars_by("工会，职工。", ND_COUNT_MARKS), 6, "marks: full-width as before");
	is_int(nd_count_chars_by("职工,职工", ND_COUNT_WORD), 4,
	       "…and by Word's rule whatever is set");
	is_int(nd_count_rule_parse("marks"), ND_COUNT_MARKS, "the rule's name");
	is_int(nd_count_rule_parse(""), ND_COUNT_WORD, "…none is Word's");
	is_int(nd_count_rule_parse("bytes"), -1, "…a name that is no rule");
	nd_count_set_rule(ND_COUNT_MARKS);
	is_int(nd_count_chars(t), 2 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1,
	       "the process counts by the rule set: 工会 ab , c 职工 ( 2 , 000 )");
	whole = nd_count_chars(t);
	for (size_t cut = 0; cut <= strlen(t); cut++) {
		if ((t[cut] & 0xC0) == 0x80)
			continue;
		parts = nd_count_span(t, cut, t) + nd_count_span(t + cut, strlen(t) - cut, t);
		if (parts != whole)
			break;
	}
	is_int(parts, whole, "…and any two parts add up to the whole by that rule too");
	ok(!nd_count_joins(t + 8, 1, t), "…\",\" after ab is a mark of its own");
	ok(nd_count_joins(t + 7, 1, t), "…\"b\" after a goes on with the word");
	nd_count_set_rule(ND_COUNT_WORD);

	char out[32];
	nd_format_count(1204, out, sizeof out);
	is_str(out, "1,204", "thousands separator");
	nd_format_count(1000000, out, sizeof out);
	is_str(out, "1,000,000", "millions");
	nd_format_count(999, out, sizeof out);
	is_str(out, "999", "no separator below 1000");
	return tap_done();
}
