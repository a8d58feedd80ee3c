#!/usr/bin/env bash
# hooks.sh — test hooks live only in a test build (-Dtest_hooks=true): with
# them, NEWSDESK_CRASH_AFTER kills the process at its Nth statement and the
# desk takes --bench-keys/--bench-list (hidden from help); without them (the
# shipped binary, scripts/demo) the variable does nothing, the options are
# unknown and neither name is in the binary at all. The SSH shell drops
# every NEWSDESK_* variable but those the man page lists for it.
. "$(dirname "$0")/lib.sh"
: "${ND_TEST_HOOKS:?meson says whether this build has the test hooks}"
setup_desk
printf '标题：钩子\n\n本刊讯 正文。\n' >"$TMP/story.txt"
lacks "desk --help never shows the benchmarks" "$(nd desk --help)" "bench"
if [ "$ND_TEST_HOOKS" = 1 ]; then
	rc=0
	NEWSDESK_CRASH_AFTER=1 nd --as zhu file "$TMP/story.txt" >/dev/null 2>&1 || rc=$?
	equals "test build: NEWSDESK_CRASH_AFTER=1 kills the filing (SIGKILL)" "$rc" 137
	expect_exit 2 "test build: --bench-keys is read (and checked)" nd desk --bench-keys x
	contains "…by its row's message" "$err" "--bench-keys needs an item ID"
	grep -q NEWSDESK_CRASH_AFTER "$NEWSDESK" && pass "test build: the hook is in the binary" ||
		fail "test build: the hook is in the binary"
	# the forced command drops the NEWSDESK_* the man page does not list for it
	rc=0
	out=$(NEWSDESK_CRASH_AFTER=1 SSH_ORIGINAL_COMMAND=mine nd ssh-shell zhu 2>&1) || rc=$?
	equals "test build: over SSH even the hook's variable is dropped (mine runs)" "$rc" 0
else
	expect_ok "shipped build: NEWSDESK_CRASH_AFTER=1 is ignored; the filing is done" \
		env NEWSDESK_CRASH_AFTER=1 "$NEWSDESK" --as zhu file "$TMP/story.txt"
	contains "…and says so" "$out" "filed #1"
	expect_exit 2 "shipped build: --bench-keys is an unknown option" nd desk --bench-keys 1
	contains "…named as one" "$err" "unknown option '--bench-keys'"
	expect_exit 2 "shipped build: --bench-list is an unknown option" nd desk --bench-list 工会
	if grep -q -e NEWSDESK_CRASH_AFTER -e 'bench-keys' -e 'bench-list' "$NEWSDESK"; then
		fail "shipped build: no hook's name is in the binary"
	else
		pass "shipped build: no hook's name is in the binary"
	fi
fi
finish
