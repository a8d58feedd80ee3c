#!/usr/bin/env bash
# bench/replica-wal.sh — how newsdesk's WAL handling and Litestream agree:
# 8 filers file for SECONDS while `newsdesk replicate` streams the store to
# a folder; then counts Litestream's generations (a new one means it lost
# track of the WAL and started over with a full snapshot), its snapshots
# and WAL segments, and the -wal's size, and times filing with
# replication on next to off.
#   bench/replica-wal.sh [SECONDS] (default 30); NEWSDESK=build/newsdesk
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-30}
NEWSDESK=${NEWSDESK:-$PWD/build/newsdesk}
LS=$(scripts/install-litestream) || { echo "Litestream is not installed" >&2; exit 2; }
export NEWSDESK_LITESTREAM=$LS
T=$(mktemp -d /tmp/nd-replica-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$T"' EXIT
nd() { "$NEWSDESK" "$@"; }

filers() { # $1: tag; prints "filed seconds"
	rm -f "$T/stop"
	local t0 t1
	t0=$(date +%s.%N)
	for k in 1 2 3 4 5 6 7 8; do
		(j=0; while [ ! -e "$T/stop" ]; do j=$((j + 1))
			printf '标题: %s %s-%s\n\n第 %s 篇。\n' "$1" "$k" "$j" "$j" |
				nd --as zhu file >/dev/null 2>&1 || echo fail >>"$T/fails"
		done; echo "$j" >"$T/n.$k") &
	done
	sleep "$SECS"
	touch "$T/stop"
	wait $(jobs -p | grep -v "^${LSPID:-x}\$") 2>/dev/null
	t1=$(date +%s.%N)
	local n=0
	for k in 1 2 3 4 5 6 7 8; do n=$((n + $(cat "$T/n.$k"))); done
	echo "$n $(python3 -c "print(f'{$t1 - $t0:.1f}')")"
}

run() { # $1: on|off
	rm -rf "$T/db"* "$T/.db"* "$T/replica" "$T/fails"
	export NEWSDESK_DB=$T/db
	nd init >/dev/null && nd user add zhu --role reporter --name 朱建良 >/dev/null
	LSPID=
	if [ "$1" = on ]; then
		nd replicate "$T/replica" >"$T/ls.log" 2>&1 &
		LSPID=$!
		sleep 2
	fi
	read -r n secs < <(filers "$1")
	local per
	per=$(python3 -c "print(f'{$secs * 8 * 1000 / max($n, 1):.1f}')")
	echo "replication $1: $n items in $secs s by 8 filers: $per ms per filing, $(wc -l <"$T/fails" 2>/dev/null || echo 0) refused"
	if [ "$1" = on ]; then
		sleep 3
		local cfg=$T/db.litestream.yml
		echo "  generations: $("$LS" generations -config "$cfg" "$T/db" | tail -n +2 | wc -l)," \
			"snapshots: $("$LS" snapshots -config "$cfg" "$T/db" | tail -n +2 | wc -l)," \
			"WAL segments: $("$LS" wal -config "$cfg" "$T/db" | tail -n +2 | wc -l)," \
			"-wal now: $(stat -c %s "$T/db-wal" 2>/dev/null || echo none) bytes"
		kill "$LSPID"; wait "$LSPID" 2>/dev/null
	fi
}
run off
run on
