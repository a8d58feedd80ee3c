#!/usr/bin/env bash
# review.sh — the chief's 终审 in the desk: see what changed, note, sign off.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
nd --as zhu file "$SRCDIR/tests/data/articles/a05.txt" >/dev/null
sed 's/射阳县工人文化宫/射阳县总工会文化宫/' "$SRCDIR/tests/data/articles/a05.txt" >"$TMP/e.txt"
nd --as wang edit 1 --from "$TMP/e.txt" >/dev/null

start_desk 110 36 -- --as chen
keys r
shows "r opens the review pane" "review #1"
shows "…comparing the filed and the current revision" "revision 1 (zhu"
shows "the changed characters are marked" "射阳县[-工人-]{+总工会+}文化宫"
shows "proofreading is shown" "Proofreading:"
keys c
shows "c asks for a note" "Note on #1"
type_text "标题改得好"
keys Enter
shows "the note is in the pane" "标题改得好"
keys '['
shows "[ steps the older side (wraps to the same pair here)" "revision 1"
keys a
shows "a signs off" "#1 edited → approved"
shows "…and the pane says who signed off" "signed off (签发) by chen"
keys q
hides "q leaves the review" "review #1"
expect_ok "log" nd log 1
contains "newsdesk log shows the sign-off by the chief" "$out" "chen         approve   edited → approved"
contains "…and the note" "$out" "标题改得好"

# A reporter's R-return from the review pane needs the note prompt too.
nd --as zhu file "$SRCDIR/tests/data/articles/a06.txt" >/dev/null
start_desk 110 36 -- --as wang
keys s
shows "sorted" "[sort id]"
keys r
shows "review of #2" "review #2"
keys R
shows "R asks for the return note" "Note for return #2"
type_text "请补充数据来源"
keys Enter
shows "R returns it" "#2 submitted → returned"

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"
finish
