#!/usr/bin/env bash
# focus.sh — a request or a `:verb` acts on the item of the pane the user
# is looking at, never on the list's selection underneath: the list on #1,
# a `:verb` (one no key carries) typed in an item pane or a review of #2
# moves #2 and leaves #1 alone. And the list and its item pane are two
# panes: Enter gives the keys to the item pane, Tab back, z zooms each.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
for f in a01 a02; do nd --as zhu file "$SRCDIR/tests/data/articles/$f.txt" >/dev/null; done
nd --as wang finish 1 >/dev/null
nd --as wang finish 2 >/dev/null
nd issue add 2024-07 --title "第7期" --pages 2 >/dev/null
nd assign 2 --issue 2024-07 --page 1 >/dev/null
# A newsroom's own stage, as rows: its verbs are at `:` only (no key).
python3 - "$NEWSDESK_DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
INSERT INTO states(name, label_zh, label_en, position, editable)
  VALUES ('reviewed', '已复审', 'reviewed', 3, 1);
INSERT INTO transitions(verb, from_state, to_state, min_role, note_required, own_only, label_zh, label_en)
  VALUES ('second', 'edited', 'reviewed', 'chief', 0, 0, '二审', 'second review'),
         ('recheck', 'reviewed', 'edited', 'chief', 0, 0, '复核', 'check again');
""")
c.commit()
PY
state_of() { nd show "$1" | sed -n 1p | awk '{print $2}'; }

start_desk 110 36 -- --as chen
keys :
type_text 1
keys Enter
shows ":1 selects #1 (its item pane beside the list)" "── #1 edited"

# the item pane of #2, opened alone from the rundown
keys p
shows "p asks for the issue" "Rundown of issue:"
keys Enter
shows "the rundown" "第7期"
keys Enter
shows "Enter opens #2's item pane" "── #2 edited"
keys :
type_text 二审
keys Enter
shows ":二审 in #2's item pane acts on #2" "#2 edited → reviewed"
equals "…the store: #2 reviewed" "$(state_of 2)" reviewed
equals "…and #1, the list's selection, untouched" "$(state_of 1)" edited

# the review of #2, from the rundown
keys q
hides "q back to the rundown" "── #2"
keys r
shows "r opens the review of #2" "review #2"
keys :
type_text recheck
keys Enter
shows ":recheck in #2's review acts on #2" "#2 reviewed → edited"
equals "…the store: #2 edited again" "$(state_of 2)" edited
equals "…and #1 still untouched" "$(state_of 1)" edited
keys q
hides "q leaves the review" "review #2"
keys q
hides "q leaves the rundown" "第7期"
shows "the list, still on #1" "── #1 edited"

# the item pane beside the list is about the list's selection: a `:verb`
# there acts on #1
keys Enter
keys :
type_text 二审
keys Enter
shows ":二审 in the item pane beside the list acts on #1" "#1 edited → reviewed"
equals "…the store: #1 reviewed" "$(state_of 1)" reviewed
equals "…#2 untouched" "$(state_of 2)" edited

# the two panes: z zooms the focused one, Tab moves the keys, q gives
# them back to the list
keys :
type_text 1
keys Enter
shows "on #1 again" "── #1 reviewed"
keys Enter z
hides "z in the item pane: the list is gone" "Headline"
shows "…the item pane has the screen" "── #1 reviewed"
keys z
shows "z again: the list is back" "Headline"
keys Tab z
shows "z in the list: the list alone" "Headline"
hides "…the item pane gone" "── #1"
keys q
shows "q in the zoomed list splits again" "── #1 reviewed"
shows "…the desk still open" "Headline"
finish
