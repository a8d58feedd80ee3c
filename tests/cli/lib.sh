# lib.sh — helpers for the CLI tests: a fresh database per test file, and
# assertions that print what they expected. Sourced, never run.
set -u
: "${NEWSDESK:?the newsdesk binary}" "${SRCDIR:?the source tree}"
TMP=$(mktemp -d /tmp/newsdesk-cli.XXXXXX)
export NEWSDESK_DB="$TMP/desk.db"
export TZ=UTC
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

nd() { "$NEWSDESK" "$@"; }

pass() { passed=$((passed + 1)); echo "ok $((passed + failed)) - $1"; }
fail() {
	failed=$((failed + 1))
	echo "not ok $((passed + failed)) - $1"
	shift
	# every line of a multi-line detail (a screen) as a TAP comment
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/#   /'; done
}

# expect_ok NAME CMD...: the command exits 0; its stdout is in $out.
expect_ok() {
	local name=$1
	shift
	if out=$("$@" 2>"$TMP/err"); then
		pass "$name"
	else
		fail "$name" "exit $?" "stderr: $(cat "$TMP/err")"
	fi
}

# expect_exit CODE NAME CMD...: the command exits CODE; stderr in $err.
expect_exit() {
	local code=$1 name=$2 rc=0
	shift 2
	out=$("$@" 2>"$TMP/err") || rc=$?
	err=$(cat "$TMP/err")
	if [ "$rc" -eq "$code" ]; then
		pass "$name"
	else
		fail "$name" "exit $rc, wanted $code" "stderr: $err"
	fi
}

# contains NAME HAYSTACK NEEDLE
contains() {
	case "$2" in
	*"$3"*) pass "$1" ;;
	*) fail "$1" "wanted: $3" "in: $2" ;;
	esac
}

lacks() {
	case "$2" in
	*"$3"*) fail "$1" "did not want: $3" "in: $2" ;;
	*) pass "$1" ;;
	esac
}

equals() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got:  $2" "want: $3"; fi
}

# ended PID...: every one of them has ended. A zombie has: a daemon's (the
# tmux server's, sshd's) is reaped by init, which some inits (containers')
# do only seconds later, and kill -0 goes on seeing it till then.
ended() {
	local p s
	for p in "$@"; do
		if [ -d /proc/self ]; then
			read -r s 2>/dev/null <"/proc/$p/stat" || continue
			s=${s##*) }
			[ "${s%% *}" = Z ] || return 1
		else
			! kill -0 "$p" 2>/dev/null || return 1
		fi
	done
}

item_count() { nd list --format tsv | wc -l; }

# A database with an admin (the running user) and one user per role.
setup_desk() {
	nd init >/dev/null
	nd user add zhu --role reporter --name 朱建良 >/dev/null
	nd user add li --role reporter --name 李国峰 >/dev/null
	nd user add wang --role editor --name 王娟 >/dev/null
	nd user add chen --role chief --name 陈主编 >/dev/null
}

finish() {
	echo "1..$((passed + failed))"
	[ "$failed" -eq 0 ]
}

# checked OUT: check's output without its note on WAL frames not yet
# checkpointed (information while a desk is open, not a problem).
checked() { printf '%s\n' "$1" | grep -v -e '^wal: .* only in the -wal, not yet in the database file' -e '^root: ' -e '^incremental: '; }

# What each migration since 014 added, so a test can take its store back to
# before one and see it applied again to old rows. A new migration adds its
# undo here; rewind_sql refuses a schema file it has none for.
nd_undo() {
	case $1 in
	014_layout_counts) echo "DROP TABLE revision_counts;
ALTER TABLE sections DROP COLUMN chars_per_line;
ALTER TABLE issue_pages DROP COLUMN chars_per_line;
DELETE FROM meta WHERE key = 'chars_per_line';" ;;
	015_page_originals) echo "DROP TABLE item_pages; DROP TABLE page_originals;" ;;
	016_lock_owner) echo "DROP TABLE notices; ALTER TABLE items DROP COLUMN lock_host;
ALTER TABLE items DROP COLUMN lock_pid; ALTER TABLE items DROP COLUMN lock_pid_start;" ;;
	017_ledger) echo "DROP TRIGGER ledger_revision; DROP TRIGGER ledger_event; DROP TRIGGER ledger_note;
DROP TRIGGER ledger_photo; DROP TRIGGER ledger_original; DROP TRIGGER ledger_page;
DROP TRIGGER issues_root; DROP TABLE ledger; DROP TABLE roots;" ;;
	018_word_counts) echo "ALTER TABLE revision_counts DROP COLUMN chars;
ALTER TABLE revision_counts DROP COLUMN body_chars;" ;;
	019_ssh_accounts) echo "DROP TABLE upload_tokens; DROP TABLE ssh_audit_end; DROP TABLE ssh_audit;
DROP TABLE quotas; ALTER TABLE users DROP COLUMN desk;" ;;
	020_system_notes) echo "ALTER TABLE events DROP COLUMN note_code;
ALTER TABLE notes DROP COLUMN body_code;" ;;
	# it rebuilds the search index itself; the triggers it drops first stay
	# as stand-ins that name no headline index
	021_search_no_positions) echo "DROP TRIGGER search_on_file; DROP TRIGGER search_on_change;
DROP TABLE search_head;
CREATE TRIGGER search_on_file AFTER INSERT ON revisions BEGIN SELECT 1; END;
CREATE TRIGGER search_on_change AFTER UPDATE OF current_rev ON items BEGIN SELECT 1; END;" ;;
	# it makes both indexes again; its undo leaves them as search_no_positions
	# made them (empty: the migration fills them) with stand-in triggers
	022_search_fold) echo "DROP TRIGGER search_on_file; DROP TRIGGER search_on_change;
DROP TABLE search; DROP TABLE search_head;
CREATE VIRTUAL TABLE search USING fts5(kicker, headline, subhead, byline, body,
content = 'revisions', content_rowid = 'id', tokenize = 'nd_bigram', detail = none);
CREATE VIRTUAL TABLE search_head USING fts5(headline,
content = 'revisions', content_rowid = 'id', tokenize = 'nd_bigram', detail = none);
CREATE TRIGGER search_on_file AFTER INSERT ON revisions BEGIN SELECT 1; END;
CREATE TRIGGER search_on_change AFTER UPDATE OF current_rev ON items BEGIN SELECT 1; END;" ;;
	023_stat_days) echo "DROP VIEW stat_days_truth; DROP VIEW stat_items; DROP TABLE stat_days;
DROP INDEX items_by_filed; DROP INDEX items_by_published;" ;;
	# it fills both indexes again with the pairs alone; its undo leaves them
	# empty (no store can hold the terms the tokenizer no longer makes)
	024_search_pairs) echo "INSERT INTO search(search) VALUES ('delete-all');
INSERT INTO search_head(search_head) VALUES ('delete-all');" ;;
	*) return 1 ;;
	esac
}

# rewind_sql WHAT: the SQL that takes a store back to before the migration
# schema/NNN_WHAT.sql — every later one undone too, the newest first — and
# sets user_version so newsdesk applies them all again at its next open.
rewind_sql() {
	local target f undo sql=""
	target=$(cd "$SRCDIR/schema" && ls ./*_"$1".sql | sed 's|^\./||; s|_.*||')
	for f in $(cd "$SRCDIR/schema" && ls [0-9][0-9][0-9]_*.sql | sort -r); do
		[ "$((10#${f%%_*}))" -ge "$((10#$target))" ] || break
		undo=$(nd_undo "${f%.sql}") || {
			echo "rewind_sql: no undo for schema/$f in tests/cli/lib.sh" >&2
			return 1
		}
		sql="$sql$undo"$'\n'
	done
	printf '%sPRAGMA user_version = %d;\n' "$sql" "$((10#$target - 1))"
}
