#!/usr/bin/env bash
# filing.sh — file → list → show through the real binary, for every
# encoding, and every refusal leaves the store as it was.
. "$(dirname "$0")/lib.sh"
COLWIDTH=${COLWIDTH:?}
setup_desk

story="$SRCDIR/tests/data/articles/a01.txt"
headline='大丰区总工会“双进”宣讲向纵深挺进'

expect_ok "file UTF-8 as a reporter" nd --as zhu file "$story"
contains "the confirmation names the item and 字数" "$out" "filed #1 $headline ("
contains "…with 字 after the count" "$out" " 字)"

# The same story in every accepted encoding round-trips to the same text.
expect_ok "show the UTF-8 original" nd show 1 --format json
want_body=$(nd show 1 | sed -n '/^$/,$p')
n=1
for enc in UTF-8-BOM GB18030 BIG5 UTF-16LE UTF-16BE; do
	f="$TMP/story.$enc"
	case $enc in
	UTF-8-BOM) { printf '\357\273\277'; cat "$story"; } >"$f" ;;
	UTF-16LE) { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$story"; } >"$f" ;;
	UTF-16BE) { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$story"; } >"$f" ;;
	BIG5) iconv -f UTF-8 -t BIG5 <"$SRCDIR/tests/data/big5-story.txt" >"$f" ;;
	*) iconv -f UTF-8 -t "$enc" "$story" >"$f" ;;
	esac
	n=$((n + 1))
	expect_ok "file $enc from stdin" nd --as zhu file <"$f"
	contains "$enc: filed as #$n" "$out" "filed #$n "
	if [ "$enc" = BIG5 ]; then
		expect_ok "show the Big5 item" nd show "$n"
		contains "Big5 headline comes back in UTF-8" "$out" "大豐區總工會「雙進」宣講向縱深挺進"
	else
		got_body=$(nd show "$n" | sed -n '/^$/,$p')
		equals "$enc: the body is exactly the UTF-8 original's" "$got_body" "$want_body"
		expect_ok "$enc: json names the encoding" nd show "$n" --format json
		contains "$enc: encoding recorded" "$out" '"encoding":"'"${enc%-BOM}"'"'
	fi
done

expect_ok "list as the editor" nd --as wang list --width 100
rows=$(printf '%s\n' "$out" | tail -n +2)
widths=$(printf '%s\n' "$rows" | "$COLWIDTH" | sort -u)
equals "every data row has the same display width" "$(printf '%s\n' "$widths" | wc -l | tr -d ' ')" 1
ok_width=$(printf '%s\n' "$widths" | head -1)
[ "$ok_width" -le 100 ] && pass "rows fit the 100 columns ($ok_width)" || fail "rows fit" "$ok_width"
cols=$(printf '%s\n' "$rows" | "$COLWIDTH" "朱建良" | sort -u)
equals "the byline column starts at the same display column on every row" \
	"$(printf '%s\n' "$cols" | grep -v -- -1 | wc -l | tr -d ' ')" 1
contains "long headlines are cut with …" "$out" "…"

expect_ok "list tsv" nd list --format tsv
equals "six items" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 6
expect_ok "list json" nd list --format json
contains "json holds the headline" "$out" "\"headline\":\"$headline\""
expect_ok "filter by state" nd list --state 待编 --format tsv
equals "all six are 待编" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 6
expect_exit 1 "an unknown state is refused" nd list --state nonsense
contains "…naming it" "$err" "unknown state 'nonsense'"
expect_ok "a reporter lists only their own" nd --as li list --format tsv
equals "li has no items" "$out" ""

# Each refusal: a clear message, non-zero exit, nothing stored.
before=$(item_count)
printf '' >"$TMP/empty.txt"
expect_exit 1 "empty input is refused" nd --as zhu file "$TMP/empty.txt"
contains "…naming the file" "$err" "empty.txt: the input is empty"
printf ' \n\n\t\n' >"$TMP/blank.txt"
expect_exit 1 "all-blank input is refused" nd --as zhu file "$TMP/blank.txt"
contains "…as empty" "$err" "empty"
printf 'abc\000def\n' >"$TMP/nul.txt"
expect_exit 1 "NUL bytes are refused" nd --as zhu file "$TMP/nul.txt"
contains "…with the offset" "$err" "NUL byte at offset 3"
head -c 1048577 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
expect_exit 1 "1 MiB + 1 byte is refused" nd --as zhu file "$TMP/big.txt"
contains "…as too big" "$err" "1 MiB"
printf '标题\n\n\377\376\375 正文\n' >"$TMP/bad.txt"
expect_exit 1 "bytes in no encoding are refused" nd --as zhu file "$TMP/bad.txt"
contains "…with the byte offset" "$err" "offset"
printf '标题: 甲\n记者: 乙\n\n正文\n' >"$TMP/key.txt"
expect_exit 1 "an unknown header key is refused" nd --as zhu file "$TMP/key.txt"
contains "…naming the key" "$err" "unknown header key '记者'"
printf '%0.s长' $(seq 1 201) >"$TMP/long.txt"
printf '\n\n正文\n' >>"$TMP/long.txt"
expect_exit 1 "a 201-character headline is refused" nd --as zhu file "$TMP/long.txt"
contains "…saying how long" "$err" "201 characters"
expect_exit 4 "a missing file is refused" nd --as zhu file "$TMP/no-such-file.txt"
# Encodings never guessed silently (issue 20).
printf 'abc\x80\x80def\n\nbody\n' >"$TMP/c1.txt"
expect_exit 1 "abc\\x80\\x80def is not filed as abcdef" nd --as zhu file "$TMP/c1.txt"
contains "…it is refused naming the byte" "$err" "byte 0x80 at offset 3 is not valid UTF-8"
contains "…and the reading it may be" "$err" "it may be Latin-1 (Windows-1252) (“abc€€def”), which newsdesk does not take"
# Short GBK that is valid UTF-8 too (issue 30): refused with both readings.
printf '医院\n' | iconv -f UTF-8 -t GBK >"$TMP/yiyuan.txt"
expect_exit 1 "医院 in GBK is not filed as Cyrillic (ҽԺ)" nd --as zhu file "$TMP/yiyuan.txt"
contains "…both readings" "$err" "as UTF-8 “ҽԺ”; as GB18030 “医院”"
contains "…and the choice" "$err" "file it again with --encoding utf-8 or --encoding gb18030"
printf 'お問い合わせ\n\n本文です。\n' | iconv -f UTF-8 -t SHIFT_JIS >"$TMP/sjis.txt"
expect_exit 1 "Shift_JIS is refused" nd --as zhu file "$TMP/sjis.txt"
contains "…named" "$err" "this looks like Shift_JIS (“お問い合わせ”); newsdesk takes UTF-8, GB18030"
printf '标题\n\n正文第一段。\n' | iconv -f UTF-8 -t UTF-16LE >"$TMP/u16.txt"
expect_exit 1 "UTF-16 without a BOM is refused, not taken for binary" nd --as zhu file "$TMP/u16.txt"
contains "…named, with the option" "$err" "looks like UTF-16LE without a byte-order mark (“标题”): file it again with --encoding UTF-16LE"
printf '川洋家私\n' | iconv -f UTF-8 -t GB18030 >"$TMP/tie.txt"
expect_exit 1 "a short title both Chinese encodings read is refused" nd --as zhu file "$TMP/tie.txt"
contains "…showing both readings and the choice" "$err" "as GB18030 “川洋家私”; as Big5"
contains "…and the option" "$err" "--encoding gb18030 or --encoding big5"
equals "no refusal stored anything" "$(item_count)" "$before"
expect_ok "--encoding utf-16le files the UTF-16 story" nd --as zhu file --encoding utf-16le "$TMP/u16.txt"
printf '川洋家私\n\n正文。\n' | iconv -f UTF-8 -t GB18030 >"$TMP/tie2.txt"
expect_ok "--encoding gb18030 files it" nd --as zhu file --encoding gb18030 "$TMP/tie2.txt"
contains "…as 川洋家私" "$out" "川洋家私"
printf '都有自己的\n\n正文都有自己的故事。\n' | iconv -f UTF-8 -t BIG5 >"$TMP/big5title.txt"
expect_ok "the Big5 title 都有自己的 is read as Big5" nd --as zhu file "$TMP/big5title.txt"
contains "…not as GB18030" "$out" "都有自己的"
before=$(item_count)

# Several files: the good ones are filed, the exit says one failed.
expect_exit 1 "a batch with one bad file" nd --as zhu file "$story" "$TMP/empty.txt"
contains "…files the good one" "$out" "filed #"
equals "…and only it" "$(item_count)" "$((before + 1))"

# Stored text cannot drive a terminal.
printf '标题\033[2J清屏\n\n正文\n' >"$TMP/esc.txt"
expect_ok "a headline with ESC is filed" nd --as zhu file "$TMP/esc.txt"
lacks "ESC never reaches the output" "$out" $'\033'
expect_ok "list" nd list
lacks "…nor the list" "$out" $'\033'

# Permissions and identities.
expect_exit 1 "--as an unknown user is refused" nd --as nobody-here list
contains "…naming the user" "$err" "--as nobody-here: no such user"
expect_exit 3 "reporters cannot add users" nd --as zhu user add x --role editor
expect_exit 1 "an unknown role is refused" nd user add x --role boss
contains "…naming the roles" "$err" "reporter, editor, chief or admin"
expect_exit 2 "an unknown command is a usage error" nd frobnicate
expect_ok "--help lists the commands" nd --help
contains "…file" "$out" "file"
expect_ok "file --help" nd file --help
contains "…its usage" "$out" "usage: newsdesk"

# Other SQLite files are refused.
printf 'CREATE TABLE t(x);' >/dev/null
python3 -c "import sqlite3; c=sqlite3.connect('$TMP/foreign.db'); c.execute('create table t(x)'); c.commit()"
expect_exit 1 "another program's SQLite file is refused" nd --db "$TMP/foreign.db" list
contains "…clearly" "$err" "not a newsdesk one"

expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
