#!/usr/bin/env bash
# bench/filers.sh — filing at deadline: FILERS (32) reporters filing in a
# loop, two editors saving and moving items, and a backup loop, all for
# SECONDS on one store. Prints how many filings and saves were refused and
# the filing latency (process start to "filed #N") p50 / p99 / max.
#   bench/filers.sh [SECONDS]   (default 300; FILERS=32; NEWSDESK=build/newsdesk)
# NEWSDESK=another/newsdesk runs the same load on another build, to compare.
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-300}
FILERS=${FILERS:-32}
NEWSDESK=${NEWSDESK:-$PWD/build/newsdesk}
T=$(mktemp -d /tmp/nd-filers-bench.XXXXXX)
trap 'touch "$T/stop"; wait; rm -rf "$T"' EXIT
export NEWSDESK_DB=$T/desk.db TZ=UTC
nd() { "$NEWSDESK" "$@"; }

nd init >/dev/null
nd user add zhu --role reporter --name 朱建良 >/dev/null
# a deadline's flood is more than a day's quota: the admin lifts it, as a
# newsroom would for its wire desk
nd user quota zhu items-a-day 1000000 >/dev/null
nd user add wang --role editor --name 王娟 >/dev/null
nd user add chen --role editor --name 陈红 >/dev/null
nd issue add bench --title 压力 --pages 4 >/dev/null
for i in 1 2 3 4; do
	printf '标题: 编辑稿 %s\n\n正文。\n' "$i" | nd --as zhu file >/dev/null
	nd assign "$i" --issue bench --page 1 >/dev/null
done

filer() { # one reporter: each filing's milliseconds in lat.K, refusals in err.K
	local k=$1 j=0 t0 t1
	while [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		t0=$EPOCHREALTIME
		if printf '标题: 截稿 %s-%s\n\n第 %s 号记者的第 %s 篇稿件。\n' "$k" "$j" "$k" "$j" |
			nd --as zhu file >/dev/null 2>>"$T/err.$k"; then
			t1=$EPOCHREALTIME
			echo "$(((${t1/./} - ${t0/./}) / 1000))" >>"$T/lat.$k"
		else
			echo refused >>"$T/refused"
		fi
	done
}
editor() { # saves and moves, as concurrency.sh's editors do
	local who=$1 j=0 out
	while [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		printf '标题: %s 第 %s 次修改\n\n正文 %s。\n' "$who" "$j" "$j" >"$T/e.$who"
		out=$(nd --as "$who" edit $(((j % 4) + 1)) --from "$T/e.$who" 2>&1) ||
			case "$out" in *"being edited by"* | *"changed while you edited"*) ;;
			*) echo "$out" >>"$T/refused.saves" ;; esac
		nd --as "$who" move $(((j % 4) + 1)) --page $(((j % 3) + 1)) >/dev/null 2>>"$T/refused.saves"
		echo >>"$T/saves"
	done
}
backups() {
	local n=0
	while [ ! -e "$T/stop" ]; do
		n=$((n + 1))
		nd backup "$T/b.db" --force >/dev/null 2>>"$T/refused.backups" || echo >>"$T/backup.failed"
		echo >>"$T/backups"
	done
}

for k in $(seq 1 "$FILERS"); do filer "$k" & done
editor wang &
editor chen &
backups &
sleep "$SECS"
touch "$T/stop"
wait

c() { [ -s "$1" ] && wc -l <"$1" || echo 0; }
cat "$T"/lat.* | sort -n >"$T/all"
n=$(c "$T/all")
echo "# $FILERS filers + 2 editors + a backup loop for $SECS s ($("$NEWSDESK" --version | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'filed %d, refused %d; saves and moves %d, refused %d; backups %d, failed %d\n' \
	"$n" "$(c "$T/refused")" "$(($(c "$T/saves") * 2))" "$(c "$T/refused.saves")" \
	"$(c "$T/backups")" "$(c "$T/backup.failed")"
[ "$n" -gt 0 ] && python3 - "$T/all" <<'EOF'
import sys
v = [int(x) for x in open(sys.argv[1])]
q = lambda p: v[min(len(v) - 1, int(p * len(v)))]
print(f"filing latency: p50 {q(0.50)} ms, p99 {q(0.99)} ms, max {v[-1]} ms")
EOF
for f in "$T/refused.saves" "$T/refused.backups" "$T"/err.*; do
	[ -s "$f" ] && sort "$f" | uniq -c | sort -rn | head -3 | sed "s|^|# $(basename "$f"): |"
done
exit 0
