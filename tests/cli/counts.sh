#!/usr/bin/env bash
# counts.sh — 字数, 汉字 and 版面字数 through the real binary: on the corpus
# articles against tests/data/counts/expected.tsv (two checked by hand) and
# a second implementation of the rules; 字/行 set for the publication, a
# section and a page; show, list, rundown, stats; the migration that counts
# revisions stored before it.
. "$(dirname "$0")/lib.sh"
setup_desk
DATA="$SRCDIR/tests/data/counts"
ARTICLES=$(ls "$SRCDIR"/tests/data/articles/*.txt)
for f in $ARTICLES; do nd --as zhu file "$f" >/dev/null; done
n=$(printf '%s\n' "$ARTICLES" | wc -l)
# the store as it is after the filings, for the migration test at the end:
# an older store holds no rows of the schemas it goes back before
sqlite3 "$NEWSDESK_DB" ".backup '$TMP/filed.db'" && chmod 660 "$TMP/filed.db"
sqlite3 "$NEWSDESK_DB" ".backup '$TMP/filed-wc.db'" && chmod 660 "$TMP/filed-wc.db"

# id, 字数, 汉字, 版面字数, lines of every item, by id
figures() { nd list --sort id --format json | python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin), key=lambda i: i["id"]):
    print(i["id"], i["chars"], i["hanzi"], i["layout_chars"], i["layout_lines"])'; }
# the same from expected.tsv: $1 $2 the columns of 版面字数 and lines
expected() { awk -F'\t' -v l="$1" -v n="$2" 'NR > 1 { print NR - 1, $2, $3, $l, $n }' "$DATA/expected.tsv"; }

equals "every corpus article at 14 字/行 (the default): 字数 汉字 版面字数 lines as expected.tsv" \
	"$(figures)" "$(expected 4 5)"
for id in $(seq 1 "$n"); do nd show "$id" --format json; echo; done >"$TMP/items.jsonl"
equals "…and as the second implementation counts them (at 14, 20 and 17 字/行)" \
	"$(python3 "$DATA/crosscheck.py" 14 20 17 <"$TMP/items.jsonl" | cut -f2-)" \
	"$(awk -F'\t' 'NR > 1 { print $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 "\t" $8 "\t" $9 }' "$DATA/expected.tsv")"

# c05 was checked by hand (tests/data/counts/README.md)
c05=$(printf '%s\n' "$ARTICLES" | grep -n c05 | cut -d: -f1)
expect_ok "show" nd show "$c05"
contains "…gives 字数" "$out" "Chars: 88 (body 58)"
contains "…汉字" "$out" "Han characters: 84"
contains "…and 版面字数 with its measure and lines" "$out" "Layout count: 112 (14 chars a line × 8 lines)"
expect_ok "list" nd list --width 120
contains "…heads the three columns" "$out" "Chars     Han    Layout"
row=$(printf '%s\n' "$out" | grep 北京密云区总)
contains "…and gives c05's three figures" "$(echo $row)" "88 84 112"
expect_ok "list --format tsv" nd list --format tsv
contains "…ends each row with 汉字, 版面字数 and 字/行" \
	"$(printf '%s\n' "$out" | grep 北京密云区总)" "$(printf '\t84\t112\t14')"

# 字/行: the publication's (chiefs), a section's (editors), a page's
expect_exit 3 "a reporter sets no 字/行" nd --as zhu measure 20
expect_exit 3 "an editor does not set the publication's" nd --as wang measure 20
expect_exit 1 "3 characters a line is refused" nd --as chen measure 3
contains "…saying what is taken" "$err" "4 to 100"
expect_exit 2 "a measure that is not a number is a usage error" nd --as chen measure 2x
expect_exit 2 "--section without N is a usage error" nd --as chen measure --section 要闻
expect_ok "the chief sets 17 字/行" nd --as chen measure 17
equals "every corpus article at 17 字/行" "$(figures)" "$(expected 8 9)"
expect_ok "the chief sets 20 字/行" nd --as chen measure 20
contains "…and sees it" "$out" "publication: 20 chars a line"
equals "every corpus article at 20 字/行" "$(figures)" "$(expected 6 7)"
contains "show counts at the new measure" "$(nd show "$c05")" "Layout count: 100 (20 chars a line × 5 lines)"

printf '栏目: 要闻\n标题: 一二三\n\n一二三四五六七八九\n' | nd --as zhu file >/dev/null
sec=$((n + 1))
layout_of() { nd show "$1" --format json | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["layout_chars"], d["chars_per_line"])'; }
equals "an item of a section with no 字/行 of its own: the publication's" "$(layout_of $sec)" "40 20"
expect_ok "an editor sets a section's" nd --as wang measure 10 --section 要闻
contains "…listed under it" "$out" "要闻: 10 chars a line"
# at 10: headline 1 line; 2 + 9 = 11 characters: 2 lines
equals "…which its items are counted at" "$(layout_of $sec)" "30 10"
expect_ok "0 clears a section's" nd --as wang measure 0 --section 要闻
equals "…and the publication's applies again" "$(layout_of $sec)" "40 20"

expect_ok "issue add" nd issue add 2024-07 --title "《盐城工会》2024年第7期" --pages 2
expect_exit 2 "a page of 101 字/行 is a usage error" nd issue page 2024-07 1 --chars-per-line 101
expect_ok "a page's 字/行 and budget in 版面字数" nd issue page 2024-07 1 --chars-per-line 10 --budget 300
nd assign "$c05" --issue 2024-07 --page 1 >/dev/null
nd assign "$sec" --issue 2024-07 --page 2 >/dev/null
# c05 at 10: headline ⌈32/20⌉ 2 lines, first paragraph ⌈157/20⌉ 8: 100
equals "an item on the page is counted at the page's 字/行" "$(layout_of $c05)" "100 10"
expect_ok "rundown" nd rundown 2024-07 --width 100
contains "…has the three columns" "$out" "Chars    Han   Layout"
contains "…the page's 版面字数 against its budget at its 字/行" "$out" "100 / 300 layout chars at 10 a line, under by 200"
contains "…and the issue's three figures" "$out" "Whole issue: 2 items, 100 chars, 96 Han characters, 140 layout chars"
rundown_json() { nd rundown 2024-07 --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
p = r["pages"][0]
print(p["chars_per_line"], p["layout_chars"], p["budget"], p["items"][0]["hanzi"], r["totals"]["layout_chars"])'; }
equals "rundown JSON: 字/行, 版面字数 and budget of the page, an item's 汉字, the total" \
	"$(rundown_json)" "10 100 300 84 140"
contains "rundown CSV has the columns" "$(nd rundown 2024-07 --format csv)" "chars,hanzi,layout_chars,chars_per_line,state"
contains "rundown HTML has the figures" "$(nd rundown 2024-07 --format html)" '<td class="n">88</td><td class="n">84</td><td class="n">100</td>'
expect_ok "a page with only a 字/行 planned" nd issue page 2024-07 2 --chars-per-line 12
lacks "…has no budget of 0" "$(nd rundown 2024-07)" "over by"

nd unassign "$sec" >/dev/null # the issue goes out whole: only c05 is on it
for v in finish approve publish; do expect_ok "$v c05" nd --as chen "$v" "$c05"; done
expect_ok "stats" nd stats --year "$(date -u +%Y)"
contains "…heads 字数, 汉字, 版面字数" "$out" "Chars        Han     Layout"
contains "…and gives the published item's, at the publication's 字/行 (20)" \
	"$(printf '%s\n' "$out" | grep '(zhu)' | tr -s ' ')" " 1 88 84 100"

# A store from before 字数 left the chain (schema word_counts; those after
# it are applied again too): its revisions
# hold the old rule's counts, the hash covers them; the migration recounts
# every revision by Word's rule into revision_counts and leaves the
# revisions as they were. (A store of filings only: the schemas after it
# are undone too, and a coded system note would not survive that.)
export NEWSDESK_DB=$TMP/filed-wc.db
before=$(figures)
sqlite3 -bail -cmd ".load $ND_BIGRAM" "$NEWSDESK_DB" "
DELETE FROM revision_counts WHERE revision_id = (SELECT min(id) FROM revisions);
$(rewind_sql word_counts)" && pass "a store as it was before schema word_counts" ||
	fail "a store as it was before schema word_counts"
nd list --format tsv >/dev/null 2>"$TMP/migrate.err"
equals "the migration recounts every revision by Word's rule (one had no counts at all)" \
	"$(figures)" "$before"
equals "…quietly for a store this small (progress from 50,000 rows)" "$(cat "$TMP/migrate.err")" ""
equals "…and the revisions' own columns are untouched: new ones hold -1, out of the chain" \
	"$(sqlite3 "$NEWSDESK_DB" "SELECT DISTINCT chars FROM revisions")" "-1"
expect_ok "…and check finds the store sound" nd check
equals "…ok" "$(checked "$out")" "ok"

# check recounts: a stored count that is not its text's is found, and
# --repair counts it again.
sqlite3 "$NEWSDESK_DB" "UPDATE revision_counts SET chars = chars + 1 WHERE revision_id = 1"
expect_exit 1 "check --full finds a 字数 that is not its text's" nd check --full
contains "…naming the item and both figures" "$out$err" "#1: revision 1: its stored counts (字数 1002, 汉字 927) are not its text's (字数 1001, 汉字 927)"
expect_ok "check --repair recounts" nd check --repair
contains "…saying so" "$out" "repaired: the revisions' counts rebuilt (1 problem)"
equals "…and the figures are the text's again" "$(figures)" "$before"

# A store from before the counts: the migration counts every revision.
export NEWSDESK_DB=$TMP/filed.db
before=$(figures)
# Every schema file from layout_counts on came after the counts: the store
# goes back to before all of them (tests/cli/lib.sh, rewind_sql), so all
# are applied again (the ledger's then enters the history already there).
sqlite3 -bail -cmd ".load $ND_BIGRAM" "$NEWSDESK_DB" "$(rewind_sql layout_counts)" && pass "a store as it was before schema layout_counts" || fail "a store as it was before schema layout_counts"
after=$(figures)
equals "the migration counts the revisions stored before it (at 14, the default again)" \
	"$(printf '%s\n' "$after" | head -n "$n")" "$(expected 4 5)"
expect_ok "…and check finds the store sound" nd check
equals "…ok" "$(checked "$out")" "ok"
finish
