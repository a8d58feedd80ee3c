#!/usr/bin/env bash
# rundown.sh — the rundown view: place, move with keys, see the flat plan.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
for f in a01 a02 a03; do nd --as zhu file "$SRCDIR/tests/data/articles/$f.txt" >/dev/null; done
nd issue add 2024-07 --title "《盐城工会》2024年第7期" --pages 3 >/dev/null
nd issue page 2024-07 1 --section 要闻 --budget 1000 >/dev/null
nd assign 1 --issue 2024-07 --page 1 >/dev/null
nd assign 2 --issue 2024-07 --page 1 >/dev/null

start_desk 110 36 -- --as wang
keys s
shows "sorted" "[sort id]"
keys g
shows "on #3 (the first by id, descending)" "── #3 submitted"
keys i
shows "i asks where to place it" "Place #3 on (issue page [position]):"
keys C-u
type_text "2024-07 2"
keys Enter
shows "i places it" "#3 placed in 2024-07 on page 2"

keys p
shows "p asks for the issue" "Rundown of issue:"
keys Enter
shows "the rundown view" "《盐城工会》2024年第7期"
shows "page 1 with its budget" "Page 1  要闻  1,935/1,000 !"
keys F
shows "F shows the flat plan" "│P1 要闻"
flat_before=$(screen)
contains "page 2 holds #3 (字数 580)" "$flat_before" "│580"
keys F
keys j J
shows "J moved #2 down: off page 1 onto page 2" "#2 now on page 2"
keys F
shows "the flat plan again" "│P1 要闻"
flat_after=$(screen)
[ "$flat_after" != "$flat_before" ] && pass "the flat plan changed" || fail "flat plan unchanged" "$flat_after"
contains "page 1 now holds only #1 (1,046 字)" "$flat_after" "│1,046/1,000 !"
contains "page 2 holds #2 and #3 (889 + 580)" "$flat_after" "│1,469"
keys q
hides "q leaves the rundown" "《盐城工会》2024年第7期"
expect_ok "log" nd log 2
contains "the move is logged" "$out" "2024-07 p.1 #2 → 2024-07 p.2 #1"

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"
finish
