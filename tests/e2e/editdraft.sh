#!/usr/bin/env bash
# editdraft.sh — `newsdesk edit` when $EDITOR, or newsdesk itself, is
# killed: the text stays as a draft beside the database (0660), the lock
# is released (but for SIGKILL), and the next `edit ID` offers it.
. "$(dirname "$0")/lib.sh"
setup_desk
printf '标题: 外部草稿\n\n第一段正文。\n' >"$TMP/a.txt"
nd --as zhu file "$TMP/a.txt" >/dev/null
DRAFT="$NEWSDESK_DB-drafts/1-wang.txt"

q() { python3 -c "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print('' if r is None or r[0] is None else r[0])" "$NEWSDESK_DB" "$1"; }
poll() { # poll SECONDS CMD...: until CMD succeeds
	local i=0 limit=$1
	shift
	while [ "$i" -lt $((limit * 20)) ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
lock_is() { [ "$(q "select coalesce(lock_holder,'-') from items where id=1")" = "$1" ]; }
has() { grep -q "$2" "$1" 2>/dev/null; }
# run_edit EDITOR_SCRIPT: `newsdesk --as wang edit 1` in tmux, its exit code in $TMP/rc
run_edit() {
	rm -f "$TMP/rc"
	fresh_server
	tm new-session -d -s "$SESSION" -x 100 -y 30 \
		env NEWSDESK_DB="$NEWSDESK_DB" EDITOR="$1" EXTRA="${2:-}" LC_ALL= LANG=C.UTF-8 bash --norc -c \
		'"$0" --as wang edit 1; echo $? >"$1"; exec sleep 600' "$NEWSDESK" "$TMP/rc"
}
editor_pid() { pgrep -f "^/bin/sh $1" | head -1; }

# An editor that types, then dies of SIGKILL.
cat >"$TMP/dies.sh" <<'SH'
#!/bin/sh
printf '编辑器被杀之前写的字。\n' >>"$1"
kill -KILL $$
SH
cat >"$TMP/hangs.sh" <<'SH'
#!/bin/sh
printf '%s\n' "$EXTRA" >>"$1"
exec sleep 600
SH
chmod +x "$TMP/dies.sh" "$TMP/hangs.sh"

run_edit "$TMP/dies.sh"
poll 10 test -e "$TMP/rc" && pass "edit ends when its editor is killed" || fail "edit ended" "$(screen)"
equals "…exit 4 (a file could not be written by the editor)" "$(cat "$TMP/rc")" 4
shows "…saying where the text is kept" "kept as a draft in"
has "$DRAFT" "编辑器被杀之前写的字" && pass "the typed text is in the draft file" || fail "draft file" "$(ls -la "$NEWSDESK_DB-drafts" 2>&1)"
equals "…mode 0660" "$(stat -c %a "$DRAFT")" 660
lock_is - && pass "…and the lock is free" || fail "lock after a killed editor" "$(q 'select lock_holder from items where id=1')"
equals "…with an event saying a draft exists" "$(q "select count(*) from events where verb='draft'")" 1
expect_ok "drafts lists it" nd --as wang drafts
contains "…as an \$EDITOR draft" "$out" "\$EDITOR"
expect_exit 1 "an edit that gets no answer (EOF) does not go on" \
	nd --as wang edit 1 </dev/null
contains "…it says so" "$err" "your draft is kept"
has "$DRAFT" "编辑器被杀之前写的字" && pass "…and the draft is intact" || fail "draft after refusal"
expect_ok "chen edits #1 with \$EDITOR meanwhile" env EDITOR=true "$NEWSDESK" --as chen edit 1
contains "…and is told wang has a draft" "$(cat "$TMP/err")" "wang has an unsaved draft of #1"

# The next edit offers it: d shows what it changes, r recovers it.
run_edit /bin/true
shows "the next edit offers the draft" "(r)ecover it"
type_text d
keys Enter
shows "d shows what the draft changes" "{+编辑器被杀之前写的字。"
type_text r
keys Enter
poll 10 test -e "$TMP/rc" && pass "r: the recovered draft goes through the editor" || fail "recover" "$(screen)"
equals "…and is saved" "$(cat "$TMP/rc")" 0
expect_ok "show" nd show 1
contains "the store has the recovered text" "$out" "编辑器被杀之前写的字"
[ ! -e "$DRAFT" ] && pass "saving deleted the draft file" || fail "draft file after save"

desk_child() { pgrep -P "$(tm display -p -t "$SESSION" '#{pane_pid}')" -x newsdesk; }

# newsdesk edit itself gets SIGTERM: passed on to the editor, the text kept.
run_edit "$TMP/hangs.sh" 终止时的字
poll 10 has "$DRAFT" "终止时的字" && pass "the editor is running on the draft file" || fail "editor started" "$(screen)"
kill -TERM "$(desk_child)"
poll 10 test -e "$TMP/rc" && pass "SIGTERM: edit ends (the editor was told too)" || fail "edit after SIGTERM" "$(screen)"
has "$DRAFT" "终止时的字" && pass "SIGTERM: the text is kept in the draft" || fail "draft after SIGTERM"
lock_is - && pass "SIGTERM: the lock is free" || fail "lock after SIGTERM"

# tmux kill-session: SIGHUP to newsdesk and the editor; the recovered text
# and the new are kept.
run_edit "$TMP/hangs.sh" 挂断时的字
shows "offered again" "(r)ecover it"
type_text r
keys Enter
poll 10 has "$DRAFT" "挂断时的字" && pass "recovering into the editor" || fail "editor on the draft" "$(screen)"
tm kill-session -t "$SESSION"
poll 10 lock_is - && pass "SIGHUP: the lock is free" || fail "lock after SIGHUP" "$(q 'select lock_holder from items where id=1')"
has "$DRAFT" "终止时的字" && has "$DRAFT" "挂断时的字" && pass "SIGHUP: both texts are in the draft" || fail "draft after SIGHUP" "$(cat "$DRAFT")"

# SIGKILL: nothing runs, but the file is where the next edit looks.
run_edit "$TMP/hangs.sh" 强杀时的字
shows "offered once more" "(r)ecover it"
type_text r
keys Enter
poll 10 has "$DRAFT" "强杀时的字" && pass "editing again" || fail "editor" "$(screen)"
kill -KILL "$(desk_child)"
pkill -KILL -f "^sleep 600$" -P "$(tm display -p -t "$SESSION" '#{pane_pid}')" 2>/dev/null
tm kill-session -t "$SESSION"
lock_is wang && pass "SIGKILL: the lock stays wang's (nothing could run)" || fail "lock after SIGKILL"
run_edit /bin/true
shows "SIGKILL: the same editor's next edit offers the draft" "(r)ecover it"
type_text r
keys Enter
poll 10 test -e "$TMP/rc" && equals "…and saves it" "$(cat "$TMP/rc")" 0 || fail "save after SIGKILL" "$(screen)"
expect_ok "show" nd show 1
contains "every piece of typed text is in the store" "$out" "终止时的字"
contains "…" "$out" "挂断时的字"
contains "…" "$out" "强杀时的字"
lock_is - && pass "the lock is free" || fail "lock at the end"
[ ! -e "$DRAFT" ] && pass "no draft is left" || fail "draft left"

# E in the desk offers the user's own $EDITOR draft, as `edit ID` does,
# instead of refusing: d shows it, r recovers it through the editor.
run_edit "$TMP/dies.sh"
poll 10 has "$DRAFT" "编辑器被杀之前写的字" || fail "a new \$EDITOR draft" "$(screen)"
cat >"$TMP/adds.sh" <<'SH'
#!/bin/sh
printf '桌面上恢复后加的字。\n' >>"$1"
SH
chmod +x "$TMP/adds.sh"
start_desk 100 30 EDITOR="$TMP/adds.sh" -- --as wang
keys E
shows "E offers the \$EDITOR draft" "has your unsaved \$EDITOR draft"
keys d
shows "…d shows what it changes" "{+编辑器被杀之前写的字。"
keys q
shows "…back to the choice" "(r)ecover"
keys r
shows "…r: edited from the draft and saved" "saved #1 as revision"
expect_ok "show" nd show 1
contains "the draft and the new text are in the store" "$out" "编辑器被杀之前写的字。"
contains "…" "$out" "桌面上恢复后加的字"
[ ! -e "$DRAFT" ] && pass "…and the draft file is gone" || fail "draft file after E"
finish
