#!/usr/bin/env bash
# i18n.sh — the command line in the reader's language: refusals in Chinese
# under a zh_CN locale, English under C.UTF-8, the language an SSH client
# forwards (even one the server has no locale for), else the publication's;
# and a newsroom's words: 稿 for a revision, 版 for a page, 字 as the unit.
. "$(dirname "$0")/lib.sh"
setup_desk
zh() { env LC_ALL=zh_CN.UTF-8 "$NEWSDESK" "$@"; }
en() { env LC_ALL=C.UTF-8 "$NEWSDESK" "$@"; }
db_set_language() {
	python3 -c "import sqlite3,sys;c=sqlite3.connect(sys.argv[1]);c.execute(\"UPDATE meta SET value=? WHERE key='language'\",(sys.argv[2],));c.commit()" "$NEWSDESK_DB" "$1"
}
story="$SRCDIR/tests/data/articles/a01.txt"
nd --as zhu file "$story" >/dev/null
nd --as zhu file "$SRCDIR/tests/data/articles/a05.txt" >/dev/null
nd --as wang finish 1 >/dev/null && nd --as chen approve 1 >/dev/null && nd --as chen publish 1 >/dev/null

# The workflow's refusal: the state's label and the words around it.
expect_exit 1 "spike on a published item is refused under zh_CN" zh --as wang spike 1 --note 重复
equals "…in Chinese, the states by their Chinese labels" "$err" \
	"newsdesk: #1 现为已发布；“spike”只适用于待编、已编、已签发、退回的稿件"
expect_exit 1 "…and under C.UTF-8" en --as wang spike 1 --note dup
equals "…in English, the states by their English labels" "$err" \
	"newsdesk: #1 is published; 'spike' needs submitted or edited or approved or returned"

nd issue add 2024-07 --title "《职工》2024年第7期" --pages 8 >/dev/null
expect_exit 1 "a page the issue does not have, under zh_CN" zh assign 2 --issue 2024-07 --page 99
equals "…in Chinese" "$err" "newsdesk: 2024-07 期共 1 至 8 版；没有第 99 版"
expect_exit 1 "…and under C.UTF-8" en assign 2 --issue 2024-07 --page 99
equals "…in English" "$err" "newsdesk: issue 2024-07 has pages 1 to 8; there is no page 99"

expect_exit 1 "another reporter's item, under zh_CN" zh --as li show 2
equals "…is not theirs, in Chinese, as a missing one is" "$err" "newsdesk: 你没有 #2 这篇稿件"
expect_exit 1 "…and under C.UTF-8" en --as li show 2
equals "…in English" "$err" "newsdesk: you have no item #2"
nd --as wang return 2 --note 电头缺日期 >/dev/null
expect_exit 1 "refiling another reporter's item, under zh_CN" zh --as li refile 2
equals "…in Chinese, as the workflow says it" "$err" "newsdesk: 你没有 #2 这篇稿件"
expect_exit 2 "a usage error under zh_CN" zh show
contains "…in Chinese" "$err" "show 需要一个稿件编号"

# The charset refusals.
printf '标题\xff\xfe\n\n正文\n' >"$TMP/bad.txt"
expect_exit 1 "bytes that are not the encoding named, under zh_CN" zh --as zhu file --encoding utf-8 "$TMP/bad.txt"
contains "…refused in Chinese" "$err" "偏移 6 处的字节 0xFF 不是有效的 UTF-8"
expect_exit 1 "…and under C.UTF-8" en --as zhu file --encoding utf-8 "$TMP/bad.txt"
contains "…in English" "$err" "byte 0xFF at offset 6 is not valid UTF-8"
expect_exit 1 "bytes in no clear encoding, under zh_CN" zh --as zhu file "$TMP/bad.txt"
contains "…refused in Chinese, naming the fault" "$err" "偏移 6 处的字节 0xFF 不是有效的 UTF-8，按 GB18030 或 Big5 读也不是中文"
lacks "…with no English left" "$err" "nothing was filed"

# A newsroom's words.
expect_ok "show under zh_CN" zh show 1
contains "…a revision is 稿" "$out" "稿次：第 1 稿/共 1 稿"
contains "…字数 counted in 字" "$out" "字数："
expect_ok "revisions under zh_CN" zh revisions 1
contains "…the current one" "$out" "当前"
nd assign 1 --issue 2024-07 --page 3 >/dev/null 2>&1 || true
expect_ok "rundown under zh_CN" zh rundown 2024-07
contains "…pages are 版" "$out" "第 3 版"
if printf '%s\n' "$out" | grep -qE '[0-9] 字数'; then fail "…字 is the unit, not 字数" "$out"; else pass "…字 is the unit, not 字数"; fi
contains "…a page's count in 字" "$out" " 字"
contains "…a total in 字" "$out" "全期："
expect_ok "rundown under C.UTF-8" en rundown 2024-07
contains "…in English" "$out" "Whole issue:"

# The language of the SSH shell: the client's LANG, else the publication's.
db_set_language en
expect_exit 1 "ssh-shell with a forwarded LANG=zh_CN (no such locale here)" \
	env -u LC_ALL -u LC_MESSAGES LANG=zh_CN SSH_ORIGINAL_COMMAND="show 2" "$NEWSDESK" ssh-shell li
contains "…answers in Chinese all the same" "$err" "你没有 #2 这篇稿件"
expect_exit 1 "ssh-shell with no LANG and an English publication" \
	env -u LC_ALL -u LC_MESSAGES -u LANG SSH_ORIGINAL_COMMAND="show 2" "$NEWSDESK" ssh-shell li
contains "…answers in English" "$err" "you have no item #2"
db_set_language zh
expect_exit 1 "ssh-shell with no LANG and a Chinese publication" \
	env -u LC_ALL -u LC_MESSAGES -u LANG SSH_ORIGINAL_COMMAND="show 2" "$NEWSDESK" ssh-shell li
contains "…answers in Chinese" "$err" "你没有 #2 这篇稿件"
expect_exit 1 "ssh-shell with a forwarded LANG=en_US.UTF-8" \
	env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 SSH_ORIGINAL_COMMAND="show 2" "$NEWSDESK" ssh-shell li
contains "…answers in English" "$err" "you have no item #2"
expect_exit 2 "an unknown command over SSH, the publication's language" \
	env -u LC_ALL -u LC_MESSAGES -u LANG SSH_ORIGINAL_COMMAND="sh" "$NEWSDESK" ssh-shell li
contains "…in Chinese" "$err" "拒绝：“sh”不是 newsdesk 命令"
finish
