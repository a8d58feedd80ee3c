#!/usr/bin/env bash
# backup.sh — backups that finish and restores that keep everything: a
# backup of a database of BACKUP_ITEMS generated items while 8 filers
# commit without pause finishes and verifies; a killed backup leaves
# nothing behind once the next one has run; a restore over a database
# with a hot -wal gives exactly the backup, and keeps the old files.
. "$(dirname "$SRCDIR/tests/cli/lib.sh")/lib.sh"
: "${BENCH_GEN:?the bench-gen binary}"
ITEMS=${BACKUP_ITEMS:-4000}
"$BENCH_GEN" "$NEWSDESK_DB" "$ITEMS" "$SRCDIR/demo" >/dev/null 2>&1 || { echo "Bail out! bench-gen failed"; exit 1; }
nd user add zhu --role reporter --name 朱建良 >/dev/null
# a deadline's flood is more than a day's quota: the admin lifts it, as a
# newsroom would for its wire desk
nd user quota zhu items-a-day 1000000 >/dev/null
count() { sqlite3 -cmd ".timeout 10000" "${2:-$NEWSDESK_DB}" "$1" 2>>"$TMP/sqlite3.err"; }
partials() { ls "$TMP" | grep -c "^$1\.partial-[0-9]*\$" || true; }

# 1. A backup while 8 filers commit continuously.
filer() {
	local k=$1 j=0 fails=0
	while [ ! -e "$TMP/stop" ]; do
		j=$((j + 1))
		printf '标题: 备份时提交 %s-%s\n\n第 %s 篇。\n' "$k" "$j" "$j" |
			nd --as zhu file >/dev/null 2>>"$TMP/ferr.$k" || fails=$((fails + 1))
	done
	echo "$j $fails" >"$TMP/filer.$k"
}
for k in 1 2 3 4 5 6 7 8; do filer "$k" & done
before=$(count "select count(*) from items")
i=0
while [ "$(count "select count(*) from items")" -le $((before + 8)) ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
start=$(count "select count(*) from items")
t0=$(date +%s.%N)
expect_ok "a backup under sustained filing finishes" nd backup "$TMP/b.db"
t1=$(date +%s.%N)
touch "$TMP/stop"
wait
filed=0 ffails=0
for k in 1 2 3 4 5 6 7 8; do read -r j f <"$TMP/filer.$k"; filed=$((filed + j)); ffails=$((ffails + f)); done
echo "# backup of $(du -m "$NEWSDESK_DB" | cut -f1) MB in $(python3 -c "print(f'{$t1 - $t0:.2f}')") s while 8 filers filed $filed items"
equals "…and no filer was refused meanwhile" "$ffails" 0
contains "…it says it was checked" "$out" "checked"
equals "the backup is a newsdesk database that passes integrity_check" \
	"$(count "pragma integrity_check; pragma application_id" "$TMP/b.db" | tr '\n' ' ')" "ok 1313100619 "
have=$(count "select count(*) from items" "$TMP/b.db")
[ "$have" -ge "$start" ] && pass "…with every item committed before it began ($have ≥ $start)" || fail "items in the backup" "$have < $start" "$(cat "$TMP/sqlite3.err")"
NEWSDESK_DB="$TMP/b.db" expect_ok "newsdesk check passes on the backup" nd check
equals "the backup is 0660" "$(stat -c %a "$TMP/b.db")" 660
equals "no partial file is left" "$(partials b.db)" 0
equals "the backup is one file (no -wal beside it)" "$(ls "$TMP" | grep -c '^b\.db-\(wal\|shm\|journal\)$')" 0

# 2. Killed backups: at every statement up to the copy, then mid-copy.
# killed at each statement in turn, until one kill falls after the
# partial file was made (the copy's own statement)
# (NEWSDESK_CRASH_AFTER is a test build's hook: -Dtest_hooks=true)
if [ "${ND_TEST_HOOKS:-0}" = 1 ]; then
	for n in $(seq 1 30); do
		NEWSDESK_CRASH_AFTER=$n nd backup "$TMP/k.db" >/dev/null 2>&1 && break
		[ "$(partials k.db)" -ge 1 ] && break
	done
	equals "a backup killed at its copy statement leaves a partial" "$(partials k.db)" 1
	# a read error of a failing disk under the mapped store is a SIGBUS
	# (NEWSDESK_TEST_BUS_ERROR raises it where the copy reads the store)
	NEWSDESK_TEST_BUS_ERROR=1 expect_exit 4 "a bus error mid-copy (a failing disk) ends the backup with the store's exit code" nd backup "$TMP/bus.db"
	contains "…saying what happened and that nothing was written" "$err" "nothing was written to $TMP/bus.db"
	[ ! -e "$TMP/bus.db" ] && pass "…with nothing under the backup's name" || fail "bus.db exists after a bus error"
	equals "…its partial copy left beside it" "$(partials bus.db)" 1
	expect_ok "the next backup to that name" nd backup "$TMP/bus.db"
	contains "…removes the partial" "$out" "removed 1 partial file"
	equals "…and none is left" "$(partials bus.db)" 0
	# the check reads the copy, not the store: a copy damaged on its way
	# (NEWSDESK_TEST_DAMAGE_COPY writes over a page of it) is refused
	for page in 2 7; do
		NEWSDESK_TEST_DAMAGE_COPY=$page expect_exit 4 "a copy whose page $page is damaged is refused" nd backup "$TMP/dmg.db"
		contains "…its check naming the page" "$err" "fails quick_check"
		contains "…page $page" "$err" "Page $page:"
		[ ! -e "$TMP/dmg.db" ] && pass "…nothing under the backup's name" || fail "dmg.db exists after a damaged copy"
		equals "…and no partial left" "$(partials dmg.db)" 0
	done
	expect_ok "an undamaged backup to that name" nd backup "$TMP/dmg.db"
else
	echo "# a build without test hooks: the kills at each statement and the bus error are skipped"
	rm -f "$TMP/k.db"
fi
"$NEWSDESK" backup "$TMP/k.db" >/dev/null 2>&1 &
pid=$!
i=0
while ! ls "$TMP" | grep -q '^k\.db\.partial-'"$pid"'$' && [ $i -lt 400 ]; do sleep 0.01; i=$((i + 1)); done
kill -KILL "$pid"
wait "$pid" 2>/dev/null
left=$(partials k.db)
equals "one killed mid-copy leaves its own partial (it removed the earlier one)" \
	"$(ls "$TMP" | grep "^k\.db\.partial-[0-9]*\$")" "k.db.partial-$pid"
expect_ok "the next backup runs" nd backup "$TMP/k.db"
contains "…and says it removed them" "$out" "removed $left partial file"
equals "…none is left behind" "$(partials k.db)" 0
# A partial whose PID is a live newsdesk is another backup at work: kept.
# One whose PID now belongs to another program is stale: removed.
cp "$(command -v sleep)" "$TMP/newsdesk-zz"
"$TMP/newsdesk-zz" 600 &
busy=$!
sleep 600 &
other=$!
: >"$TMP/k.db.partial-$busy"
: >"$TMP/k.db.partial-$other"
expect_ok "another backup" nd backup --force "$TMP/k.db"
[ -e "$TMP/k.db.partial-$busy" ] && pass "…keeps the partial of a live newsdesk" || fail "live partial removed"
[ ! -e "$TMP/k.db.partial-$other" ] && pass "…removes one whose PID another program has now" || fail "stale partial kept"
kill "$busy" "$other"
wait "$busy" "$other" 2>/dev/null
rm -f "$TMP/k.db.partial-$busy"

# 3. Restore over a database with a hot -wal.
nd backup "$TMP/r.db" >/dev/null
python3 - "$NEWSDESK_DB" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("BEGIN")
c.execute("UPDATE items SET section = '热' WHERE id <= 200")
c.execute("COMMIT")
os._exit(0)  # no close, no checkpoint: the -wal stays hot
PY
[ -s "$NEWSDESK_DB-wal" ] && pass "the database has a hot -wal" || fail "hot wal" "$(ls -la "$TMP")"
printf 'not a database' >"$TMP/garbage.db"
expect_exit 1 "a broken backup is refused before anything moves" nd restore "$TMP/garbage.db"
contains "…saying so" "$err" "not restored"
python3 -c "import sqlite3,time,sys; c=sqlite3.connect(sys.argv[1]); c.execute('select 1 from items').fetchone(); print('open', flush=True); time.sleep(600)" "$NEWSDESK_DB" >"$TMP/holder" &
holder=$!
i=0
while [ ! -s "$TMP/holder" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
expect_exit 1 "restore refuses while another process has the database open" nd restore "$TMP/r.db"
contains "…naming it" "$err" "$holder (python3)"
kill "$holder"
wait "$holder" 2>/dev/null
[ -s "$NEWSDESK_DB-wal" ] || python3 - "$NEWSDESK_DB" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE items SET section = '热' WHERE id <= 200")
os._exit(0)
PY
wal_before=$(sha256sum <"$NEWSDESK_DB-wal")
expect_ok "restore puts the backup in place" nd restore "$TMP/r.db"
contains "…and checks it" "$out" "ok"
# table by table, but for the root the check after the restore records
tables() { sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'roots' ORDER BY name"; }
sums() { for t in $(tables "$1"); do sqlite3 "$1" ".sha3sum $t"; done; }
equals "the restored database equals the backup, table by table" "$(sums "$NEWSDESK_DB")" "$(sums "$TMP/r.db")"
equals "…none of the old -wal was replayed onto it" "$(count "select count(*) from items where section = '热'")" 0
aside=$(ls "$TMP" | grep '^desk\.db\.before-restore-[0-9-]*$')
[ -n "$aside" ] && pass "the old database is kept aside: $aside" || fail "moved aside" "$(ls "$TMP")"
equals "…with its -wal, unchanged" "$(sha256sum <"$TMP/$aside-wal")" "$wal_before"
equals "…and the old one still has its last commit (-wal beside it)" \
	"$(count "select count(*) from items where section = '热'" "$TMP/$aside")" 200
equals "the restored file is 0660" "$(stat -c %a "$NEWSDESK_DB")" 660

# 4. What a killed restore leaves (the copy it was putting in place; the
# replica's whole state Litestream fetched) is listed by check and removed
# by the next restore, as backup removes its partials: files of a PID that
# is gone.
dead=$(sh -c 'echo $$') # a process that has ended
head -c 300000 /dev/zero >"$TMP/desk.db.restoring-$dead"
for t in "" -wal .tmp; do printf x >"$TMP/desk.db.from-replica-$dead$t"; done
expect_ok "check beside a killed restore's files" nd check
contains "…lists the copy it left" "$out" "desk.db.restoring-$dead (0.3 MB) was left by a restore that was killed"
contains "…and the replica's files" "$out" "desk.db.from-replica-$dead-wal"
expect_ok "the next restore" nd restore "$TMP/r.db"
contains "…removes them and says so" "$out" "removed 4 files left by killed restores"
equals "…every one" "$(ls "$TMP" | grep -c '\.\(restoring\|from-replica\)-' || true)" 0

# 5. A backup is durable only once its folder is synced after the rename:
# when that fsync fails, backup fails (strace injects EIO into the fsyncs
# of the backup's folder alone).
if strace -o /dev/null true 2>/dev/null; then
	# LeakSanitizer cannot run under ptrace: the ASan build leaves leaks to the other tests here
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	mkdir "$TMP/out"
	expect_exit 4 "a backup whose folder's fsync fails is an error" \
		strace -f -o "$TMP/strace.log" -P "$TMP/out" -e trace=fsync -e inject=fsync:error=EIO \
		"$NEWSDESK" backup "$TMP/out/s.db"
	contains "…saying what failed" "$err" "its folder could not be synced (Input/output error)"
	contains "…the fsync that strace failed" "$(cat "$TMP/strace.log")" "EIO (Input/output error) (INJECTED)"
	# A disk that fills mid-copy: an error naming the copy and the full
	# disk, nothing under the backup's name, no partial left.
	expect_exit 4 "a backup whose disk fills mid-copy fails" strace -f -o /dev/null \
		-e trace=pwrite64 -e inject=pwrite64:error=ENOSPC:when=50+ \
		"$NEWSDESK" backup "$TMP/out/full.db"
	contains "…saying the disk is full" "$err" "No space left on device"
	contains "…naming the copy it was writing" "$err" "full.db.partial-"
	equals "…nothing under its name, no partial left" "$(ls "$TMP/out" | grep -c '^full\.db' || true)" 0
	# The copy's own fsync (its first; in a thread, beside the check) fails.
	expect_exit 4 "a backup whose copy cannot be synced fails" strace -f -o /dev/null \
		-e trace=fsync -e inject=fsync:error=EIO:when=1 "$NEWSDESK" backup "$TMP/out/nosync.db"
	contains "…saying so, naming the copy" "$err" "cannot sync $TMP/out/nosync.db.partial-"
	equals "…nothing under its name, no partial left" "$(ls "$TMP/out" | grep -c '^nosync\.db' || true)" 0
	# A full disk at the first write says so, not "reading the header".
	printf '标题: 满盘\n\n正文。\n' >"$TMP/s.txt"
	expect_exit 4 "a full disk at a filing's first write fails" strace -f -o /dev/null \
		-e trace=pwrite64,ftruncate,fallocate -e inject=pwrite64,ftruncate,fallocate:error=ENOSPC \
		"$NEWSDESK" --as zhu file "$TMP/s.txt"
	contains "…saying what failed" "$err" "failed: No space left on device"
	lacks "…not as reading the header" "$err" "header"
	expect_exit 4 "a full disk when a store is made" strace -f -o /dev/null -e trace=pwrite64 \
		-e inject=pwrite64:error=ENOSPC "$NEWSDESK" --db "$TMP/out/new.db" init
	contains "…says the disk is full" "$err" "writing failed: the disk is full"
else
	echo "ok $((passed + failed + 1)) # SKIP strace cannot trace here"
	passed=$((passed + 1))
fi
finish
