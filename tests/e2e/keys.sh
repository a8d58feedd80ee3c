#!/usr/bin/env bash
# keys.sh — the key-binding file: a rebound key works in the list and in
# the editor, help and the hint line show the keys as bound, a bad line is
# an error naming its line in the message history while the desk starts
# all the same; --keys-file names another file; the SSH desk reads none.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
printf '标题: 键位测试\n栏目: 新闻速递\n\n第一段正文。\n' | nd --as zhu file >/dev/null
printf '标题: 第二篇\n栏目: 新闻速递\n\n第二篇正文。\n' | nd --as zhu file >/dev/null
state() { nd show "$1" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])'; }

mkdir -p "$TMP/cfg/newsdesk"
cat >"$TMP/cfg/newsdesk/keys" <<'EOF'
# keys of my own
bind list x finish
bind list D none
bind list,item <F5> nonsense
bind editor ^G save
EOF

start_desk 110 32 XDG_CONFIG_HOME="$TMP/cfg" -- --as wang
shows "a bad line is an error naming its file and line" "keys:4: no request 'nonsense'"
keys s
shows "the desk started all the same (sorted by id)" "[sort id]"
keys g
shows "on #2" "── #2 submitted"
keys D
keys M
shows "the message history keeps the error" "keys:4: no request 'nonsense' (help lists their names)"
keys q
hides "…closed" "Messages (q closes)"
equals "D, bound to none, did nothing" "$(state 2)" "submitted"
shows "the hint line shows finish as x" "x edited"
keys x
shows "x finishes, as bound" "#2 submitted → edited"
equals "…in the store" "$(state 2)" "edited"

keys '?'
shows "help opens" "Keys (q closes this help)"
shows "help says where the keys come from" "Keys as $TMP/cfg/newsdesk/keys binds them"
keys '/' # the help is longer than a screen: find the row
type_text "mark edited"
keys Enter
if LIMIT=5 wait_until eval 'screen | grep -Eq "^x +mark edited \(finish\)"'; then
	pass "help shows finish on x"
else
	fail "help shows finish on x" "$(screen)"
fi
lacks "…and D on nothing" "$(screen)" "D                   mark edited"
keys '/'
type_text "Keys in the editor"
keys Enter
if LIMIT=5 wait_until eval 'screen | grep -Eq "^\^S \^G +save as a new revision"'; then
	pass "help shows the editor's save on ^S and ^G"
else
	fail "help shows the editor's save on ^S and ^G" "$(screen)"
fi
shows "…and the editor's CUA keys, from the same table" "undo (a typed run is one step)"
keys q
hides "help closed" "Keys (q closes this help)"

# :bind — the keys in force, as the lines of a binding file.
keys :
type_text bind
keys Enter
shows ":bind lists the keys in force" "Key bindings in force"
shows "…naming the file" "# $TMP/cfg/newsdesk/keys"
keys /
type_text "bind list x"
keys Enter
shows "…with x as bound" "bind list x finish"
lacks "…and D finishing no more" "$(screen)" "bind list D finish"
keys /
type_text "bind editor"
keys Enter
shows "…the editor's keys too" "bind editor ^S save"
shows "…^G as bound" "bind editor ^G save"
keys q
hides ":bind closed" "Key bindings in force"

# The editor's rows take bindings like any other pane's.
keys :
type_text 1
keys Enter
shows "on #1" "── #1 submitted"
keys e
shows "e opens the editor" "editing #1"
shows "the editor's hints come from the table" "^S save"
type_text "新"
shows "typed" "新第一段正文。"
keys C-g
shows "^G saves, as bound" "saved #1 as revision 2"
keys F1
shows "F1 in the editor opens help, for the editor's keys" "Keys in the editor"
keys q
shows "q goes back to the text" "editing #1"
keys Escape
hides "Esc leaves" "editing #1"
keys q
wait_gone "[sort id]" 10 || fail "q quits" "$(screen)"

# --keys-file: another file, and no default one read besides.
cat >"$TMP/other" <<'EOF'
bind generic <F2> help
EOF
start_desk 110 32 XDG_CONFIG_HOME="$TMP/cfg" -- --as wang desk --keys-file "$TMP/other"
keys F2
shows "--keys-file: F2 opens help" "Keys (q closes this help)"
keys '/'
type_text "this help"
keys Enter
if LIMIT=5 wait_until eval 'screen | grep -Eq "^\? F1 F2 +this help"'; then
	pass "…and help says so"
else
	fail "…and help says so" "$(screen)"
fi
keys q
lacks "the default file was not read as well" "$(screen)" "nonsense"

# Over SSH: the desk reads no binding file, and --keys-file is refused.
start_desk 110 32 XDG_CONFIG_HOME="$TMP/cfg" -- ssh-shell wang
keys s
shows "the SSH desk starts" "[sort id]"
lacks "…without reading the binding file" "$(screen)" "nonsense"
keys g
shows "on #2" "── #2 edited"
keys x
keys M
shows "messages" "Messages (q closes)"
lacks "x is not bound over SSH" "$(screen)" "#2 edited → "
keys q
fresh_server
expect_exit 2 "over SSH, desk --keys-file is refused" env SSH_ORIGINAL_COMMAND="desk --keys-file $TMP/other" "$NEWSDESK" ssh-shell wang
finish
