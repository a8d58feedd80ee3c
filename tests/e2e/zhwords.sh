#!/usr/bin/env bash
# zhwords.sh — the desk under zh_CN speaks Chinese in every pane: on the
# demo desk each pane a chief, an editor and a reporter first meet (title,
# list, hints, item pane with its log, help, rundown, flat plan, review,
# editor, messages) is captured, and tests/tools/zhwords.py fails on any
# English word that is not a name, code, number or allowed word.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
bash "$SRCDIR/scripts/make-demo-db" "$NEWSDESK_DB" "$NEWSDESK" 2>/dev/null &&
	pass "the demo desk" || fail "make-demo-db"
mkdir -p "$TMP/runs"
n=0
# keep NAME: the screen as it is now, for the scan
keep() {
	n=$((n + 1))
	{
		printf '$ %s\n' "$1"
		screen
	} >"$TMP/runs/$(printf '%03d' "$n")"
}

start_desk 140 40 LANG=zh_CN.UTF-8 -- --as chenhj
shows "the chief's desk" "陈惠娟 总编"
keep "the chief's list"
keys Enter
shows "the item pane" "流程记录"
keys G
keep "the item pane, its log"
keys q '?'
shows "the help" "按 q 关闭帮助"
keep "help"
for i in 1 2 3 4 5 6; do
	keys PageDown
	keep "help, page $((i + 1))"
done
keys q p
shows "the rundown asks for the issue" "期"
keys Enter
shows "the rundown" "《盐城工会》2024年第7期"
keep "the rundown"
keys F
shows "the flat plan" "第1版"
keep "the flat plan"
keys q q
keys g r
shows "the review pane" "第 1 稿"
keep "the review"
keys q M
keep "the messages"
keys q
start_desk 140 40 LANG=zh_CN.UTF-8 -- --as wangj
shows "the editor's desk" "王娟 编辑"
keep "the editor's list"
keys : 2 6 Enter
shows "on #26" "── #26 "
keys e
shows "a signed-off item is not editable, said in Chinese" "现在不能编辑"
keep "the refusal to edit a signed-off item"
keys : 8 Enter
shows "on #8" "── #8 "
keys e
shows "the built-in editor" "编辑中"
keep "the editor"
keys Escape
start_desk 140 40 LANG=zh_CN.UTF-8 -- --as zhujl
shows "a reporter's desk" "朱建良 记者"
keep "the reporter's list"
keys : 3 Enter
shows "on #3" "── #3 "
keys Enter
shows "the returned item leads with its reason" "电头缺日期"
keep "the reporter's item pane"

python3 "$SRCDIR/tests/tools/zhwords.py" "$NEWSDESK_DB" "$SRCDIR" "$TMP/runs" 2>&1 | sed 's/^/# /'
[ "${PIPESTATUS[0]}" -eq 0 ] &&
	pass "no English word in $n panes under zh_CN" || fail "English words in the desk under zh_CN (above)"
finish
