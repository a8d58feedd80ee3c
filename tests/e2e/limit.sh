#!/usr/bin/env bash
# limit.sh — l narrows the desk's list to the items the search finds for
# some words (mutt's limit), combined with the filter, shown in the title
# line, cleared by an empty answer; / shows its first hit before the total.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_demo

total() { nd search "$@" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
ids() { nd search "$@" --format json --limit 100 | python3 -c 'import json,sys; print(" ".join(sorted(str(h["id"]) for h in json.load(sys.stdin)["hits"])))'; }
# The ids in the list pane, sorted (the rows under the header).
listed() { screen | sed -n '3,17p' | awk '$1 ~ /^[0-9]+$/ {print $1}' | sort | tr '\n' ' ' | sed 's/ $//'; }

all=$(total 劳模)
returned=$(total 劳模 --state returned)
[ "$all" -gt 1 ] && [ "$all" -lt 15 ] && [ "$returned" -ge 1 ] && [ "$returned" -lt "$all" ] &&
	pass "the demo has $all items with 劳模, $returned of them returned" ||
	fail "the demo's items" "劳模: $all, returned: $returned"

start_desk 120 40
shows "the desk is up" "submitted 22"
keys l
shows "l asks for words" "Limit to items with"
type_text "劳模"
keys Enter
shows "the title line shows the limit and its count" "[limit 劳模: $all]"
shows "…and the message line" "limit 劳模: $all items"
equals "the list holds exactly the items the search finds" "$(listed)" "$(ids 劳模)"
hides "an item without the word is not listed" "104个专业供职工自主选择"

# With the filter: both hold.
keys f
shows "f asks for a filter" "Filter"
type_text "state:returned"
keys Enter
shows "the filter shows beside the limit" "[filter returned]"
shows "…and the count is of both" "[limit 劳模: $returned]"
equals "only the returned items with the word" "$(listed)" "$(ids 劳模 --state returned)"

# G and a reload under both: still the same rows.
keys G
shows "G under the limit stays in it" "── #"
equals "…the same rows" "$(listed)" "$(ids 劳模 --state returned)"

# An empty answer clears the limit; the filter stays.
keys l C-u Enter
hides "an empty answer clears the limit" "[limit"
shows "…the filter stays" "[filter returned]"
keys f C-u Enter
hides "the filter cleared too" "[filter"
shows "…and every item is back" "submitted 22"
keys g
shows "…listed again" "104个专业供职工自主选择"

# A limit of words that find nothing: an empty list, said so.
keys l
type_text "不存在的词"
keys Enter
shows "a limit that finds nothing lists nothing" "(no items here)"
shows "…and counts 0" "[limit 不存在的词: 0]"
keys l C-u Enter
hides "cleared again" "[limit"

# / shows the first hit at once and the total after it (counted when no
# key waits): the message history holds both, in that order. A first page
# that is not full is the whole answer, so more hits than a page (50).
for i in $(seq 1 40); do printf '标题: 稿件 %s\n\n基层工会的第 %s 篇。\n' "$i" "$i" | nd --as zhujl file >/dev/null; done
n=$(total 工会)
[ "$n" -gt 50 ] && pass "$n items hold 工会" || fail "more than a page of hits" "$n"
keys /
shows "/ asks" "Search:"
type_text "工会"
keys Enter
shows "the search ends with the exact total" "工会: match 1 of $n"
keys M
shows "the message history" "工会: match 1 (counting…)"
history=$(screen)
first=$(printf '%s\n' "$history" | grep -n "工会: match 1 (counting…)" | head -1 | cut -d: -f1)
then=$(printf '%s\n' "$history" | grep -n "工会: match 1 of $n" | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$then" ] && [ "$first" -lt "$then" ] &&
	pass "…the hit was shown before its total" || fail "hit, then total" "$history"

# The total is counted on a thread and a connection of its own: no key
# waits for it (FTS5's merge for a word of one character cannot give way,
# and took 1.25 s at a million items). A test build's hook holds the count
# until a file exists: meanwhile the desk moves, searches again and counts.
if [ "$ND_TEST_HOOKS" = 1 ]; then
	GATE=$TMP/count-gate
	start_desk 120 40 NEWSDESK_TEST_COUNT_GATE="$GATE"
	shows "a desk whose counts wait for a gate" "submitted"
	keys /
	shows "/ asks" "Search:"
	type_text "会"
	keys Enter
	shows "a word of one character: its first hit at once" "会: match 1 (counting…)"
	keys n
	shows "…n goes to the next hit while it counts" "会: match 2 (counting…)"
	keys /
	shows "a search while the other still counts" "Search:"
	type_text "工会"
	keys Enter
	shows "…its first hit, counting" "工会: match 1 (counting…)"
	touch "$GATE"
	shows "the gate opened: the last search's exact total" "工会: match 1 of $n"
	keys n
	shows "…which n counts within" "工会: match 2 of $n"

	# l with a word of one character: its windows are read from the items'
	# text near them, its total is counted beside the desk, and G, PgDn and
	# PgUp move by what is known meanwhile (the end read from the end).
	order=$(python3 - "$NEWSDESK_DB" <<-'PY'
		import sqlite3, sys
		c = sqlite3.connect(sys.argv[1])
		print(" ".join(str(r[0]) for r in c.execute(
		    "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
		    "JOIN states s ON s.name = i.state WHERE NOT s.withdrawn AND instr(coalesce(r.headline, '') "
		    "|| ' ' || coalesce(r.kicker, '') || ' ' || coalesce(r.subhead, '') || ' ' || "
		    "coalesce(r.dateline, '') || ' ' || coalesce(r.byline, '') || ' ' || r.body, '会') "
		    "ORDER BY r.id DESC")))
	PY
	)
	many=$(echo "$order" | wc -w)
	[ "$many" -gt 40 ] && pass "$many items hold 会" || fail "more than two screens of 会" "$many"
	# The ids the list shows, top to bottom, are a run of the scan's order.
	rows() { screen | sed -n '3,17p' | awk '$1 ~ /^[0-9]+$/ {print $1}' | tr '\n' ' ' | sed 's/ $//'; }
	in_order() { local r; r=$(rows); [ -n "$r" ] && case " $order " in *" $r "*) true ;; *) false ;; esac; }
	GATE2=$TMP/count-gate-2
	start_desk 120 40 NEWSDESK_TEST_COUNT_GATE="$GATE2"
	shows "a desk whose counts wait for a gate" "submitted"
	keys l
	shows "l asks" "Limit to items with"
	type_text "会"
	keys Enter
	shows "l 会: the title says its total is being counted" "[limit 会: counting…]"
	LIMIT=10 wait_until in_order && pass "…its first window is the newest items with 会, in order" ||
		fail "the first window" "$(rows)" "$order"
	first=$(rows | cut -d' ' -f1)
	keys G
	last=${order##* }
	LIMIT=10 wait_until eval '[ "$(rows | awk "{print \$NF}")" = "$last" ]' &&
		pass "G before the count: the list's last item at the bottom" || fail "G" "$(screen)" "want $last last"
	in_order && pass "…the window above it in order" || fail "G's window" "$(rows)"
	shows "…still counting" "[limit 会: counting…]"
	keys PPage PPage
	LIMIT=10 wait_until eval '[ "$(rows | awk "{print \$NF}")" != "$last" ]' && in_order &&
		pass "PgUp from the end, before the count: earlier items, in order" || fail "PgUp" "$(rows)"
	keys g
	LIMIT=10 wait_until eval '[ "$(rows | cut -d" " -f1)" = "$first" ]' && pass "g: the first window again" ||
		fail "g" "$(rows)"
	keys NPage NPage
	LIMIT=10 wait_until eval '[ "$(rows | cut -d" " -f1)" != "$first" ]' && in_order &&
		pass "PgDn before the count: later items, in order" || fail "PgDn" "$(rows)"
	shows "…still counting" "[limit 会: counting…]"
	touch "$GATE2"
	shows "the gate opened: the limit's total in the title" "[limit 会: $many]"
	shows "…and on the message line" "limit 会: $many items"
	keys G
	LIMIT=10 wait_until eval '[ "$(rows | awk "{print \$NF}")" = "$last" ]' && in_order &&
		pass "G after the count: the same end" || fail "G after" "$(rows)"
fi

finish
