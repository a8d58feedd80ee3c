#!/usr/bin/env bash
# stale.sh — nothing stale: for each workflow key × each pane it can be
# pressed in (the list, the desk's item pane, the review, the rundown, an
# item and a review opened from the rundown, the flat plan), the key acts,
# and then every pane on the stack, left one by one with q down to the
# list, shows the item's new state and nowhere its old one: the title's
# counts, the list's row, the item pane's header, the review's header, the
# rundown's row. (The hint and message lines are left out: a hint is a
# verb's word, the message says "from → to"; so are the log's "→" lines.)
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"

# One store per starting state: item #1 alone in it, placed in 2024-07.
template() {
	local state=$1
	NEWSDESK_DB="$TMP/tpl-$state.db"
	export NEWSDESK_DB
	setup_desk
	nd --as zhu file "$SRCDIR/tests/data/articles/a01.txt" >/dev/null
	nd issue add 2024-07 --title "《盐城工会》2024年第7期" --pages 2 >/dev/null
	nd assign 1 --issue 2024-07 --page 1 >/dev/null
	case $state in
	edited) nd --as chen finish 1 >/dev/null ;;
	approved) nd --as chen finish 1 >/dev/null && nd --as chen approve 1 >/dev/null ;;
	spiked) nd --as chen spike 1 --note "重复" >/dev/null ;;
	esac
}
for s in submitted edited approved spiked; do template "$s"; done

# rows of the screen that show states: all but the hint and message lines
# and the log's transitions
state_rows() { screen | head -n -2 | grep -v '→'; }

# open_pane PANE: from the list, as the chief, to the pane
open_pane() {
	case $1 in
	list) ;;
	item) keys Tab ;;
	review) keys r && wait_for "review #1" 10 ;;
	rundown | rd-item | rd-review | flat)
		keys p
		wait_for "Rundown of issue:" 10
		keys Enter
		wait_for "Page 1" 10
		case $1 in
		rd-item) keys Enter && wait_for "── #1 " 10 ;;
		rd-review) keys r && wait_for "review #1" 10 ;;
		flat) keys F && wait_for "│P1" 10 ;;
		esac
		;;
	esac
}

# the panes under PANE, top first, that q goes back through
depth() {
	case $1 in
	list | item) echo 0 ;;
	review | rundown) echo 1 ;;
	*) echo 2 ;;
	esac
}

# fresh_cell FROM: the store of FROM's template, its WAL with it, over no
# file of the cell before (the desk on it ended first)
fresh_cell() {
	stop_server
	rm -f "$TMP"/cell.db*
	local f
	for f in "$TMP/tpl-$1.db"*; do cp "$f" "$TMP/cell.db${f#"$TMP/tpl-$1.db"}"; done
	NEWSDESK_DB="$TMP/cell.db"
}

# cell KEY FROM TO PANE: on the desk at the list, item #1 FROM
cell() {
	local key=$1 from=$2 to=$3 pane=$4 name="$1 in $4 ($2 → $3)"
	wait_for "$from 1" 10
	open_pane "$pane"
	# the message line before the key: the last cell's "#1 from → to"
	local before last
	before=$(screen | tail -1)
	keys "$key"
	# answer what the verb asks: a note, or y to a question
	local i=0
	while [ "$i" -lt 100 ]; do
		last=$(screen | tail -1)
		case "$last" in
		*"Note for"*) type_text "说明" && keys Enter && break ;;
		*"(y/n)"*) keys y && break ;;
		*"#1 "*" → "*) [ "$last" != "$before" ] && break ;;
		esac
		sleep 0.05
		i=$((i + 1))
	done
	local level n
	n=$(depth "$pane")
	for ((level = n; level >= 0; level--)); do
		if LIMIT=10 wait_until eval 'state_rows | grep -q "$to 1" && ! state_rows | grep -qw "$from"'; then
			pass "$name: level $level shows $to, nowhere $from"
		else
			fail "$name: level $level shows $to, nowhere $from" "$(screen)"
		fi
		[ "$level" -gt 0 ] && keys q
	done
	expect_ok "$name: the store agrees" nd show 1
	contains "$name: …$to" "$out" "$to"
}

# chain FROM PANE KEY:TO...: one desk on FROM's template, each key a cell
# whose FROM is the state the last one left: a desk session per chain, not
# per cell (a desk start is most of a cell's time), and each cell starts
# from a state the desk itself moved to and refreshed, not from a fresh load
chain() {
	local from=$1 pane=$2 step
	shift 2
	fresh_cell "$from"
	start_desk 120 36 -- --as chen
	for step in "$@"; do
		cell "${step%%:*}" "$from" "${step#*:}" "$pane"
		from=${step#*:}
	done
}

panes="list item review rundown rd-item rd-review flat"
for p in $panes; do
	chain submitted "$p" D:edited a:approved O:edited
	chain submitted "$p" S:spiked U:submitted R:returned
done
# P publishes the item, where P is not the issue's publishing (the rundown's)
for p in list item review rd-item rd-review; do
	chain approved "$p" P:published
done

# The review opened from the rundown has its full header: state and headline.
fresh_cell submitted
start_desk 120 36 -- --as chen
open_pane rd-review
shows "a review from the rundown has the full header" "review #1 submitted · 大丰区总工会"

finish
