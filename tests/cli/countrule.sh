#!/usr/bin/env bash
# countrule.sh — the publication's 字数 rule as a setting (count-rule):
# Word's by default; the older rule (each half-width mark 1) only when a
# publication asks for it. Changing it recounts every stored revision in
# the same transaction, so check (which recounts by the rule set) stays
# true; the corpus articles counted by a second implementation of each rule.
. "$(dirname "$0")/lib.sh"
setup_desk
DATA="$SRCDIR/tests/data/counts"
ARTICLES=$(ls "$SRCDIR"/tests/data/articles/*.txt)
for f in $ARTICLES; do nd --as zhu file "$f" >/dev/null; done

# id and 字数 of every item, by id; the same by a rule counted here
figures() { nd list --sort id --format json | python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin), key=lambda i: i["id"]):
    print(i["id"], i["chars"])'; }
by_rule() { # word|marks: every item's 字数 counted from its text, in Python
	for id in $(nd list --sort id --format tsv | cut -f1 | sort -n); do
		nd show "$id" --format json
		echo
	done | python3 -c '
import json, sys, unicodedata
rule = sys.argv[1]
def run_char(c): return c.isascii() and c.isalnum()
def half_mark(c): return "!" <= c <= "~" and not c.isalnum()
def space(c): return c.isspace() or c in "\u3000\u00a0\u200b\ufeff"
def count(s):
    n, state = 0, "none"
    for c in s or "":
        if run_char(c) or (rule == "word" and half_mark(c)):
            if run_char(c) and state != "word": n += 1
            state = "word" if run_char(c) or state == "word" else "marks"
            continue
        state = "none"
        if space(c) or unicodedata.category(c) in ("Cc", "Mn", "Me", "Cf"): continue
        n += 1
    return n
for line in sys.stdin:
    if line.strip():
        it = json.loads(line)
        print(it["id"], sum(count(it.get(f)) for f in
              ("kicker", "headline", "subhead", "dateline", "byline", "body")))' "$1"; }

word=$(figures)
equals "Word's rule by default: the corpus articles as expected.tsv" \
	"$(printf '%s\n' "$word" | cut -d' ' -f2)" "$(awk -F'\t' 'NR > 1 { print $2 }' "$DATA/expected.tsv")"
equals "…and as counted here by Word's rule" "$word" "$(by_rule word)"
expect_ok "settings lists the publication's rule" nd settings
contains "…Word's, by default" "$out" "count-rule word (default)"

expect_exit 3 "a reporter does not change the publication's rule" nd --as zhu settings count-rule marks
expect_exit 3 "nor does an editor" nd --as wang settings count-rule marks
expect_exit 1 "a rule that is not one is refused" nd --as chen settings count-rule bytes
contains "…saying which there are" "$err" "word|marks"
equals "…and nothing was recounted" "$(figures)" "$word"

# one item published, so stats' 字数 (a summary by day) is recounted too
for v in finish approve publish; do nd --as chen "$v" 2 >/dev/null; done
stats_chars() { nd stats --year "$(date +%Y)" | grep '(zhu)' | awk '{print $(NF-2)}' | tr -d ,; }
equals "stats' 字数 is the published item's by Word's rule" "$(stats_chars)" "$(figures | awk '$1 == 2 {print $2}')"
expect_ok "the chief asks for the older rule" nd --as chen settings count-rule marks
contains "…and sees it set" "$out" "count-rule marks"
marks=$(figures)
equals "every stored revision recounted: each half-width mark 1" "$marks" "$(by_rule marks)"
changed=$(paste -d' ' <(printf '%s\n' "$word") <(printf '%s\n' "$marks") | awk '$2 != $4' | wc -l | tr -d ' ')
[ "$changed" -ge 10 ] && pass "…more on the articles with half-width commas ($changed of 25)" ||
	fail "the rule changed $changed figures"
equals "…and by the older rule once it is set" "$(stats_chars)" "$(figures | awk '$1 == 2 {print $2}')"
expect_ok "check, after the change" nd check --full
equals "…ok: the counts are the rule's" "$(checked "$out")" "ok"

expect_ok "a filing under the older rule" sh -c "printf '标题: 新规\n\n职工,职工2,000人。\n' | '$NEWSDESK' --as zhu file"
contains "…counts its marks" "$out" "(12 字)"
expect_ok "check" nd check --full
equals "…ok" "$(checked "$out")" "ok"

# The rule is the store's: check recounts by the rule in the store, so a
# rule changed behind newsdesk's back (no recount) is caught, and repaired.
sqlite3 "$NEWSDESK_DB" "UPDATE meta SET value = 'word' WHERE key = 'count_rule'"
expect_exit 1 "the rule changed behind newsdesk's back (no recount)" nd check --full
contains "…check names the counts that are not the rule's" "$err$out" "are not its text's"
expect_ok "check --repair recounts by the rule set" nd check --full --repair
expect_ok "check" nd check --full
equals "…ok again" "$(checked "$out")" "ok"
equals "…Word's figures again" "$(figures | head -25)" "$word"

expect_ok "the chief sets the older rule again" nd --as chen settings count-rule marks
expect_ok "…and back to the default" nd --as chen settings count-rule default
contains "…Word's" "$out" "count-rule word (default)"
equals "Word's figures for every corpus article again" "$(figures | head -25)" "$word"
equals "…and the new filing's (新规 2, 职工 2, the comma 0, 职工 2, 2,000 one word, 人 and 。)" \
	"$(figures | tail -1 | cut -d' ' -f2)" 9
expect_ok "check" nd check --full
equals "…ok" "$(checked "$out")" "ok"
if [ -d "$(dirname "$NEWSDESK")/po/zh_CN" ]; then
	expect_ok "in Chinese" env LC_ALL= LANG=zh_CN.UTF-8 NEWSDESK_LOCALEDIR="$(dirname "$NEWSDESK")/po" \
		"$NEWSDESK" settings
	contains "…the setting's help is translated" "$out" "本刊的字数"
fi

finish
