#!/usr/bin/env bash
# hostile.sh — hostile text through every output: escape sequences, C1
# controls and bidi overrides never reach a terminal raw; odd input is
# refused or stored losslessly, never a crash, always a clear message.
. "$(dirname "$0")/lib.sh"
setup_desk

# Every field of a filed story holds ESC, a C1 CSI and a bidi override.
bad=$'\033[2J\033]0;pwned\007\xc2\x9b31m\xe2\x80\xae'
{
	printf '标题: 标题%s结束\n引题: 引题%s\n副题: 副题%s\n栏目: 栏目%s\n电头: 本刊讯%s\n作者: 作者%s\n\n' \
		"$bad" "$bad" "$bad" "$bad" "$bad" "$bad"
	printf '正文%s第一段。\n' "$bad"
	# the rest of a real story around it
	for i in 1 2 3 4 5 6; do cat "$SRCDIR/tests/data/articles/a05.txt" | tail -n +3; done
} >"$TMP/hostile.txt"
expect_ok "a story full of control sequences is filed" nd --as zhu file "$TMP/hostile.txt"
# And the same written straight into the store, by something not newsdesk
# (but hashed as newsdesk does, as the history_hashes migration documents,
# and counted in its day's summary as the stat_days migration documents,
# so check has no reason to complain: this also proves the chain's
# definition).
python3 - "$NEWSDESK_DB" <<'PY'
import hashlib, os, sys, time
sys.path.insert(0, os.environ["SRCDIR"] + "/tests/tools")
import ndsql as sqlite3  # with the index's tokenizer loaded
def nd_chain(*args):
    b = b"nd-chain-1\n"
    for a in args:
        if a is None:
            b += b"N"
        else:
            t = str(a).encode()
            b += b"T%d:" % len(t) + t
    return hashlib.sha256(b).hexdigest()
c = sqlite3.connect(sys.argv[1])
now = int(time.time())
bad = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e\u2066"
c.execute("INSERT INTO items(kind, section, state, reporter, current_rev, filed_at, updated_at) "
          "VALUES ('article', ?, 'submitted', 'zhu', 1, ?, ?)", ("栏" + bad, now, now))
i = c.execute("SELECT max(id) FROM items").fetchone()[0]
rev = (i, 1, None, "article", None, "引" + bad, "直写" + bad, "副" + bad, "电" + bad, "作" + bad,
       "正文" + bad, 1, 1, "zhu", now, 0, None)
rh = nd_chain(None, *rev)
c.execute("INSERT INTO revisions(item_id, rev, base_rev, kind, section, kicker, headline, subhead, "
          "dateline, byline, body, chars, body_chars, author, created_at, conflict, encoding, hash) "
          "VALUES (" + ", ".join("?" * 18) + ")", rev + (rh,))
ev = (i, "zhu", "file", None, "submitted", "注" + bad, 1, now)
c.execute("INSERT INTO events(item_id, actor, verb, from_state, to_state, note, rev, created_at, hash) "
          "VALUES (" + ", ".join("?" * 9) + ")", ev + (nd_chain(None, *ev, rh),))
# the day's summary, kept by newsdesk's filing (stat_days, 023)
c.execute("INSERT INTO stat_days(day, reporter, filed) VALUES (?, 'zhu', 1) "
          "ON CONFLICT(day, reporter) DO UPDATE SET filed = filed + 1", (now // 86400,))
note = (i, 1, "wang", "意见" + bad, now)
c.execute("INSERT INTO notes(item_id, rev, author, body, created_at, hash) VALUES (?, ?, ?, ?, ?, ?)",
          note + (nd_chain(None, *note),))
c.commit()
PY
nd issue add h1 --title "期$bad" --pages 1 >/dev/null
nd assign 1 --issue h1 --page 1 >/dev/null
nd assign 2 --issue h1 --page 1 >/dev/null

raw() { # the output holds no ESC, no C1 control, no bidi control
	LC_ALL=C grep -qP '\x1b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' && return 0 || return 1
}
check_output() {
	local name=$1
	shift
	"$@" >"$TMP/o" 2>&1
	if raw <"$TMP/o"; then fail "$name shows stored text raw" "$(od -c "$TMP/o" | head -5)"; else pass "$name: inert"; fi
}
for id in 1 2; do
	check_output "list" nd list
	check_output "list tsv" nd list --format tsv
	check_output "show #$id" nd show $id
	check_output "log #$id" nd log $id
	check_output "revisions #$id" nd revisions $id
	check_output "diff #$id" nd diff $id
	check_output "proof #$id" nd proof $id
done
check_output "mine" nd --as zhu mine
check_output "rundown" nd rundown h1
check_output "rundown html" nd rundown h1 --format html
check_output "issue list" nd issue list
check_output "search" nd search 结束
check_output "user list" nd user list
expect_ok "show json" nd show 2 --format json
contains "json escapes control characters" "$out" '\u001b[2J'
printf '%s' "$out" | python3 -c 'import json,sys; json.load(sys.stdin)' && pass "…and stays valid JSON" || fail "json"
check_output "show json" nd show 2 --format json
check_output "list json" nd list --format json
contains "json escapes a bidi override as \\uXXXX" "$out" '\u202e'
contains "…and an isolate" "$out" '\u2066'
equals "…and a JSON reader gets the characters back" \
	"$(nd show 2 --format json | python3 -c 'import json,sys; print("\u202e\u2066" in json.load(sys.stdin)["body"])')" True
expect_ok "stored text: ESC never reaches the store by filing" nd show 1 --format json
lacks "…no \\u001b in the filed item" "$out" '\u001b'

# Long lines are stored losslessly.
python3 -c 'print("标题: 一万字的一行\n\n" + "长" * 10000)' >"$TMP/long.txt"
expect_ok "a 10,000-character line is filed" nd --as zhu file "$TMP/long.txt"
id=$(nd list --format tsv | awk -F'\t' '$4=="一万字的一行" {print $1}')
expect_ok "show it" nd show "$id" --format json
equals "…all 10,000 characters are there" "$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["body"]))')" 10000

# Odd bytes: refused with a message, or stored; never a crash.
odd() {
	local name=$1 file=$2 rc=0
	nd --as zhu file "$file" >"$TMP/odd.out" 2>"$TMP/odd.err" || rc=$?
	case $rc in
	0) pass "$name: stored" ;;
	1) if [ -s "$TMP/odd.err" ]; then pass "$name: refused: $(head -c 120 "$TMP/odd.err")"; else fail "$name: refused silently"; fi ;;
	*) fail "$name: exit $rc (a crash?)" "$(cat "$TMP/odd.err")" ;;
	esac
}
printf '标题\n\n正文\xc0\xaf结束\n' >"$TMP/overlong.txt"
odd "overlong UTF-8" "$TMP/overlong.txt"
printf '\xff\xfe\x00\xd8A\x00' >"$TMP/surrogate.txt"
odd "a lone surrogate in UTF-16" "$TMP/surrogate.txt"
contains "…named, at the file's own offset" "$(cat "$TMP/odd.err")" "offset 2 is not valid UTF-16LE"
printf '\001\002\003\004\005\006\007\016\017\020 text' >"$TMP/binary.txt"
odd "control bytes everywhere" "$TMP/binary.txt"
contains "…called binary" "$(cat "$TMP/odd.err")" "looks like a binary file"
printf '标题\n\n正文' | iconv -t GB18030 >"$TMP/cut.txt"
printf '\x95\x32\x82' >>"$TMP/cut.txt"
odd "a GB18030 four-byte sequence cut at the end" "$TMP/cut.txt"
expect_ok "the store is sound after all of it" nd check
finish
