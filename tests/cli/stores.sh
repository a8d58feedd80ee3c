#!/usr/bin/env bash
# stores.sh — stores made by earlier releases still open: each fixture in
# tests/data/stores/ (made by the commit its README names, at schema 5, 11
# and 15) is copied, opened by today's newsdesk (which migrates it), and
# compared row for row with what it held: every row of every table it had,
# in the columns it had, is still there and unchanged, the derived
# structures aside (the search index, the state counts and the revisions'
# counts, which later migrations rebuild and check recomputes). Then check passes on it, and the
# command line reads its items as before.
. "$(dirname "$0")/lib.sh"
STORES="$SRCDIR/tests/data/stores"
# rows of every table the store had (derived ones aside), as JSON lines,
# in the columns listed in $2 (a file of "table column…" lines) or all
dump() {
	python3 - "$1" "$2" <<'PY'
import json, sqlite3, sys
db, cols_path = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
derived = ('search', 'state_counts', 'revision_counts')
tables = [t for (t,) in c.execute(
    "select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name")
    if not t.startswith(derived)]
try:
    wanted = {l.split()[0]: l.split()[1:] for l in open(cols_path, encoding='utf-8')}
except FileNotFoundError:
    wanted = None
out = []
for t in (sorted(wanted) if wanted is not None else tables):
    if t not in tables:
        print(f'{t}\tTABLE GONE')
        continue
    cols = wanted[t] if wanted is not None else [r[1] for r in c.execute(f'pragma table_info("{t}")')]
    if wanted is None:
        out.append(t + ' ' + ' '.join(cols))
    q = 'select ' + ', '.join(f'"{x}"' for x in cols) + f' from "{t}" order by ' + ', '.join(f'"{x}"' for x in cols)
    try:
        for row in c.execute(q):
            print(t + '\t' + json.dumps([r.hex() if isinstance(r, bytes) else r for r in row], ensure_ascii=False))
    except sqlite3.Error as e:
        print(f'{t}\t{e}')
if wanted is None:
    with open(cols_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
PY
}
found=0
for fixture in "$STORES"/schema-*.db; do
	[ -f "$fixture" ] || continue
	found=$((found + 1))
	name=$(basename "$fixture" .db)
	db="$TMP/$name.db"
	cp "$fixture" "$db"
	chmod 660 "$db"
	rm -f "$TMP/cols"
	dump "$db" "$TMP/cols" >"$TMP/before"
	old=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma user_version').fetchone()[0])" "$db")
	NEWSDESK_DB="$db" expect_ok "$name: today's newsdesk opens and migrates it (from schema $old)" nd check
	contains "$name: …and check passes" "$out" "ok"
	new=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma user_version').fetchone()[0])" "$db")
	[ "$new" -gt "$old" ] || [ "$name" = "schema-$new" ] && pass "$name: at today's schema now ($new)" ||
		fail "$name: migrated" "user_version $new"
	dump "$db" "$TMP/cols" >"$TMP/after"
	rows=$(wc -l <"$TMP/before")
	# what it held is all there (migrations may add rows: new settings, verbs)
	lost=$(comm -23 <(LC_ALL=C sort "$TMP/before") <(LC_ALL=C sort "$TMP/after"))
	added=$(comm -13 <(LC_ALL=C sort "$TMP/before") <(LC_ALL=C sort "$TMP/after") | wc -l)
	if [ -z "$lost" ] && [ "$rows" -gt 100 ]; then
		pass "$name: every one of its $rows rows is there, unchanged ($added rows added by migrations)"
	else
		fail "$name: rows lost or changed by migrating" "$(printf '%s\n' "$lost" | head -20)"
	fi
	NEWSDESK_DB="$db" expect_ok "$name: list reads its items" nd list --format tsv
	equals "$name: …every one" "$(printf '%s\n' "$out" | wc -l)" \
		"$(grep -c '^items	' "$TMP/before")"
	NEWSDESK_DB="$db" expect_ok "$name: the published issue's rundown" nd --as wangj rundown 2024-07
	contains "$name: …with its title" "$out" "盐城工会"
	NEWSDESK_DB="$db" expect_ok "$name: search finds its text through the index" nd search 工会 --limit 1
	contains "$name: …and counts it" "$out" "match 工会"
	NEWSDESK_DB="$db" expect_ok "$name: a story is filed into it" nd --as zhujl file "$SRCDIR/tests/data/articles/a03.txt"
	NEWSDESK_DB="$db" expect_ok "$name: check passes after the new filing" nd check
done
[ "$found" -ge 3 ] && pass "the fixtures of schema 5, 11 and 15 are there ($found)" ||
	fail "the fixtures of schema 5, 11 and 15 are there" "found $found in $STORES"
finish
