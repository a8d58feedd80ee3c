#!/usr/bin/env bash
# landed.sh — the build's check that landed migrations never move
# (tools/check_landed.py against schema/LANDED): today's tree passes; a
# changed byte, a renumbered or renamed file, a gap, a number twice, a file
# meson does not embed are each refused, naming the file; a branch's new
# migration after the landed ones is allowed.
. "$(dirname "$0")/lib.sh"
check() { python3 "$SRCDIR/tools/check_landed.py" "$TMP/stamp" "$TMP/s/LANDED" "$TMP"/s/*.sql 2>&1; }
# the landed migrations only: a branch's own new one (not yet in LANDED)
# would otherwise be "the last file" the cases below move about
fresh() {
	rm -rf "$TMP/s"
	cp -r "$SRCDIR/schema" "$TMP/s"
	for f in "$TMP"/s/*.sql; do
		grep -q " $(basename "$f")\( \|\$\)" "$TMP/s/LANDED" || rm "$f"
	done
}
fresh
out=$(check) && pass "today's schema/ matches schema/LANDED" || fail "today's schema/ matches schema/LANDED" "$out"
last=$(ls "$TMP/s" | grep -c '\.sql$')
next=$(printf '%03d' $((last + 1)))
printf 'CREATE TABLE t (x);\n' >"$TMP/s/${next}_new_table.sql"
out=$(check) && pass "a branch's new migration, not yet landed, is allowed" || fail "a new migration is allowed" "$out"
fresh
printf '\n' >>"$TMP/s/005_counts.sql"
out=$(check) && fail "a changed byte in a landed migration is refused" ||
	contains "a changed byte in a landed migration is refused, naming it" "$out" "005_counts.sql changed after it landed"
fresh
# the last landed file moved past every file, a new file in its place (a
# branch may have its own new migrations after the landed ones)
lastfile=$(sed 's/#.*//' "$TMP/s/LANDED" | awk 'NF >= 2 { print $2 }' | tail -1)
mv "$TMP/s/$lastfile" "$TMP/s/$next${lastfile#???}"
printf 'SELECT 1;\n' >"$TMP/s/${lastfile%%_*}_in_its_place.sql"
out=$(check) && fail "a renumbered landed migration is refused" ||
	contains "a renumbered landed migration is refused" "$out" "$lastfile landed on main and is gone"
fresh
cp "$TMP/s/001_init.sql" "$TMP/s/003_again.sql"
out=$(check) && fail "two files with one number are refused" ||
	contains "two files with one number are refused" "$out" "have the same number 003"
fresh
printf 'SELECT 1;\n' >"$TMP/s/$(printf '%03d' $((last + 2)))_gap.sql"
out=$(check) && fail "a gap in the numbers is refused" || contains "a gap in the numbers is refused" "$out" "without a gap"
fresh
printf 'SELECT 1;\n' >"$TMP/s/${next}_not_in_meson.sql"
out=$(python3 "$SRCDIR/tools/check_landed.py" "$TMP/stamp" "$TMP/s/LANDED" $(ls "$TMP"/s/*.sql | grep -v not_in_meson) 2>&1) &&
	fail "a file meson does not embed is refused" ||
	contains "a file meson does not embed is refused" "$out" "not in meson.build's schema_files"
finish
