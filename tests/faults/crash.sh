#!/usr/bin/env bash
# crash.sh — kill newsdesk between any two statements of a filing, a save
# and publish --issue (NEWSDESK_CRASH_AFTER sends SIGKILL, as a power cut
# would), and after a random delay; after each kill the store is sound,
# every item the command reported as filed is there, nothing is half-done.
#   crash.sh [file|save|publish|random]...   (default: all four)
# meson runs each command's part as its own test, in parallel. After each
# kill, check proves what was written since the last proof (the ledger's
# new entries, the counts of records); each part ends with check --full.
. "$(dirname "$SRCDIR/tests/cli/lib.sh")/lib.sh"
setup_desk
story="$SRCDIR/tests/data/articles/a02.txt"
parts=${*:-file save publish random}
want() { case " $parts " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

sound() { nd check >"$TMP/check.out" 2>"$TMP/check.err" || { echo "# check: $(cat "$TMP/check.err") $(head -5 "$TMP/check.out")"; return 1; }; }
sound_full() { expect_ok "…and check --full proves the whole store" nd check --full; }
count() { python3 -c "import sqlite3;print(sqlite3.connect('$NEWSDESK_DB').execute(\"$1\").fetchone()[0])"; }

# Filing: every crash point, up to the run that completes (a reporter's
# filing grew by the quota check, issue 32: counted, not assumed).
crash_file() {
bad=0
for n in $(seq 1 40); do
	before=$(count "select count(*) from items")
	out=$(NEWSDESK_CRASH_AFTER=$n nd --as zhu file "$story" 2>/dev/null) && rc=0 || rc=$?
	after=$(count "select count(*) from items")
	sound || bad=1
	case "$out" in
	filed*) [ "$after" -eq $((before + 1)) ] || { echo "# n=$n reported filed but $before → $after"; bad=1; } ;;
	*) [ "$after" -eq "$before" ] || { echo "# n=$n not reported, yet $before → $after"; bad=1; } ;;
	esac
	[ "$rc" -eq 0 ] && break
done
[ "$rc" -eq 0 ] || bad=1 # the filing never completed within 40 statements
[ "$bad" -eq 0 ] && pass "filing killed at each of its $((n - 1)) statements: sound, reported items all there, nothing half-filed" || fail "filing crashes"
sound_full
}

# A save: the revision and the item's current revision move together.
crash_save() {
nd --as zhu file "$story" >/dev/null
id=$(count "select max(id) from items")
sed 's/建湖县/建湖县县/' "$story" >"$TMP/edit.txt"
bad=0
for n in $(seq 1 14); do
	NEWSDESK_CRASH_AFTER=$n nd --as wang edit "$id" --from "$TMP/edit.txt" >/dev/null 2>&1 || true
	sound || bad=1
	cur=$(count "select current_rev from items where id=$id")
	top=$(count "select max(rev) from revisions where item_id=$id and conflict=0")
	[ "$cur" -eq "$top" ] || { echo "# n=$n current_rev $cur but newest revision $top"; bad=1; }
	# a lock left by the killed process is only a lease: a chief clears it
	nd --as chen unlock "$id" >/dev/null 2>&1 || true
done
[ "$bad" -eq 0 ] && pass "a save killed at each of 14 statements: current revision always the newest stored" || fail "save crashes"
sound_full
}

# publish --issue: all or nothing.
crash_publish() {
nd issue add crash --title "崩溃测试" --pages 2 >/dev/null
for f in a01 a03 a05 a06 a07; do
	nd --as zhu file "$SRCDIR/tests/data/articles/$f.txt" >/dev/null
	i=$(count "select max(id) from items")
	nd --as wang finish "$i" >/dev/null
	nd --as chen approve "$i" >/dev/null
	nd assign "$i" --issue crash --page 1 >/dev/null
done
nd backup "$TMP/before-publish.db" >/dev/null
bad=0
for n in $(seq 1 20); do
	cp "$TMP/before-publish.db" "$TMP/p.db"
	NEWSDESK_DB="$TMP/p.db" NEWSDESK_CRASH_AFTER=$n "$NEWSDESK" --as chen publish --issue crash >/dev/null 2>&1 || true
	NEWSDESK_DB="$TMP/p.db" "$NEWSDESK" check >/dev/null || { echo "# n=$n unsound"; bad=1; }
	state=$(python3 -c "import sqlite3;c=sqlite3.connect('$TMP/p.db');print(c.execute(\"select state from issues where code='crash'\").fetchone()[0], c.execute(\"select count(*) from items where issue='crash' and state='published'\").fetchone()[0])")
	case "$state" in
	"planning 0" | "published 5") ;;
	*) echo "# n=$n half-published: $state"; bad=1 ;;
	esac
done
[ "$bad" -eq 0 ] && pass "publish --issue killed at each of 20 statements: never half-published" || fail "publish crashes"
}

# SIGKILL after random delays, while filing.
crash_random() {
bad=0
for i in $(seq 1 15); do
	"$NEWSDESK" --as zhu file "$story" >"$TMP/out.$i" 2>/dev/null & # newsdesk itself, not a shell running it
	pid=$!
	sleep "0.0$((RANDOM % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	sound || bad=1
	reported=$(sed -n 's/^filed #\([0-9]*\).*/\1/p' "$TMP/out.$i")
	if [ -n "$reported" ]; then
		[ "$(count "select count(*) from items where id=$reported")" -eq 1 ] || { echo "# reported #$reported lost"; bad=1; }
	fi
done
[ "$bad" -eq 0 ] && pass "filing killed after random delays: sound, nothing reported is lost" || fail "random kills"
sound_full
}

for part in $parts; do
	want "$part" && "crash_$part"
done
finish
