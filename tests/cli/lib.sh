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
