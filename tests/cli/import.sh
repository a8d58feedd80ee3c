#!/usr/bin/env bash
# import.sh — page dumps split into items: the corpus pages against
# hand-checked lists, losslessness, subheads, repairs, displaced tails.
. "$(dirname "$0")/lib.sh"
setup_desk

summary() {
	python3 -c '
import json, sys
for it in json.load(sys.stdin)[0]["items"]:
    print("\t".join([it["kind"], it["section"] or "", it["kicker"] or "", it["headline"][:60],
                     it["byline"] or "", "fragment" if it["fragment"] else ""]))'
}

item_of() { # FILE HEAD-PREFIX FIELD: that field of the first item whose headline starts so
	python3 -c "
import json, sys
for it in json.load(open('$1'))[0]['items']:
    if it['headline'].startswith('$2'):
        print(it['$3'] if it['$3'] is not None else '-'); break
else: print('(no item)')"
}

# Every character of the page (but white space) ends up in exactly one item.
lossless() {
	python3 - "$1" "$2" <<'PY'
import collections, json, sys
page = open(sys.argv[1], encoding="utf-8").read()
items = json.load(open(sys.argv[2], encoding="utf-8"))[0]["items"]
def chars(s): return collections.Counter(c for c in s if not c.isspace())
want = chars(page)
got = collections.Counter()
for it in items:
    for f in ("markers", "kicker", "headline", "subhead", "dateline", "byline", "source", "body"):
        got += chars(it.get(f) or "")
if got != want:
    print("missing:", "".join((want - got).elements())[:200])
    print("extra:", "".join((got - want).elements())[:200])
    sys.exit(1)
PY
}

for page in 000_4ad8dda8878dd78b 001_32b84fd1deb61441 003_3e16ec6b22cd13a7; do
	src="$SRCDIR/demo/$page.txt"
	expect_ok "$page: dry run" nd import --dry-run --format json "$src"
	printf '%s' "$out" >"$TMP/$page.json"
	equals "$page: the items, kinds, sections, kickers, headlines and bylines" \
		"$(summary <"$TMP/$page.json")" "$(cat "$SRCDIR/tests/data/import/$page.expected")"
	if lossless "$src" "$TMP/$page.json" >"$TMP/lossless.out"; then
		pass "$page: lossless (the page's characters, as a multiset, are the items')"
	else
		fail "$page: lossless" "$(cat "$TMP/lossless.out")"
	fi
done

# The corpus pages as a person reads them (tests/data/import/corpus.labels):
# where each caption, subhead, banner and displaced text went, which items an
# unsure rule flagged; and the headlines found, against PAGE.expected.
read_labels() {
	python3 - "$1" "$2" "$3" <<'PY'
import json, sys
page, items = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))[0]["items"]
bad = []
def item(head):
    return next((it for it in items if it["headline"] == head), None)
for line in open(sys.argv[3], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or f[0] != page:
        continue
    what, args = f[1], f[2:]
    if what == "flags":
        got = sum(1 for it in items if it["flag"])
        if got != int(args[0]):
            bad.append("flagged: %d, wanted %s: %s" % (got, args[0],
                       [(it["headline"][:20], it["flag"]) for it in items if it["flag"]]))
        continue
    if what == "photo":
        it = next((it for it in items if it["kind"] == "photo" and
                   (it["headline"] + (it["body"] or "")).startswith(args[0])), None)
        if not it or it["byline"] != args[1]:
            bad.append("no photo item %s… signed %s" % (args[0], args[1]))
        continue
    it = item(args[0])
    if not it:
        bad.append("no item %s" % args[0])
        continue
    body = it["body"] or ""
    if what == "flag" and it["flag"] != args[1]:
        bad.append("%s: flag %s, wanted %s" % (args[0], it["flag"], args[1]))
    if what == "in-body" and (args[1] not in body.split("\n") or item(args[1])):
        bad.append("%s: subhead %s not a paragraph of it (or an item)" % (args[0], args[1]))
    if what == "joined" and args[1] not in body:
        bad.append("%s: %s is not in its body" % (args[0], args[1]))
    if what == "not-in" and args[1] in body:
        bad.append("%s: %s was pasted into it" % (args[0], args[1]))
    if what == "banner" and (it["kicker"] or args[1] not in (it["markers"] or "")):
        bad.append("%s: banner %s is not in its markers (kicker %s)" % (args[0], args[1], it["kicker"]))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
}
found=0
total=0
items=0
for page in 000_4ad8dda8878dd78b 001_32b84fd1deb61441 003_3e16ec6b22cd13a7; do
	if read_labels "${page%%_*}" "$TMP/$page.json" "$SRCDIR/tests/data/import/corpus.labels" >"$TMP/r.out"; then
		pass "${page%%_*}: captions, subheads, banners, displaced text and flags where a reader puts them"
	else
		fail "${page%%_*}: as a reader reads it" "$(cat "$TMP/r.out")"
	fi
	want=$(cut -f4 "$SRCDIR/tests/data/import/$page.expected")
	got=$(summary <"$TMP/$page.json" | cut -f4)
	total=$((total + $(printf '%s\n' "$want" | wc -l)))
	items=$((items + $(printf '%s\n' "$got" | wc -l)))
	found=$((found + $(printf '%s\n' "$got" | grep -Fxc -f <(printf '%s\n' "$want"))))
	expect_ok "${page%%_*}: the dry run counts its flagged items" nd import --dry-run "$SRCDIR/demo/$page.txt"
	contains "…in its first line" "$(printf '%s\n' "$out" | head -1)" \
		"$(grep -P "^${page%%_*}\tflags\t" "$SRCDIR/tests/data/import/corpus.labels" | cut -f3) flagged for an editor to look at first"
done
echo "# headlines found on the corpus pages: $found of $total, in $items items"
equals "every hand-labelled headline found, none too many" "$found of $total in $items" "$total of $total in $total"

# The same pages as another copy-out gives them: every run of blank lines
# one blank line, so no gap tells a caption or a tail from the article
# before it. The items must be the same.
for page in 000_4ad8dda8878dd78b 001_32b84fd1deb61441 003_3e16ec6b22cd13a7; do
	cat -s "$SRCDIR/demo/$page.txt" >"$TMP/squeezed-$page.txt"
	expect_ok "${page%%_*}, blank lines squeezed: dry run" nd import --dry-run --format json "$TMP/squeezed-$page.txt"
	equals "…the same items" "$(printf '%s' "$out" | summary)" "$(cat "$SRCDIR/tests/data/import/$page.expected")"
	printf '%s' "$out" >"$TMP/squeezed-$page.json"
done
# 003 squeezed: 为环卫工送清凉 stands under an article's last paragraph with
# nothing to tell it from a subhead but its text, which opens as a caption
# does (7月5日上午,北京市东城区,…): an item of its own, flagged.
equals "…003: the photo news taken out of the article above is flagged so" \
	"$(item_of "$TMP/squeezed-003_3e16ec6b22cd13a7.json" 为环卫工送清凉 flag)" "check-split"

# Pages in the other styles of a trade-union page (issue 21), hand-labelled:
# column pieces with organisation/position author lines, photo titles under
# their credit, bylines at the end of the last paragraph, displaced tails
# that end with the byline, banners and slogans over headlines.
# Headline F1 must be 1.0 (printed), every other field exact, in-body
# subheads still in their article's body, nothing lost.
labelled() {
	python3 - "$1" "$2" <<'PY'
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))[0]["items"]
want, inbody, joined = [], [], []
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    f = line.split("\t")
    {"in-body": inbody, "joined": joined}.get(f[0], want).append(f)
got = [[it["kind"], it["section"] or "", it["kicker"] or "", it["headline"],
        it.get("subhead") or "", it["byline"] or ""] for it in items]
gh, wh = [g[3] for g in got], [w[3] for w in want]
tp = sum(1 for h in gh if h in wh)
p = tp / len(gh) if gh else 0.0
r = tp / len(wh) if wh else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print("# headline F1 = %.3f (precision %.3f, recall %.3f)" % (f1, p, r))
bad = []
if f1 != 1.0:
    bad.append("headlines: got %s" % gh)
for w in want:
    g = next((g for g in got if g[3] == w[3]), None)
    if g and g != w:
        bad.append("%s: got %s, wanted %s" % (w[3], g, w))
for _, head, sub in inbody:
    it = next((it for it in items if it["headline"] == head), None)
    if not it or sub not in (it["body"] or "").split("\n"):
        bad.append("subhead %s is not a paragraph of %s" % (sub, head))
    if any(it["headline"] == sub for it in items):
        bad.append("subhead %s made an item" % sub)
for _, head, text in joined:
    it = next((it for it in items if it["headline"] == head), None)
    if not it or text.replace("\\n", "\n") not in (it["body"] or ""):
        bad.append("%s is not in the body of %s" % (text, head))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
}

for page in styles_a styles_b styles_c styles_d styles_e; do
	src="$SRCDIR/tests/data/import/$page.txt"
	expect_ok "$page: dry run" nd import --dry-run --format json "$src"
	printf '%s' "$out" >"$TMP/$page.json"
	if labelled "$TMP/$page.json" "$SRCDIR/tests/data/import/$page.expected" >"$TMP/l.out"; then
		pass "$page: headline F1 1.0, kinds, sections, kickers, subheads, bylines exact; subheads and tails in their bodies"
		grep '^#' "$TMP/l.out"
	else
		fail "$page: labelled items" "$(cat "$TMP/l.out")"
	fi
	if lossless "$src" "$TMP/$page.json" >"$TMP/lossless.out"; then
		pass "$page: lossless"
	else
		fail "$page: lossless" "$(cat "$TMP/lossless.out")"
	fi
done

# The dry run says which rule chose each field, for an editor to check.
expect_ok "a dry run explains itself" nd import --dry-run "$SRCDIR/tests/data/import/styles_b.txt"
contains "…the slogan is the headline, and why" "$out" "print sets the slogan as the headline [slogan-head]"
contains "…the author line's name and title" "$out" "name 李红梅 · title 南江市总工会副主席"
contains "…the tail's byline came with it" "$out" "[tail-byline]"
python3 -c '
import json, sys
it = json.load(sys.stdin)[0]["items"][2]
assert it["byline_parts"] == {"name": "李红梅", "title": "南江市总工会副主席"}, it
assert it["why"]["byline"] == "column-author", it
' <"$TMP/styles_b.json" && pass "…and in JSON: byline_parts and why" || fail "JSON byline_parts/why"
if [ -d "$(dirname "$NEWSDESK")/po/zh_CN" ]; then
	expect_ok "in Chinese" env LC_ALL= LANG=zh_CN.UTF-8 NEWSDESK_LOCALEDIR="$(dirname "$NEWSDESK")/po" \
		"$NEWSDESK" import --dry-run "$SRCDIR/tests/data/import/styles_b.txt"
	contains "…the reasons are translated" "$out" "口号为主题"
	contains "…so is the count" "$out" "4 篇"
fi

# Edges of the new rules, each one way it could go wrong.
cat >"$TMP/edges.txt" <<'PAGE'
【主席之声】

做职工信赖的娘家人

某某市总工会党组书记、主席 王某某

我们要把职工的事当成自己的事，一件一件办好。 张三

工会动态

一线职工的心里话

本报讯 一位职工说，他最想要的是一张能安心歇脚的椅子 王五

近日，某某区总工会为户外劳动者送去清凉，受到欢迎。
PAGE
expect_ok "edges: dry run" nd import --dry-run --format json "$TMP/edges.txt"
printf '%s' "$out" >"$TMP/e.json"
equals "…a piece signed by its author line keeps it; the name at its end stays in the body" \
	"$(python3 -c "import json; it=json.load(open('$TMP/e.json'))[0]['items'][0]; print(it['byline'], '|', it['body'].endswith('办好。 张三'))")" \
	"某某市总工会党组书记、主席 王某某 | True"
equals "…a name after a space is no byline when no sentence ends before it" \
	"$(python3 -c "import json; it=json.load(open('$TMP/e.json'))[0]['items'][1]; print(it['byline'], '|', '椅子 王五' in it['body'])")" \
	"None | True"
lossless "$TMP/edges.txt" "$TMP/e.json" && pass "…lossless" || fail "edges lossless"

body_of() { python3 -c "
import json,sys
for it in json.load(open('$1'))[0]['items']:
    if it['headline'].startswith('$2'): print(it['body'])"; }

b=$(body_of "$TMP/001_32b84fd1deb61441.json" 海宁工会)
for sub in 搭载新工具增添新功能 不断带来新的兴奋点 上下协同让创新更有动力; do
	contains "001: the in-body subhead $sub stays in the body" "$b" "
$sub
"
done
b=$(body_of "$TMP/003_3e16ec6b22cd13a7.json" 山东省建材工会)
contains "003: “五项赋能”助力产业工人“加速跑” stays in its article" "$b" "“五项赋能”助力产业工人“加速跑”"
b=$(body_of "$TMP/000_4ad8dda8878dd78b.json" 大丰区)
contains "000: 甘于奉 + 献的人生历程 rejoined" "$b" "甘于奉献的人生历程"
b=$(body_of "$TMP/000_4ad8dda8878dd78b.json" 建湖县)
contains "000: 做好企业专 + 业技术 rejoined" "$b" "做好企业专业技术"
b=$(body_of "$TMP/001_32b84fd1deb61441.json" 海宁工会)
contains "001: 马桥街道 + 总工会则选择 rejoined" "$b" "马桥街道总工会则选择"
b=$(body_of "$TMP/000_4ad8dda8878dd78b.json" 滨海县)
contains "000: the displaced tail (1+N…李红旗) is joined back" "$b" "1+N”职工健康服务体系"

# The issue's case, in a page made the same way: a paragraph cut at 普,
# its tail displaced after another article, after a byline.
cat >"$TMP/displaced.txt" <<'PAGE'
新闻速递

海宁工会推进新就业形态劳动者入会工作

本报讯 今年以来，海宁市总工会持续推进新就业形态劳动者入会工作，已经向3200多名新就业形态劳动者普



台州工会开展职工技能比武活动

本报讯 近日，台州市总工会举办了职工技能比武活动，吸引了众多职工参加。

王五



及了法律知识，受到广泛欢迎。

赵六
PAGE
expect_ok "a displaced tail" nd import --dry-run --format json "$TMP/displaced.txt"
printf '%s' "$out" >"$TMP/d.json"
b=$(body_of "$TMP/d.json" 海宁工会)
contains "…向3200多名新就业形态劳动者普 + 及了法律知识 joined" "$b" "劳动者普及了法律知识"
equals "…two items, no fragment" "$(summary <"$TMP/d.json" | cut -f6 | sort -u | tr -d '\n')" ""
lossless "$TMP/displaced.txt" "$TMP/d.json" && pass "…lossless" || fail "lossless"

# Two unfinished articles: the tail could be either's: a flagged fragment.
sed -e 's/吸引了众多职工参加。/吸引了众多职工/' -e '/^王五$/d' "$TMP/displaced.txt" >"$TMP/ambiguous.txt"
expect_ok "an ambiguous tail" nd import --dry-run --format json "$TMP/ambiguous.txt"
printf '%s' "$out" >"$TMP/a.json"
contains "…is kept as a fragment flagged for an editor" "$(summary <"$TMP/a.json")" "fragment"
lossless "$TMP/ambiguous.txt" "$TMP/a.json" && pass "…and nothing is lost" || fail "ambiguous lossless"

# A page's rules one by one, on the corpus's own text set as other pages set
# it (one blank line everywhere, so no gap tells the pieces apart).
a1=$(sed -n 63p "$SRCDIR/demo/000_4ad8dda8878dd78b.txt")   # 滨海: 本刊讯 去年以来…
a2=$(sed -n 65p "$SRCDIR/demo/000_4ad8dda8878dd78b.txt")   # 健全推进机制…一肩挑”。
cap=$(sed -n 69p "$SRCDIR/demo/000_4ad8dda8878dd78b.txt")  # 近日,亭湖区总工会…
b1=$(sed -n 75p "$SRCDIR/demo/000_4ad8dda8878dd78b.txt")   # 射阳: 本刊讯 日前…
page_of() { expect_ok "$1: dry run" nd import --dry-run --format json "$2"; printf '%s' "$out" >"$3"; }

printf '新闻速递\n\n滨海县总工会深化产改打造“硬核”增长极\n\n%s\n\n%s\n\n姜卫明 徐嘉薇 摄\n\n%s\n\n射阳县工人文化宫打造最美职工书屋\n\n%s\n\n郁超 金达嘉\n' \
	"$a1" "$cap" "$a2" "$b1" >"$TMP/caption.txt"
page_of "a caption inside an article's paragraphs" "$TMP/caption.txt" "$TMP/c.json"
equals "…is a photo of its own, with its credit" "$(summary <"$TMP/c.json" | cut -f1,5 | tr '\t\n' '|;')" \
	"article|;photo|姜卫明 徐嘉薇 摄;article|郁超 金达嘉;"
b=$(item_of "$TMP/c.json" 滨海县 body)
contains "…the article keeps the paragraph after the photo" "$b" "健全推进机制"
not_contains "…and never gets the caption" "$b" "亭湖区"
equals "…nor the credit" "$(item_of "$TMP/c.json" 滨海县 byline)" "-"
equals "…and says why" "$(python3 -c "import json; print(json.load(open('$TMP/c.json'))[0]['items'][1]['why']['body'])")" "caption-in-article"
lossless "$TMP/caption.txt" "$TMP/c.json" && pass "…lossless" || fail "caption lossless"

# …with its title line above it, or signed at the caption's end
sed "s/^近日,亭湖区/劳模工匠助企行\n\n&/" "$TMP/caption.txt" >"$TMP/caption-title.txt"
page_of "a titled photo inside an article" "$TMP/caption-title.txt" "$TMP/ct.json"
equals "…the title above the caption is the photo's headline" "$(item_of "$TMP/ct.json" 劳模工匠助企行 byline)" "姜卫明 徐嘉薇 摄"
contains "…the article goes on after it" "$(item_of "$TMP/ct.json" 滨海县 body)" "健全推进机制"
not_contains "…the title is no subhead of the article" "$(item_of "$TMP/ct.json" 滨海县 body)" "劳模工匠助企行"
sed -e '/^姜卫明 徐嘉薇 摄$/d' -e 's/更上了一个台阶。$/更上了一个台阶。 姜卫明 徐嘉薇 摄/' "$TMP/caption.txt" | cat -s >"$TMP/caption-tail.txt"
page_of "a caption signed at its end inside an article" "$TMP/caption-tail.txt" "$TMP/cl.json"
equals "…is a photo of its own too" "$(summary <"$TMP/cl.json" | cut -f1,5 | tr '\t\n' '|;')" \
	"article|;photo|姜卫明 徐嘉薇 摄;article|郁超 金达嘉;"

# …after a paragraph the page cut off (琼港: 大力宣传), the caption is not
# pasted into it, and the article is flagged: its end is on another page
q=$(sed -n 123p "$SRCDIR/demo/000_4ad8dda8878dd78b.txt")
printf '琼港农场工会发挥组织优势凝聚职工力量\n\n本刊讯 今年以来,琼港农场工会推动工会工作创新发展。\n\n%s\n\n%s\n\n陈荣中 摄\n' "$q" \
	"$(sed -n 127p "$SRCDIR/demo/000_4ad8dda8878dd78b.txt")" >"$TMP/cut.txt"
page_of "a caption after a cut-off paragraph" "$TMP/cut.txt" "$TMP/cut.json"
not_contains "…is not pasted into the article" "$(item_of "$TMP/cut.json" 琼港 body)" "3月20日"
equals "…the article is flagged, and why" "$(item_of "$TMP/cut.json" 琼港 flag)" "check-unfinished"
equals "…the photo stands alone" "$(item_of "$TMP/cut.json" 3月20日 byline)" "陈荣中 摄"

# A banner across the page top (a place name) is no kicker and no section.
for banner in 东台 舟山 东台市; do
	printf '%s\n\n东台市总工会开展“送清凉”活动\n\n本报讯 近日，东台市总工会走访慰问一线职工。\n' "$banner" >"$TMP/banner.txt"
	page_of "the banner $banner" "$TMP/banner.txt" "$TMP/bn.json"
	equals "…no kicker, no section, kept in the markers" \
		"$(item_of "$TMP/bn.json" 东台市总工会 kicker) $(item_of "$TMP/bn.json" 东台市总工会 section) $(item_of "$TMP/bn.json" 东台市总工会 markers)" \
		"- - $banner"
done
printf '劳模风采\n\n东台\n\n东台市总工会开展“送清凉”活动\n\n本报讯 近日，东台市总工会走访慰问一线职工。\n' >"$TMP/banner2.txt"
page_of "a section marker, then the banner" "$TMP/banner2.txt" "$TMP/bn2.json"
equals "…the section stays the marker's" "$(item_of "$TMP/bn2.json" 东台市总工会 section) $(item_of "$TMP/bn2.json" 东台市总工会 kicker)" "劳模风采 -"

# 【编者按】 goes to the article it introduces, by the words they share.
note='【编者按】职工书屋是职工的精神家园。射阳县工人文化宫的职工书屋被授予示范点，本刊今天刊发这篇报道。'
printf '%s\n\n射阳县工人文化宫打造最美职工书屋\n\n%s\n\n郁超 金达嘉\n\n滨海县总工会深化产改打造“硬核”增长极\n\n%s\n' "$note" "$b1" "$a1" >"$TMP/note-top.txt"
page_of "an editor's note over the article it introduces" "$TMP/note-top.txt" "$TMP/nt.json"
equals "…two items" "$(summary <"$TMP/nt.json" | wc -l | tr -d ' ')" 2
contains "…the note opens that article's body" "$(item_of "$TMP/nt.json" 射阳县 body | head -1)" "【编者按】职工书屋是职工的精神家园"
equals "…sure of it: no flag" "$(item_of "$TMP/nt.json" 射阳县 flag)" "-"
printf '滨海县总工会深化产改打造“硬核”增长极\n\n%s\n\n李红旗\n\n%s\n\n射阳县工人文化宫打造最美职工书屋\n\n%s\n\n郁超 金达嘉\n' "$a1" "$note" "$b1" >"$TMP/note-mid.txt"
page_of "an editor's note between two articles" "$TMP/note-mid.txt" "$TMP/nm.json"
contains "…goes to the one below it, whose words it shares" "$(item_of "$TMP/nm.json" 射阳县 body | head -1)" "【编者按】"
not_contains "…not to the nearer one above" "$(item_of "$TMP/nm.json" 滨海县 body)" "【编者按】"
printf '射阳县工人文化宫打造最美职工书屋\n\n%s\n\n%s\n\n郁超 金达嘉\n' "$note" "$b1" >"$TMP/note-head.txt"
page_of "an editor's note between the headline and the dateline" "$TMP/note-head.txt" "$TMP/nh.json"
equals "…one item, with its dateline" "$(summary <"$TMP/nh.json" | wc -l | tr -d ' ') $(item_of "$TMP/nh.json" 射阳县 dateline)" "1 本刊讯"
printf '滨海县总工会深化产改打造“硬核”增长极\n\n%s\n\n李红旗\n\n【编者按】本期起开设新栏目，欢迎来稿。\n\n射阳县工人文化宫打造最美职工书屋\n\n%s\n\n郁超 金达嘉\n' "$a1" "$b1" >"$TMP/note-none.txt"
page_of "an editor's note that shares no words" "$TMP/note-none.txt" "$TMP/nn.json"
contains "…introduces what follows it" "$(item_of "$TMP/nn.json" 射阳县 body | head -1)" "【编者按】本期起开设新栏目"
equals "…and is flagged" "$(item_of "$TMP/nn.json" 射阳县 flag)" "check-note"
for f in note-top note-mid note-head note-none; do
	expect_ok "$f: json" nd import --dry-run --format json "$TMP/$f.txt"
	printf '%s' "$out" >"$TMP/$f.json"
	lossless "$TMP/$f.txt" "$TMP/$f.json" && pass "…$f lossless" || fail "$f lossless"
done

# 来源 and 【编者按】 stay with their article.
cat >"$TMP/notes.txt" <<'PAGE'
工会博览

全省职工技能大赛圆满落幕本届规模空前

本报讯 近日，全省职工技能大赛在南京落幕，共有三千余名选手参赛。

来源：《江苏工人报》

【编者按】技能大赛是产业工人展示风采的舞台，本报将持续关注。

另一篇稿件的标题在这里

本报讯 第二篇稿件的正文。
PAGE
expect_ok "an editor's note and a source" nd import --dry-run --format json "$TMP/notes.txt"
printf '%s' "$out" >"$TMP/n.json"
equals "…two items" "$(summary <"$TMP/n.json" | wc -l | tr -d ' ')" 2
b=$(body_of "$TMP/n.json" 全省职工技能大赛)
contains "…the 编者按 belongs to the article it follows" "$b" "【编者按】技能大赛是产业工人"
contains "…with the source kept" "$(python3 -c "import json; print(json.load(open('$TMP/n.json'))[0]['items'][0]['source'])")" "来源：《江苏工人报》"
lossless "$TMP/notes.txt" "$TMP/n.json" && pass "…lossless" || fail "notes lossless"

# Filing for real: GB18030, placed on an issue, fragments noted.
iconv -f UTF-8 -t GB18030 "$SRCDIR/demo/003_3e16ec6b22cd13a7.txt" >"$TMP/003-gb.txt"
nd issue add 2023-07 --title "工人日报 2023年7月6日" --pages 4 >/dev/null
expect_ok "import a GB18030 page onto an issue" nd import --issue 2023-07 "$TMP/003-gb.txt"
contains "…10 items" "$out" "imported 10 items"
contains "…and says how many more an editor should look at first" "$out" "2 more items flagged for an editor to look at first"
expect_ok "list" nd list --format tsv
equals "…all filed" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 10
credit=$(printf '%s\n' "$out" | awk -F'\t' '$4 ~ /^法治暖/ {print $1}')
expect_ok "the photo whose credit the layout set apart: its log" nd log "$credit"
contains "…says why an editor should look" "$out" "its photo credit stood apart from its caption"
expect_ok "…in Chinese" env LC_ALL= LANG=zh_CN.UTF-8 "$NEWSDESK" log "$credit"
contains "…rendered in the reader's language" "$out" "图片署名与图片说明分开"
equals "…stored as a code with the rule, not as words" \
	"$(sqlite3 "$NEWSDESK_DB" "SELECT body_code || ' ' || body FROM notes WHERE item_id = $credit AND body_code IS NOT NULL")" \
	"import-check check-credit"
expect_ok "rundown" nd rundown 2023-07 --format json
printf '%s' "$out" | python3 -c '
import json,sys
r=json.load(sys.stdin)
assert len(r["pages"][0]["items"]) == 10, r
' && pass "…placed on page 1 in page order" || fail "placement" "$out"
expect_ok "import the ambiguous page" nd import "$TMP/ambiguous.txt"
contains "…says how many fragments" "$out" "1 fragments flagged"
frag=$(nd list --format tsv | awk -F'\t' '$4 ~ /^及了法律知识/ {print $1}')
expect_ok "the fragment's log" nd log "$frag"
contains "…has a note for the editor" "$out" "an editor should check it"
expect_ok "…in Chinese" env LC_ALL= LANG=zh_CN.UTF-8 "$NEWSDESK" log "$frag"
contains "…rendered in the reader's language" "$out" "导入时无法确定这段文字属于哪篇稿件，请编辑核对"
equals "…stored as a code, not as words" "$(sqlite3 "$NEWSDESK_DB" "SELECT body_code FROM notes WHERE item_id = $frag")" "import-fragment"
expect_exit 3 "importing archives as published needs a chief" nd --as wang import --state published "$TMP/displaced.txt"
expect_ok "a chief imports archives as published" nd --as chen import --state published "$TMP/displaced.txt"
expect_ok "list published" nd list --state published --format tsv
equals "…two published items" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2
expect_exit 1 "an empty page is refused" nd import /dev/null

# --interactive reviews one page in the desk (tests/e2e/import.sh); without
# a terminal, or with anything that is not one page to review, it refuses
# and files nothing.
before=$(item_count)
expect_exit 2 "--interactive takes one page" nd import --interactive "$TMP/notes.txt" "$TMP/displaced.txt"
contains "…and says so" "$err" "--interactive reviews one page FILE"
expect_exit 2 "--interactive is no dry run" nd import --interactive --dry-run "$TMP/notes.txt"
expect_exit 1 "--interactive needs a terminal" nd import --interactive "$TMP/notes.txt" </dev/null
contains "…and says what to use instead" "$err" "--dry-run shows the items without one"
equals "…nothing filed" "$(item_count)" "$before"
expect_ok "the store checks out at the end" nd check
equals "…ok" "$(checked "$out")" "ok"

finish
