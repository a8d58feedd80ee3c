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
lacks "an ordinary edit is diffed by character, with no notice" "$(nd diff 1)" "shown by paragraph"

# A revision unrelated to the one before it, 50,000 characters each: the
# old diff took gigabytes on 10,000; now it is bounded, shown by paragraph,
# and says so.
python3 - "$TMP" <<'PY'
import random, sys
for name, seed in (("u1.txt", 1), ("u2.txt", 2)):
    r = random.Random(seed)
    paras = ["".join(chr(0x4E00 + r.randrange(3000)) for _ in range(250)) for _ in range(200)]
    open(f"{sys.argv[1]}/{name}", "w", encoding="utf-8").write("长稿 %d\n\n" % seed + "\n\n".join(paras) + "\n")
PY
nd --as zhu file "$TMP/u1.txt" >/dev/null
nd --as wang edit 2 --from "$TMP/u2.txt" >/dev/null
expect_ok "diff of two unrelated 50,000-character revisions" nd diff 2
contains "…says it is shown by paragraph" "$out" "(the texts differ too much for a character diff; shown by paragraph)"
contains "…the headline still by character" "$out" "Headline: 长稿 [-1-]{+2+}"
contains "…the old body out whole" "$out" "[-$(sed -n 3p "$TMP/u1.txt")"
contains "…the new body in whole" "$out" "{+$(sed -n 3p "$TMP/u2.txt")"
expect_ok "the same in Chinese" env LC_ALL= LANG=zh_CN.UTF-8 "$NEWSDESK" diff 2
contains "…says it in Chinese" "$out" "（两稿差别太大，无法逐字比较，按段落显示）"

expect_ok "proof" nd proof 1
contains "finds the corpus's closing-as-opening quote" "$out" "closing-as-opening"
contains "counts the half-width commas in one line" "$out" "44 half-width marks — ^K fixes them"
lacks "…instead of one line each" "$out" "halfwidth          body"
contains "the rate counts what ^K leaves: the misused quote" "$out" "· 10.1 / 10,000 (limit 2)"
contains "gives the rate against the limit" "$out" "/ 10,000 (limit 2)"
expect_ok "proof json" nd proof 1 --format json
printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["id"] == 1 and r["limit"] == 2
checks = {h["check"] for h in r["hits"]}
assert "closing-as-opening" in checks, checks
assert r["left"] == 2, r["left"]
assert all(h.get("fix") == "punctuation" for h in r["hits"] if h["check"] == "halfwidth")
assert all(h["explanation"] for h in r["hits"])
' && pass "the json parses and holds the checks" || fail "proof json" "$out"
expect_exit 1 "a reporter may not proof another's item (as if it were not there)" nd --as li proof 1

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
