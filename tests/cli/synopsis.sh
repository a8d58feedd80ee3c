#!/usr/bin/env bash
# synopsis.sh — the command table, newsdesk's help and the man page agree:
# for every command, the options its --help shows are exactly the options
# the man page's .SS lines for it name.
. "$(dirname "$0")/lib.sh"
MAN="$SRCDIR/man/newsdesk.1"
commands=$(nd --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] && pass "newsdesk --help lists the commands" || fail "newsdesk --help lists the commands"
# the long options in some text, sorted, one per line
options() { grep -oE -- '--[a-z0-9][a-z0-9-]*' | sed 's/^--//' | grep -vx -e db -e as | sort -u; }
for c in $commands; do
	help=$(nd help "$c" | grep '^usage:')
	[ -n "$help" ] || { fail "$c: newsdesk help $c prints a usage line"; continue; }
	from_help=$(printf '%s\n' "$help" | options)
	heads=$(grep -E "^\.SS $c( |$)" "$MAN")
	[ -n "$heads" ] || { fail "$c: the man page has a .SS $c synopsis"; continue; }
	from_man=$(printf '%s\n' "$heads" | sed 's/\\-/-/g; s/\\f[BIRP]//g' | options)
	equals "$c: the man page's synopsis names the options --help shows" \
		"$(echo $from_man)" "$(echo $from_help)"
done
# help shows the table: one check of a path option and a flag
contains "rundown --help shows --output and --force" "$(nd rundown --help)" "[--output FILE] [--force]"
contains "file --help shows --bytes and --sha256" "$(nd file --help)" "[--bytes N] [--sha256 HEX]"
finish
