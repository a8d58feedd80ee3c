#!/usr/bin/env bash
# replica.sh — the replica in the desk's title line, for admins only: a
# configured replica that nothing streams to is a warning; with Litestream
# streaming to a folder (installed by scripts/install-litestream, as
# tests/faults/replica.sh does; that part skips where npm is unreachable)
# the title says how far behind it is, and warns once it is killed.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
printf '标题: 副本标题\n\n正文。\n' | nd --as zhu file >/dev/null

start_desk 120 30
lacks "no replica configured: the title says nothing of one" "$(screen | head -1)" "replica"
keys q
fresh_server

nd replica config "$TMP/replica" >"$NEWSDESK_DB.litestream.yml"
start_desk 120 30
shows "configured, nothing streaming: the admin's title warns" "! replica stopped"
keys q
fresh_server
start_desk 120 30 -- --as chen
shows "a chief's desk starts" "陈主编"
lacks "…and says nothing of the replica" "$(screen | head -1)" "replica"
keys q
fresh_server

LS=$("$SRCDIR/scripts/install-litestream" 2>"$TMP/install.err")
rc=$?
if [ "$rc" -eq 2 ]; then
	pass "# SKIP Litestream could not be installed from npm: $(tail -1 "$TMP/install.err")"
	finish
	exit 0
fi
[ "$rc" -eq 0 ] || fail "scripts/install-litestream" "$(cat "$TMP/install.err")"
export NEWSDESK_LITESTREAM=$LS
rm -f "$NEWSDESK_DB.litestream.yml"
"$NEWSDESK" replicate "$TMP/replica" >"$TMP/ls.log" 2>&1 & # $! must be the replicator
RP=$!
trap 'kill -9 "$RP" 2>/dev/null; stop_server; rm -rf "$TMP"' EXIT
LIMIT=10 wait_until test -d "$TMP/replica/generations" ||
	fail "replicate streams to the folder" "$(cat "$TMP/ls.log")"
start_desk 120 30 NEWSDESK_LITESTREAM="$LS"
if LIMIT=10 wait_until eval 'screen | head -1 | grep -Eq "[^!] replica [0-9]+ s behind"'; then
	pass "streaming: the title says how far behind the replica is"
else
	fail "streaming: the title says how far behind the replica is" "$(screen | head -1)"
fi
printf '标题: 又一篇\n\n正文。\n' | nd --as zhu file >/dev/null
shows "a filing reaches the desk" "又一篇"
if LIMIT=10 wait_until eval 'screen | head -1 | grep -Eq "[^!] replica [0-9] s behind"'; then
	pass "…and the replica catches up within seconds"
else
	fail "…and the replica catches up within seconds" "$(screen | head -1)"
fi
kill -9 "$RP"
wait "$RP" 2>/dev/null
shows "Litestream killed: the title warns within seconds" "! replica stopped" 15
keys q
finish
