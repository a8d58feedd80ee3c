#!/usr/bin/env bash
# bench/file-vs-shell.sh — filing one story, process start to commit, next
# to the sqlite3 shell inserting the same rows (items, revisions, events,
# originals, revision_counts, with the same triggers filling the search
# index and the counts, the same synchronous=FULL and WAL) into the same
# store, in alternation (issue 33: "filing within 1.1× the shell doing the
# same rows"). Each run starts from a copy of a 25-item store, so both pay
# the same copy. Usage: bench/file-vs-shell.sh [BUILD] [RUNS] (default:
# build-bench, 30); prints the medians and fastest runs of each and the
# ratio of the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
RUNS=${2:-30}
ND=$PWD/$BUILD/newsdesk
M=$PWD/$BUILD/bench/bench-measure
EXT=$PWD/$BUILD/nd_bigram
STORY=$PWD/tests/data/articles/a02.txt
for f in "$ND" "$M" "$EXT.so"; do
	[ -e "$f" ] || { echo "bench/file-vs-shell.sh: $f is missing (ninja -C $BUILD)" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "bench/file-vs-shell.sh: needs the sqlite3 shell" >&2; exit 1; }
T=$(mktemp -d /tmp/newsdesk-fvs.XXXXXX)
trap 'rm -rf "$T"' EXIT
export NEWSDESK_DB=$T/base.db TZ=UTC
"$ND" init >/dev/null
"$ND" user add zhu --role reporter >/dev/null
for f in tests/data/articles/*.txt; do "$ND" --as zhu file "$f" >/dev/null; done
# the rows one filing adds: what newsdesk inserts (the derived tables,
# search_* and state_counts, are the triggers' in both)
cp "$T/base.db" "$T/probe.db"
NEWSDESK_DB=$T/probe.db "$ND" --as zhu file "$STORY" >/dev/null
python3 - "$T" "$EXT" <<'PY'
import sqlite3, sys
t, ext = sys.argv[1], sys.argv[2]
c = sqlite3.connect(f'{t}/probe.db')
c.execute(f"attach '{t}/base.db' as b")
def lit(v):
    if v is None: return 'NULL'
    if isinstance(v, bytes): return "X'" + v.hex() + "'"
    if isinstance(v, str): return "'" + v.replace("'", "''") + "'"
    return repr(v)
out = [f'.load {ext}', 'PRAGMA synchronous=FULL;', 'PRAGMA foreign_keys=ON;', 'BEGIN IMMEDIATE;']
for table in ('items', 'revisions', 'events', 'originals', 'revision_counts'):
    cols = [r[1] for r in c.execute(f'pragma main.table_info("{table}")')]
    for row in c.execute(f'select * from main."{table}" except select * from b."{table}"'):
        out.append(f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join(lit(v) for v in row)});')
out.append('COMMIT;')
open(f'{t}/replay.sql', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
cat >"$T/nd.sh" <<SH
#!/bin/sh
cp "$T/base.db" "$T/run.db" && NEWSDESK_DB="$T/run.db" exec "$ND" --as zhu file "$STORY" >/dev/null
SH
cat >"$T/shell.sh" <<SH
#!/bin/sh
cp "$T/base.db" "$T/run.db" && exec sqlite3 "$T/run.db" <"$T/replay.sql" >/dev/null
SH
cat >"$T/copy.sh" <<SH
#!/bin/sh
exec cp "$T/base.db" "$T/run.db"
SH
chmod +x "$T"/*.sh
# the shell's replay must work (and give the same rows) before it is timed
"$T/shell.sh"
[ "$(sqlite3 "$T/run.db" 'select count(*) from items')" = 26 ] || { echo "the replay failed" >&2; exit 1; }
nd=() sh=() cp=()
for round in 1 2 3; do
	nd+=("$("$M" "$RUNS" -- "$T/nd.sh")")
	sh+=("$("$M" "$RUNS" -- "$T/shell.sh")")
	cp+=("$("$M" "$RUNS" -- "$T/copy.sh")")
done
printf 'round  newsdesk file (median min max ms, peak KiB)   sqlite3 shell, same rows      the copy alone\n'
for i in 0 1 2; do printf '%d      %-42s %-29s %s\n' $((i + 1)) "${nd[$i]}" "${sh[$i]}" "${cp[$i]}"; done
python3 - "${nd[@]}" "${sh[@]}" <<'PY'
import statistics, sys
a = [float(x.split()[0]) for x in sys.argv[1:4]]
b = [float(x.split()[0]) for x in sys.argv[4:7]]
print(f'median of medians: newsdesk {statistics.median(a):.2f} ms, shell {statistics.median(b):.2f} ms, ratio {statistics.median(a) / statistics.median(b):.2f}')
PY
