#!/usr/bin/env bash
# desk.sh — the desk as an editor sees it, driven through tmux.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}" "${COLWIDTH:?}"
setup_demo
today=$(date +%m-%d)

# The first screen: the demo items, columns aligned by display width.
start_desk 120 40
shows "the title line counts items per state" "submitted 22"
shows "the newest item is listed" "104个专业供职工自主选择"
rows=$(screen | sed -n '3,17p')
cols=$(printf '%s\n' "$rows" | "$COLWIDTH" "$today" | sort -u)
equals "every row's Updated column starts at the same display column" \
	"$(printf '%s\n' "$cols" | wc -l | tr -d ' ')" 1
[ "$(printf '%s\n' "$cols")" != -1 ] && pass "…and it is on screen" || fail "updated column" "$rows"
widths=$(screen | "$COLWIDTH" | sort -n | tail -1)
[ "$widths" -le 120 ] && pass "no line is wider than the window" || fail "line width" "$widths"
contains "a long headline is cut with …" "$(screen)" "“加速…"
shows "the key hints" "? help"

# Moving and opening. Sort by id first: the demo's items were touched
# within the same second or two, so "newest" is not a fixed order. Then g:
# the selection follows its item through the sort, and which item was
# newest (so selected) depends on those seconds too.
keys s
shows "s sorts by id" "[sort id]"
# the selection follows its item through the sort; which item was newest
# depends on the second the demo was made in (under ASan #1, edited last)
keys g
shows "g selects the first row" "── #25 submitted"
keys j j
shows "two rows down selects the third item" "── #23 submitted"
keys Enter
shows "Enter opens the item pane on it" "210万元补贴助千余名职工圆大学梦"
keys G
shows "in the item pane, G goes to its end" "本报记者 张静 本报通讯员 汪璐 朱晓东"
keys q G
shows "back in the list, G goes to the last item" "── #1 edited"
keys g
shows "g goes back to the first" "── #25 submitted"

# Search for a two-character Chinese word.
keys /
shows "/ prompts for a search" "Search:"
type_text "蹲点"
keys Enter
shows "the search jumps to the item" "── #16 submitted"
shows "…and says which match" "蹲点: match 1 of 1"
keys n
shows "n wraps around with one match" "(wrapped)"

# Filter by state.
keys f
shows "f prompts for a filter" "Filter"
type_text "state:returned"
keys Enter
shows "the filter shows in the title line" "[filter returned]"
shows "the returned item is listed" "盐城经开区纵深推进"
hides "submitted items are not" "104个专业供职工自主选择"
shows "…and the count is singular for one" "1 item"
hides "…not '1 items'" "1 items"
keys f C-u Enter
hides "an empty filter clears it" "[filter"
shows "…and the other states are back" "submitted    "
shows "…while the selection stays on the same item" "── #3 returned"

# A workflow key refused by role, then allowed: the editor cannot sign off.
start_desk 120 40 -- --as wangj
keys s
shows "sorted by id" "[sort id]"
keys G
shows "the editor is on #1 (edited)" "── #1 edited"
keys a
shows "a refusal is shown on the message line" "only a chief editor or above may approve"
keys R
shows "R asks for the note" "Note for return to the reporter #1"
type_text "请核对引号"
keys Enter
shows "R returns it" "#1 edited → returned"

# Resize from 120×40 to 60×20 and back: a clean screen each time.
start_desk 120 40
before=$(screen)
tm resize-window -t "$SESSION" -x 60 -y 20
shows "at 60×20 the title is still drawn" "newsdesk"
wait_until fits 60 && pass "at 60×20 nothing runs past the edge" || fail "60 cols" "$(screen)"
equals "at 60×20 the screen has 20 rows" "$(screen | wc -l | tr -d ' ')" 20
tm resize-window -t "$SESSION" -x 50 -y 12
shows "below 60×15 a one-line notice" "window too small"
tm resize-window -t "$SESSION" -x 120 -y 40
shows "back at 120×40" "Updated"
wait_until screen_is "$before" && pass "…the screen is as it was before" ||
	fail "…the screen is as it was before" "$(screen)" "$before"

# Another process files an item: it appears without a key press.
printf '标题: 外来的新稿件\n\n正文。\n' | nd --as zhujl file >/dev/null
shows "an item filed elsewhere appears by itself" "外来的新稿件" 10
shows "…and the counts follow" "submitted 23"

# A headline holding an escape sequence is shown inert.
printf '标题: 清屏\033[2J攻击\n\n正文\033[31m红\n' >"$TMP/esc.txt"
nd --as zhujl file "$TMP/esc.txt" >/dev/null
keys g
shows "the ESC is stripped at filing; the text stays readable" "清屏[2J攻击"
python3 - "$NEWSDESK_DB" <<'PY'
import os, sys
sys.path.insert(0, os.environ["SRCDIR"] + "/tests/tools")
import ndsql as sqlite3  # with the index's tokenizer loaded
# A row written by something other than newsdesk: the TUI must still
# draw it inert (the sanitiser is the last line of defence).
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO items(kind, state, reporter, current_rev, filed_at, updated_at) "
          "VALUES ('article', 'submitted', 'zhujl', 1, strftime('%s','now'), strftime('%s','now') + 100)")
i = c.execute("SELECT max(id) FROM items").fetchone()[0]
c.execute("INSERT INTO revisions(item_id, rev, kind, headline, body, chars, body_chars, author, created_at) "
          "VALUES (?, 1, 'article', ?, ?, 1, 1, 'zhujl', strftime('%s','now'))",
          (i, "直写\x1b[2J\x1b]0;pwned\x07\u202e标题", "正文\x9b31m"))
c.commit()
PY
shows "ESC from the store is drawn as ␛" "直写␛[2J␛]0;pwned␇�标题"
contains "the screen was not cleared" "$(screen)" "newsdesk"

# The help screen lists every key of the keymap.
keys '?'
shows "? opens the help" "Keys (q closes this help)"
help=$(screen)
# its last page first (G), then the rest a page at a time until that last
# page shows: no wait at the end for a page that never turns (a loaded
# machine once took over 2 s to turn one)
keys G
hides "G scrolls the help to its end" "move down / scroll down"
last=$(screen)
keys g
shows "g back to its top" "move down / scroll down"
page=$(screen)
page_turned() { [ "$(screen)" != "$page" ]; }
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
	[ "$page" = "$last" ] && break
	keys C-f
	LIMIT=10 wait_until page_turned || break
	page=$(screen)
	help="$help
$page"
done
for label in "j ↓" "k ↑" "PgDn" "PgUp" "g Home" "G End" "Enter" "Tab" "/" " n " " N " " f " " l " " s " \
	" + " " - " " z " " D " " a " " R " " S " " U " " O " " P " " B " " c " " : " " ? " "Ctrl-L" " q "; do
	contains "help lists '$label'" "$(printf '%s\n' "$help" | sed 's/^/ /; s/$/ /')" "$label"
done
keys q
hides "q closes the help" "Keys (q closes"

# The Chinese interface under zh_CN.UTF-8.
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
	start_desk 120 40 LANG=zh_CN.UTF-8
	shows "zh_CN: state labels from the states table" "newsdesk · 待编 "
	shows "zh_CN: column titles" "编号"
	contains "zh_CN: the list's rows label their state in Chinese" "$(screen | sed -n '3,17p')" "待编"
	shows "zh_CN: key hints" "? 帮助"
	keys '?'
	shows "zh_CN: the help screen" "按键（按 q 关闭帮助）"
else
	fail "the zh_CN.UTF-8 locale is installed (scripts/test generates it)"
fi

# NO_COLOR is honoured without losing anything on screen.
start_desk 100 30 NO_COLOR=1
shows "under NO_COLOR the desk still draws" "104个专业供职工自主选择"

# The desk's own work checks out; the row written behind its back does not.
expect_exit 1 "check ends the session: it names the row newsdesk did not write" nd check
contains "…as not written by newsdesk" "$out" "has no hash: newsdesk did not write it"
# The foreign row also puts the stats' summary of its day out of step with
# the items (the summary is kept by newsdesk's filing): check says so.
contains "…and the day's summary no longer matches the items" "$out" "the stats' summary of"
lines=$(printf '%s\n' "$out" | grep -v "#$(nd list --format tsv --sort id | head -1 | cut -f1):" |
	grep -v "^stats: the stats' summary of " | wc -l | tr -d ' ')
equals "…and nothing else" "$lines" 0

finish
