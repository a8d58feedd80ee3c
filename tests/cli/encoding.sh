#!/usr/bin/env bash
# encoding.sh — the terminal's charset: under zh_CN.GB18030 the command
# line writes GB18030 (everything, errors too), machine formats and
# originals stay bytes as they are, a charset that cannot carry Chinese gets
# placeholders, and the plain C locale still means UTF-8.
. "$(dirname "$0")/lib.sh"
has_locale() { locale -a 2>/dev/null | grep -qix "$1"; }
if ! has_locale zh_CN.gb18030 || ! has_locale zh_CN.utf8; then
	echo "1..0 # SKIP zh_CN.GB18030 or zh_CN.UTF-8 is not generated (scripts/deps.sh makes them as root)"
	exit 0
fi
gb() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030; }
# how many times the bytes of $2 occur in file $1
count_bytes() { python3 -c 'import sys; print(open(sys.argv[1],"rb").read().count(sys.argv[2].encode(sys.argv[3])))' "$@"; }

setup_desk
printf '标题: 待编稿件的“双进”活动\n\n工会蹲点组走访企业。\n' | nd --as zhu file >/dev/null
printf '标题: Plain English headline\n\nSome text.\n' | nd --as li file >/dev/null

LC_ALL=zh_CN.GB18030 COLUMNS=112 nd list >"$TMP/gb.out" 2>"$TMP/gb.err"
LC_ALL=zh_CN.UTF-8 COLUMNS=112 nd list >"$TMP/utf8.out"
equals "list under GB18030 exits cleanly, nothing on stderr" "$(cat "$TMP/gb.err")" ""
equals "待编 (two states, one headline) is written in GB18030 bytes" \
	"$(count_bytes "$TMP/gb.out" 待编 gb18030)" 3
equals "…and never in UTF-8 bytes" "$(count_bytes "$TMP/gb.out" 待编 utf-8)" 0
equals "the headline with “ ” is written in GB18030" \
	"$(count_bytes "$TMP/gb.out" '待编稿件的“双进”活动' gb18030)" 1
equals "converted back, it is exactly what a UTF-8 terminal gets" \
	"$(iconv -f GB18030 -t UTF-8 <"$TMP/gb.out")" "$(cat "$TMP/utf8.out")"

rc=0
LC_ALL=zh_CN.GB18030 nd show 999 >/dev/null 2>"$TMP/err" || rc=$?
equals "an error under GB18030 still fails" "$rc" 1
equals "…and its message is GB18030 too (no byte of it is invalid there)" \
	"$(iconv -f GB18030 -t UTF-8 <"$TMP/err" >/dev/null && echo valid)" valid
LC_ALL=zh_CN.GB18030 nd file "$TMP/no-such-file" 2>"$TMP/err" || true
zh_libc=$(LC_ALL=zh_CN.UTF-8 nd file "$TMP/no-such-file" 2>&1 | sed 's/.*: //')
equals "the C library's own message (strerror) is converted once, not twice" \
	"$(iconv -f GB18030 -t UTF-8 <"$TMP/err" | sed 's/.*: //')" "$zh_libc"
LC_ALL=zh_CN.GB18030 nd --ambiwidth 二 2>"$TMP/err" || true
equals "a word quoted back in a refusal is converted (二 in GB18030)" \
	"$(count_bytes "$TMP/err" 二 gb18030)" 1

LC_ALL=zh_CN.GB18030 nd list --format json >"$TMP/json"
equals "JSON stays UTF-8 under GB18030 (its RFC), and parses" \
	"$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))))' "$TMP/json")" 2
equals "…with 待编 in UTF-8" "$(count_bytes "$TMP/json" 待编 utf-8)" 3
LC_ALL=zh_CN.GB18030 nd list --format tsv >"$TMP/tsv"
equals "TSV stays UTF-8 too" "$(count_bytes "$TMP/tsv" 待编稿件 utf-8)" 1

# The original of a GB18030 filing leaves as its own bytes, never converted
# (twice, it would be GB18030 of GB18030).
gb "$(printf '标题: 原稿的字节\n\n职工书屋。\n')" >"$TMP/story.gb"
nd --as zhu file --encoding gb18030 "$TMP/story.gb" >/dev/null
id=$(nd list --format tsv | awk -F'\t' '/原稿的字节/ {print $1}')
LC_ALL=zh_CN.GB18030 nd show "$id" --original >"$TMP/orig"
equals "show --original under GB18030 writes the filed bytes exactly" \
	"$(cmp -s "$TMP/orig" "$TMP/story.gb" && echo same)" same

# Words typed on the command line arrive as GB18030 bytes.
LC_ALL=zh_CN.GB18030 nd search --format json "$(gb 蹲点组)" >"$TMP/hits"
equals "a search word typed in GB18030 finds the item" \
	"$(python3 -c 'import json,sys; print(" ".join(h["headline"] for h in json.load(open(sys.argv[1]))["hits"]))' "$TMP/hits")" \
	"待编稿件的“双进”活动"
gbname="$TMP/$(gb 稿件).txt"
printf '标题: 文件名是GB18030\n\n正文。\n' >"$gbname"
if LC_ALL=zh_CN.GB18030 nd --as zhu file "$gbname" >/dev/null 2>"$TMP/err"; then
	pass "a file whose name is GB18030 bytes is opened by those bytes"
else
	fail "GB18030 file name" "$(iconv -f GB18030 -t UTF-8 <"$TMP/err")"
fi
LC_ALL=zh_CN.GB18030 nd note 1 "$(gb 已改好)" >/dev/null
equals "a note typed in GB18030 is stored as UTF-8" \
	"$(LC_ALL=C.UTF-8 nd log 1 | grep -c 已改好)" 1

# A charset that cannot carry Chinese: placeholders as wide as the text,
# so the table's columns stay where they were.
if has_locale en_US.iso88591; then
	LC_ALL=en_US.ISO-8859-1 COLUMNS=112 nd list >"$TMP/latin1.out"
	# 待编稿件的 “ 双进 ” 活动: 5 + 2 Han (two ? each), two quotes (one each)
	contains "under ISO-8859-1 each Chinese character is ?? (two columns), “ and ” ?" \
		"$(cat "$TMP/latin1.out")" " ???????????????????? "
	contains "…and English is untouched" "$(cat "$TMP/latin1.out")" "Plain English headline"
	equals "…the lines are exactly as wide as under UTF-8" \
		"$(LC_ALL=C.UTF-8 "$COLWIDTH" <"$TMP/latin1.out" | LC_ALL=C sort -n | tail -1)" \
		"$(LC_ALL=C.UTF-8 COLUMNS=112 nd list | LC_ALL=C.UTF-8 "$COLWIDTH" | LC_ALL=C sort -n | tail -1)"
	rc=0
	LC_ALL=en_US.ISO-8859-1 nd desk >/dev/null 2>"$TMP/err" || rc=$?
	equals "the desk refuses a terminal whose charset cannot show Chinese" "$rc" 1
	contains "…naming the locale and its charset" "$(cat "$TMP/err")" \
		"en_US.ISO-8859-1 writes ISO-8859-1, which cannot show Chinese"
else
	echo "# en_US.ISO-8859-1 is not generated: the placeholder checks are left out"
fi

LC_ALL=C COLUMNS=112 nd list >"$TMP/c.out"
equals "the plain C locale says nothing of the terminal: UTF-8 as always" \
	"$(count_bytes "$TMP/c.out" 待编稿件 utf-8)" 1
finish
