#!/usr/bin/env bash
# zhwords.sh — under zh_CN every human output is Chinese: each command's
# text (help, tables, messages, refusals) on the demo desk is scanned for
# runs of ASCII letters, and every run must be a name (a login, the
# stored text, a file), a code (a command, an option, an issue code, a
# format), a number or unit, or a word the glossary allows (the list
# below). JSON and TSV are for scripts and are not scanned.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
bash "$SRCDIR/scripts/make-demo-db" "$NEWSDESK_DB" "$NEWSDESK" 2>/dev/null &&
	pass "the demo desk" || fail "make-demo-db"
cp "$SRCDIR/demo/000_4ad8dda8878dd78b.txt" page.txt
cp "$SRCDIR/tests/data/articles/a01.txt" story.txt
sed 's/3月22日上午/2024年3月22日上午/' story.txt >edited.txt
z() { env LC_ALL= LANG=zh_CN.UTF-8 "$NEWSDESK" "$@"; }
mkdir -p "$TMP/runs"
n=0
# run ARGS…: one command's stdout and stderr, under zh_CN, kept for the scan.
run() {
	n=$((n + 1))
	{
		printf '$ newsdesk %s\n' "$*"
		z "$@" 2>&1 </dev/null
	} >"$TMP/runs/$(printf '%03d' "$n")"
}

run --help
for c in $(z --help | awk '/^命令：/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
	run "$c" --help
done
run list
run list --state 待编
run list --format csv
run show 1
run show 26
run show 999
run revisions 1
run log 1
run log 3
run log 24
run diff 1
run proof 1
run user list
run issue list
run issue show 2024-07
run workflow
for who in zhujl jinjy zhengl; do run --as "$who" mine; done
run rundown 2024-07
run rundown 2024-07 --format csv
run stats --year "$(date +%Y)"
run search 工会
run search 工会 --state 待编
run search 不存在的词
run check
run drafts
run photo list 26
run settings
run measure
run import --dry-run page.txt
run --as wangj approve 8
run --as chenhj approve 3
run --as zhujl finish 8
run --as wangj return 9
run --as chenhj publish --issue 2024-07
run --as wangj assign 15 --issue 2024-07 --page 7
run --as wangj move 15 --page 8
run --as wangj unassign 15
run --as chenhj issue add 2024-09 --title 《盐城工会》2024年第9期 --pages 8
run --as wangj note 8 请核对数字
run --as chenhj publish --issue 2024-07 --partial
run export 2024-07 --format txt --output out
cp out/index.txt "$TMP/runs/index.txt" 2>/dev/null
run --as zhujl file story.txt
run --as wangj finish 8
run --as chenhj approve 8
run --as wangj edit 9 --from edited.txt
run log 9
run log 15
run log 26
run --as chenhj unlock 9
run user add xuq --role reporter --name 徐青
run user disable xuq
run user enable xuq
# (keys writes authorized_keys lines: a file for sshd, with its fixed markers)
run backup desk-backup.db
run --as chenhj measure 15
run --as chenhj photo caption 26 1 宝塔镇
run --as wangj note 1 ""
run show 1 --rev 9
run list --bogus
run frobnicate

# what it finds is printed as TAP comments
python3 "$SRCDIR/tests/tools/zhwords.py" "$NEWSDESK_DB" "$SRCDIR" "$TMP/runs" \
	"$(z --help | awk '/^  [a-z]/ {print $1}')" 2>&1 | sed 's/^/# /'
[ "${PIPESTATUS[0]}" -eq 0 ] && pass "no English word in $n commands' human output under zh_CN" ||
	fail "English words under zh_CN (above)"
finish
