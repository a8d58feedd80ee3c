#!/usr/bin/env bash
# workflow.sh — the workflow through the real binary: verbs from the
# table, refusals, the log, notes, editing (file and $EDITOR), and a stage
# added as rows becoming a verb with no code change.
. "$(dirname "$0")/lib.sh"
setup_desk
story="$SRCDIR/tests/data/articles/a03.txt"

nd --as zhu file "$story" >/dev/null
nd --as li file "$SRCDIR/tests/data/articles/c03.txt" >/dev/null

expect_exit 3 "a reporter may not finish" nd --as zhu finish 1
contains "…and is told the role" "$err" "only an editor or above may finish"
expect_exit 1 "approve needs 已编" env LC_ALL= LANG=zh_CN.UTF-8 "$NEWSDESK" --as chen approve 1
contains "…saying the state and what approve needs, all in Chinese" "$err" "#1 现为待编；“approve”只适用于已编的稿件"
expect_exit 1 "return needs a note" nd --as wang return 1
contains "…saying so" "$err" "needs a note"
expect_ok "return with a note" nd --as wang return 1 --note "电头缺日期"
contains "…moves it" "$out" "#1 submitted → returned"
expect_exit 1 "another reporter may not refile it (as if it were not there)" nd --as li refile 1
expect_ok "its reporter edits the returned item" nd --as zhu edit 1 --from "$story"
contains "…unchanged text writes no revision" "$out" "#1 unchanged"
sed 's/^本刊讯 3月26日下午/本刊讯 2024年3月26日下午/' "$story" >"$TMP/fixed.txt"
expect_ok "…then with the date added" nd --as zhu edit 1 --from "$TMP/fixed.txt"
contains "…as revision 2" "$out" "#1 saved as revision 2"
expect_ok "and refiles it" nd --as zhu refile 1
# A save never moves the item: finishing is the explicit verb.
{ cat "$SRCDIR/tests/data/articles/c03.txt"; echo; echo 编辑补充的一段。; } >"$TMP/c03e.txt"
expect_ok "an editor saves a submitted item" nd --as wang edit 2 --from "$TMP/c03e.txt"
contains "…as revision 2" "$out" "#2 saved as revision 2"
lacks "…and says nothing of a move" "$out" "signed off"
equals "…whose state is kept" "$(nd show 2 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" "submitted"
expect_ok "its log" nd log 2
lacks "…shows no finish" "$out" "finish"
contains "…but the edit" "$out" " edit "
expect_ok "the editor edits it" nd --as wang edit 1 --from "$TMP/fixed.txt"
contains "…unchanged" "$out" "unchanged"
expect_ok "finish" nd --as wang finish 1
contains "…to edited" "$out" "submitted → edited"
expect_ok "the chief signs off" nd --as chen approve 1
expect_exit 1 "an approved item cannot be edited" nd --as wang edit 1 --from "$story"
contains "…until reopened" "$err" "reopen"
expect_ok "reopen" nd --as chen reopen 1
expect_ok "approve again" nd --as chen approve 1
expect_ok "publish" nd --as chen publish 1
# publish ID goes through the same core call as publish --issue: what went
# out is recorded, so check and stats agree with the state.
expect_ok "…and check agrees" nd check
equals "…check says ok" "$(checked "$out")" "ok"
expect_ok "stats" nd stats --year "$(date -u +%Y)"
# columns: filed, published, 字数, 汉字, 版面字数
equals "…counts it published" "$(printf '%s\n' "$out" | awk '/\(zhu\)|^zhu/ {print $(NF-3)}')" "1"
expect_exit 1 "a published item cannot be spiked" nd --as chen spike 1 --note x
# restore is a command (a backup) and a verb (a spiked item): with an
# item ID it is the verb, on the command line as over SSH.
expect_ok "an item is spiked" nd --as wang spike 2 --note "重复稿"
expect_ok "restore ID brings back a spiked item" nd --as wang restore 2
equals "…to the state it had" "$(nd show 2 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" "submitted"
expect_exit 2 "restore without a backup or an item says how it is used" nd restore
expect_ok "note" nd --as wang note 1 "标题很好" "电头已补"
expect_exit 3 "a reporter may not add notes" nd --as zhu note 1 "我的意见"

expect_ok "the log" nd log 1
log=$out
for verb in file return edit refile finish approve reopen publish; do
	contains "the log has $verb" "$log" " $verb "
done
contains "the log keeps the return note" "$log" "“电头缺日期”"
contains "the log names the chief's sign-off" "$log" "chen         approve"
contains "the notes are shown" "$log" "wang (王娟) rev 2: 标题很好 电头已补"
expect_ok "the reporter reads the log of their item" nd --as zhu log 1
expect_exit 1 "but not of another's (as if it were not there)" nd --as li log 1

expect_ok "revisions" nd revisions 1
contains "two revisions" "$out" "  2  "
expect_ok "show an old revision" nd show 1 --rev 1
contains "…with its own text" "$out" "本刊讯"
lacks "…not the new date" "$out" "2024年3月26日"

# $EDITOR round trip: a script edits the header-block file in place.
cat >"$TMP/editor.sh" <<'SH'
#!/bin/sh
sed -i 's/^标题: .*/标题: 编辑改过的标题/' "$1"
SH
chmod +x "$TMP/editor.sh"
expect_ok "edit in \$EDITOR" env EDITOR="$TMP/editor.sh" "$NEWSDESK" --as wang edit 2
contains "…saved" "$out" "#2 saved as revision 3"
equals "…and the state kept" "$(nd show 2 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" "submitted"
expect_ok "show it" nd show 2
contains "the new headline is stored" "$out" "编辑改过的标题"
expect_ok "an editor that changes nothing" env EDITOR=true "$NEWSDESK" --as wang edit 2
contains "…saves nothing" "$out" "#2 unchanged"
cat >"$TMP/breaker.sh" <<'SH'
#!/bin/sh
printf '标题: 好标题\n记者: 乱写\n\n正文\n' >"$1"
SH
chmod +x "$TMP/breaker.sh"
expect_exit 1 "an edit that breaks the format is refused" env EDITOR="$TMP/breaker.sh" "$NEWSDESK" --as wang edit 2
contains "…and the text is kept for the editor" "$err" "your text is kept as a draft in"
kept=$(printf '%s' "$err" | sed -n 's/.*your text is kept as a draft in \([^ ]*\) (.*/\1/p')
[ -f "$kept" ] && pass "…the kept file exists" || fail "kept file" "$kept"
expect_ok "the lock was released after the failed edit" nd --as chen edit 2 --from "$story"

# Locks: a live lock refuses others, a chief breaks it, and it is logged.
python3 - "$NEWSDESK_DB" <<'PY'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE items SET lock_holder='wang', lock_since=?, lock_expires=? WHERE id=2",
          (int(time.time()), int(time.time()) + 1800))
c.commit()
PY
expect_exit 1 "a live lock refuses another editor" nd --as chen edit 2 --from "$story"
contains "…naming the holder" "$err" "being edited by wang"
expect_exit 3 "an editor may not unlock" nd --as wang unlock 2
expect_ok "a chief unlocks" nd --as chen unlock 2
contains "…saying whose lock it was" "$out" "was held by wang"
expect_ok "log" nd log 2
contains "the unlock is logged" "$out" "broke wang's lock"

# A 复审 stage added as rows: its verb is a command at once.
python3 - "$NEWSDESK_DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
INSERT INTO states(name, label_zh, label_en, position, editable)
  VALUES ('reviewed', '已复审', 'reviewed', 3, 1);
INSERT INTO transitions(verb, from_state, to_state, min_role, note_required, own_only, label_zh, label_en)
  VALUES ('review', 'edited', 'reviewed', 'chief', 0, 0, '主任复审', 'second review'),
         ('approve', 'reviewed', 'approved', 'chief', 0, 0, '签发', 'approve');
""")
c.commit()
PY
expect_ok "workflow lists the new verb" nd workflow
contains "…review" "$out" "review   edited"
nd --as wang finish 2 >/dev/null
expect_ok "review --help works" nd review --help
contains "…from the table's label" "$out" "second review"
expect_exit 3 "an editor may not review" nd --as wang review 2
expect_ok "the chief reviews" nd --as chen review 2
contains "…to the new state" "$out" "edited → reviewed"
expect_ok "and approves from it" nd --as chen approve 2
expect_exit 2 "a verb that is not in the table is unknown" nd --as chen fly 2

# Nothing ever deletes a revision or an event.
python3 - "$NEWSDESK_DB" >"$TMP/sql.out" 2>&1 <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for sql in ("DELETE FROM events", "UPDATE revisions SET body='x'", "DELETE FROM revisions"):
    try:
        c.execute(sql)
        print("allowed:", sql)
    except sqlite3.DatabaseError as e:
        print("refused:", e)
PY
lacks "SQL cannot delete or change history" "$(cat "$TMP/sql.out")" "allowed:"

expect_ok "the store checks out after all of it" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
