#!/usr/bin/env bash
# rundown.sh — the printed rundown on the demo desk (12 pages, six planned,
# three over budget, notes open on two items): empty pages fold into one
# line, page labels line up past page 9, an over-budget page stands out in
# the HTML, which has the text's budget section too; and publish names what
# is still open.
. "$(dirname "$0")/lib.sh"
bash "$SRCDIR/scripts/make-demo-db" "$NEWSDESK_DB" "$NEWSDESK" 2>/dev/null &&
	pass "the demo desk" || fail "make-demo-db"
zh() { env LC_ALL= LANG=zh_CN.UTF-8 "$NEWSDESK" "$@"; }

expect_ok "rundown" nd rundown 2024-07 --width 120
contains "the unplanned pages fold into one line" "$out" "  pages 7–12: empty"
lacks "…with no line of their own" "$out" "page  8"
contains "page labels are padded to the widest (12)" "$out" "  page  1 新闻速递: 3 items"
contains "…so two-digit pages line up" "$out" "  page  6 基层风采: 3 items"
contains "the open review notes are listed" "$out" "Review notes not yet answered by an edit:"
contains "…with the item" "$out" "#7  p.3  1 note"
expect_ok "rundown in Chinese" zh rundown 2024-07 --width 120
contains "…folds as 第 7–12 版：空" "$out" "  第 7–12 版：空"
contains "…one style for pages: 第 1 版" "$out" "  #1  第 1 版  已编"

expect_ok "rundown html" nd rundown 2024-07 --format html
contains "an over-budget page stands out (red)" "$out" '<tr class="total over"><td class="n">1</td>'
lacks "…and only those" "$out" '<tr class="total over"><td class="n">2</td>'
contains "…the style that makes it red" "$out" "tr.over td { color: #b00; }"
contains "the HTML has the budget section" "$out" "<h2>Pages over or under budget</h2>"
contains "…and the folded pages" "$out" "pages 7–12: empty"
expect_ok "rundown html in Chinese" zh rundown 2024-07 --format html
contains "…字数与预算不符的版面" "$out" "<h2>字数与预算不符的版面</h2>"

expect_exit 1 "publish is refused while items are not signed off" nd --as chenhj publish --issue 2024-07
contains "…and names what is still open" "$err" \
	"still open: 3 pages over budget (p.1, 5, 6); 2 items with review notes not yet answered (#1, #7); 10 items not signed off"
expect_exit 1 "…in Chinese" zh --as chenhj publish --issue 2024-07
contains "…as 第 1、5、6 版" "$err" "尚未完成：3 个版面超出预算（第 1、5、6 版）；2 篇的审稿意见尚未回应（#1、#7）；10 篇未签发"
contains "…the held items joined by 、" "$err" "#1（已编）、#3（退回）"
expect_ok "publish --partial" nd --as chenhj publish --issue 2024-07 --partial
contains "…says what went out with it still open" "$out" "went out with what was still open: 3 pages over budget"
finish
