#!/usr/bin/env bash
# bench/summaries.sh — issue 33's summaries beside their anchors, on one
# store, A and B in alternation (ROUNDS rounds; medians):
#   stats --year    against the year's figures counted from the items by the
#                   sqlite3 shell (the GROUP BY stats ran before its summary)
#   check --full    against PRAGMA integrity_check in the shell
#   backup          against VACUUM INTO in the shell (which fdatasyncs the
#                   copy; no check)
# Prints rows of bench/run's table (| what | target | measured | how |).
#   bench/summaries.sh DB [ROUNDS]   BUILD=build-bench by default, as bench/run
#   ROWS=backup (or stats,check …) runs only those rows; all three by default.
# The backups are written beside DB (or in OUTDIR) and removed: room for two
# copies is needed. backup records the root of its copy in DB: give it a
# store of your own.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$1
ROUNDS=${2:-3}
BUILD=${BUILD:-build-bench}
ND=${ND:-"$PWD/$BUILD/newsdesk"}
M="$PWD/$BUILD/bench/bench-measure"
OUT=${OUTDIR:-$(dirname "$DB")}/summaries-tmp
ROWS=${ROWS:-stats,check,backup}
row() { [[ ",$ROWS," == *",$1,"* ]]; }
N=$(sqlite3 "$DB" "SELECT count(*) FROM items")
NF=$(python3 -c "print(f'{$N:,}')")
trap 'rm -f "$OUT"*' EXIT

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
# timed CMD...: "wall cpu" in seconds (cpu = user + system)
timed() {
	local f
	f=$(mktemp)
	/usr/bin/time -f "%e %U %S" -o "$f" "$@" >/dev/null 2>&1 || { echo "bench/summaries: FAILED: $*" >&2; cat "$f" >&2; rm -f "$f"; exit 1; }
	awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$f"
	rm -f "$f"
}
ratio() { python3 -c "r = $1 / $2; print(f'{r:.2f}×' if r >= 0.1 else f'{r:.3f}×')"; }

if row stats; then
# stats: the year with the most items, as the reader counts years (local time)
year=$(sqlite3 "$DB" "SELECT strftime('%Y', filed_at, 'unixepoch', 'localtime') AS y FROM items GROUP BY y ORDER BY count(*) DESC LIMIT 1")
a=$(python3 -c "import time; print(int(time.mktime(($year,1,1,0,0,0,0,0,-1))))")
b=$(python3 -c "import time; print(int(time.mktime(($year+1,1,1,0,0,0,0,0,-1))))")
cat >"$OUT.sql" <<SQL
SELECT u.login, u.name,
 (SELECT count(*) FROM items i WHERE i.reporter = u.login AND i.filed_at >= $a AND i.filed_at < $b),
 (SELECT count(*) FROM items i WHERE i.reporter = u.login AND i.published_at >= $a AND i.published_at < $b),
 coalesce(ps.chars, 0), coalesce(ps.hanzi, 0)
FROM users u LEFT JOIN (SELECT i.reporter AS who, sum(c.chars) AS chars, sum(c.hanzi) AS hanzi
 FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.published_rev
 LEFT JOIN revision_counts c ON c.revision_id = r.id
 WHERE i.published_at >= $a AND i.published_at < $b GROUP BY i.reporter) ps ON ps.who = u.login
WHERE EXISTS (SELECT 1 FROM items i WHERE i.reporter = u.login) ORDER BY 5 DESC, 3 DESC, 1;
SQL
sa=() sb=()
for r in $(seq "$ROUNDS"); do
	sa+=("$("$M" 5 -- "$ND" --db "$DB" stats --year "$year" | cut -d' ' -f1)")
	sb+=("$("$M" 5 --stdin "$OUT.sql" -- sqlite3 "$DB" | cut -d' ' -f1)")
done
A=$(printf '%s\n' "${sa[@]}" | median)
B=$(printf '%s\n' "${sb[@]}" | median)
echo "| \`stats --year $year\`, $NF items | ≤ 50 ms at 1M | $A ms; the year counted from the items in the sqlite3 shell $B ms ($(ratio "$A" "$B")) | bench/summaries.sh: bench-measure 5 runs × $ROUNDS rounds in alternation, medians |"

fi

if row check; then
# check --full against integrity_check (wall and CPU, alternating)
ca=() cb=() cpa=() cpb=()
for r in $(seq "$ROUNDS"); do
	x=$(timed "$ND" --db "$DB" check --full)
	ca+=("${x% *}") cpa+=("${x#* }")
	x=$(timed sqlite3 "$DB" "PRAGMA integrity_check")
	cb+=("${x% *}") cpb+=("${x#* }")
done
A=$(printf '%s\n' "${ca[@]}" | median) B=$(printf '%s\n' "${cb[@]}" | median)
PA=$(printf '%s\n' "${cpa[@]}" | median) PB=$(printf '%s\n' "${cpb[@]}" | median)
echo "| \`check --full\`, $NF items | ≤ 2× \`PRAGMA integrity_check\` | $A s vs $B s wall ($(ratio "$A" "$B")); CPU $PA s vs $PB s ($(ratio "$PA" "$PB")) | bench/summaries.sh: /usr/bin/time, $ROUNDS rounds in alternation, medians |"

fi

row backup || exit 0
# backup against VACUUM INTO, and against VACUUM INTO with the copy then
# fsynced (sync FILE), which a backup must do (each copy removed before the
# next; the page cache dropped of nothing: all run warm)
ba=() bb=() bc=() cpa=() cpb=()
for r in $(seq "$ROUNDS"); do
	rm -f "$OUT.db"
	x=$(timed "$ND" --db "$DB" backup "$OUT.db")
	ba+=("${x% *}") cpa+=("${x#* }")
	rm -f "$OUT.db"
	x=$(timed sqlite3 "$DB" "VACUUM INTO '$OUT.db'")
	bb+=("${x% *}") cpb+=("${x#* }")
	rm -f "$OUT.db"
	x=$(timed sh -c 'sqlite3 "$0" "VACUUM INTO '"'"'$1'"'"'" && sync "$1"' "$DB" "$OUT.db")
	bc+=("${x% *}")
	rm -f "$OUT.db"
done
A=$(printf '%s\n' "${ba[@]}" | median) B=$(printf '%s\n' "${bb[@]}" | median)
C=$(printf '%s\n' "${bc[@]}" | median)
PA=$(printf '%s\n' "${cpa[@]}" | median) PB=$(printf '%s\n' "${cpb[@]}" | median)
echo "| \`backup\` (fsynced, checked), $NF items, idle | ≤ 1.2× \`VACUUM INTO\` | $A s vs $B s wall ($(ratio "$A" "$B")); CPU $PA s vs $PB s ($(ratio "$PA" "$PB")); VACUUM INTO and sync FILE $C s ($(ratio "$A" "$C")) | bench/summaries.sh: /usr/bin/time, $ROUNDS rounds in alternation, medians |"
