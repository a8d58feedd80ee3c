#!/usr/bin/env bash
# habits.sh — the habits of mutt and vim at the desk, each under four TERM
# values: resolve (after an action, the next item as it was read), counts
# and page keys, `:` (:q, :N, Tab, verbs in English and Chinese), prompt
# history, pre-filled prompts replaced by typing, the message history, the
# publish confirmation, the returned-with note and log in the item pane,
# and a reporter's hints.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"

for term in xterm-256color screen-256color tmux-256color linux; do
	setup_demo_fresh() { rm -f "$NEWSDESK_DB"*; setup_demo; }
	setup_demo_fresh
	start_desk 120 40 TERM=$term -- --as wangj
	keys s
	shows "$term: sorted by id" "[sort id]"

	# Counts and pages, from an explicit start.
	keys g
	shows "$term: g selects the first" "── #25 submitted"
	type_text 5j
	shows "$term: 5j moves five down" "── #20 submitted"
	keys C-d
	shows "$term: ^D moves half a page (7 of 15 rows)" "── #13 "
	keys C-u
	shows "$term: ^U moves back" "── #20 submitted"
	type_text 3G
	shows "$term: 3G selects the third" "── #23 submitted"
	keys End
	shows "$term: End selects the last" "── #1 edited"
	keys Home
	shows "$term: Home selects the first" "── #25 submitted"

	# Resolve: act on #24, the selection moves on to #23, the next as read.
	keys g j
	shows "$term: on #24" "── #24 submitted"
	keys D
	shows "$term: D finishes #24" "#24 submitted → edited"
	shows "$term: …and the selection moves on to #23" "── #23 submitted"
	keys D
	shows "$term: D again finishes #23, the one after" "#23 submitted → edited"
	shows "$term: …and on to #22" "── #22 submitted"

	# `:` — a number selects, Tab completes, verbs by Chinese name.
	keys :
	type_text 7
	keys Enter
	shows "$term: :7 selects #7" "── #7 submitted"
	keys :
	type_text fin
	keys Tab
	shows "$term: Tab completes a verb" ":finish"
	keys Escape
	keys :
	type_text 编完
	keys Enter
	shows "$term: :编完 finishes by the Chinese name" "#7 submitted → edited"
	keys :
	type_text frob
	keys Enter
	shows "$term: an unknown command says so" "no command 'frob'"

	# Search history, and pre-filled text replaced by typing.
	keys /
	type_text 蹲点
	keys Enter
	shows "$term: the search finds #16" "蹲点: match 1 of 1"
	# the hits are drawn reversed in the item pane (ESC [7m before them)
	if LIMIT=5 wait_until eval 'tm capture-pane -e -p -t "$SESSION" | grep -q "$(printf "\033")\[[0-9;]*7[0-9;]*m蹲点"'; then
		pass "$term: the item pane highlights the hits"
	else
		fail "$term: the item pane highlights the hits" "$(tm capture-pane -e -p -t "$SESSION" | grep 蹲点 | head -3 | cat -v)"
	fi
	keys /
	shows "$term: the prompt offers the last search" "Search: 蹲点"
	type_text 职工
	keys Enter
	shows "$term: typing replaced the pre-filled text" "职工: match"
	keys / Up Up
	shows "$term: ↑ steps back through the history" "Search: 蹲点"
	keys Down
	shows "$term: ↓ forward again" "Search: 职工"
	keys Escape

	# The message history keeps what the line showed.
	keys M
	shows "$term: M opens the message history" "Messages (q closes)"
	shows "$term: …with an earlier message" "#24 submitted → edited"
	keys q
	hides "$term: q closes it" "Messages (q closes)"
	keys M
	shows "$term: M again" "Messages (q closes)"
	keys Escape
	hides "$term: Esc closes it too" "Messages (q closes)"
	keys Escape
	shows "$term: Esc in the list does not quit" "[sort id]"
	keys :
	type_text 9
	keys Enter
	shows "$term: :9 selects #9" "── #9 "
	keys :
	type_text 999
	keys Enter
	shows "$term: :999 does not exist" "there is no item #999"
	shows "$term: …and the selection stays on #9" "── #9 "
	# an item the filter hides is another matter; the pre-filled filter
	# is cleared by Backspace and Enter, without ^U
	keys f
	type_text "state:edited"
	keys Enter
	shows "$term: filtered" "[filter edited]"
	keys :
	type_text 9
	keys Enter
	shows "$term: :9 under the filter is hidden, not missing" "#9 is not in the list (see the filter)"
	keys f
	shows "$term: the filter pre-filled" "state:edited"
	keys BSpace Enter
	hides "$term: Backspace, Enter: the filter cleared" "[filter"

	# Ctrl-End and Ctrl-Home in the editor, whatever TERM's entry names.
	keys :
	type_text 22
	keys Enter
	shows "$term: on #22" "── #22 submitted"
	keys e
	shows "$term: the editor" "editing #22"
	keys C-End
	type_text ZZEND
	shows "$term: Ctrl-End goes to the end of the body" "ZZEND"
	lacks "$term: …typed nowhere else" "$(screen | grep -v ZZEND)" "ZZ"
	keys C-Home
	type_text ZZTOP
	shows "$term: Ctrl-Home goes to the first field" "ZZTOP"
	keys Escape
	shows "$term: leaving asks" "Save them?"
	keys n
	hides "$term: discarded" "editing #22"

	# The returned item's note and its log, in the item pane.
	keys :
	type_text 3
	keys Enter Enter
	shows "$term: the item pane leads with the return's note" "with the note: 电头缺日期，请补充。"
	keys G
	shows "$term: …and ends with the log" "wangj return"
	keys q q
	keys :
	type_text q
	keys Enter
	if LIMIT=10 wait_until eval '! tm has-session -t "$SESSION" 2>/dev/null'; then
		pass "$term: :q quits"
	else
		fail "$term: :q quits" "$(screen)"
	fi
done

# The publish confirmation (#2 is signed off in the demo).
start_desk 120 40 -- --as chenhj
keys :
type_text 2
keys Enter
shows "on #2" "── #2 approved"
keys P
shows "P asks first" "#2? This cannot be undone. (y/n)"
keys n
shows "n: not published" "#2: not done"
expect_ok "log" nd log 2
lacks "…nothing was published" "$out" "publish"
keys P
shows "asked again" "This cannot be undone"
keys y
shows "y publishes" "#2 approved → published"

# The mouse, when asked for: a click selects a row, the wheel scrolls.
start_desk 120 40 TERM=xterm-256color -- --as wangj
keys s
shows "sorted" "[sort id]"
keys g
shows "on #25" "── #25 submitted"
keys :
type_text mouse
keys Enter
shows ":mouse turns it on" "mouse on"
# SGR mouse reports, as a terminal sends them: press and release on the
# fifth screen row (the fourth item), then the wheel down once
type_text $'\033[<0;10;6M\033[<0;10;6m'
shows "a click selects the row under it (the fourth item)" "── #22 "
type_text $'\033[<65;10;6M'
shows "the wheel scrolls the list (three rows)" "── #19 "

# The f prompt offers the keys in the reader's language, and takes them.
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
	start_desk 120 40 LANG=zh_CN.UTF-8 -- --as wangj
	keys f
	shows "zh: f offers the Chinese keys" "筛选（状态: 栏目: 作者: 期:，留空清除）"
	type_text "状态:已编"
	keys Enter
	shows "zh: 状态: filters" "[筛选 已编]"
	keys f
	shows "zh: the filter pre-filled with the Chinese key" "状态:已编"
	keys Enter
	shows "zh: Enter keeps the untouched pre-fill" "[筛选 已编]"
	keys f
	type_text "作者:zhujl"
	keys Enter
	shows "zh: typing replaces it: 作者:" "作者:zhujl"
	keys f BSpace Enter
	hides "zh: Backspace, Enter clears" "[筛选"
fi

# A reporter is shown only what a reporter may do.
start_desk 120 40 -- --as zhujl
shows "the reporter's desk" "? help"
hints=$(screen | tail -2 | head -1)
lacks "a reporter is not offered sign-off" "$hints" "sign off"
lacks "…nor marking edited" "$hints" "edited"
keys s g
shows "sorted by id: #8, submitted" "── #8 submitted"
hints=$(screen | tail -2 | head -1)
lacks "on a submitted item no refiling is offered" "$hints" "B refile"
lacks "…nor editing (it is with the editors)" "$hints" "e edit"
type_text ":3"
keys Enter
shows "on #3, returned" "── #3 returned"
if LIMIT=5 wait_until eval 'screen | tail -2 | head -1 | grep -q "e edit.*B refile"'; then
	pass "the returned item's hints again: e edit, B refile"
else
	fail "the returned item's hints again: e edit, B refile" "$(screen)"
fi
keys '?'
shows "the help" "Keys (q closes this help)"
lacks "the help lists no sign-off for a reporter" "$(screen)" "sign off (签发)"

finish
