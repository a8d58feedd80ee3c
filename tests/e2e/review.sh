#!/usr/bin/env bash
# review.sh — the chief's 终审 in the desk: see what changed, note, sign off.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
nd --as zhu file "$SRCDIR/tests/data/articles/a05.txt" >/dev/null
sed 's/射阳县工人文化宫/射阳县总工会文化宫/' "$SRCDIR/tests/data/articles/a05.txt" >"$TMP/e.txt"
nd --as wang edit 1 --from "$TMP/e.txt" >/dev/null
nd --as wang finish 1 >/dev/null # a save keeps the state: finishing is the verb

start_desk 110 36 -- --as chen
keys r
shows "r opens the review pane" "review #1"
shows "…comparing the filed and the current revision" "revision 1 (zhu"
shows "the changed characters are marked" "射阳县[-工人-]{+总工会+}文化宫"
shows "proofreading is shown" "Proofreading:"
shows "…the half-width marks as one line ^K fixes" "half-width marks — ^K fixes them"
# / in a pane of text finds a row and brings it to the top; n the next
keys /
shows "/ in the review pane asks what to find" "Find:"
type_text "── Notes ("
keys Enter
shows "…and finds the row" "── Notes ("
keys '?'
shows "the help" "Keys (q closes this help)"
equals "the help is titled by the pane (the registry's title)" "$(screen | sed -n 3p | sed 's/ *$//')" "Keys in the review"
equals "…and starts with j" "$(screen | sed -n 4p | cut -c1-1)" "j"
keys /
type_text "clean up: each rule"
keys Enter
shows "/ in the help finds the editor's ^K row" "clean up: each rule its own undo step"
if LIMIT=5 wait_until eval '[[ "$(screen | sed -n 3p)" != "j ↓"* ]]'; then
	pass "…and the help scrolled to show it"
else
	fail "…and the help scrolled to show it" "$(screen)"
fi
keys N
shows "N wraps back to the same row" "(wrapped)"
keys q
keys g
keys c
shows "c asks for a note" "Note on #1"
type_text "标题改得好"
keys Enter
shows "the note is in the pane" "标题改得好"
keys '['
shows "[ steps the older side (wraps to the same pair here)" "revision 1"
keys a
shows "a asks first: proofreading warnings are open" "proofreading warnings open? (y/n)"
keys n
shows "n leaves it as it was" "#1: not done"
expect_ok "log" nd log 1
lacks "…nothing was signed off" "$out" "approve"
keys a
shows "asked again" "proofreading warnings open? (y/n)"
keys y
shows "y signs off" "#1 edited → approved"
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
keys g
shows "on #2" "── #2 submitted"
keys r
shows "review of #2" "review #2"
keys R
shows "R asks for the return note" "Note for return to the reporter #2"
type_text "请补充数据来源"
keys Enter
shows "R returns it" "#2 submitted → returned"

# Two unrelated revisions of 50,000 characters: the pane opens promptly
# (the diff is bounded) and says the body is shown by paragraph.
python3 - "$TMP" <<'PY'
import random, sys
for name, seed in (("u1.txt", 1), ("u2.txt", 2)):
    r = random.Random(seed)
    paras = ["".join(chr(0x4E00 + r.randrange(3000)) for _ in range(250)) for _ in range(200)]
    open(f"{sys.argv[1]}/{name}", "w", encoding="utf-8").write("长稿 %d\n\n" % seed + "\n\n".join(paras) + "\n")
PY
nd --as zhu file "$TMP/u1.txt" >/dev/null
nd --as wang edit 3 --from "$TMP/u2.txt" >/dev/null
start_desk 110 36 -- --as chen
keys s
shows "sorted by id" "[sort id]"
keys g
shows "on #3" "── #3 "
keys r
shows "review of #3" "review #3"
shows "the pane says the texts are shown by paragraph" "shown by paragraph"
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
	start_desk 110 36 LANG=zh_CN.UTF-8 -- --as chen
	keys s g
	shows "zh: on #3" "── #3 "
	keys r
	shows "…and in Chinese" "按段落显示"
	keys S
	shows "S asks for the note naming the verb in Chinese" "撤稿 #3 的说明"
	lacks "…not the internal verb" "$(screen)" "spike #3"
	keys Escape
	keys :
	type_text "撤稿"
	keys Enter
	shows ":撤稿 asks the same" "撤稿 #3 的说明"
	keys Escape
fi

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
