/* test_doc.c — the editor's document: grapheme moves, editing, undo/redo
 * with typed runs, selection and clipboard, fields, find. */
#include "newsdesk/doc.h"
#include "newsdesk/grapheme.h"
#include "tap.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void type(struct nd_doc *d, const char *s)
{
	/* one character at a time, as keys arrive */
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xF0)
			len = 4;
		else if (c >= 0xE0)
			len = 3;
		else if (c >= 0xC0)
			len = 2;
		nd_doc_insert(d, s + i, len);
		i += len;
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *e_acute = "e\xCC\x81"; /* e + combining acute */
	is_int(nd_grapheme_next(e_acute, 3, 0), 3,
	       "a base and its combining mark are one grapheme");
	is_int(nd_grapheme_prev(e_acute, 3, 3), 0, "…backwards too");
	is_int(nd_grapheme_next("中文", 6, 0), 3, "a Han character is one grapheme");

	is_int(nd_grapheme_prev("中文", 6, 4), 0,
	       "an offset inside a character snaps to its start");
	is_int(nd_grapheme_next("中文", 6, 4), 6, "…going forward too");

	struct nd_story s = { .kind = "article", .headline = "标题", .body = "第一段。\n第二段。" };
	struct nd_doc d;
	ok(nd_doc_init(&d, &s) == 0, "a document from a story");
	is_int(d.field, ND_F_BODY, "the cursor starts in the body");
	ok(!nd_doc_dirty(&d), "…clean");

	type(&d, "新的App");
	is_str(nd_doc_text(&d, ND_F_BODY), "新的App第一段。\n第二段。", "typing Chinese and ASCII");
	ok(nd_doc_dirty(&d), "…makes it dirty");
	nd_doc_undo(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "第一段。\n第二段。",
	       "one undo takes back the whole typed run");
	ok(!nd_doc_dirty(&d), "…and it is clean again");
	nd_doc_redo(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的App第一段。\n第二段。", "redo brings it back");

	nd_doc_set_cursor(&d, ND_F_BODY, 0);
	nd_doc_right(&d);
	is_int(d.cur, 3, "right moves over one Han character (3 bytes)");
	nd_doc_word_right(&d);
	is_int(d.cur, 6, "a word move stops where Han meets Latin");
	nd_doc_word_right(&d);
	is_int(d.cur, 9, "…and after the Latin word");
	nd_doc_backspace(&d);
	nd_doc_backspace(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的A第一段。\n第二段。",
	       "backspace deletes characters");
	nd_doc_undo(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的App第一段。\n第二段。",
	       "a backspace run is one undo step");

	nd_doc_set_cursor(&d, ND_F_BODY, strlen("新的App第一段。"));
	nd_doc_delete(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的App第一段。第二段。",
	       "delete at a paragraph end joins");
	nd_doc_newline(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的App第一段。\n第二段。",
	       "Enter splits the paragraph");

	/* cut and paste a paragraph */
	nd_doc_set_cursor(&d, ND_F_BODY, 0);
	nd_doc_cut(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "第二段。", "cut with no selection takes the paragraph");
	nd_doc_paragraph_down(&d);
	nd_doc_insert(&d, "\n", 1);
	nd_doc_paste(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "第二段。\n新的App第一段。\n",
	       "paste puts it back elsewhere");
	nd_doc_undo(&d);
	nd_doc_undo(&d);
	nd_doc_undo(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的App第一段。\n第二段。",
	       "…and undo reverses it all");

	/* a selection */
	nd_doc_set_cursor(&d, ND_F_BODY, 0);
	nd_doc_toggle_mark(&d);
	nd_doc_right(&d);
	nd_doc_right(&d);
	nd_doc_copy(&d);
	is_str(d.clipboard, "新的", "copy takes the selection");
	nd_doc_toggle_mark(&d);
	nd_doc_right(&d);
	nd_doc_right(&d);
	nd_doc_right(&d);
	type(&d, "X");
	is_str(nd_doc_text(&d, ND_F_BODY), "新的X第一段。\n第二段。",
	       "typing replaces the selection (App)");

	/* one-line fields */
	nd_doc_set_cursor(&d, ND_F_HEADLINE, nd_doc_len(&d, ND_F_HEADLINE));
	nd_doc_insert(&d, "一\n二", strlen("一\n二"));
	is_str(nd_doc_text(&d, ND_F_HEADLINE), "标题一 二",
	       "a newline pasted into the headline becomes a space");
	nd_doc_newline(&d);
	is_int(d.field, ND_F_SUBHEAD, "Enter in a one-line field moves to the next field");
	nd_doc_prev_field(&d);
	is_int(d.field, ND_F_HEADLINE, "…and back");
	nd_doc_insert(&d, "\033[2J", 4);
	is_str(nd_doc_text(&d, ND_F_HEADLINE), "标题一 二[2J", "ESC never enters the document");

	ok(nd_doc_find(&d, "第二"), "find");
	is_int(d.field, ND_F_BODY, "…moves to the field");
	is_int(d.cur, strlen("新的X第一段。\n"), "…and the place");

	nd_doc_set_cursor(&d, ND_F_BODY, 4);
	ok(nd_doc_replace_body(&d, "清理后的正文") == 0, "a clean-up step replaces the body");
	ok(d.cur % 3 == 0, "…and the cursor lands on a character boundary (%zu)", d.cur);
	nd_doc_undo(&d);
	is_str(nd_doc_text(&d, ND_F_BODY), "新的X第一段。\n第二段。", "…undoably");

	struct nd_story out;
	ok(nd_doc_story(&d, &out) == 0, "back to a story");
	is_str(out.headline, "标题一 二[2J", "…with the headline");
	ok(out.kicker == NULL, "…and empty fields as NULL");
	nd_story_free(&out);
	nd_doc_free(&d);
	return tap_done();
}
