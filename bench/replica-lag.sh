#!/usr/bin/env bash
# bench/replica-lag.sh — how far behind Litestream's replica is while
# FILERS (32) reporters file for SECONDS: `newsdesk replicate` streams the
# store to a folder, and every 2 s `newsdesk check` reports the lag (the
# local WAL's newest write minus the replica's). Prints the filings, the
# lag's median and maximum, and what Litestream logged about locks.
#   bench/replica-lag.sh [SECONDS]   (default 60; FILERS=32; NEWSDESK=build/newsdesk)
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}
FILERS=${FILERS:-32}
NEWSDESK=${NEWSDESK:-$PWD/build/newsdesk}
LS=$(scripts/install-litestream) || { echo "Litestream is not installed" >&2; exit 2; }
export NEWSDESK_LITESTREAM=$LS
T=$(mktemp -d /tmp/nd-replica-lag.XXXXXX)
RP=
trap 'touch "$T/stop"; [ -n "$RP" ] && kill "$RP" 2>/dev/null; wait; rm -rf "$T"' EXIT
export NEWSDESK_DB=$T/desk.db TZ=UTC
nd() { "$NEWSDESK" "$@"; }
nd init >/dev/null
nd user add zhu --role reporter --name 朱建良 >/dev/null
# a deadline's flood is more than a day's quota: the admin lifts it, as a
# newsroom would for its wire desk
nd user quota zhu items-a-day 1000000 >/dev/null
nd replicate "$T/replica" >"$T/ls.log" 2>&1 &
RP=$!
i=0
until nd check 2>/dev/null | grep -q "replica at $T/replica: [0-9.]* s behind" || [ $i -ge 100 ]; do
	sleep 0.2
	i=$((i + 1))
done
for k in $(seq 1 "$FILERS"); do
	(j=0; while [ ! -e "$T/stop" ]; do j=$((j + 1))
		printf '标题: 复制 %s-%s\n\n第 %s 篇。\n' "$k" "$j" "$j" |
			nd --as zhu file >/dev/null 2>>"$T/refused" || true
	done; echo "$j" >"$T/n.$k") &
done
end=$((SECONDS + SECS))
while [ $SECONDS -lt $end ]; do
	nd check 2>/dev/null | sed -n "s|^replica at $T/replica: \([0-9.]*\) s behind|\1|p" >>"$T/lag"
	sleep 2
done
touch "$T/stop"
while [ "$(ls "$T" | grep -c '^n\.')" -lt "$FILERS" ]; do sleep 0.1; done
n=$(cat "$T"/n.* | paste -sd+ | bc)
echo "# $FILERS filers for $SECS s with newsdesk replicate to a folder (Litestream $("$LS" version); load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'filed %d, refused %d\n' "$n" "$([ -s "$T/refused" ] && grep -c . "$T/refused" || echo 0)"
[ -s "$T/lag" ] && python3 - "$T/lag" <<'EOF'
import sys, statistics
v = sorted(float(x) for x in open(sys.argv[1]) if x.strip())
print(f"replica lag over {len(v)} samples: median {statistics.median(v):.1f} s, max {v[-1]:.1f} s")
EOF
echo "Litestream logged: $(grep -c 'database is locked' "$T/ls.log") 'database is locked', $(grep -ci 'error' "$T/ls.log") lines with 'error'"
exit 0
