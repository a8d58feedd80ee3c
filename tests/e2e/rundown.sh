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
shows "i asks where to place it" "Place #3 on (issue page [position]): 2024-07"
type_text "2024-07 2-07"
keys Enter
shows "2-07 is no page, as the CLI says" "give the issue code and a page"
expect_exit 2 "…and the CLI refuses it too" nd assign 3 --issue 2024-07 --page 2-07
keys i
shows "asked again, the issue pre-filled" "Place #3 on (issue page [position]): 2024-07"
# typing replaces the pre-filled text (no 2024-072024-07)
type_text "2024-07 2"
keys Enter
shows "i places it" "#3 placed in 2024-07 on page 2"

keys p
shows "p asks for the issue" "Rundown of issue:"
keys Enter
shows "the rundown view" "《盐城工会》2024年第7期"
# budgets are in 版面字数 (at 14 字/行: #1 1,120, #2 966, #3 630)
shows "page 1 with its budget, and by how much it is over" "Page 1  要闻  2,086/1,000 +1,086"
keys F
shows "F shows the flat plan" "│P1 要闻"
flat_before=$(screen)
contains "page 2 holds #3 (版面字数 630)" "$flat_before" "│630"
keys F
keys j J
shows "J moved #2 down: off page 1 onto page 2" "#2 now on page 2"
keys F
shows "the flat plan again" "│P1 要闻"
flat_after=$(screen)
[ "$flat_after" != "$flat_before" ] && pass "the flat plan changed" || fail "flat plan unchanged" "$flat_after"
contains "page 1 now holds only #1 (版面字数 1,120), over by 120" "$flat_after" "│1,120 (+120)"
lacks "…over budget said by how much, never with ! (the mark of an unsigned item)" "$flat_after" "1,000 !"
contains "page 2 holds #2 and #3 (966 + 630)" "$flat_after" "│1,596"
keys q
shows "q from the flat plan goes back to the rundown list" "Page 1  要闻"
keys g
keys Enter
shows "Enter opens the selected item from the rundown" "── #1 "
keys q
shows "q goes back to the rundown" "Page 1  要闻"
keys r
shows "r opens its review" "review #1"
keys q
shows "q back to the rundown again" "Page 1  要闻"
keys F
shows "the flat plan" "│P1 要闻"
keys q
shows "q from the flat plan goes back to the rundown, one pane" "Page 1  要闻"
keys P
shows "an editor may not publish an issue" "your role may not do that"
keys q
hides "q leaves the rundown" "《盐城工会》2024年第7期"
expect_ok "log" nd log 2
contains "the move is logged" "$out" "2024-07 p.1 #2 → 2024-07 p.2 #1"

# The chief publishes the issue from the rundown, after asking, by the
# CLI's rule: refused while a placed item is not signed off.
nd user add chen --role chief --name 陈主编 >/dev/null 2>&1
start_desk 110 36 -- --as chen
keys p
shows "p asks for the issue" "Rundown of issue:"
keys Enter
shows "the rundown" "Page 1  要闻"
keys P
shows "P asks first" "Publish issue 2024-07 (3 items) with what is still open (above)? This cannot be undone."
shows "…naming what is still open" "Still open: 1 page over budget (p.1); 3 items not signed off"
keys n
shows "n: not published" "not published"
keys P
shows "asked again" "This cannot be undone"
keys y
shows "y: refused by the CLI's rule" "cannot publish 2024-07: 3 items are not signed off"
expect_exit 1 "the CLI refuses it the same way" nd publish --issue 2024-07
contains "…in the same words" "$err" "cannot publish 2024-07: 3 items are not signed off"

# / n N over the rundown's rows, as in every pane of rows (typed
# characters were once swallowed here)
keys g
keys /
shows "/ in the rundown asks what to find" "Find:"
type_text "盐城经开区"
keys Enter
shows "…and says what it found" "盐城经开区"
keys Enter
shows "the row found is selected: Enter opens #3" "── #3 "
keys q
shows "back in the rundown" "Page 1  要闻"
keys n
shows "n finds it again, wrapping" "(wrapped)"
keys g
type_text "/总工会"
keys Enter
keys Enter
shows "/总工会 from the top: Enter opens #1, the first row holding it" "── #1 "
keys q
shows "back" "Page 1  要闻"
keys n
keys Enter
shows "n: the next row holding it, #2" "── #2 "
keys q
shows "back again" "Page 1  要闻"
keys N
keys Enter
shows "N: the one before, #1" "── #1 "
keys q

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"
finish
