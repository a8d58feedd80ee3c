#!/usr/bin/env bash
# review.sh — diff and proof through the real binary.
. "$(dirname "$0")/lib.sh"
setup_desk
nd --as zhu file "$SRCDIR/tests/data/articles/a01.txt" >/dev/null
sed 's/区总工会副主席陈惠娟参加活动/区总工会主席汤云庆参加活动/' "$SRCDIR/tests/data/articles/a01.txt" |
	sed '1s/.*/大丰区总工会“双进”宣讲向纵深推进/' >"$TMP/edited.txt"
nd --as wang edit 1 --from "$TMP/edited.txt" >/dev/null

expect_ok "diff filed → current" nd diff 1
contains "the header names both revisions" "$out" "#1 revision 1 (zhu"
contains "the headline change is marked" "$out" "Headline: 大丰区总工会“双进”宣讲向纵深[-挺-]{+推+}进"
contains "the body change is marked character by character" "$out" "区总工会[-副-]主席[-陈惠娟-]{+汤云庆+}参加活动"
lacks "no colour codes when piped" "$out" $'\033['
expect_ok "diff with explicit revisions" nd diff 1 2 2
lacks "a revision against itself has no markers" "$out" "{+"
expect_exit 1 "a missing revision" nd diff 1 1 9
contains "…is named" "$err" "no revision 9"

expect_ok "proof" nd proof 1
contains "finds the corpus's closing-as-opening quote" "$out" "closing-as-opening"
contains "finds the half-width commas" "$out" "halfwidth"
contains "gives the rate against the limit" "$out" "/ 10,000 (limit 2)"
expect_ok "proof json" nd proof 1 --format json
printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["id"] == 1 and r["limit"] == 2
checks = {h["check"] for h in r["hits"]}
assert "closing-as-opening" in checks, checks
assert all(h["explanation"] for h in r["hits"])
' && pass "the json parses and holds the checks" || fail "proof json" "$out"
expect_exit 3 "a reporter may not proof another's item" nd --as li proof 1

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
