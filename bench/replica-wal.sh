#!/usr/bin/env bash
# bench/replica-wal.sh — whether newsdesk's WAL handling and Litestream's
# agree. 8 filers file for SECONDS while Litestream streams the store to a
# folder and is stopped for STOP=4 s halfway (a restart, an upgrade, a
# crash; STOP=0: never), three ways:
#   off       no replication: the filing time to compare with;
#   defaults  Litestream run directly, newsdesk not told (SQLite's own
#             checkpoints: autocheckpoint at 1000 pages, checkpoint and
#             delete of the -wal when the last connection closes);
#   newsdesk  `newsdesk replicate`: checkpoints left to Litestream.
# Litestream starting a new generation (each one a full snapshot of the
# database sent to the replica) means it lost its place in the WAL.
#   bench/replica-wal.sh [SECONDS]   (default 30; NEWSDESK=build/newsdesk)
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-30}
STOP=${STOP:-4} # seconds Litestream is stopped halfway; 0: never
NEWSDESK=${NEWSDESK:-$PWD/build/newsdesk}
LS=$(scripts/install-litestream) || { echo "Litestream is not installed" >&2; exit 2; }
export NEWSDESK_LITESTREAM=$LS
T=$(mktemp -d /tmp/nd-replica-bench.XXXXXX)
LSPID=
stop_ls() { [ -n "$LSPID" ] && kill "$LSPID" 2>/dev/null && wait "$LSPID" 2>/dev/null; LSPID=; }
trap 'stop_ls; rm -rf "$T"' EXIT
nd() { "$NEWSDESK" "$@"; }

start_ls() { # $1: defaults|newsdesk
	if [ "$1" = newsdesk ]; then
		"$NEWSDESK" replicate "$T/replica" >>"$T/ls.log" 2>&1 & # $! is the replicator
	else
		"$LS" replicate -config "$T/other.yml" >>"$T/ls.log" 2>&1 &
	fi
	LSPID=$!
}

run() { # $1: off|defaults|newsdesk
	rm -rf "$T"/db* "$T"/.db* "$T/replica" "$T/fails" "$T/ls.log" "$T"/n.* "$T/walmax"
	export NEWSDESK_DB=$T/db
	nd init >/dev/null && nd user add zhu --role reporter --name 朱建良 >/dev/null
	nd replica config "$T/replica" >"$T/other.yml" # the same configuration, elsewhere
	[ "$1" != off ] && start_ls "$1" && sleep 2
	rm -f "$T/stop"
	local t0 t1 n=0 walmax=0
	t0=$(date +%s.%N)
	for k in 1 2 3 4 5 6 7 8; do
		(j=0; while [ ! -e "$T/stop" ]; do j=$((j + 1))
			printf '标题: %s %s-%s\n\n第 %s 篇。\n' "$1" "$k" "$j" "$j" |
				nd --as zhu file >/dev/null 2>>"$T/fails" || date +%T.%N >>"$T/fails.when"
		done; echo "$j" >"$T/n.$k") &
	done
	for s in $(seq 1 "$SECS"); do
		sleep 1
		w=$(stat -c %s "$T/db-wal" 2>/dev/null || echo 0)
		[ "$w" -gt "$walmax" ] && walmax=$w
		[ "$1" != off ] && [ "$STOP" -gt 0 ] && [ "$s" -eq $((SECS / 2)) ] && { date +"%T stop" >>"$T/ls.log"; stop_ls; }
		if [ "$1" != off ] && [ "$STOP" -gt 0 ] && [ "$s" -eq $((SECS / 2 + STOP)) ]; then start_ls "$1"; fi
	done
	touch "$T/stop"
	while [ "$(ls "$T" | grep -c '^n\.')" -lt 8 ]; do sleep 0.1; done
	t1=$(date +%s.%N)
	for k in 1 2 3 4 5 6 7 8; do n=$((n + $(cat "$T/n.$k"))); done
	local secs per fails
	secs=$(python3 -c "print(f'{$t1 - $t0:.1f}')")
	per=$(python3 -c "print(f'{$secs * 8 * 1000 / max($n, 1):.1f}')")
	fails=$(grep -c . "$T/fails" 2>/dev/null); [ -n "${KEEP:-}" ] && cp "$T/fails" "$T/ls.log" "$T/fails.when" "$KEEP/" 2>/dev/null
	printf '%-9s %5d items in %s s: %6s ms per filing, %d refused' "$1" "$n" "$secs" "$per" "$fails"
	if [ "$1" != off ]; then
		sleep 3
		local g s w
		g=$("$LS" generations -config "$T/other.yml" "$T/db" | tail -n +2 | wc -l)
		s=$("$LS" snapshots -config "$T/other.yml" "$T/db" | tail -n +2 | wc -l)
		w=$("$LS" wal -config "$T/other.yml" "$T/db" | tail -n +2 | wc -l)
		stop_ls
		printf '; %d generation(s), %d snapshot(s), %d WAL segments, -wal peak %.1f MB' \
			"$g" "$s" "$w" "$(python3 -c "print($walmax / 1e6)")"
		grep -o 'reason="[^"]*"' "$T/ls.log" | sort | uniq -c | sed 's/^ */; /' | tr '\n' ' '
	fi
	echo
}
echo "# 8 filers, $SECS s each, Litestream $("$LS" version)$([ "$STOP" -gt 0 ] && echo " stopped for $STOP s at $((SECS / 2)) s")"
for mode in ${MODES:-off defaults newsdesk}; do run "$mode"; done
