#!/usr/bin/env bash
# integrity.sh — check proves the store's history: a suite of damaged
# copies, each tampered with by raw SQL in the sqlite3 shell, each making
# check fail and name the damage; check --repair rebuilds what is derived
# (the search index, the counts) and never touches history.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP no sqlite3 shell"; exit 0; }
# The search index's tokenizer, as the man page tells an administrator:
# without it any statement that touches the index fails.
sq() { sqlite3 -cmd ".load $ND_BIGRAM" "$@"; }
setup_desk
a=$SRCDIR/tests/data/articles
for f in a01 a02 a03; do nd --as zhu file "$a/$f.txt" >/dev/null; done
# #1: signed off, published, two notes. #2: signed off last. #3: three revisions.
nd --as wang finish 1 >/dev/null
nd --as wang note 1 "标题再短些" >/dev/null
nd --as chen approve 1 >/dev/null
nd --as chen publish 1 >/dev/null
nd --as wang note 1 "已发" >/dev/null
nd --as wang finish 2 >/dev/null
nd --as chen approve 2 >/dev/null
sed 's/工会/工会组织/' "$a/a03.txt" >"$TMP/e1.txt"
sed 's/工会/总工会/' "$a/a03.txt" >"$TMP/e2.txt"
nd --as wang edit 3 --from "$TMP/e1.txt" >/dev/null
nd --as wang edit 3 --from "$TMP/e2.txt" >/dev/null
nd --as wang finish 3 >/dev/null # a save keeps the state; finishing is the verb
expect_ok "the untouched store checks out" nd check
equals "…ok" "$(checked "$out")" "ok"
cp "$NEWSDESK_DB" "$TMP/base.db"

# The guards a tamperer drops and puts back to cover their tracks.
REV_GUARD="CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision is never changed'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision is never deleted'); END;"
EV_GUARD="CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: the workflow log is never deleted'); END;"
NOTE_GUARD="CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;"

# damage NAME SQL: a fresh copy of the store, tampered with by SQL.
damage() {
	cp "$TMP/base.db" "$TMP/d.db"
	rm -f "$TMP/d.db-wal" "$TMP/d.db-shm"
	chmod 660 "$TMP/d.db" # the desk group's mode, as newsdesk makes it
	if sq "$TMP/d.db" "$2" 2>"$TMP/sqlerr"; then
		pass "$1: tampered with by raw SQL"
	else
		fail "$1: tampered with by raw SQL" "$(cat "$TMP/sqlerr")"
	fi
}
dnd() { NEWSDESK_DB="$TMP/d.db" nd "$@"; }
history_rows() { sq "$TMP/d.db" "SELECT (SELECT count(*) FROM revisions) || '/' || (SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM notes)"; }

# fails_check NAME WANT...: check exits 1 naming each WANT.
fails_check() {
	local name=$1
	shift
	expect_exit 1 "$name: check fails" dnd check
	for want in "$@"; do contains "$name: …naming it" "$out" "$want"; done
}

# history_stays NAME: --repair cannot fix it and touches no history row.
history_stays() {
	local before
	before=$(history_rows)
	expect_exit 1 "$1: check --repair cannot fix history" dnd check --repair
	contains "$1: …and says so" "$err" "history is never rewritten"
	equals "$1: …nor does it touch a revision, event or note" "$(history_rows)" "$before"
}

damage "dropped guards" "DROP TRIGGER revisions_no_update; DROP TRIGGER events_no_delete;"
fails_check "dropped guards" "revisions_no_update is missing" "events_no_delete is missing"
history_stays "dropped guards"

damage "a dropped index trigger" "DROP TRIGGER search_on_change; DROP TRIGGER counts_on_move;"
fails_check "a dropped index trigger" "the trigger search_on_change is missing" \
	"the trigger counts_on_move is missing"
expect_ok "a dropped index trigger: check --repair recreates it" dnd check --repair
contains "…saying so" "$out" "repaired: the trigger search_on_change recreated"
expect_ok "…after which check is clean" dnd check
dnd --as wang edit 3 --from "$a/a03.txt" >/dev/null
expect_ok "…and stays clean after an edit (the index follows again)" dnd check

damage "a deleted approve event" "DROP TRIGGER events_no_delete;
DELETE FROM events WHERE item_id = 1 AND verb = 'approve'; $EV_GUARD"
ev=$(sq "$TMP/d.db" "SELECT min(id) FROM events WHERE item_id = 1 AND verb = 'publish'")
fails_check "a deleted approve event" "#1: its log is broken at event #$ev (publish)"
history_stays "a deleted approve event"

damage "the newest event deleted" "DROP TRIGGER events_no_delete;
DELETE FROM events WHERE item_id = 2 AND verb = 'approve'; $EV_GUARD"
fails_check "the newest event deleted" "#2: its newest event is missing" \
	"#2: it is approved but its log last moved it to edited"
history_stays "the newest event deleted"

damage "a deleted note" "DROP TRIGGER notes_no_delete;
DELETE FROM notes WHERE id = (SELECT max(id) FROM notes WHERE item_id = 1); $NOTE_GUARD"
fails_check "a deleted note" "#1: its newest note is missing"
history_stays "a deleted note"

damage "an earlier note deleted" "DROP TRIGGER notes_no_delete;
DELETE FROM notes WHERE id = (SELECT min(id) FROM notes WHERE item_id = 1); $NOTE_GUARD"
fails_check "an earlier note deleted" "#1: its notes are broken at note #"
history_stays "an earlier note deleted"

damage "a rewritten revision" "DROP TRIGGER revisions_no_update; DROP TRIGGER revisions_no_delete;
UPDATE revisions SET body = replace(body, '工会', '公司') WHERE item_id = 3 AND rev = 2; $REV_GUARD"
fails_check "a rewritten revision" "#3: revision 2 was changed after it was written"
history_stays "a rewritten revision"

damage "the newest revision deleted" "DROP TRIGGER revisions_no_update; DROP TRIGGER revisions_no_delete;
DELETE FROM revisions WHERE item_id = 3 AND rev = 3; UPDATE items SET current_rev = 2 WHERE id = 3;
$REV_GUARD"
fails_check "the newest revision deleted" "#3: its newest revision is missing" \
	"names revision 3, which is missing"
history_stays "the newest revision deleted"

damage "a middle revision deleted" "DROP TRIGGER revisions_no_update; DROP TRIGGER revisions_no_delete;
DELETE FROM revisions WHERE item_id = 3 AND rev = 2; $REV_GUARD"
fails_check "a middle revision deleted" "#3: revision 2 is missing (deleted)"
history_stays "a middle revision deleted"

damage "the search index wiped" "DELETE FROM search_data; DELETE FROM search_idx; DELETE FROM search_docsize;"
expect_exit 4 "with the index wiped, search fails" dnd search 工会组织
fails_check "the search index wiped" "search index"
expect_ok "the search index wiped: check --repair rebuilds it" dnd check --repair
contains "…and says what it rebuilt" "$out" "repaired: the search index rebuilt"
expect_ok "…after which check is clean" dnd check
equals "…ok" "$(checked "$out")" "ok"
expect_ok "…and search finds again" dnd search 总工会
contains "…the item" "$out" "#3"

damage "wrong counts" "UPDATE state_counts SET n = n + 3 WHERE state = 'submitted'"
fails_check "wrong counts" "the kept count of submitted is 3 but 0 items are submitted"
expect_ok "wrong counts: check --repair rebuilds them" dnd check --repair
contains "…saying so" "$out" "repaired: the per-state counts rebuilt"
expect_ok "…after which check is clean" dnd check

damage "a state set behind newsdesk's back" "UPDATE items SET state = 'published' WHERE id = 2"
fails_check "a state set behind newsdesk's back" "#2: it is published but its log last moved it to approved" \
	"#2: published item with no published revision"

# --repair is for admins; check itself for editors.
expect_exit 3 "an editor may not repair" nd --as wang check --repair
expect_ok "an editor may check" nd --as wang check
finish
