#!/usr/bin/env bash
# ambiwidth.sh — how wide East Asian ambiguous characters (“ ” · … — ─)
# are laid out: --ambiwidth, NEWSDESK_AMBIWIDTH, the user's own setting
# (`newsdesk settings`), in that order; the table's columns measured with
# the same rule by an independent implementation (Python's unicodedata).
. "$(dirname "$0")/lib.sh"
setup_desk
printf '标题: 职工“双进”活动——走访企业…\n作者: 本报记者 朱建良·通讯员 李四\n\n工会蹲点组走访企业。\n' | nd --as zhu file >/dev/null
printf '标题: 一次及时的紧急停车\n\n正文。\n' | nd --as li file >/dev/null
printf '标题: Plain English headline\n\nSome text.\n' | nd --as li file >/dev/null

# measure AMBI [NEEDLE]: each line's display width, or the column NEEDLE
# starts at, with ambiguous characters AMBI columns wide.
measure() {
	python3 -c '
import sys, unicodedata
ambi, needle = int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None
def w(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch): continue
        e = unicodedata.east_asian_width(ch)
        n += 2 if e in "WF" else (ambi if e == "A" else 1)
    return n
for line in sys.stdin.read().splitlines():
    if needle is None: print(w(line))
    else:
        i = line.find(needle)
        print(-1 if i < 0 else w(line[:i]))
' "$@"
}
# table_ok NAME AMBI OUTPUT: every row's Updated column starts at one
# column, and no line is wider than 112
today=$(date -u +%Y-%m-%d)
table_ok() {
	local ends widest
	ends=$(printf '%s\n' "$3" | sed 1d | measure "$2" "$today" | sort -u | wc -l)
	widest=$(printf '%s\n' "$3" | measure "$2" | sort -n | tail -1)
	equals "$1: every row's Updated column starts at the same column" "$ends" 1
	[ "$widest" -le 112 ] && pass "$1: no line wider than 112 columns ($widest)" ||
		fail "$1: too wide" "$widest" "$3"
}

equals "no setting yet: the default" "$(nd settings ambiwidth | awk '{print $2}')" default
out=$(COLUMNS=112 nd list)
table_ok "ambiwidth 1 (default)" 1 "$out"
contains "…the headline is cut with a one-column …" "$out" "走访企业…"

expect_ok "a user sets their own ambiwidth" nd settings ambiwidth 2
equals "…it is stored" "$(nd settings ambiwidth | awk '{print $2}')" 2
equals "…for that user only" "$(nd --as zhu settings ambiwidth | awk '{print $2}')" default
out=$(COLUMNS=112 nd list)
table_ok "the stored setting 2" 2 "$out"
default=$(COLUMNS=112 NEWSDESK_AMBIWIDTH=1 nd list)
[ "$(printf '%s\n' "$default" | sed 1d | measure 2 "$today" | sort -u | wc -l)" -gt 1 ] &&
	pass "…where the one-column layout, drawn two wide, would not line up (the checks can fail)" ||
	fail "ambiwidth 1 and 2 lay out alike" "$default"

out=$(COLUMNS=112 NEWSDESK_AMBIWIDTH=1 nd list)
table_ok "NEWSDESK_AMBIWIDTH=1 wins over the stored setting" 1 "$out"
out=$(COLUMNS=112 NEWSDESK_AMBIWIDTH=1 nd --ambiwidth 2 list)
table_ok "--ambiwidth 2 wins over the environment" 2 "$out"
expect_ok "--ambiwidth auto with no terminal to ask lays out 1 wide" \
	env COLUMNS=112 "$NEWSDESK" --ambiwidth auto list
table_ok "auto without a terminal" 1 "$out"

expect_exit 2 "--ambiwidth 3 is refused" nd --ambiwidth 3 list
contains "…naming what it takes" "$err" "--ambiwidth takes 1, 2 or auto, not '3'"
expect_exit 2 "NEWSDESK_AMBIWIDTH=wide is refused" env NEWSDESK_AMBIWIDTH=wide "$NEWSDESK" list
contains "…naming the variable" "$err" "NEWSDESK_AMBIWIDTH takes 1, 2 or auto, not 'wide'"
expect_exit 1 "settings ambiwidth 3 is refused" nd settings ambiwidth 3
contains "…naming the values" "$err" "ambiwidth takes 1|2|auto, not '3'"
equals "…and the stored 2 is kept" "$(nd settings ambiwidth | awk '{print $2}')" 2
expect_exit 1 "an unknown setting is refused" nd settings colour red
contains "…naming the settings there are" "$err" "there is no setting 'colour' (settings: ambiwidth, count-rule)"
expect_ok "default puts it back" nd settings ambiwidth default
equals "…and it is gone" "$(nd settings ambiwidth | awk '{print $2}')" default
expect_ok "check is clean after settings" nd check
finish
