#!/usr/bin/env bash
# import.sh — newsdesk import --interactive: the desk opens on the page's
# items as the importer proposes them, with the rule behind each field; the
# editor merges two items, re-labels a headline, skips one and files the
# rest at once; a second page is left without filing, and nothing of it is
# filed.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
page="$SRCDIR/tests/data/import/styles_a.txt"

start_desk 120 36 -- --as wang import --interactive "$page"
shows "the desk opens on the page's review" "5 items · 0 skipped · nothing filed yet"
shows "…each field with the rule that chose it" "[column-author]"
shows "…the body's paragraphs numbered" "¶2        一个歇脚点温暖一座城"
equals "nothing is filed while reviewing" "$(item_count)" 0
keys Enter
hides "Enter: the item's whole text, the other items out of the way" "重温红色记忆"
keys G
shows "…G scrolls to its last paragraph" "¶6        新征程上"
keys q
shows "q: back to the list, not out of the review" "重温红色记忆"
shows "…still nothing filed" "nothing filed yet"

# merge item 2 with item 3 (a news brief the editor reads as one)
keys j m
shows "m merges the item with the one below" "merged with the item below"
shows "…one item fewer" "4 items · 0 skipped"
shows "…the lower headline is a paragraph of it now" "城南街道总工会为新就业形态劳动者送健康"

# item 1: the slogan is the headline, not the kicker: r, from k, to h
keys k r
shows "r asks which field" "Move: k kicker"
keys k
shows "…then where to" "…to: k kicker"
keys h
shows "the kicker and headline traded places" "moved (what the field held went where it came from)"
shows "…the headline row says the editor chose it" "[editor] set by the editor"

# a headline put into the text leaves the item without one: F refuses it
keys j r h p
shows "r h p: the headline into the text" "(no headline)"
keys F
shows "…F will not file an item without a headline, and names it" "item 2 has no headline"
keys r p h
shows "r p h: the first paragraph the headline again" "[新闻速递] 西城区举办首届职工技能运动会 · 刘晓燕"

# skip the last photo
keys G d
shows "d skips an item" "1 skipped"
shows "…and it stays on screen, marked" "✗  4 photo"

# u takes a correction back: a skip of the first item, undone
keys g d
shows "d skipped item 1" "2 skipped"
keys u
shows "u undoes it" "undone"
shows "…one skipped again" "1 skipped"

keys F
shows "F asks first" "File 3 items of"
keys n
shows "n: not filed" "not filed"
equals "…nothing filed" "$(item_count)" 0
keys F
shows "F asks again" "File 3 items of"
keys y
shows "y files them all at once" "imported 3 items (#1–#3)"
shows "…and the desk's list shows them" "submitted 3"

expect_ok "list" nd list --format tsv
equals "three items filed" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
lacks "…not the skipped photo" "$out" "重温红色记忆"
expect_ok "show 1" nd show 1
contains "item 1's headline is the slogan" "$out" "Headline: 谱写新篇章 书写新答卷"
contains "…its kicker the line the importer took for the headline" "$out" "Kicker: 把职工群众的冷暖放在心上"
contains "…its byline the column's author line" "$out" "Byline: 东湖市西城区总工会党组书记、主席 王建国"
expect_ok "show 2" nd show 2
contains "item 2 is the merged brief" "$out" "Headline: 西城区举办首届职工技能运动会"
contains "…with the second brief's text" "$out" "为120余名新就业形态劳动者开展免费体检"
contains "…its headline a paragraph" "$out" "城南街道总工会为新就业形态劳动者送健康"
contains "…its byline at the end, where it stood" "$out" "陈立 吴敏"
contains "…and the first brief's byline kept" "$out" "Byline: 刘晓燕"
keys q
wait_gone "submitted 3" 10 && pass "q quits the desk" || fail "q quits the desk" "$(screen)"

# A second page, corrected and then left: nothing of it is filed.
start_desk 120 36 -- --as wang import --interactive "$SRCDIR/tests/data/import/styles_b.txt"
shows "the second page's review" "nothing filed yet"
keys m
shows "a merge" "merged with the item below"
keys q
shows "q asks before leaving" "Leave without filing anything from this page? (y/n)"
keys n
shows "n stays in the review" "nothing filed yet"
keys q
shows "q asks again" "Leave without filing anything from this page?"
keys y
shows "y leaves: nothing filed" "nothing filed from"
hides "…the review is gone" "nothing filed yet"
equals "…and the store holds only the first page's three" "$(item_count)" 3
# A page an unsure rule shaped: the review says how many items to look at
# first, marks them ⚑, and the selected one says why before its fields.
start_desk 140 40 -- --as wang import --interactive "$SRCDIR/demo/003_3e16ec6b22cd13a7.txt"
shows "the corpus page 003's review counts its flagged items" "2 flagged (⚑): look there first"
shows "…marks them in the list" "⚑  8 article [flagged]"
shows "…opens on the first of them, which says why before its fields" \
	"⚑         a subhead and text were joined to it by the words they share"
shows "…its detail is item 8's" "── item 8 "
keys j j
shows "…the next flagged one, further down, says its own reason" "its photo credit stood apart from its caption"
keys q
shows "leaving asks" "Leave without filing anything from this page?"
keys y
shows "…nothing filed" "nothing filed from"
equals "…the store still holds the first page's three" "$(item_count)" 3

expect_ok "the store checks out" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
