#!/usr/bin/env bash
# fold_table.sh — the committed traditional → simplified fold
# (src/store/fold_han.h, which the search index is built with) is what the
# installed libopencc gives: tools/gen_fold.c, built against it
# (GEN_FOLD), writes the table again and every row must agree. When this
# fails, OpenCC changed: regenerate the table, and add a migration that
# rebuilds the search index (an index built with the old fold would lie).
. "$(dirname "$0")/lib.sh"
if [ -z "${GEN_FOLD:-}" ]; then
	echo "1..0 # SKIP libopencc is not installed (scripts/deps.sh installs libopencc-dev)"
	exit 0
fi
rows() { grep -o '{ 0x[0-9A-F]*, 0x[0-9A-F]* }' "$1" | tr -d '{},' | awk '{ print $1, $2 }' | LC_ALL=C sort; }
"$GEN_FOLD" test >"$TMP/fold_han.h" 2>"$TMP/err" || { fail "gen_fold ran" "$(cat "$TMP/err")"; finish; }
rows "$SRCDIR/src/store/fold_han.h" >"$TMP/committed"
rows "$TMP/fold_han.h" >"$TMP/installed"
n=$(wc -l <"$TMP/committed")
[ "$n" -gt 2000 ] && pass "the committed table has $n characters" || fail "the committed table has rows" "$n"
# each difference as: U+code committed-target installed-target (- for none)
diffs=$(join -a1 -a2 -e - -o 0,1.2,2.2 "$TMP/committed" "$TMP/installed" | awk '$2 != $3' | head -20)
if [ -z "$diffs" ]; then
	pass "libopencc maps every character as the committed table does"
else
	fail "libopencc maps every character as the committed table does" \
		"character, committed, installed libopencc:" "$diffs"
fi
finish
