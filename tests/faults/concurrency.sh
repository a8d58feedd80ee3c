#!/usr/bin/env bash
# concurrency.sh — 8 filing processes × 500 items while 2 editors save and
# move items: every item present exactly once, every event recorded, and
# no SQLITE_BUSY ever reaches a user.
. "$(dirname "$SRCDIR/tests/cli/lib.sh")/lib.sh"
setup_desk
PER=${FILERS_ITEMS:-500}
nd issue add conc --title "并发" --pages 4 >/dev/null
for i in 1 2 3 4; do nd --as zhu file "$SRCDIR/tests/data/articles/a0$i.txt" >/dev/null; nd assign "$i" --issue conc --page 1 >/dev/null; done
count() { python3 -c "import sqlite3;print(sqlite3.connect('$NEWSDESK_DB').execute(\"$1\").fetchone()[0])"; }

filer() {
	local k=$1 fails=0
	for j in $(seq 1 "$PER"); do
		printf '标题: 并发稿件 %s-%s\n\n第 %s 号记者的第 %s 篇稿件。\n' "$k" "$j" "$k" "$j" |
			nd --as zhu file >>"$TMP/filed.$k" 2>>"$TMP/err.$k" || fails=$((fails + 1))
	done
	echo "$fails" >"$TMP/fails.$k"
}
editor() {
	local who=$1 fails=0
	for j in $(seq 1 60); do
		id=$(( (j % 4) + 1 ))
		printf '标题: 编辑%s第%s次修改\n\n正文 %s。\n' "$who" "$j" "$j" >"$TMP/e.$who"
		out=$(nd --as "$who" edit "$id" --from "$TMP/e.$who" 2>&1) ||
			case "$out" in *"being edited by"* | *"changed while you edited"*) ;; *) fails=$((fails + 1)); echo "$out" >>"$TMP/err.$who" ;; esac
		nd --as "$who" move "$id" --page $(( (j % 3) + 1 )) >/dev/null 2>>"$TMP/err.$who" || fails=$((fails + 1))
	done
	echo "$fails" >"$TMP/fails.$who"
}
for k in 1 2 3 4 5 6 7 8; do filer "$k" & done
editor wang &
editor chen &
wait

total=0
for k in 1 2 3 4 5 6 7 8; do total=$((total + $(cat "$TMP/fails.$k"))); done
equals "8 filers × $PER: none refused" "$total" 0
lacks "no SQLITE_BUSY surfaced to a filer" "$(cat "$TMP"/err.[0-9] 2>/dev/null)" "busy"
equals "every filed item is there exactly once" "$(count "select count(*) from items where id in (select item_id from revisions where headline like '并发稿件%')")" $((8 * PER))
equals "…and distinct" "$(count "select count(distinct headline) from revisions where headline like '并发稿件%'")" $((8 * PER))
reported=$(cat "$TMP"/filed.* | grep -c '^filed #')
equals "every filer was told of every item" "$reported" $((8 * PER))
equals "every filing has its event" "$(count "select count(*) from events where verb='file'")" $((8 * PER + 4))
equals "editors: no failure but a lock or a conflict" "$(cat "$TMP/fails.wang") $(cat "$TMP/fails.chen")" "0 0"
expect_ok "the store is sound" nd check
finish
