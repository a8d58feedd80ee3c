#!/usr/bin/env bash
# readme.sh — every command in the README's fenced sh blocks runs, on the
# demo database (scripts/make-demo-db), in order, and exits 0; or it is
# one of the examples named below that need what a test cannot have here
# (an SSH server, a replica, the server's desk account, a terminal).
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
bash "$SRCDIR/scripts/make-demo-db" "$NEWSDESK_DB" "$NEWSDESK" 2>/dev/null &&
	pass "make-demo-db makes the demo" || fail "make-demo-db"
# The files the examples name.
ln -s "$SRCDIR/demo" demo
cp "$SRCDIR/tests/data/articles/a01.txt" story.txt
cp "$SRCDIR/demo/000_4ad8dda8878dd78b.txt" page.txt
ssh-keygen -q -t ed25519 -N '' -C xuq -f "$TMP/xuq" && mv "$TMP/xuq.pub" xuq.pub

# why LINE: the reason an example is not run here, or nothing.
why() {
	case $1 in
	ssh\ *) echo "needs the SSH server (tests/cli/ssh.sh runs the shell)" ;;
	"newsdesk replicate "* | "newsdesk restore --from-replica"*)
		echo "needs a replica (tests/faults/replica.sh)" ;;
	"newsdesk keys --install ~desk/"*) echo "needs the server's desk account" ;;
	"newsdesk import --interactive"* | scripts/demo | "scripts/demo "*)
		echo "opens the desk in a terminal (the e2e tests drive it)" ;;
	scripts/test*) echo "is the whole test suite" ;;
	*" ROOT"*) echo "takes a root an earlier check printed (cli-integrity checks --against)" ;;
	esac
}

blocks=$(awk '/^```sh$/ {on = 1; next} /^```/ {on = 0} on' "$SRCDIR/README.md")
[ -n "$blocks" ] && pass "the README has sh blocks" || fail "no sh blocks in the README"
ran=0
while IFS= read -r line; do
	cmd=$(printf '%s' "$line" | sed 's/[[:space:]]\{2,\}#.*$//; s/[[:space:]]*$//')
	[ -z "$cmd" ] && continue
	reason=$(why "$cmd")
	if [ -n "$reason" ]; then
		echo "ok $((passed + failed + 1)) - $cmd # SKIP $reason"
		passed=$((passed + 1))
		continue
	fi
	db=$NEWSDESK_DB
	# init makes a database: a fresh one beside the demo
	case $cmd in "newsdesk init"*) db=$TMP/fresh.db ;; esac
	if NEWSDESK_DB=$db bash -c "newsdesk() { \"\$NEWSDESK\" \"\$@\"; }; $cmd" \
		>"$TMP/readme.out" 2>"$TMP/readme.err" </dev/null; then
		pass "$cmd"
		ran=$((ran + 1))
	else
		fail "$cmd" "exit $?" "$(cat "$TMP/readme.err")"
	fi
done <<<"$blocks"
[ "$ran" -ge 15 ] && pass "$ran README commands ran" || fail "too few README commands ran: $ran"
[ -s "$TMP/rundown.html" ] && pass "…the rundown was written" || fail "no rundown.html"
[ -s "$TMP/1.jpg" ] && pass "…the photo came out" || fail "no 1.jpg"
finish
