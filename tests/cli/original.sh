#!/usr/bin/env bash
# original.sh — the bytes of every filing are kept: show --original gives
# them back byte for byte, redecode makes a wrong decoding right as a new
# revision, and nothing deletes or changes an original.
. "$(dirname "$0")/lib.sh"
setup_desk

# A Big5 story filed with the wrong --encoding: GB18030 mojibake.
printf '都有自己的故事\n\n職工都有自己的故事。\n' | iconv -f UTF-8 -t BIG5 >"$TMP/big5.txt"
expect_ok "a Big5 story filed as GB18030 is taken (the reporter said so)" \
	nd --as zhu file --encoding gb18030 "$TMP/big5.txt"
lacks "…as mojibake" "$out" "都有自己的故事"
nd show 1 --original >"$TMP/orig" 2>"$TMP/err"
cmp -s "$TMP/orig" "$TMP/big5.txt" && pass "show --original gives the bytes back as filed" ||
	fail "show --original" "$(od -c "$TMP/orig" | head -3)"
if command -v script >/dev/null; then
	out=$(script -qc "\"$NEWSDESK\" show 1 --original" /dev/null)
	contains "…but never raw to a terminal" "$out" "send them to a file or a pipe"
	contains "…saying what they are" "$out" "37 bytes (GB18030, SHA-256"
fi

expect_exit 3 "a reporter may not redecode an item with the editors" \
	nd --as zhu redecode 1 --encoding big5
expect_ok "an editor redecodes it as Big5" nd --as wang redecode 1 --encoding big5
contains "…as a new revision" "$out" "saved as revision 2"
expect_ok "show" nd show 1
contains "…now reads right" "$out" "Headline: 都有自己的故事"
contains "…the body too" "$out" "職工都有自己的故事。"
expect_ok "revisions" nd revisions 1
contains "…the mojibake revision is kept" "$out" "  1  "
expect_ok "the wrong reading stays in revision 1" nd show 1 --rev 1
lacks "…(it is not overwritten)" "$out" "都有自己的故事"
expect_ok "redecoding again changes nothing" nd --as wang redecode 1 --encoding big5
contains "…and says so" "$out" "is the current revision already"
expect_exit 1 "an encoding that does not fit the bytes is refused" \
	nd --as wang redecode 1 --encoding utf-8
contains "…naming the byte" "$err" "not valid UTF-8"
expect_exit 1 "an unknown encoding is refused" nd --as wang redecode 1 --encoding ebcdic
contains "…naming it" "$err" "unknown encoding 'ebcdic'"
expect_exit 2 "redecode without --encoding is a usage error" nd --as wang redecode 1
expect_exit 1 "no item, no original" nd --as wang redecode 99 --encoding big5

# Every byte, including what the intake strips (C0 controls) and a UTF-8 BOM.
printf '\xEF\xBB\xBF标题\a\n\n正文\x01第一段。\n' >"$TMP/raw.txt"
expect_ok "a story with a BOM and controls is filed" nd --as zhu file "$TMP/raw.txt"
nd show 2 --original >"$TMP/orig2"
cmp -s "$TMP/orig2" "$TMP/raw.txt" && pass "…and its original keeps the BOM and the controls" ||
	fail "original with controls" "$(od -c "$TMP/orig2" | head -3)"
expect_exit 1 "another reporter may not read the original (as if it were not there)" nd --as li show 2 --original

# A retried upload with the same token keeps one original.
expect_ok "file with a token" nd --as zhu file --token t-1 "$TMP/raw.txt"
expect_ok "…again" nd --as zhu file --token t-1 "$TMP/raw.txt"
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]): print(*row)
c.commit()' "$NEWSDESK_DB" "$1"; }
equals "one original per item" "$(sql 'SELECT count(*) FROM originals')" "3"

# An imported page is kept once, byte for byte, and every item cut from it
# reaches it. A GB18030 page with a BOM-less CRLF body: what the importer
# normalises (line ends, the encoding) the original keeps.
iconv -f UTF-8 -t GB18030 "$SRCDIR/tests/data/import/styles_a.txt" | sed 's/$/\r/' >"$TMP/page.txt"
filed=$(nd list --format tsv | wc -l)
expect_ok "import a page" nd --as wang import "$TMP/page.txt"
ids=$(nd list --format tsv | awk -F'\t' -v n="$filed" '$1 > n { print $1 }' | sort -n)
parts=$(printf '%s\n' "$ids" | wc -l | tr -d ' ')
[ "$parts" -ge 2 ] && pass "…cut into $parts items" || fail "the page is several items" "$ids"
second=$(printf '%s\n' "$ids" | sed -n 2p)
nd show "$second" --original >"$TMP/page.out" 2>"$TMP/page.err"
cmp -s "$TMP/page.out" "$TMP/page.txt" && pass "show --original of an imported item gives the page's bytes back" ||
	fail "the page's bytes" "$(cmp "$TMP/page.out" "$TMP/page.txt")"
contains "…saying they are the whole page and where the item stands on it" "$(cat "$TMP/page.err")" \
	"cut from the imported page page.txt (item 2 of $parts): these are the whole page's"
equals "the page is kept once, not once per item" "$(sql 'SELECT count(*) FROM page_originals')" "1"
equals "…and every item names it" "$(sql 'SELECT count(*), min(part), max(parts) FROM item_pages')" "$parts 1 $parts"
equals "…compressed" "$(sql "SELECT compression, size > length(bytes) FROM page_originals")" "deflate 1"
expect_ok "the same page imported again" nd --as wang import "$TMP/page.txt"
equals "…is not kept twice" "$(sql 'SELECT count(*) FROM page_originals')" "1"
last=$(nd list --sort id --format tsv | awk -F'\t' 'NR == 1 { print $1 }')
nd show "$last" --original 2>/dev/null | cmp -s - "$TMP/page.txt" && pass "…and its items reach the same bytes" ||
	fail "the second import's items reach the page"
if command -v script >/dev/null; then
	out=$(script -qc "\"$NEWSDESK\" show $second --original" /dev/null)
	contains "an imported page never goes raw to a terminal" "$out" "send them to a file or a pipe"
	contains "…saying what it is" "$out" "(GB18030, SHA-256"
fi
expect_exit 1 "redecode refuses an item cut from a page" nd --as wang redecode "$second" --encoding big5
contains "…saying to import the page again" "$err" "import the page again with the right encoding"
expect_exit 1 "a reporter may not read an imported page's original (as if it were not there)" nd --as zhu show "$second" --original
before=$(sql 'SELECT count(*) FROM page_originals')
printf '标题\n\n正文。\n' >"$TMP/other.txt"
expect_exit 1 "an import that fails (no such issue)" nd --as wang import --issue nope "$TMP/other.txt"
equals "…keeps no page either" "$(sql 'SELECT count(*) FROM page_originals')" "$before"
sql 'DELETE FROM page_originals' 2>/dev/null && fail "an imported page was deleted" ||
	pass "the store refuses to delete an imported page"
sql "UPDATE item_pages SET part = 9" 2>/dev/null && fail "an item's page was changed" ||
	pass "…or to change where an item came from"

# Nothing changes or deletes an original.
sql 'DELETE FROM originals WHERE item_id = 1' 2>"$TMP/del" &&
	fail "an original was deleted" || pass "the store refuses to delete an original"
sql "UPDATE originals SET encoding = 'x'" 2>"$TMP/upd" &&
	fail "an original was changed" || pass "…or to change one"
# A damaged copy is noticed, not trusted.
sql "DROP TRIGGER originals_no_update" && sql "UPDATE originals SET sha256 = 'bad' WHERE item_id = 2"
expect_exit 4 "a damaged original is refused" nd show 2 --original
contains "…as damaged" "$err" "damaged"
finish
