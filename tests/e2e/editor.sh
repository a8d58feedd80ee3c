#!/usr/bin/env bash
# editor.sh — the built-in editor and $EDITOR from the desk, through tmux.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
printf '标题: 编辑器测试\n栏目: 新闻速递\n\n第一段正文。\n第二段正文。\n' >"$TMP/a.txt"
nd --as zhu file "$TMP/a.txt" >/dev/null

body() { nd show 1 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"])'; }

start_desk 100 30 -- --as wang
keys e
shows "e opens the editor" "editing #1"
shows "…with the fields" "编辑器测试"
# type Chinese and ASCII at the start of the body
type_text "新的App"
shows "typed text appears" "新的App第一段正文。"
shows "…and it is unsaved" "unsaved"
# move: End, then type at the end of the first paragraph
keys End
type_text "加"
shows "End goes to the end of the row" "第一段正文。加"
# delete: Backspace removes the character just typed, Delete the next one
keys BSpace
hides "Backspace deletes" "正文。加"
keys Down Home Delete
shows "Delete removes the character under the cursor" "二段正文。"
keys C-z
shows "undo brings it back" "第二段正文。"
keys C-r
hides "redo removes it again" "第二段正文。"
keys C-z
shows "undo once more" "第二段正文。"
keys C-s
shows "Ctrl-S saves" "saved #1 as revision 2"
hides "…and nothing is unsaved" "unsaved"
equals "show has exactly the new text" "$(body)" "$(printf '新的App第一段正文。\n第二段正文。')"
expect_ok "revisions" nd revisions 1
equals "one more revision" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2
expect_ok "state" nd show 1
contains "saving keeps the item's state (finishing is D)" "$out" "#1  submitted"
expect_ok "log" nd log 1
lacks "…and logs no finish" "$out" "finish"

# A bracketed paste goes in whole, newlines as paragraphs, one undo step.
keys C-End
tm set-buffer -b p "$(printf '粘贴的第一行\n粘贴的第二行')"
tm paste-buffer -p -b p -t "$SESSION"
shows "a bracketed paste arrives" "粘贴的第一行"
shows "…its newline splits the paragraph" "¶粘贴的第二行"
keys C-z
hides "…and one undo takes it all back" "粘贴的第"

# Clean-up: each rule its own undo step.
keys C-End Enter
type_text '他说"好,很好"'
keys C-k
shows "clean-up reports what it did" "clean-up:"
shows "…quotes paired and the comma made full-width" "他说“好，很好”"
keys C-z
shows "undo takes back one rule (the quotes)" '他说"好，很好"'
keys C-z
shows "…then the next (the comma)" '他说"好,很好"'

# Leaving with unsaved changes asks; c stays, n discards.
keys Escape
shows "an unsaved leave prompts" "unsaved changes. Save them?"
keys c
shows "c cancels the leave" "editing #1"
keys Escape
shows "it asks again" "Save them?"
keys n
shows "n leaves without saving" "changes discarded"
hides "…and the editor is closed" "editing #1"
equals "the discarded text is not stored" "$(body)" "$(printf '新的App第一段正文。\n第二段正文。')"

# While wang edits, chen's edit is refused by the lock.
keys e
shows "editing again" "editing #1"
expect_exit 1 "another editor is refused while the lock is held" nd --as chen edit 1 --from "$TMP/a.txt"
contains "…and told who has it" "$err" "being edited by wang"
keys Escape
hides "leaving a clean editor closes it at once" "editing #1"
lacks "…without asking" "$(screen)" "Save them?"
expect_ok "after leaving, the lock is released" nd --as chen edit 1 --from "$TMP/a.txt"

# Chinese line breaking on screen: a ， that would start a row hangs at the
# end of the row above. At 60 columns a body row holds 27 Han characters.
han27=$(printf '%.0s工' $(seq 1 27))
printf '标题: 禁则\n\n%s，后面的文字。\n' "$han27" >"$TMP/b.txt"
nd --as zhu file "$TMP/b.txt" >/dev/null
start_desk 60 20 -- --as wang
keys s
shows "sorted" "[sort id]"
keys g
shows "on #2" "── #2 "
keys e
shows "the editor at 60 columns" "editing #2"
shows "the ， stays at the end of the row" "${han27}，"
lacks "no row starts with ，" "$(screen | sed 's/^.//')" "
，"
[ -z "$(screen | grep -E '^.，')" ] && pass "no row begins with ，" || fail "row starts with ，" "$(screen)"
# ^E then ^A stay on the visual row: the end of a wrapped row is not the
# start of the next.
keys C-End Up C-e C-a
type_text Y
shows "^E ^A stay on the row: Y goes before the first 工" "Y工工工"
lacks "…not before the second row" "$(screen)" "Y后面"
keys Escape
shows "leaving asks" "Save them?"
keys n

# $EDITOR from the desk: E runs the editor and saves what it wrote.
cat >"$TMP/editor.sh" <<'SH'
#!/bin/sh
sed -i 's/^标题: .*/标题: 外部编辑器改的标题/' "$1"
SH
chmod +x "$TMP/editor.sh"
start_desk 100 30 EDITOR="$TMP/editor.sh" -- --as wang
keys s
shows "sorted" "[sort id]"
keys g
shows "on #2" "── #2 "
keys E
shows "E saves what the editor wrote" "saved #2 as revision 2"
shows "…and the list shows the new headline" "外部编辑器改的标题"
expect_ok "show" nd show 2
contains "the store has it" "$out" "外部编辑器改的标题"

# ^K in Chinese: each rule and its count, in the reader's language, joined by 、.
start_desk 200 30 LANG=zh_CN.UTF-8 -- --as wang
keys s
keys g
shows "on #2" "── #2 "
keys e
shows "e opens the editor" "编辑中"
keys C-End Enter
type_text '今年以来 ,继续 扩大到3．6万人.'
keys C-k
shows "clean-up names each rule with its count, joined by 、" \
	"清理：标点改为全角 1 处、汉字后的半角标点改为全角 1 处、删去全角标点前的空格 1 处、删去汉字之间的空格 1 处、全角小数点改为半角 1 处"
shows "…and the text is clean" "今年以来，继续扩大到3.6万人。"
keys Escape
shows "leaving asks" "保存"
keys n

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"
finish
