#!/usr/bin/env bash
# hangup.sh — typed work survives the desk's end: autosaved drafts, and
# SIGHUP (tmux kill-session), SIGTERM and SIGKILL while editing. After each
# the draft is offered and recovered, the lock is free and the terminal
# was put back. Ctrl-S in the list does not freeze the screen; Ctrl-Z
# suspends and fg brings the desk back.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
printf '标题: 草稿测试\n栏目: 新闻速递\n\n第一段正文。\n' >"$TMP/a.txt"
nd --as zhu file "$TMP/a.txt" >/dev/null

q() { python3 -c "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print('' if r is None or r[0] is None else r[0])" "$NEWSDESK_DB" "$1"; }
# until QUERY gives VALUE, polled (the autosave is 2 s after the last key)
wait_db() {
	local i=0
	while [ "$i" -lt $((${3:-10} * 20)) ]; do
		[ "$(q "$1")" = "$2" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
draft_has() { wait_db "select count(*) from drafts where item_id=1 and author='wang' and body like '%$1%'" 1 "${2:-10}"; }
lock_free() { wait_db "select coalesce(lock_holder,'-') from items where id=1" - "${1:-10}"; }
desk_pid() { pgrep -P "$(tm display -p -t "$SESSION" '#{pane_pid}')" -x newsdesk; }

# The desk under a shell that records the terminal's settings when it ends.
start_shell_desk() {
	rm -f "$TMP/stty.after"
	fresh_server
	tm new-session -d -s "$SESSION" -x 100 -y 30 \
		env NEWSDESK_DB="$NEWSDESK_DB" NEWSDESK_LOCALEDIR="$LOCALEDIR" LC_ALL= LANG=C.UTF-8 \
		NEWSDESK="$NEWSDESK" STTY_AFTER="$TMP/stty.after" bash --norc -i
	tm send-keys -t "$SESSION" 'stty -a > "$STTY_AFTER.before"; "$NEWSDESK" --as wang; stty -a > "$STTY_AFTER.tmp"; mv "$STTY_AFTER.tmp" "$STTY_AFTER"' Enter
	wait_for "newsdesk" 15 || fail "the desk started" "$(screen)"
}
wait_file() {
	local i=0
	while [ "$i" -lt $((${2:-10} * 20)) ]; do
		[ -e "$1" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
restored() {
	if wait_file "$TMP/stty.after" 10 &&
		[ "$(grep -o -- '-\?icanon\|-\?echo \|-\?ixon\|-\?isig' "$TMP/stty.after")" = \
			"$(grep -o -- '-\?icanon\|-\?echo \|-\?ixon\|-\?isig' "$TMP/stty.after.before")" ]; then
		pass "$1"
	else
		fail "$1" "before: $(cat "$TMP/stty.after.before" 2>/dev/null)" "after: $(cat "$TMP/stty.after" 2>/dev/null)"
	fi
}

# 1. Autosave, then tmux kill-session (SIGHUP: the terminal is gone).
start_desk 100 30 -- --as wang
keys e
shows "the editor opens" "editing #1"
keys C-End
type_text "挂断之前打的字"
if draft_has "挂断之前打的字"; then pass "the draft is in the store 2 s after the last key"; else fail "autosave" "$(q 'select body from drafts')"; fi
type_text "还有"
# the desk has read them (keys still in the terminal when it hangs up are
# the terminal's, and a loaded machine may not have run the desk yet)
wait_for "挂断之前打的字还有" 10 || fail "the last keys on screen" "$(screen)"
tm kill-session -t "$SESSION"
if lock_free; then pass "SIGHUP: the lock is released"; else fail "lock after SIGHUP" "$(q 'select lock_holder from items where id=1')"; fi
if draft_has "挂断之前打的字还有" 2; then pass "SIGHUP: the last keys are in the draft too"; else fail "draft after SIGHUP" "$(q 'select body from drafts')"; fi
equals "SIGHUP: an event says a draft exists" "$(q "select count(*) from events where item_id=1 and verb='draft'")" 1
equals "drafts are not revisions" "$(q 'select max(rev) from revisions where item_id=1')" 1
expect_ok "newsdesk drafts lists it" nd --as wang drafts
contains "…with its item and author" "$out" "#1"
contains "…and headline" "$out" "草稿测试"

# Another editor opening the item is told.
start_desk 100 30 -- --as chen
keys e
shows "another editor sees that wang has a draft" "wang has an unsaved draft of #1"
keys Escape
hides "chen leaves" "editing #1"
tm kill-session -t "$SESSION"
lock_free 5 || fail "chen's lock" "$(q 'select lock_holder from items where id=1')"

# Reopen as wang: offered; d shows the difference, r recovers it unsaved.
start_desk 100 30 -- --as wang
keys e
shows "reopening offers the draft" "has your unsaved draft"
keys d
shows "d shows what the draft changes" "{+挂断之前打的字还有+}"
keys q
shows "…and back to the choice" "(r)ecover"
keys r
shows "r recovers it into the editor" "挂断之前打的字还有"
shows "…marked unsaved" "unsaved"
keys C-s
shows "saving it" "saved #1 as revision 2"
wait_db "select count(*) from drafts" 0 5 && pass "saving deletes the draft" || fail "draft after save" "$(q 'select count(*) from drafts')"

# 2. SIGTERM: the draft written on the way out, the terminal restored.
start_shell_desk
keys e
shows "editing under a shell" "editing #1"
keys C-End
type_text "终止信号"
kill -TERM "$(desk_pid)"
restored "SIGTERM: the terminal's modes are as before"
if lock_free; then pass "SIGTERM: the lock is released"; else fail "lock after SIGTERM"; fi
if draft_has "终止信号" 2; then pass "SIGTERM: what was typed is the draft, with no wait"; else fail "draft after SIGTERM" "$(q 'select body from drafts')"; fi

# 3. SIGHUP with the terminal still there (kill -HUP): restored as well.
start_shell_desk
keys e
shows "offered again" "has your unsaved draft"
keys r
shows "recovered" "终止信号"
keys C-End
type_text "再挂"
kill -HUP "$(desk_pid)"
restored "SIGHUP: the terminal's modes are as before"
if draft_has "终止信号再挂" 5; then pass "SIGHUP: the recovered text and the new keys are kept"; else fail "draft after kill -HUP" "$(q 'select body from drafts')"; fi
lock_free && pass "…and the lock is free" || fail "lock after kill -HUP"

# 4. SIGKILL after the autosave interval: at most the last 2 s are lost.
start_desk 100 30 -- --as wang
keys e
shows "offered" "has your unsaved draft"
keys r
shows "recovered once more" "终止信号再挂"
keys C-End
type_text "强杀"
if draft_has "终止信号再挂强杀"; then pass "autosaved before the kill"; else fail "autosave before SIGKILL" "$(q 'select body from drafts')"; fi
kill -KILL "$(pgrep -P "$(tm display -p -t "$SESSION" '#{pane_pid}')" -x newsdesk || tm display -p -t "$SESSION" '#{pane_pid}')"
tm kill-session -t "$SESSION" 2>/dev/null
start_desk 100 30 -- --as wang
keys e
shows "SIGKILL: the same editor may reopen it (the lock was theirs)" "has your unsaved draft"
keys r
shows "SIGKILL: the text typed before the last 2 s is recovered" "终止信号再挂强杀"
keys Escape
shows "leaving asks" "Save them?"
keys n
hides "n discards" "editing #1"
wait_db "select count(*) from drafts" 0 5 && pass "discarding on purpose deletes the draft" || fail "draft after discard"

# 5. A terminal that is gone is a hang-up, never a spin, even with SIGHUP ignored.
fresh_server
tm new-session -d -s "$SESSION" -x 100 -y 30 \
	env NEWSDESK_DB="$NEWSDESK_DB" NEWSDESK_LOCALEDIR="$LOCALEDIR" LC_ALL= LANG=C.UTF-8 \
	bash -c 'trap "" HUP; exec "$0" --as wang' "$NEWSDESK"
wait_for "newsdesk" 15 || fail "the desk started with SIGHUP ignored" "$(screen)"
keys e
shows "editing with SIGHUP ignored" "editing #1"
keys C-End
type_text "无人"
wait_for "无人" 10 || fail "the keys on screen" "$(screen)"
pid=$(tm display -p -t "$SESSION" '#{pane_pid}')
tm kill-session -t "$SESSION"
if draft_has "无人" 5; then pass "terminal gone: the draft is kept"; else fail "draft with the terminal gone"; fi
i=0
while ! ended "$pid" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if ! ended "$pid"; then fail "terminal gone: the desk ended" "$(ps -o pid,stat,pcpu,cmd -p "$pid")"; kill -KILL "$pid"; else pass "terminal gone: the desk ended (no spin)"; fi
lock_free && pass "…and released the lock" || fail "lock after the terminal went"

# 6. Raw mode everywhere: Ctrl-S in the list does not freeze the screen.
start_shell_desk
keys C-s
keys s
shows "after Ctrl-S in the list, keys still draw" "[sort id]"
keys C-q
keys s
shows "…and after Ctrl-Q" "[sort filed]"
# Ctrl-Z suspends like vim; fg brings the desk back, redrawn.
keys C-z
shows "Ctrl-Z suspends the desk to the shell" "Stopped"
keys 'fg' Enter
shows "fg brings it back, redrawn" "[sort filed]"
keys q
restored "quitting restores the terminal"
finish
