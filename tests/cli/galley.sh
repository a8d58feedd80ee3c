#!/usr/bin/env bash
# galley.sh — galley proofs (校样) read back as a 校对 reads them: every
# character of the item in order, as many numbered lines as 版面字数
# counts, no line opening with a mark clreq forbids there; an issue page by
# page; never PDF to a terminal; over SSH for editors, to standard output.
. "$(dirname "$0")/lib.sh"
setup_desk
ART="$SRCDIR/tests/data/articles"
read_back() { python3 "$SRCDIR/tests/tools/galley_read.py" "$@"; }
# The story's characters in reading order (titles, byline, dateline, body)
# without white space: what the proof's lines must hold.
story_text() {
	nd show "$1" --format json | python3 -c '
import json, re, sys
d = json.load(sys.stdin)
parts = [d.get(k) or "" for k in ("kicker", "headline", "subhead", "byline", "dateline", "body")]
print(re.sub(r"\s+", "", "".join(parts)))'
}
field() { nd show "$1" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"; }

ids=()
for f in "$ART"/*.txt; do
	out=$(nd --as zhu file "$f") && ids+=("$(printf '%s' "$out" | sed -n 's/^filed #\([0-9]*\).*/\1/p')")
done
equals "the corpus articles are filed" "${#ids[@]}" "$(ls "$ART"/*.txt | wc -l)"

# Every article at three measures: lines, text, 禁则. One proof of all the
# articles per measure (galley ID...: each item a run of lines numbered
# from 1), read back and held item by item against its counted lines and
# characters: the checks of a proof per item and measure, in 3 proofs.
bad=0 checked=0
for cpl in 14 17 20; do
	nd measure "$cpl" >/dev/null
	if ! nd galley "${ids[@]}" >"$TMP/g.pdf" 2>"$TMP/err"; then
		bad=$((bad + ${#ids[@]}))
		echo "# the proof at $cpl 字/行: $(cat "$TMP/err")"
		continue
	fi
	read_back "$TMP/g.pdf" "$cpl" >"$TMP/got.json"
	# one line per item: "ID<tab>what is wrong" (empty when nothing is)
	python3 - "$NEWSDESK" "$TMP/got.json" "${ids[@]}" >"$TMP/verdicts" <<'PY'
import json, re, subprocess, sys
nd, got, ids = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3:]
items = got["items"]
for n, i in enumerate(ids):
    d = json.loads(subprocess.run([nd, "show", i, "--format", "json"], check=True,
                                  capture_output=True, text=True).stdout)
    want = re.sub(r"\s+", "", "".join(d.get(k) or "" for k in
                                      ("kicker", "headline", "subhead", "byline", "dateline", "body")))
    problems = []
    if n >= len(items):
        problems.append("no numbered run (%d runs for %d items)" % (len(items), len(ids)))
    else:
        if items[n]["lines"] != d["layout_lines"]:
            problems.append("%d lines, counted %s" % (items[n]["lines"], d["layout_lines"]))
        a = items[n]["text"]
        if a != want:
            k = next((j for j in range(min(len(a), len(want))) if a[j] != want[j]), min(len(a), len(want)))
            problems.append("text differs at %d: %r / %r" % (k, a[k:k+12], want[k:k+12]))
    print(i + "\t" + "; ".join(problems))
if len(items) > len(ids):
    print("-\t%d numbered runs for %d items" % (len(items), len(ids)))
if got["bad_starts"]:
    print("-\tlines open with a closing mark: %s" % got["bad_starts"][:3])
PY
	while IFS=$'\t' read -r id verdict; do
		[ "$id" = - ] || checked=$((checked + 1))
		[ -z "$verdict" ] || { bad=$((bad + 1)); echo "# #$id at $cpl 字/行: $verdict"; }
	done <"$TMP/verdicts"
done
equals "every article at 14, 17, 20 字/行: its characters in order, its counted lines, no line opening with a closing mark ($checked proofs)" "$bad" 0
nd measure 14 >/dev/null

# The picture a person looks at, kept with the test's log.
if command -v pdftoppm >/dev/null; then
	nd galley "${ids[0]}" >"$TMP/one.pdf"
	mkdir -p "${MESON_BUILD_ROOT:-$TMP}/meson-logs"
	pdftoppm -r 60 -f 1 -l 1 -png "$TMP/one.pdf" "${MESON_BUILD_ROOT:-$TMP}/meson-logs/galley-page" &&
		pass "the first page drawn as a picture (meson-logs/galley-page-1.png)" ||
		fail "pdftoppm could not draw the proof"
fi

# The header: id, revision, state, counts (in the reader's language).
LC_ALL=zh_CN.UTF-8 nd galley "${ids[0]}" >"$TMP/one.pdf"
pdftotext "$TMP/one.pdf" "$TMP/one.txt"
contains "the header names the item and its revision" "$(cat "$TMP/one.txt")" "#${ids[0]} · 第 1 稿"
contains "…its state" "$(cat "$TMP/one.txt")" "待编"
contains "…its 版面字数 and lines × 字/行" "$(cat "$TMP/one.txt")" "$(field "${ids[0]}" layout_lines) 行 × 14 字"
nd galley "${ids[0]}" | pdftotext - "$TMP/en.txt"
contains "…in English for an English reader" "$(cat "$TMP/en.txt")" "#${ids[0]} · revision 1"
# A proofreading warning stands in the margin beside its line.
printf '标题: 半角标点\n\n今天,我们去了工厂。\n' | nd --as zhu file >/dev/null
warned=$(nd list --format tsv --limit 1 | cut -f1)
nd galley "$warned" >"$TMP/w.pdf"
contains "a proofreading warning is a mark in the margin" "$(pdftotext -layout "$TMP/w.pdf" -)" "half-width"

# An issue, page by page in rundown order.
nd issue add 2024-07 --title "《盐城工会》2024年第7期" --pages 4 >/dev/null
nd issue page 2024-07 1 --section 要闻 --budget 500 >/dev/null
nd assign "${ids[1]}" --issue 2024-07 --page 2 >/dev/null
nd assign "${ids[0]}" --issue 2024-07 --page 1 >/dev/null
nd assign "${ids[2]}" --issue 2024-07 --page 1 >/dev/null
expect_ok "galley --issue --output" env LC_ALL=zh_CN.UTF-8 "$NEWSDESK" galley --issue 2024-07 --output "$TMP/issue.pdf"
txt=$(pdftotext -layout "$TMP/issue.pdf" -)
contains "…heads page 1 with its section and budget" "$txt" "第 1 版 · 要闻 · 预算 500"
contains "…and page 2" "$txt" "第 2 版"
order=$(python3 -c '
import re, sys
t = sys.stdin.read()
seen = []
for i in re.findall(r"#(\d+) · 第", t):  # item heads, and the running heads that repeat them
    if i not in seen:
        seen.append(i)
print(" ".join(seen))' <<<"$txt")
equals "…the items in rundown order" "$order" "${ids[0]} ${ids[2]} ${ids[1]}"
runs=$(read_back "$TMP/issue.pdf" 14 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
equals "…each item numbered from 1" "$runs" 3
expect_exit 1 "an existing output is not replaced" nd galley --issue 2024-07 --output "$TMP/issue.pdf"
expect_ok "…unless --force" nd galley --issue 2024-07 --output "$TMP/issue.pdf" --force
expect_exit 1 "an unknown issue is named" nd galley --issue 2099-01 --output "$TMP/x.pdf"

# Usage and refusals.
expect_exit 2 "IDs and --issue together are a usage error" nd galley 1 --issue 2024-07
expect_exit 2 "no ID and no issue is a usage error" nd galley
expect_exit 2 "not an ID" nd galley 1x
if command -v script >/dev/null; then
	script -qec "\"$NEWSDESK\" galley ${ids[0]}" /dev/null >"$TMP/tty.out" 2>&1
	contains "PDF never goes to a terminal" "$(cat "$TMP/tty.out")" "not a terminal"
fi
expect_exit 1 "a missing item is named" nd galley 99999
# Over SSH: an editor's standard output; --output names a server path.
SSH_ORIGINAL_COMMAND="galley ${ids[0]}" "$NEWSDESK" ssh-shell wang >"$TMP/ssh.pdf" 2>"$TMP/err"
equals "over SSH an editor gets the PDF on standard output" "$(head -c 5 "$TMP/ssh.pdf")" "%PDF-"
expect_exit 2 "over SSH --output is refused" env SSH_ORIGINAL_COMMAND="galley ${ids[0]} --output /tmp/x.pdf" "$NEWSDESK" ssh-shell wang
expect_exit 2 "over SSH a reporter is refused" env SSH_ORIGINAL_COMMAND="galley ${ids[0]}" "$NEWSDESK" ssh-shell zhu
finish
