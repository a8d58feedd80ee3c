#!/usr/bin/env bash
# concurrency.sh — filing at deadline: 32 filing processes × 40 items while
# 2 editors save and move items and a backup loop copies the store: every
# item present exactly once, every event recorded, no SQLITE_BUSY ever
# reaches a user (writers queue on DB-writers, store.c), and every backup
# whole. 1,280 filings: the load that refused 77 of them before the queue.
. "$(dirname "$SRCDIR/tests/cli/lib.sh")/lib.sh"
setup_desk
# a deadline's flood is more than a day's quota: the admin lifts it, as a
# newsroom would for its wire desk
nd user quota zhu items-a-day 1000000 >/dev/null
PER=${FILERS_ITEMS:-40}
N=${FILERS:-32}
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
backups() { # until the filers are done
	local n=0 fails=0
	while [ ! -e "$TMP/done" ]; do
		n=$((n + 1))
		nd backup "$TMP/b.db" --force >/dev/null 2>>"$TMP/err.backup" || fails=$((fails + 1))
	done
	echo "$n $fails" >"$TMP/backups"
}
for k in $(seq 1 "$N"); do filer "$k" & pids="${pids:-} $!"; done
editor wang & pids="$pids $!"
editor chen & pids="$pids $!"
backups &
wait $pids
touch "$TMP/done"
wait

total=0
for k in $(seq 1 "$N"); do total=$((total + $(cat "$TMP/fails.$k"))); done
equals "$N filers × $PER: none refused" "$total" 0
[ "$total" -eq 0 ] || cat "$TMP"/err.[0-9]* | sort | uniq -c | sort -rn | head -5 | sed 's/^/# /'
lacks "no SQLITE_BUSY surfaced to a filer" "$(cat "$TMP"/err.[0-9]* 2>/dev/null)" "busy"
equals "every filed item is there exactly once" "$(count "select count(*) from items where id in (select item_id from revisions where headline like '并发稿件%')")" $((N * PER))
equals "…and distinct" "$(count "select count(distinct headline) from revisions where headline like '并发稿件%'")" $((N * PER))
reported=$(cat "$TMP"/filed.* | grep -c '^filed #')
equals "every filer was told of every item" "$reported" $((N * PER))
equals "every filing has its event" "$(count "select count(*) from events where verb='file'")" $((N * PER + 4))
equals "editors: no failure but a lock or a conflict" "$(cat "$TMP/fails.wang") $(cat "$TMP/fails.chen")" "0 0"
read -r nb bfails <"$TMP/backups"
equals "backups beside them: none failed (of $nb)" "$bfails" 0
[ "$bfails" -eq 0 ] || sort "$TMP/err.backup" | uniq -c | sort -rn | head -5 | sed 's/^/# /'
NEWSDESK_DB="$TMP/b.db" expect_ok "…and the last one checks out" nd check --full
expect_ok "the store is sound" nd check --full
finish
