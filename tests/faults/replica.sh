#!/usr/bin/env bash
# replica.sh — the standby replica (Litestream, installed by
# scripts/install-litestream) after the primary dies. 8 filers file for
# REPLICA_SECONDS (default 10, the issue's 30 s made shorter to keep the
# suite quick; REPLICA_SECONDS=30 runs the long one) in two halves with a
# quiet moment T between them, while `newsdesk replicate` streams the store
# to a second folder; then the filers and the replicator are killed with
# SIGKILL. A restore from the replica holds every item whose filing was
# confirmed more than the documented lag (ND_REPLICA_LAG_SECONDS, 5 s)
# before the kill, and passes check; a restore to T holds exactly the items
# filed before T.
. "$(dirname "$SRCDIR/tests/cli/lib.sh")/lib.sh"
LS=$("$SRCDIR/scripts/install-litestream" 2>"$TMP/install.err")
case $? in
0) ;;
2) echo "1..0 # SKIP Litestream could not be installed from npm: $(tail -1 "$TMP/install.err")"; exit 0 ;;
*) echo "Bail out! scripts/install-litestream failed: $(cat "$TMP/install.err")"; exit 1 ;;
esac
export NEWSDESK_LITESTREAM=$LS
SECS=${REPLICA_SECONDS:-10}
LAG=5
setup_desk
# a deadline's flood is more than a day's quota: the admin lifts it, as a
# newsroom would for its wire desk
nd user quota zhu items-a-day 1000000 >/dev/null
headlines() { NEWSDESK_DB=$1 nd list --format tsv --limit 100000 | cut -f4 | grep '^副本 ' | sort; }
# Waits by polling, never by a fixed sleep: until CMD… succeeds, at most
# LIMIT tenths of a second; false when it never did.
poll() {
	local limit=$1 i=0
	shift
	until "$@"; do
		[ $i -ge "$limit" ] && return 1
		sleep 0.1
		i=$((i + 1))
	done
}
# poll_replica LIMIT_S CMD…: as poll, once a second. Asking the replica's
# lag runs `litestream generations`; asked back to back, it kept the
# replicating Litestream from syncing at all (the replica stayed 1.2 s
# behind while the loop ran): Litestream syncs once a second.
poll_replica() {
	local limit=$1 i=0
	shift
	until "$@"; do
		[ $i -ge "$limit" ] && return 1
		sleep 1
		i=$((i + 1))
	done
}
# every filer of PHASE has confirmed at least N filings
filed_each() {
	local k
	for k in 1 2 3 4 5 6 7 8; do
		[ "$(cat "$TMP/confirmed.$1.$k" 2>/dev/null | wc -l)" -ge "$2" ] || return 1
	done
}
# check on DB says its replica is less than S seconds behind (Litestream's
# lag: the primary's last change less the replica's; 0.0 once the replica
# has synced after the last write)
replica_within() {
	NEWSDESK_DB=$1 nd check 2>/dev/null |
		awk -v s="$2" '/^replica at .*: [0-9.]+ s behind$/ { if ($(NF - 2) + 0 < s) ok = 1 } END { exit !ok }'
}
# the clock is in a later second than the time T names
past_second() { [ "$(date -u +%s)" -gt "$(date -u -d "$1" +%s)" ]; }

# The configuration and what the command line refuses.
expect_ok "replica config prints Litestream's configuration" nd replica config "$TMP/replica"
contains "…for this database, to the folder, synced every second" "$out" "path: \"$TMP/replica\""
contains "…sync interval" "$out" "sync-interval: 1s"
expect_exit 1 "a URL of another scheme is refused" nd replica config "ftp://example.com/x"
contains "…naming what a replica may be" "$err" "sftp://USER@HOST"
expect_exit 1 "a URL with a quote cannot reach the YAML" nd replica config '/tmp/a"b'
expect_exit 1 "an sftp URL without a user is refused" nd replica config "sftp://host/path"
expect_exit 3 "a reporter may not replicate" nd --as zhu replicate "$TMP/replica"
expect_exit 1 "--timestamp wants ISO 8601" nd restore --from-replica "$TMP/replica" --timestamp yesterday --force
contains "…and says so" "$err" "ISO 8601"
lacks "nothing was started or written for those" "$(ls -a "$TMP")" "desk.db.litestream.yml"

"$NEWSDESK" replicate "$TMP/replica" >"$TMP/ls.log" 2>&1 & # not nd(): $! must be the replicator
RP=$!
i=0
while [ ! -d "$TMP/replica/generations" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
[ -d "$TMP/replica/generations" ] && pass "replicate starts Litestream streaming to the folder" ||
	fail "replicate starts Litestream" "$(cat "$TMP/ls.log")"

# filers PHASE: file until $TMP/stop.PHASE; each confirmed filing is
# written down with the time newsdesk file returned.
filers() {
	local phase=$1
	for k in 1 2 3 4 5 6 7 8; do
		(j=0; while [ ! -e "$TMP/stop.$phase" ]; do j=$((j + 1))
			h="副本 $phase-$k-$j"
			echo "$h" >>"$TMP/tried"
			if printf '标题: %s\n\n第 %s 篇。\n' "$h" "$j" | nd --as zhu file >/dev/null 2>>"$TMP/ferr"; then
				echo "$(date +%s.%N) $h" >>"$TMP/confirmed.$phase.$k"
			else
				echo "$h" >>"$TMP/refused"
			fi
		done) &
		echo $! >>"$TMP/filers.$phase"
	done
}
# Each half runs until every filer has confirmed SECS/2 filings (10 s on a
# quiet machine), however loaded the machine is.
filers a
poll 1200 filed_each a $((SECS / 2)) || echo "# the first half stopped at its limit"
touch "$TMP/stop.a"
wait $(cat "$TMP/filers.a")
# the quiet moment: the replica has everything of the first half
poll_replica 30 replica_within "$NEWSDESK_DB" 0.05 || echo "# the replica did not catch up in 30 s"
# ...as the replica itself says: a restore of its newest copy holds the whole
# first half, so every segment with those items was written before now.
# check's lag (the folders' times) said "caught up" while the last segment
# was still to come in 1 of ~15 loaded runs, and the restore to T missed the
# first half's last items; a restore is what T must be judged by. (A restore
# to "now" would not do: Litestream restores only to a time inside what the
# replica holds, and nothing is written after now yet.)
first_half_restores() {
	rm -rf "$TMP/probe" && mkdir -p "$TMP/probe" &&
		NEWSDESK_DB=$TMP/probe/desk.db nd restore --from-replica "file://$TMP/replica" \
			>"$TMP/probe.out" 2>&1 &&
		[ "$(headlines "$TMP/probe/desk.db")" = "$(cat "$TMP"/confirmed.a.* | cut -d' ' -f2- | sort)" ]
}
poll_replica 60 first_half_restores ||
	echo "# no restore held the first half in 60 s: $(tail -1 "$TMP/probe.out")"
# T in a later second than that restore
caught=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
poll 30 past_second "$caught"
T=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
# the second half's first write falls in a later second than T
poll 30 past_second "$T"
expect_ok "check on the primary passes while it replicates" nd check
contains "…and says how far behind the replica is" "$out" "replica at $TMP/replica:"
filers b
poll 1200 filed_each b $((SECS - SECS / 2)) || echo "# the second half stopped at its limit"
# Litestream syncs once a second: the replica must hold writes after T, or
# no copy of it reaches T (on a quiet machine the half above takes about a
# second): the filers go on until the replica has synced past T.
poll 100 past_second "$(date -u -d "$T 2 seconds" +%Y-%m-%dT%H:%M:%S.%NZ)"
poll_replica 30 replica_within "$NEWSDESK_DB" 1 || echo "# the replica did not follow the second half"
# The primary dies: the replicator, the filers and the filings in flight.
for p in $(cat "$TMP/filers.b"); do kill -9 $(pgrep -P "$p") "$p" 2>/dev/null; done
kill -9 "$RP"
K=$(date +%s.%N)
wait 2>/dev/null
expect_ok "check on the dead primary still passes" nd check
contains "…and warns that replication stopped" "$out" "warning: replication to $TMP/replica has stopped"

a=$(cat "$TMP"/confirmed.a.* | wc -l)
b=$(cat "$TMP"/confirmed.b.* 2>/dev/null | wc -l)
echo "# filed: $a items before T, $b after; refused: $(cat "$TMP/refused" 2>/dev/null | wc -l)"
[ "$a" -gt 8 ] && [ "$b" -gt 8 ] && pass "8 filers filed in both halves" || fail "filing" "$a, $b" "$(tail -3 "$TMP/ferr")"

# Fail over: the replica restored where the standby's store goes.
export NEWSDESK_DB=$TMP/standby/desk.db
expect_ok "restore --from-replica puts the replica in place on the standby" nd restore --from-replica "$TMP/replica"
contains "…and check passes on it" "$out" "ok"
restored=$(headlines "$NEWSDESK_DB")
old=$(cat "$TMP"/confirmed.*.* | awk -v k="$K" -v lag="$LAG" '$1 < k - lag { $1 = ""; sub(/^ /, ""); print }' | sort)
missing=$(comm -23 <(echo "$old" | grep .) <(echo "$restored") | wc -l) # none when old is empty
equals "it holds every item confirmed more than $LAG s before the kill ($(echo "$old" | grep -c .) items)" "$missing" 0
# (a filing killed after its commit is there unconfirmed: it was sent)
equals "…and nothing that was not sent" "$(comm -23 <(echo "$restored") <(sort "$TMP/tried") | wc -l)" 0
last=$(cat "$TMP"/confirmed.*.* | sort -n | awk -v r="$(echo "$restored" | tr '\n' '|')" \
	'BEGIN { n = split(r, a, "|"); for (i = 1; i <= n; i++) have[a[i]] = 1 }
	{ t = $1; $1 = ""; sub(/^ /, ""); if (have[$0]) newest = t }
	END { print newest }')
echo "# the newest item on the replica was confirmed $(python3 -c "print(f'{$K - ${last:-0}:.2f}')") s before the kill"
expect_exit 1 "a second restore over the standby's database is refused" nd restore --from-replica "$TMP/replica"
contains "…naming --force" "$err" "--force"
expect_ok "--force moves the database there aside and restores" nd restore --from-replica "$TMP/replica" --force
aside=$(ls "$TMP/standby" | grep -c '^desk\.db\.before-restore-[0-9-]*$')
equals "…the database that was there is kept" "$aside" 1

# Point in time: exactly the first half.
export NEWSDESK_DB=$TMP/pitr/desk.db
expect_ok "restore --from-replica --timestamp T (the quiet moment)" \
	nd restore --from-replica "file://$TMP/replica" --timestamp "$T"
contains "…check passes" "$out" "ok"
first=$(cat "$TMP"/confirmed.a.* | cut -d' ' -f2- | sort)
equals "…it holds exactly the $a items filed before T" "$(headlines "$NEWSDESK_DB" | md5sum)" "$(echo "$first" | md5sum)"
if [ "$(headlines "$NEWSDESK_DB")" != "$first" ]; then # what differs, for the log
	diff <(echo "$first") <(headlines "$NEWSDESK_DB") | grep '^[<>]' | head -5 | sed 's/^/# (< confirmed before T, > restored) /'
	echo "# T $T; refused: $(tr '\n' ' ' <"$TMP/refused" 2>/dev/null); $(tail -2 "$TMP/ferr" | tr '\n' ' ')"
fi
expect_exit 1 "a time before the replica began restores nothing" \
	nd restore --from-replica "$TMP/replica" --timestamp 2001-01-01T00:00:00Z --force
contains "…and says the replica holds no copy that early" "$err" "no copy as early as"
equals "…leaving no half-restored file" "$(ls -a "$TMP/pitr" | grep -c 'from-replica')" 0

# Over SFTP: the same through a real sshd on 127.0.0.1 (as tests/cli/ssh.sh
# starts one), with the replica account's key in $NEWSDESK_REPLICA_KEY.
. "$SRCDIR/tests/cli/sshd.sh"
started=0
if [ -x "$SSHD" ]; then
	me=$(id -un)
	ssh-keygen -q -t ed25519 -N "" -f "$TMP/replica_key"
	cp "$TMP/replica_key.pub" "$TMP/authorized_keys"
	sshd_run "Subsystem sftp internal-sftp" && started=1
	trap '[ -s "$TMP/sshd.pid" ] && kill "$(cat "$TMP/sshd.pid")" 2>/dev/null; rm -rf "$TMP"' EXIT
fi
if [ "$started" -eq 1 ]; then
	export NEWSDESK_DB=$TMP/sftp-primary/desk.db NEWSDESK_REPLICA_KEY=$TMP/replica_key
	setup_desk
	nd user quota zhu items-a-day 1000000 >/dev/null
	URL="sftp://$me@127.0.0.1:$port$TMP/sftp-replica"
	"$NEWSDESK" replicate "$URL" >"$TMP/sftp-ls.log" 2>&1 &
	RP=$!
	for j in $(seq 1 20); do
		printf '标题: 副本 s-%s\n\n第 %s 篇。\n' "$j" "$j" | nd --as zhu file >/dev/null && echo "副本 s-$j" >>"$TMP/sftp-confirmed"
	done
	# until the replica holds the last filing, as a restore of it says (check's
	# lag of an SFTP replica never came under 0.05 s: the poll waited out its
	# 30 s every run)
	sftp_holds_all() {
		rm -rf "$TMP/sftp-probe" && mkdir -p "$TMP/sftp-probe" &&
			NEWSDESK_DB=$TMP/sftp-probe/desk.db nd restore --from-replica "$URL" >"$TMP/probe.out" 2>&1 &&
			[ "$(headlines "$TMP/sftp-probe/desk.db")" = "$(sort "$TMP/sftp-confirmed")" ]
	}
	poll_replica 30 sftp_holds_all || echo "# the SFTP replica did not hold every filing in 30 s: $(tail -1 "$TMP/probe.out")"
	kill -9 "$RP"
	wait "$RP" 2>/dev/null
	export NEWSDESK_DB=$TMP/sftp-standby/desk.db
	expect_ok "over SFTP: restore --from-replica sftp://… after the primary is killed" nd restore --from-replica "$URL"
	contains "…check passes" "$out" "ok"
	equals "…every item filed more than $LAG s before the kill is there" "$(headlines "$NEWSDESK_DB")" "$(sort "$TMP/sftp-confirmed")"
else
	echo "# SKIP the SFTP part: no sshd could be started ($(cat "$TMP/sshd-t.log" "$TMP/sshd.log" 2>/dev/null | tail -1))"
fi
finish
