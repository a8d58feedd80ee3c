#!/usr/bin/env bash
# encoding.sh — the desk on a GB18030 terminal (LC_ALL=zh_CN.GB18030): what
# it writes is recorded byte for byte (tmux pipe-pane) and must be GB18030,
# never UTF-8; a search typed as GB18030 bytes must find its item. tmux
# itself reads panes as UTF-8, so the screen is polled only for ASCII and
# the Chinese is checked in the recording.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
if ! locale -a 2>/dev/null | grep -qix zh_CN.gb18030; then
	echo "1..0 # SKIP zh_CN.GB18030 is not generated (scripts/deps.sh makes it as root)"
	exit 0
fi
setup_demo
REC="$TMP/recorded"
: >"$REC"
# how many times the recording holds $1 in encoding $2
recorded() { python3 -c 'import sys; print(open(sys.argv[1],"rb").read().count(sys.argv[2].encode(sys.argv[3])))' "$REC" "$1" "$2"; }
recorded_has() { [ "$(recorded "$1" gb18030)" -gt 0 ]; }
hex() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030 | od -An -tx1; }

start_desk 120 40 LC_ALL=zh_CN.GB18030
tm pipe-pane -o -t "$SESSION" "cat >>'$REC'"
keys C-l # everything again, now recorded
if LIMIT=10 wait_until recorded_has 待编; then pass "the list's states are written as GB18030 (待编)"; else fail "GB18030 list" "$(od -c "$REC" | head -20)"; fi
equals "…and 待编 never as UTF-8 bytes" "$(recorded 待编 utf-8)" 0
if LIMIT=10 wait_until recorded_has 104个专业供职工自主选择; then
	pass "a headline is written as GB18030"
else
	fail "GB18030 headline" "$(iconv -f GB18030 -t UTF-8 -c <"$REC" | tail -5)"
fi
equals "no headline leaves as UTF-8" "$(recorded 104个专业供职工自主选择 utf-8)" 0
if LIMIT=10 wait_until recorded_has '── #'; then pass "the rule ── is GB18030 too"; else fail "rule" "$(tail -c 400 "$REC" | od -c | tail -5)"; fi

# A search typed as the bytes a GB18030 terminal sends.
# (the prompt's words are Chinese, which tmux cannot show: keys queue in
# order, so the bytes reach the prompt once it reads)
: >"$REC"
keys /
# shellcheck disable=SC2046
tm send-keys -t "$SESSION" -H $(hex 蹲点)
if LIMIT=10 wait_until recorded_has 蹲点; then
	pass "the GB18030 bytes typed at / are echoed as GB18030: they were read as 蹲点"
else
	fail "typed GB18030" "$(od -c "$REC" | head)"
fi
# Enter runs the search; then the whole screen again, recorded from here
# (the keys are read in order, so the redraw shows the search's result)
: >"$REC"
keys Enter C-l
if LIMIT=10 wait_until recorded_has '── #16 待编'; then
	pass "the search found the item with 蹲点 (#16, shown in GB18030)"
else
	fail "GB18030 search" "$(iconv -f GB18030 -t UTF-8 -c <"$REC" | tail -5)"
fi
equals "nothing of the redrawn screen is UTF-8" "$(recorded 待编 utf-8)" 0
keys q
gone() { ! tm has-session -t "$SESSION" 2>/dev/null; }
if LIMIT=10 wait_until gone; then pass "q quits the desk"; else fail "q quits" "$(screen)"; fi
finish
