#!/usr/bin/env bash
# walcheck.sh — check reads the -wal: it says how much lives only there
# (what a plain copy of the database file misses), and it notices a -wal
# damaged or tampered with, whose later commits SQLite silently ignores.
. "$(dirname "$0")/lib.sh"
setup_desk
for i in 1 2 3; do nd --as zhu file "$SRCDIR/tests/data/articles/a0$i.txt" >/dev/null; done

# hot_wal N: N commits left in the -wal by a process that never closed.
hot_wal() {
	python3 - "$NEWSDESK_DB" "$1" "$RANDOM$RANDOM" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint = 0")
for i in range(int(sys.argv[2])):
    c.execute("INSERT INTO sections(name, position) VALUES (?, ?)", ("栏目%s-%d" % (sys.argv[3], i), i))
os._exit(0)
PY
}
sections() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from sections where name like '栏目%'\").fetchone()[0])" "$NEWSDESK_DB"; }

expect_ok "a clean store checks ok" nd check
lacks "…with nothing to say of a -wal" "$out" "wal:"

hot_wal 3
[ -s "$NEWSDESK_DB-wal" ] && pass "three commits only in the -wal" || fail "hot wal"
expect_ok "check passes" nd check
contains "…and says what a plain copy would miss" "$out" "6 committed frames (2 pages, 24 KiB) are only in the -wal"
contains "…in words" "$out" "a plain copy of the database file alone would miss them"
equals "the commits are there" "$(sections)" 3

nd --as wang edit 1 --from "$SRCDIR/tests/data/articles/a01.txt" >/dev/null 2>&1
hot_wal 6
# damage the page of the -wal's second frame: SQLite keeps frame 1 and
# drops everything after it, commits included
python3 - "$NEWSDESK_DB-wal" <<'PY'
import struct, sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
page = struct.unpack(">I", b[8:12])[0]
off = 32 + (24 + page) + 24 + 100
b[off] ^= 0xFF
open(p, "wb").write(bytes(b))
PY
[ -s "$NEWSDESK_DB-wal" ] && pass "six more commits only in the -wal" || fail "second hot wal"
expect_exit 1 "check fails on a tampered -wal" nd check
contains "…naming the frame that fails its checksum" "$out" "frame 2 of 12"
contains "…and the commits SQLite ignores after it" "$out" "SQLite silently ignores those commits"
contains "…and keeps a copy of the damaged -wal" "$out" "a copy of the damaged -wal is kept as"
ls "$TMP" | grep -q 'desk\.db-wal\.damaged-' && pass "…which exists" || fail "damaged copy" "$(ls "$TMP")"

hot_wal 2
[ -s "$NEWSDESK_DB-wal" ] && pass "two more commits only in the -wal" || fail "third hot wal"
printf 'XXXX' | dd of="$NEWSDESK_DB-wal" bs=1 seek=0 conv=notrunc 2>/dev/null
expect_exit 1 "a -wal with a broken header" nd check
contains "…is named" "$out" "header is damaged or tampered with"
finish
