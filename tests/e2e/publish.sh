#!/usr/bin/env bash
# publish.sh — P in the desk publishes through the same core call as
# 'newsdesk publish ID': the published revision is recorded, an item placed
# in a half-ready issue is refused with the reason, and check stays clean.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
for a in a01 a02 a03; do nd --as zhu file "$SRCDIR/tests/data/articles/$a.txt" >/dev/null; done
for id in 1 2; do nd --as wang finish "$id" >/dev/null; nd --as chen approve "$id" >/dev/null; done
nd issue add 2024-07 --title "《职工之友》2024年第7期" --pages 2 >/dev/null
nd assign 2 --issue 2024-07 --page 1 >/dev/null
nd assign 3 --issue 2024-07 --page 1 >/dev/null

start_desk 120 40 -- --as chen
keys s
shows "sorted by id" "[sort id]"
keys G
shows "the chief is on #1 (approved)" "── #1 approved"
keys P
shows "P asks first: publishing cannot be undone" "#1? This cannot be undone. (y/n)"
keys y
shows "P publishes it" "#1 approved → published"
expect_ok "show" nd show 1
contains "…the item is published" "$out" "#1  published"
expect_ok "check after P" nd check
equals "…is clean: the published revision was recorded" "$(checked "$out")" "ok"
expect_ok "stats" nd stats --year "$(date +%Y)"
# columns: filed, published, 字数, 汉字, 版面字数
equals "…and stats count it" "$(printf '%s\n' "$out" | awk '/\(zhu\)/ {print $(NF-3)}')" "1"

# #2 is placed in 2024-07 beside #3, which is not signed off.
keys k
shows "on #2" "── #2 approved"
keys P
shows "P follows the issue's rule (refused before asking)" "placed in issue 2024-07"
shows "…naming what is not signed off" "#3 (submitted)"
expect_ok "show" nd show 2
contains "…and nothing moved" "$out" "#2  approved"
expect_ok "check after the refusal" nd check
equals "…is clean" "$(checked "$out")" "ok"
keys q
finish
