#!/usr/bin/env bash
# docx.sh — a correspondent's Word document filed as a story: known by its
# bytes, its title and subtitle styles as headline and subhead, tracked
# changes accepted, footnotes and comments dropped and said, pictures
# attached with their alt text in the same transaction, the original kept
# bit for bit; the hostile ones refused with their reason and nothing filed.
. "$(dirname "$0")/lib.sh"
setup_desk
D="$TMP/docx"
python3 "$SRCDIR/tests/tools/mkdocx.py" "$D"
json() { nd show "$1" --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['$2'] if d['$2'] is not None else '')"; }

expect_ok "a .docx on standard input is filed" nd --as zhu file <"$D/story.docx"
contains "…as a Word document" "$out" "from a Word document"
id=$(printf '%s' "$out" | sed -n 's/^filed #\([0-9]*\).*/\1/p')
equals "the title style (named 标题, id a3) is the headline" "$(json "$id" headline)" "大丰区总工会“双进”宣讲向纵深挺进"
equals "the subtitle style is the subhead" "$(json "$id" subhead)" "劳模工匠进校园 思政教师进企业"
equals "the dateline is read as a filing's is" "$(json "$id" dateline)" "本刊讯"
body=$(json "$id" body)
contains "an insertion is taken" "$body" "汤云庆出席并讲话。"
lacks "a deletion is dropped" "$body" "删去的话"
lacks "a footnote's text is dropped" "$body" "据市总工会统计"
lacks "a comment's text is dropped" "$body" "这里核实一下"
contains "a field is its shown text, not its code" "$body" "共有5个宣讲团。"
lacks "…never its code" "$body" "2+3"
contains "a soft break is the filing's next line" "$body" "第一行
软回车后的一行 制表符后"
contains "the notes say what was dropped: footnotes" "$out" "1 footnote dropped"
contains "…comments" "$out" "1 comment dropped"
contains "…tracked changes" "$out" "tracked changes taken as accepted"
contains "the PNG is attached" "$out" "attached photo 1 to #$id: png 64×48"
contains "an EMF is named, not attached" "$out" "image2.emf"
photos=$(nd photo list "$id")
contains "…its alt text is the caption" "$photos" "宣讲现场 王娟 摄"
equals "one photo on the item" "$(printf '%s\n' "$photos" | grep -c 'image1.png')" 1
nd show "$id" --original >"$TMP/orig.docx"
if cmp -s "$TMP/orig.docx" "$D/story.docx"; then pass "the original .docx is kept bit for bit"; else fail "the original .docx is kept bit for bit"; fi
expect_exit 1 "redecode has no encoding to choose for a document" nd redecode "$id" --encoding gbk
contains "…and says so" "$err" "Word document"

expect_ok "no styles: a bold first paragraph is the headline" nd --as zhu file "$D/bold.docx"
bold=$(printf '%s' "$out" | sed -n 's/^filed #\([0-9]*\).*/\1/p')
equals "…headline" "$(json "$bold" headline)" "滨海县总工会深化产改"
contains "…and the guess is said" "$out" "first bold or large paragraph"
expect_ok "no title at all: the filing format's first line" nd --as zhu file "$D/plain.docx"
plain=$(printf '%s' "$out" | sed -n 's/^filed #\([0-9]*\).*/\1/p')
equals "…is the headline" "$(json "$plain" headline)" "射阳县工人文化宫打造最美职工书屋"

# A retried upload with its token files once.
expect_ok "a token makes a retry idempotent" nd --as zhu file --token doc-1 <"$D/bold.docx"
expect_ok "…the retry" nd --as zhu file --token doc-1 <"$D/bold.docx"
contains "…is already filed" "$out" "already filed"
expect_exit 2 "--format is text or docx" nd --as zhu file --format pdf <"$D/bold.docx"
expect_exit 1 "--format docx insists" nd --as zhu file --format docx <"$SRCDIR/tests/data/articles/a01.txt"
contains "…naming it" "$err" "not a Word document"

before=$(item_count)
refuse() { # NAME FILE WORDS
	expect_exit 1 "$1 is refused" nd --as zhu file <"$2"
	contains "…saying why" "$err" "$3"
	contains "…and that nothing was filed" "$err" "nothing was filed"
}
refuse "a zip bomb" "$D/bomb.docx" "zip bomb"
refuse "an entity bomb (a DTD)" "$D/entities.docx" "DTD"
refuse "nesting 5,000 deep" "$D/deep.docx" "nested"
refuse "a macro document" "$D/macro.docm" "macros"
refuse "an encrypted (OLE) document" "$D/encrypted.docx" "password"
refuse "a zip that is no Word document" "$D/sheet.xlsx" "not a Word document"
refuse "a truncated picture" "$D/badpic.docx" "image1.png"
equals "nothing refused left an item behind" "$(item_count)" "$before"
expect_ok "a picture pointing outside the document is not read" nd --as zhu file <"$D/escape.docx"
contains "…it is said" "$out" "linked picture"

# Over SSH: standard input only, as every filing.
expect_ok "over SSH a reporter files a .docx" env SSH_ORIGINAL_COMMAND="file" "$NEWSDESK" ssh-shell zhu <"$D/story.docx"
contains "…with its picture" "$out" "attached photo 1"
expect_exit 2 "over SSH a document is not named by path" env SSH_ORIGINAL_COMMAND="file $D/story.docx" "$NEWSDESK" ssh-shell zhu
finish
