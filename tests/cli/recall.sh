#!/usr/bin/env bash
# recall.sh — search finds every item, exactly: on a generated store of
# 50,000 items (RECALL_ITEMS: 5,000 in a sanitized build, see
# tests/meson.build), for 49 queries of 1–8 characters (Han, Latin,
# digits, punctuation, mixed, ANDed, traditional and full-width), the ids
# newsdesk returns are the set a full instr() scan over the current
# revisions of the items not spiked finds, and the total it reports is that
# set's size. The scan folds text and word as search does (issue 30), by a
# Python fold of its own over the committed OpenCC table
# (src/store/fold_han.h); a few traditional, full-width filings from a Hong
# Kong desk are among the items. Then with filters, by pages, after an
# edit and after a spike.
. "$(dirname "$0")/lib.sh"
: "${BENCH_GEN:?the bench generator}"
items=${RECALL_ITEMS:-50000}
"$BENCH_GEN" "$NEWSDESK_DB" "$items" "$SRCDIR/demo" 2>/dev/null || { fail "bench-gen made the store"; finish; }
pass "a generated store of $items items"
nd user quota r07 items-a-day 1000000 >/dev/null
for story in '總工會「雙進」宣講團走進海寧\n\n本報香港電 總工會「雙進」宣講團昨日走進海寧，為職工講解２０２４年新政。\n' \
	'職工服務ＡＰＰ上線\n\n本刊訊（記者 歐陽明）職工服務ＡＰＰ正式上線，海寧職工『雙進』受益。\n' \
	'勞模工匠助企行\n\n勞模工匠走進企業，職工群眾說：「總工會真好」。\n'; do
	printf "$story" | iconv -t BIG5 | nd --as r07 file --encoding big5 >/dev/null ||
		fail "a Big5 filing from the Hong Kong desk"
done
# A character the generated items never hold: alone between punctuation,
# at a run's end, alone between blanks, inside a run (one-character words
# are prefix queries over the pairs and each run's last character).
for story in '龘字考\n\n古字，龘。见于字书。\n' '字书里的龘\n\n一个字：龘\n' \
	'三个龍\n\n写作 龘 的字\n' '无关\n\n龘龘之声\n'; do
	printf "$story" | nd --as r07 file >/dev/null || fail "a filing with 龘"
done
python3 - "$NEWSDESK_DB" "$NEWSDESK" "$passed" >"$TMP/tap" 2>&1 <<'PY'
import json, subprocess, sqlite3, sys
db, nd, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = sqlite3.connect(db)

def check(ok, name, *why):
    global n
    n += 1
    print(("ok" if ok else "not ok") + f" {n} - {name}")
    for w in why:
        for line in str(w).splitlines():
            print("#   " + line)
    sys.stdout.flush()

# The fold, written again here from its rules (fold_char in bigram.c):
# ASCII and full-width letters to lower-case ASCII, full-width digits to
# ASCII, the quotation marks to “”, and the committed traditional →
# simplified table.
import os, re
FOLD = {int(a, 16): int(b, 16) for a, b in re.findall(
    r"\{ 0x([0-9A-F]+), 0x([0-9A-F]+) \}", open(os.environ["SRCDIR"] + "/src/store/fold_han.h").read())}
check(len(FOLD) > 2000, f"the committed table read ({len(FOLD)} characters)")
for i in range(26):
    FOLD[ord("A") + i] = FOLD[0xFF21 + i] = FOLD[0xFF41 + i] = ord("a") + i
for i in range(10):
    FOLD[0xFF10 + i] = ord("0") + i
for q, to in ((0x2018, 0x201C), (0x2019, 0x201D), (0x300C, 0x201C), (0x300D, 0x201D),
              (0x300E, 0x201C), (0x300F, 0x201D), (0x301D, 0x201C), (0x301E, 0x201D), (0x301F, 0x201D)):
    FOLD[q] = to
def fold(s):
    return s.translate(FOLD) if s is not None else ""
c.create_function("fold", 1, fold, deterministic=True)

COLS = ["h", "k", "s", "d", "y", "b"]
def refresh():
    """Every searchable item's current text, folded once (the scans read it)."""
    c.execute("DROP TABLE IF EXISTS temp.ft")
    c.execute("CREATE TEMP TABLE ft AS SELECT i.id AS id, r.id AS rid, fold(r.headline) AS h, fold(r.kicker) AS k, "
              "fold(r.subhead) AS s, fold(r.dateline) AS d, fold(r.byline) AS y, fold(r.body) AS b "
              "FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
              "JOIN states s ON s.name = i.state WHERE NOT s.withdrawn")
refresh()

def truth(words, where="", args=()):
    cond = " AND ".join("(" + " OR ".join(f"instr(ft.{col}, ?)" for col in COLS) + ")"
                        for _ in words)
    params = [fold(w) for w in words for _ in COLS] + list(args)
    return {r[0] for r in c.execute(
        "SELECT i.id FROM ft JOIN items i ON i.id = ft.id WHERE " + cond + where, params)}

def search(words, *opts, limit=100000, newest=None):
    env = dict(os.environ)
    if newest is not None:  # a test build's: how many newest items a page reads first
        env["NEWSDESK_SEARCH_NEWEST"] = str(newest)
    out = subprocess.run([nd, "search", "--format", "json", "--limit", str(limit), *opts, "--", *words],
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        return None, None, out.stderr.strip()
    j = json.loads(out.stdout)
    return [h["id"] for h in j["hits"]], j["total"], ""

def compare(words, name, *opts, where="", args=()):
    want = truth(words, where, args)
    ids, total, err = search(words, *opts)
    if ids is None:
        check(False, name, "newsdesk failed: " + err)
        return want
    got = set(ids)
    check(got == want and total == len(want) and len(ids) == len(got),
          f"{name}: {len(want)} items",
          f"newsdesk {len(got)} (total said {total}), instr {len(want)}",
          f"missed {sorted(want - got)[:5]}, extra {sorted(got - want)[:5]}")
    return want

queries = ["会", "工", "职", "的", "宁", "。", "工会", "职工", "海宁", "劳模", "企业", "服务",
           "2024", "年", "20", "1", "总工会", "劳模工匠", "职工群众", "工会“双进”",
           "工会相关负责", "工会宣传思想工作", "App", "app", "90%", "2024年", "0%", "“", "工 会", "鑫鑫鑫",
           "總工會", "工會「雙進」", "ＡＰＰ", "２０２４年", "「", "』", "劳模工匠助企行", "欧阳明", "本刊讯",
           "龘", "團", "會", "Ａ", "，", "”", "：", "见", "会 工人", "龘 字"]
nonempty = 0
for q in queries:
    words = q.split(" ")
    nonempty += bool(compare(words, "recall of " + q))
check(nonempty >= 30, f"most queries match something ({nonempty} of {len(queries)})")

# One-character words: a page reads the newest items' text first, then asks
# the index for the older ones. Every hit once, none missed, in the order
# of the index alone (headline hits first, each part newest first), with
# the index alone (0), a few newest (7: the edge crosses both parts) and
# the shipped number; and by pages that cross the edge.
def in_order(words, where="", args=()):
    found = truth(words, where, args)
    hits = [r for r in c.execute("SELECT id, rid, h FROM ft") if r[0] in found]
    head = lambda h: any(fold(w) in h for w in words)
    return [i for i, rid, h in sorted(hits, key=lambda r: (not head(r[2]), -r[1]))]
for q in ["会", "宁", "龘", "。", "Ａ", "會 工人", "龘 字"]:
    words = q.split(" ")
    want = in_order(words)
    for newest in (0, 7, None):
        ids, total, err = search(words, newest=newest)
        check(ids == want and total == len(want), f"{q} in order, the newest {newest} read first: {len(want)} hits",
              err, f"first differing at {next((k for k, (a, b) in enumerate(zip(ids or [], want)) if a != b), None)}")
    for newest in (7, None):
        paged = []
        for page in range(1, 8):
            ids, t, err = search(words, "--page", str(page), limit=97, newest=newest)
            paged += ids or []
        check(paged == want[:len(paged)] and len(paged) == min(len(want), 7 * 97),
              f"{q} by pages of 97 across the edge ({newest}): {len(paged)} hits", err)
# With a filter few of the newest items pass (a reporter's own): the newest
# read counts only those, and the index's part below the edge is filtered too.
for q in ["会", "宁", "龘"]:
    want = in_order([q], " AND i.reporter = ?", ["r07"])
    for newest in (0, 3, None):
        ids, total, err = search([q], "--reporter", "r07", newest=newest)
        check(ids == want and total == len(want),
              f"{q} --reporter r07 in order, the newest {newest} read first: {len(want)} hits", err)
# The desk's list limited to a one-character word (l): its windows, walked
# with the desk's own keys (PgDn from the top to the end; G and PgUp back to
# the top before the total is known, counted beside the desk; G once it
# is), hold exactly the scan's items in the index's order (newest revision
# first) at every position, and a jump (:ID) to the first and last items of
# the first window and of the last selects each at its place in the scan.
# Each window reads the items' text near it first and asks the index only
# beyond (in a test build NEWSDESK_SEARCH_NEWEST sets how many: 7 crosses
# that edge in every window); so does a jump's position near the start.
FAR = 1 << 40
def walk_list(words, state=None, login=None, newest=None):
    env = dict(os.environ, LINES="400", COLUMNS="100", TERM="xterm")
    if newest is not None:
        env["NEWSDESK_SEARCH_NEWEST"] = str(newest)
    cmd = [nd] + (["--as", login] if login else []) + ["desk", "--walk-list", " ".join(words)]
    cmd += ["--walk-state", state] if state else []
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, env=env)
    windows, total, at = [], None, []
    for line in out.stderr.splitlines():
        f = line.split()
        if f[:1] == ["total"]:
            total = int(f[1])
        elif f[:1] == ["at"] and len(f) == 3:
            at.append((int(f[1]), int(f[2])))
        elif f[:1] and f[0] in ("down", "up", "end", "at"):
            windows.append((f[0], f[1] == "1", int(f[2]), [int(x) for x in f[3:]]))
    return windows, total, at, out.returncode, out.stderr[-300:]
rid_of = dict(c.execute("SELECT id, rid FROM ft"))
def list_compare(words, name, state=None, login=None, newest=None, where="", args=()):
    want = sorted(truth(words, where, args), key=lambda i: -rid_of[i])
    windows, total, jumps, rc, err = walk_list(words, state, login, newest)
    n, bad, down = len(want), [], {}
    for d, far, top, ids in windows:
        at = top - FAR + n if far else top
        if ids != want[at:at + len(ids)]:
            bad.append(f"{d} window at {at} ({'from the end' if far else 'from the start'}): {ids[:5]}…, want {want[at:at + 5]}…")
        if d == "down":
            down.update((at + k, i) for k, i in enumerate(ids))
    # :ID jumps to the first window's items and the last's: at their places
    bad += [f"#{i} selected at {p}, is at {want.index(i) if i in want else None}"
            for i, p in jumps if i not in want or want.index(i) != p]
    kinds = {d for d, *_ in windows}
    whole = [down.get(k) for k in range(n)] == want
    check(rc == 0 and not bad and whole and total == n and (n == 0 or kinds == {"down", "up", "end", "at"}) and
          (n == 0 or len(jumps) == 4),
          f"l {name} ({'the shipped number' if newest is None else newest} read first): {n} items, {len(windows)} windows "
          "down, up before the count, at the end after it, 4 jumps",
          err if rc else "", *bad[:3], "" if whole else "the windows going down are not the whole list",
          f"total said {total}, want {n}")
for q, newest in (("会", None), ("会", 7), ("宁", 7), ("龘", None), ("龘", 7), ("。", None), ("會 工人", 7)):
    list_compare(q.split(" "), q, newest=newest)
list_compare(["会"], "会 with the index alone", newest=0)
list_compare(["会"], "会 under f state:submitted", state="submitted", newest=7,
             where=" AND i.state = ?", args=["submitted"])
list_compare(["宁"], "宁 under f state:submitted", state="submitted",
             where=" AND i.state = ?", args=["submitted"])
for newest in (3, None):
    list_compare(["会"], "会 as the reporter r07", login="r07", newest=newest,
                 where=" AND i.reporter = ?", args=["r07"])
list_compare(["龘"], "龘 as the reporter r07", login="r07", newest=3,
             where=" AND i.reporter = ?", args=["r07"])
list_compare(["会"], "会 under f state:spiked (the index holds no withdrawn item)", state="spiked",
             where=" AND i.state = ?", args=["spiked"])

check(truth(["工会“双进”"]) - {r[0] for r in c.execute(
    "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
    "WHERE instr(r.body || r.headline, '工会“双进”')")}, "the Hong Kong filings are in the folded truth only")

# Filters combined with the text.
sec = c.execute("SELECT section FROM items WHERE section IS NOT NULL LIMIT 1").fetchone()[0]
compare(["工会"], f"工会 --section {sec}", "--section", sec, where=" AND i.section = ?", args=[sec])
compare(["海宁"], "海宁 --reporter r07", "--reporter", "r07", where=" AND i.reporter = ?", args=["r07"])
compare(["职工"], "职工 --state submitted", "--state", "submitted", where=" AND i.state = ?", args=["submitted"])
iss = c.execute("SELECT issue FROM items WHERE issue IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()[0]
compare(["会"], f"会 --issue {iss}", "--issue", iss, where=" AND i.issue = ?", args=[iss])
lo, hi = c.execute("SELECT min(filed_at), max(filed_at) FROM items").fetchone()
import time
mid = time.strftime("%Y-%m-%d", time.gmtime((lo + hi) // 2))
compare(["工会", "海宁"], f"工会 海宁 --since {mid}", "--since", mid,
        where=" AND i.filed_at >= strftime('%s', ?)", args=[mid])
compare(["劳模"], f"劳模 --until {mid}", "--until", mid,
        where=" AND i.filed_at < strftime('%s', ?, '+1 day')", args=[mid])
want = {r[0] for r in c.execute(
    "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
    "WHERE i.state = 'spiked' AND instr(fold(r.body || r.headline || coalesce(r.kicker,'') || "
    "coalesce(r.subhead,'') || coalesce(r.dateline,'') || coalesce(r.byline,'')), '工会')")}
ids, total, err = search(["工会"], "--state", "spiked")
check(ids is not None and set(ids) <= want and total >= len(set(ids)) and total > 0,
      f"--state spiked still finds the spiked ({total} items)", err)

# Pages: 997 at a time, in order, make the one long answer.
all_ids, total, _ = search(["海宁"])
paged, page = [], 1
while True:
    ids, t, err = search(["海宁"], "--page", str(page), limit=997)
    if not ids:
        break
    paged += ids
    page += 1
check(paged == all_ids and t == total, f"pages of 997 make the whole answer ({len(paged)} hits, {page - 1} pages)")
ids, t, _ = search(["海宁"], "--offset", "5", limit=3)
check(ids == all_ids[5:8], "--offset 5 --limit 3 is hits 6 to 8")
hl = {r[0] for r in c.execute("SELECT id FROM ft WHERE instr(h, '海宁')")}
k = len(hl)
check(set(all_ids[:k]) == hl and k > 0, f"headline hits first ({k} of them)")
revs = dict(c.execute("SELECT i.id, r.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev"))
body = [revs[i] for i in all_ids[k:]]
check(body == sorted(body, reverse=True), "then the others, newest revision first")

# An edit: found by its new words, not its removed ones. A spike: gone.
victim, text = c.execute(
    "SELECT i.id, r.body FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
    "WHERE i.state = 'submitted' AND instr(r.body, '海宁') AND NOT instr(r.headline, '海宁') "
    "AND i.lock_holder IS NULL ORDER BY i.id LIMIT 1").fetchone()
story = "标题: 改过的稿子\n\n" + text.replace("海宁", "鳌江口") + "\n"
open(db + ".story", "w").write(story)
ed = subprocess.run([nd, "--as", "ed", "edit", str(victim), "--from", db + ".story"], capture_output=True, text=True)
check(ed.returncode == 0, f"#{victim} edited", ed.stderr.strip())
ids, _, _ = search(["鳌江口"])
check(ids == [victim], "the edited item is found by its new word", f"got {ids}")
ids, total, _ = search(["海宁"])
check(victim not in ids and total == len(all_ids) - 1, "…and not by the word it lost")
spiked = c.execute("SELECT id FROM items WHERE state = 'submitted' AND id IN (%s) ORDER BY id DESC LIMIT 1"
                   % ",".join(map(str, ids))).fetchone()[0]
sp = subprocess.run([nd, "--as", "ed", "spike", str(spiked), "--note", "测试"], capture_output=True, text=True)
check(sp.returncode == 0, f"#{spiked} spiked", sp.stderr.strip())
ids, total2, _ = search(["海宁"])
check(spiked not in ids and total2 == total - 1, "a spiked item is not found, and the total drops")
refresh()
compare(["海宁"], "海宁 after the edit and the spike")
compare(["鳌江口"], "鳌江口 after the edit")
ck = subprocess.run([nd, "check"], capture_output=True, text=True)
check(ck.returncode == 0, "check: the index holds exactly what search may find", ck.stdout[-300:])
PY
cat "$TMP/tap"
passed=$((passed + $(grep -c '^ok ' "$TMP/tap")))
failed=$((failed + $(grep -c '^not ok ' "$TMP/tap")))
grep -q "^Traceback" "$TMP/tap" && fail "the recall script ran to its end"
finish
