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
nd --as wang finish 3 >/dev/null # a save keeps the state; finishing is the verb
nd --as wang edit 3 --from "$TMP/e2.txt" >/dev/null
expect_ok "the untouched store checks out" nd check
equals "…ok" "$(checked "$out")" "ok"
root=$(printf '%s\n' "$out" | sed -n 's/^root: //p')
case "$root" in [0-9]*-????????????????????????????????????????????????????????????????) pass "…and prints the store's root, N-DIGEST" ;;
*) fail "…and prints the store's root, N-DIGEST" "$out" ;; esac
echo "root: $root" >"$TMP/roots"
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

# fails_check NAME WANT...: check --full exits 1 naming each WANT.
fails_check() {
	local name=$1
	shift
	expect_exit 1 "$name: check --full fails" dnd check --full
	for want in "$@"; do contains "$name: …naming it" "$out" "$want"; done
}

# fails_quick NAME WANT...: the incremental check (against the root the
# first check proved) exits 1 naming each WANT.
fails_quick() {
	local name=$1
	shift
	expect_exit 1 "$name: check (since the last proven root) fails" dnd check
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

# What the two indexes hold, out of step with the items: check --full on
# two connections picks the items and rows to ask about with what its pass
# over the revisions kept; on one (a test build's, which keeps nothing)
# the whole queries run. The two reports must be the same, line for line.
CUR="(SELECT r.id FROM revisions r JOIN items i ON i.id = r.item_id AND r.rev = i.current_rev WHERE i.id = %s)"
OLD="(SELECT id FROM revisions WHERE item_id = 3 AND rev = %s)"
# search_compared NAME WANT...: both reports name each WANT, and are the same.
search_compared() {
	local name=$1 two
	shift
	fails_check "$name" "$@"
	two=$out
	NEWSDESK_CHECK_ONE_CONNECTION=1 expect_exit 1 "$name: …and on one connection" dnd check --full
	if [ "$ND_TEST_HOOKS" = 1 ]; then
		equals "$name: …the two reports are the same, line for line" "$two" "$out"
	fi
}
# shellcheck disable=SC2059 # the formats above are ours
damage "the indexes out of step" "DELETE FROM search_docsize WHERE id IN ($(printf "$CUR" 1), $(printf "$CUR" 2));
INSERT INTO search_docsize(id, sz) VALUES ($(printf "$OLD" 1), X''), (999999, X'');
DELETE FROM search_head_docsize WHERE id = $(printf "$CUR" 3);
INSERT INTO search_head_docsize(id, sz) VALUES ($(printf "$OLD" 2), X'');"
search_compared "the indexes out of step" "#1: item the search index has lost" \
	"#2: item the search index has lost" "#3: text the search index holds but should not" \
	"#0: text the search index holds but should not" "#3: item the headline index has lost" \
	"#3: headline the headline index holds but should not"
expect_ok "the indexes out of step: check --repair rebuilds them" dnd check --repair
contains "…and says what it rebuilt" "$out" "repaired: the search index rebuilt"
expect_ok "…after which check --full is clean" dnd check --full
# (the index's trigger would take it out: dropped, and put back after)
ON_CHANGE=$(sq "$TMP/base.db" "SELECT sql FROM sqlite_schema WHERE name = 'search_on_change'")
damage "a withdrawn item left in the indexes" "DROP TRIGGER search_on_change;
UPDATE items SET state = 'spiked' WHERE id = 2; $ON_CHANGE;"
search_compared "a withdrawn item left in the indexes" \
	"#2: text the search index holds but should not" \
	"#2: headline the headline index holds but should not"
damage "one item lost to the search index" "DELETE FROM search_docsize WHERE id = $(printf "$CUR" 3);"
search_compared "one item lost to the search index" "#3: item the search index has lost"

# Where what the index holds cannot be read, the index is damaged: said
# once, its structure (checked apart on two connections) not told after.
damage "the headline index's tables dropped" "DROP TABLE search_head_docsize; DROP TABLE search_head_idx;"
search_compared "the headline index's tables dropped" \
	"search index: damaged (searching fails: preparing a query: no such table: search_head_docsize)"
equals "…said once" "$(printf '%s\n' "$out" | grep -c 'search index: damaged')" 1

damage "wrong counts" "UPDATE state_counts SET n = n + 3 WHERE state = 'submitted'"
fails_check "wrong counts" "the kept count of submitted is 3 but 0 items are submitted"
expect_ok "wrong counts: check --repair rebuilds them" dnd check --repair
contains "…saying so" "$out" "repaired: the per-state counts rebuilt"
expect_ok "…after which check is clean" dnd check

damage "a state set behind newsdesk's back" "UPDATE items SET state = 'published' WHERE id = 2"
fails_check "a state set behind newsdesk's back" "#2: it is published but its log last moved it to approved" \
	"#2: published item with no published revision"

# ---- anchored history: the ledger, the roots ---------------------------------
LEDGER_GUARD="CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: never deleted'); END;"
ROOTS_GUARD="CREATE TRIGGER roots_no_delete BEFORE DELETE ON roots
BEGIN SELECT RAISE(ABORT, 'a recorded root is never deleted'); END;"
ORIG_GUARD="CREATE TRIGGER originals_no_update BEFORE UPDATE ON originals
BEGIN SELECT RAISE(ABORT, 'originals are kept as they arrived: never changed'); END;"
# The last workflow step taken back: the store's newest event deleted, the
# item's head and state pointed back one step, its counts made to agree —
# every chain still holds; only the ledger and the roots remember.
last_ev=$(sq "$TMP/base.db" "SELECT max(id) FROM events")
last_item=$(sq "$TMP/base.db" "SELECT item_id FROM events WHERE id = $last_ev")
ROLLBACK="DROP TRIGGER events_no_delete;
UPDATE state_counts SET n = n - 1 WHERE state = (SELECT state FROM items WHERE id = $last_item);
UPDATE state_counts SET n = n + 1 WHERE state = (SELECT from_state FROM events WHERE id = $last_ev);
UPDATE items SET state = (SELECT from_state FROM events WHERE id = $last_ev),
	event_head = (SELECT hash FROM events WHERE item_id = $last_item AND id < $last_ev ORDER BY id DESC LIMIT 1)
	WHERE id = $last_item;
DELETE FROM events WHERE id = $last_ev; $EV_GUARD"
damage "a rolled-back workflow step" "$ROLLBACK"
fails_quick "a rolled-back workflow step" "#$last_item: its event record #$last_ev, in the ledger at entry" \
	"is missing: deleted after it was written"
fails_check "a rolled-back workflow step" "#$last_item: its event record #$last_ev, in the ledger at entry"
history_stays "a rolled-back workflow step"

damage "a rolled-back step, its ledger entry and proofs deleted too" "$ROLLBACK
DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = (SELECT max(id) FROM ledger); $LEDGER_GUARD"
fails_quick "…its ledger entry deleted too" "the root the last check proved" "history was rolled back"
fails_check "…its ledger entry deleted too" "the root a check proved at" "history was rolled back"
sq "$TMP/d.db" "DROP TRIGGER roots_no_delete; DELETE FROM roots; $ROOTS_GUARD"
expect_ok "…and every recorded root deleted: the store alone looks whole" dnd check --full
expect_exit 1 "…but not against the root the admin kept (check --against ROOT)" dnd check --against "$root"
contains "…naming it" "$out" "the root given with --against ($root) is not in today's history"
expect_exit 1 "…nor against a file of kept roots" dnd check --against "$TMP/roots"
contains "…naming it" "$out" "history was rolled back"
expect_ok "the untouched store proves the kept root" nd check --against "$root"
expect_exit 2 "a word that is not a root is refused" nd check --against 12-nothex
contains "…saying what a root is" "$err" "is not a root"

damage "a ledger entry deleted" "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 5; $LEDGER_GUARD"
fails_check "a ledger entry deleted" "ledger: entry 5 is missing (deleted): the ledger jumps from entry 4 to 6"
damage "a ledger entry rewritten" "DROP TRIGGER ledger_no_update;
UPDATE ledger SET hash = NULL, root = nd_chain((SELECT root FROM ledger WHERE id = 3), kind, row_id, item_id, NULL) WHERE id = 4;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: never changed'); END;"
fails_check "a ledger entry rewritten" "ledger: entry 5 was changed after it was written"

damage "a changed original" "DROP TRIGGER originals_no_update;
UPDATE originals SET compression = 'none', bytes = CAST('伪造的原稿' AS BLOB), size = 15 WHERE item_id = 2;
$ORIG_GUARD"
fails_check "a changed original" "#2: its kept original: changed after it was kept"
damage "an original changed with its digest" "DROP TRIGGER originals_no_update;
UPDATE originals SET compression = 'none', bytes = CAST('伪造的原稿' AS BLOB), size = 15,
	sha256 = lower(hex(sha3('x'))) WHERE item_id = 2; $ORIG_GUARD"
fails_check "an original changed with its digest" \
	"#2: its kept original (the bytes as filed) is not what the ledger recorded"

damage "a revision inserted with its hash from the shell" "DROP TRIGGER ledger_revision;
INSERT INTO revisions(item_id, rev, base_rev, kind, headline, body, chars, body_chars, author,
	created_at, conflict, hash) SELECT 3, 4, 3, 'article', '改写', '正文', 2, 2, 'wang', 0, 0,
	nd_chain((SELECT hash FROM revisions WHERE item_id = 3 AND rev = 3), 3, 4, 3, 'article',
	NULL, NULL, '改写', NULL, NULL, NULL, '正文', 2, 2, 'wang', 0, 0, NULL);"
fails_check "a revision written with the ledger's trigger dropped" \
	"#3: its revision 4 is not in the ledger: it was written behind newsdesk's back"

# Many kinds of damage at once: the full check, which runs its checks on
# two connections at once, reports them as one connection does, check by
# check in the table's order (a test build's NEWSDESK_CHECK_ONE_CONNECTION
# runs them one after the other on one).
damage "many at once" "DROP TRIGGER revisions_no_update; DROP TRIGGER revisions_no_delete;
DROP TRIGGER events_no_delete; DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete;
UPDATE revisions SET body = replace(body, '工会', '公司') WHERE item_id = 3 AND rev = 2;
UPDATE revision_counts SET hanzi = hanzi + 1 WHERE revision_id = (SELECT id FROM revisions WHERE item_id = 1 AND rev = 1);
UPDATE revision_counts SET chars = chars + 2 WHERE revision_id = (SELECT id FROM revisions WHERE item_id = 2 AND rev = 1);
DELETE FROM events WHERE id = (SELECT min(id) FROM events WHERE item_id = 2);
UPDATE ledger SET root = CASE substr(root, 1, 1) WHEN '0' THEN '1' ELSE '0' END || substr(root, 2) WHERE id = 5;
UPDATE state_counts SET n = n + 7 WHERE state = (SELECT state FROM items WHERE id = 1);
PRAGMA ignore_check_constraints = 1;
UPDATE revisions SET conflict = 2 WHERE item_id = 3 AND rev = 1;
$REV_GUARD $EV_GUARD $LEDGER_GUARD
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: never changed'); END;"
expect_exit 1 "many at once: check --full fails" dnd check --full
two=$out
NEWSDESK_CHECK_ONE_CONNECTION=1 expect_exit 1 "…and on one connection" dnd check --full
if [ "$ND_TEST_HOOKS" = 1 ]; then
	equals "…the two reports are the same, line for line" "$two" "$out"
fi
# (on a read-only connection SQLite's integrity_check leaves CHECK out)
contains "…a CHECK constraint broken is found on two connections" "$two" \
	"integrity: CHECK constraint failed in revisions"
order=$(printf '%s\n' "$two" | sed -n 's/^#[0-9]*: \(revision 2 was changed\).*/1 \1/p; s/^#[0-9]*: its log is broken.*/2 events/p; s/^ledger: entry 5 was changed.*/3 ledger/p; s/.*the kept count of .*/4 counts/p; s/^#[0-9]*: revision 1: its stored counts.*/5 revision counts/p' | cut -d' ' -f1 | tr -d '\n')
equals "…in the table's order: revisions, events, ledger, counts, revision counts" "$order" "123455"

# The revisions' counts are recounted in the pass that hashes them (in C,
# not by nd_counts_same): a line profile, a body's 字数 and a NULL kept
# are found as the SQL function finds them (and written so: 汉字 "many"),
# and a count rule newsdesk
# does not know sends each check its own way, as one connection goes.
damage "kept counts wrong three ways" "UPDATE revision_counts SET lines = lines || ' 2' WHERE revision_id = (SELECT id FROM revisions WHERE item_id = 1 AND rev = 1);
UPDATE revision_counts SET body_chars = body_chars - 1 WHERE revision_id = (SELECT id FROM revisions WHERE item_id = 2 AND rev = 1);
UPDATE revision_counts SET hanzi = 'many' WHERE revision_id = (SELECT id FROM revisions WHERE item_id = 3 AND rev = 1);"
sq "$TMP/d.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null # both runs start from one state
fails_check "kept counts wrong three ways" "#1: revision 1: its stored counts" \
	"#2: revision 1: its stored counts" "#3: revision 1: its stored counts (字数 " "汉字 many)"
two=$out
NEWSDESK_CHECK_ONE_CONNECTION=1 expect_exit 1 "…and on one connection" dnd check --full
if [ "$ND_TEST_HOOKS" = 1 ]; then
	equals "…the two reports are the same, line for line" "$two" "$out"
fi
damage "a count rule newsdesk does not know" "INSERT OR REPLACE INTO meta(key, value) VALUES ('count_rule', 'pages')"
sq "$TMP/d.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
dnd check --full >"$TMP/rule-two.out" 2>&1
two_rc=$?
NEWSDESK_CHECK_ONE_CONNECTION=1 dnd check --full >"$TMP/rule-one.out" 2>&1
one_rc=$?
if [ "$ND_TEST_HOOKS" = 1 ]; then
	equals "…check --full ends as on one connection" "$two_rc $(cat "$TMP/rule-two.out")" \
		"$one_rc $(cat "$TMP/rule-one.out")"
fi
[ "$two_rc" -ne 0 ] && pass "…and does not say the store is sound" ||
	fail "…and does not say the store is sound" "$(cat "$TMP/rule-two.out")"

# Backups and published issues record the root of their moment.
expect_ok "a backup" nd backup "$TMP/b1.db"
contains "…prints the root it holds" "$out" "root: "
broot=$(printf '%s\n' "$out" | sed -n 's/.*root: //p')
expect_ok "…which check proves" nd check --against "$broot"

nd issue add 2024-09 --title "第9期" --pages 2 >/dev/null
nd assign 2 --issue 2024-09 --page 1 >/dev/null
expect_ok "an issue published" nd --as chen publish --issue 2024-09
expect_ok "its rundown" nd rundown 2024-09
iroot=$(printf '%s\n' "$out" | sed -n 's/^Root when published: //p')
case "$iroot" in [0-9]*-????????????????????????????????????????????????????????????????) pass "…prints the root it was published with" ;;
*) fail "…prints the root it was published with" "$out" ;; esac
contains "…as its JSON does" "$(nd rundown 2024-09 --format json)" "\"root\":\"$iroot\""
expect_ok "…which check proves" nd check --against "$iroot"
expect_ok "its export" nd export 2024-09 --format txt --output "$TMP/export"
contains "…keeps the root with the copy" "$(cat "$TMP/export/index.txt")" "root	$iroot"
cp "$NEWSDESK_DB" "$TMP/pub.db"
sq "$TMP/pub.db" "DROP TRIGGER ledger_no_delete; DROP TRIGGER events_no_delete;
DELETE FROM ledger WHERE id = (SELECT max(id) FROM ledger) AND kind = 'event';
DELETE FROM events WHERE id = (SELECT max(id) FROM events); $LEDGER_GUARD $EV_GUARD"
expect_exit 1 "the publishing's last event and its entry deleted: the issue's root names it" \
	nd --db "$TMP/pub.db" check --full
contains "…naming the issue" "$out" "the root issue 2024-09 was published with at"

# --repair is for admins; check itself for editors.
expect_exit 3 "an editor may not repair" nd --as wang check --repair
expect_ok "an editor may check" nd --as wang check
finish
