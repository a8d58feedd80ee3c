#!/usr/bin/env bash
# small.sh — no key acts unseen: while the window is too small to draw the
# desk ("window too small"), keys are held with a bell, never dispatched;
# the editor's unsaved-changes question waits until it can be seen, and no
# change is thrown away by keys typed blind.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
printf '标题: 小窗测试\n栏目: 新闻速递\n\n第一段正文。\n' >"$TMP/a.txt"
nd --as zhu file "$TMP/a.txt" >/dev/null

body() { nd show 1 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"])'; }
size() { tm resize-window -t "$SESSION" -x "$1" -y "$2"; }

start_desk 100 30 -- --as wang
keys e
shows "e opens the editor" "editing #1"
type_text "新"
shows "typed" "新第一段正文。"

# The question asked, then the window shrinks: n typed blind answers nothing.
keys Escape
shows "Esc asks about the unsaved change" "has unsaved changes"
size 40 10
shows "the window is too small" "window too small"
keys n
size 100 30
shows "grown again: the question is still there" "has unsaved changes"
hides "…the screen is whole again" "window too small"
lacks "…nothing was discarded" "$(screen)" "changes discarded"
keys c
shows "c cancels: the editor, the text kept" "新第一段正文。"

# Shrunk first: Esc and n in the editor act on nothing.
size 40 10
shows "too small again" "window too small"
keys Escape
keys n
keys q
size 100 30
hides "grown again" "window too small"
shows "the editor is still open, the change in it" "新第一段正文。"
lacks "…no question was answered blind" "$(screen)" "changes discarded"

# The list too: keys typed while too small do not move or act.
keys Escape
shows "asked" "has unsaved changes"
keys y
hides "saved and left" "editing #1"
equals "the change was saved" "$(body)" "新第一段正文。"
size 40 10
shows "too small in the list" "window too small"
keys S
size 100 30
hides "grown" "window too small"
lacks "S did not ask to spike it" "$(screen)" "Note for"
expect_ok "the item" nd show 1
lacks "…is not spiked" "$out" "spiked"

finish
