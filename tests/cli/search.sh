#!/usr/bin/env bash
# search.sh — full-text search through the real binary.
. "$(dirname "$0")/lib.sh"
setup_desk
for f in a01 a02 a03 b01 c01; do nd --as zhu file "$SRCDIR/tests/data/articles/$f.txt" >/dev/null; done
printf '标题: 新的App上线\n\n2024年职工服务App正式上线。\n' | nd --as li file >/dev/null

ids() { nd search --format json "$@" | python3 -c 'import json,sys; print(" ".join(str(h["id"]) for h in json.load(sys.stdin)["hits"]))'; }

equals "one character: 蹲" "$(ids 蹲)" "5"
equals "two characters: 蹲点" "$(ids 蹲点)" "5"
equals "three characters: 蹲点组" "$(ids 蹲点组)" "5"
equals "many characters: 劳模工匠助企行" "$(ids 劳模工匠助企行)" "3 2"
equals "words are ANDed: 蹲点 海宁 finds none" "$(ids 蹲点 海宁)" ""
equals "words are ANDed: 海宁 品牌" "$(ids 海宁 品牌)" "4"
equals "a quoted phrase is matched as is" "$(ids '"纵深挺进"')" "1"
equals "Latin: App" "$(ids App)" "6"
equals "Latin, any case: app" "$(ids app)" "6"
equals "mixed: 2024年" "$(ids 2024年)" "6 1"
for q in '"' '*' 'NEAR' '-' 'AND OR NOT' '工会" OR "x' '(工会' 'x*'; do
	expect_ok "FTS5 syntax in the query is only text: $q" nd search -- "$q"
done
equals "NEAR( is looked for literally" "$(ids 'NEAR(')" ""

# Ranking: headline hits before body hits, then newest.
out=$(ids 劳模)
first=$(printf '%s' "$out" | cut -d' ' -f1)
case " 2 3 " in *" $first "*) pass "a headline hit ranks first ($out)" ;; *) fail "ranking" "$out" ;; esac
expect_ok "table output" nd search 蹲点组
contains "…with the hit marked in a snippet" "$out" "«蹲点组»"

# Edited: found by the new text, not the old.
sed 's/蹲点/驻点/g' "$SRCDIR/tests/data/articles/c01.txt" >"$TMP/c01.txt"
nd --as wang edit 5 --from "$TMP/c01.txt" >/dev/null
nd --as wang finish 5 >/dev/null # a save keeps the state; finishing is the verb
equals "the new text is found" "$(ids 驻点组)" "5"
equals "the old text is not" "$(ids 蹲点组)" ""
equals "…nor with two characters" "$(ids 蹲点)" ""

# Spiked: found only with --state spiked.
nd --as wang spike 4 --note "重复" >/dev/null
equals "a spiked item is not found" "$(ids 海宁)" ""
equals "…unless asked for" "$(ids --state spiked 海宁)" "4"
equals "--state filters" "$(ids --state 已编 驻点)" "5"
equals "options may follow the words" "$(ids 驻点 --state 已编)" "5"
expect_ok "check: a spiked item is out of the index, and that is right" nd check
nd --as wang restore 4 >/dev/null
equals "a restored item is found again" "$(ids 海宁)" "4"
nd --as wang spike 4 --note "重复" >/dev/null

# The exact total, always, and pages through it.
expect_ok "the total is said" nd search 的
contains "…exactly, with the newest shown" "$(nd search 的 --limit 2)" "5 items match 的; showing the newest 2"
contains "…the second page" "$(nd search 的 --limit 2 --page 2)" "5 items match 的; showing 3–4"
contains "…the same by --offset" "$(nd search 的 --limit 2 --offset 2)" "5 items match 的; showing 3–4"
equals "pages are the one answer cut up" "$(ids 的 --limit 2) $(ids 的 --limit 2 --page 2) $(ids 的 --limit 2 --page 3)" "$(ids 的)"
# The page is printed before its total is counted: the hits, then the
# total line last, the same total on every page, and the pages (across the
# headline hits and the body hits) are the one answer cut up.
table_ids() { nd search "$@" | sed -n 's/^#\([0-9]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//'; }
for q in 的 劳模 2024年; do
	all=$(ids "$q")
	whole=$(nd search "$q" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
	for limit in 1 2 3; do
		got="" p=1 totals=""
		while :; do
			page=$(nd search "$q" --limit $limit --page $p)
			totals="$totals $(printf '%s\n' "$page" | tail -1 | grep -o "^[0-9,]* item" | head -1)"
			pids=$(table_ids "$q" --limit $limit --page $p)
			[ -z "$pids" ] && break
			got="$got $pids"
			p=$((p + 1))
		done
		equals "$q by pages of $limit in the table: the whole answer in order" "${got# }" "$all"
		equals "…every page ends with the one total ($whole)" "$(echo $totals | tr ' ' '\n' | grep -v item | sort -u)" "$whole"
	done
done
contains "the hits come before the total line" "$(nd search 的 --limit 1 | head -1)" "#"
contains "one match is one item" "$(nd search 蹲点组 驻点组)" "no item matches"
contains "…in Chinese" "$(LC_ALL=zh_CN.UTF-8 nd search 的 --limit 2)" "5 篇稿件含有 的；显示最新的 2 篇"
contains "past the end: none left" "$(nd search 的 --page 9)" "none are left"
expect_exit 2 "--page and --offset together are refused" nd search 的 --page 2 --offset 4
expect_exit 2 "--limit 0 is refused" nd search 的 --limit 0
expect_exit 2 "a bad --since is refused" nd search 的 --since 2024-02-30
contains "…naming the form" "$err" "YYYY-MM-DD"

# Filters with the text.
python3 - "$NEWSDESK_DB" <<'PY'
import os, sys
sys.path.insert(0, os.environ["SRCDIR"] + "/tests/tools")
import ndsql as sqlite3  # with the index's tokenizer loaded
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE items SET section = '新闻速递', filed_at = 1700000000 WHERE id = 2")
c.execute("UPDATE items SET filed_at = 1720000000 WHERE id = 3")
c.commit()
PY
equals "--section" "$(ids 劳模 --section 新闻速递)" "2"
equals "--reporter" "$(ids 的 --reporter li)" "6"
equals "--reporter, nobody's" "$(ids 的 --reporter nobody)" ""
equals "--since/--until one day (2024-07-03 holds #3's filing)" "$(ids 劳模 --since 2024-07-03 --until 2024-07-03)" "3"
equals "--until (2023-11-14 holds #2's)" "$(ids 劳模 --until 2023-11-14)" "2"
equals "--since and --until" "$(ids 劳模 --since 2023-11-14 --until 2024-07-03)" "3 2"
equals "--since one day past: neither" "$(ids 劳模 --since 2024-07-04 --until 2024-07-05)" ""

# Reporters search only their own items.
equals "li finds only li's" "$(nd --as li search --format json 工会 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')" "0"

expect_ok "reindex" nd reindex
contains "…counts the items a search may find (not the spiked one)" "$out" "5 items"
equals "after reindex the same answers" "$(ids 驻点组) / $(ids 蹲点组)" "5 / "
expect_exit 1 "an empty query" nd search " "
expect_exit 1 "a query past 1,024 bytes is refused" nd search "$(printf '工%.0s' $(seq 342))"
contains "…saying so" "$err" "too long"

# Folding (issue 30): a Hong Kong correspondent's Big5 filing in traditional
# characters with 「」 is found by a simplified query with “”, and the other
# way; full-width letters and digits by half-width ones; the hit is marked
# where it is, as written.
printf '總工會「雙進」宣講團走進基層\n\n本報香港電 總工會「雙進」宣講團昨日走進基層，為職工講解政策。\n' |
	iconv -t BIG5 | nd --as zhu file >/dev/null
printf '全员ＡＰＰ培训\n\n２０２４年，职工学用ＡＰＰ。她说：“‘双进’让我们受益。”\n' | nd --as zhu file >/dev/null
printf '城市新貌\n\n本刊讯（记者 欧阳小明）城市面貌焕然一新。\n' | nd --as zhu file >/dev/null
equals "simplified finds traditional: 工会“双进” (#7, and #1 as filed)" "$(ids 工会“双进”)" "7 1"
equals "…and 宣讲团 (three characters, re-checked)" "$(ids 宣讲团)" "7 1"
equals "…and 讲 (one character, the index alone)" "$(ids 讲)" "7 1 2"
equals "traditional finds simplified: 職工學用" "$(ids 職工學用)" "8"
equals "‘’ and 「」 fold alike: “双进” finds all three" "$(ids “双进”)" "7 1 8"
equals "half-width finds full-width: app" "$(ids app 2024年)" "8 6"
equals "full-width finds half-width: ＡＰＰ" "$(ids ＡＰＰ)" "8 6"
expect_ok "the snippet" nd search 工会“双进”
contains "…marks the hit as it is written" "$out" "總«工會「雙進」»宣講團"
# Datelines are searched: a reporter named only there is found.
equals "a name only in the dateline" "$(ids 欧阳小明)" "9"
equals "…and the dateline's words" "$(ids 本刊讯 欧阳)" "9"
equals "the total counts it too" "$(nd search 欧阳小明 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" "1"

# check notices a current revision the index has lost; reindex repairs it.
python3 - "$NEWSDESK_DB" <<'PY'
import os, sys
sys.path.insert(0, os.environ["SRCDIR"] + "/tests/tools")
import ndsql as sqlite3  # with the index's tokenizer loaded
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO search(search, rowid, kicker, headline, subhead, dateline, byline, body) "
          "SELECT 'delete', r.id, r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body FROM revisions r "
          "JOIN items i ON i.id = r.item_id AND r.rev = i.current_rev WHERE i.id = 2")
c.commit()
PY
expect_exit 1 "check finds the lost entry" nd check --full
contains "…naming the item" "$out" "#2: item the search index has lost"
nd reindex >/dev/null
expect_ok "after reindex, check is clean" nd check
# …and an entry it should not hold: the spiked item's text, put back.
python3 - "$NEWSDESK_DB" <<'PY'
import os, sys
sys.path.insert(0, os.environ["SRCDIR"] + "/tests/tools")
import ndsql as sqlite3  # with the index's tokenizer loaded
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO search(rowid, kicker, headline, subhead, dateline, byline, body) "
          "SELECT r.id, r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body FROM revisions r "
          "JOIN items i ON i.id = r.item_id AND r.rev = i.current_rev WHERE i.id = 4")
c.commit()
PY
expect_exit 1 "check finds a stale entry" nd check --full
contains "…naming the item" "$out" "#4: text the search index holds but should not"
nd reindex >/dev/null
expect_ok "after reindex, check is clean again" nd check
python3 -c "import sqlite3; c=sqlite3.connect('$NEWSDESK_DB'); c.execute('UPDATE state_counts SET n = n + 5'); c.commit()"
expect_exit 1 "check finds kept counts that disagree with the items" nd check --full
contains "…saying what would lie" "$out" "kept count is wrong"
finish
