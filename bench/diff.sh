#!/usr/bin/env bash
# bench/diff.sh — the review pane's character diff beside git's on the same
# texts (issue 33: within 2× `git diff --no-index --word-diff-regex=.`,
# memory bounded): 50,000 characters with scattered edits, two unrelated
# texts of 50,000, and 10,000 with 30% of every paragraph rewritten. Each
# is filed and edited into a store, then `newsdesk diff ID` (process start
# included) and git diff run RUNS times each (medians; peak RSS).
#   bench/diff.sh [RUNS]        BUILD=build-bench by default, as bench/run
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-15}
BUILD=${BUILD:-build-bench}
[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" --buildtype=release >/dev/null
ninja -C "$BUILD" >/dev/null
ND=${ND:-"$PWD/$BUILD/newsdesk"}
M="$PWD/$BUILD/bench/bench-measure"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$T" <<'PY'
import glob, random, sys
d = sys.argv[1]
t = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("demo/0*.txt")))
paras = [p.strip() for p in t.split("\n") if len(p.strip()) > 40]
def take(n):
    out, c = [], 0
    while c < n:
        for p in paras:
            out.append(p); c += len(p)
            if c >= n: break
    return out
def write(name, text):
    open(f"{d}/{name}", "w", encoding="utf-8").write(text)
p50 = take(50000)
write("s1.txt", "标题: 五万字的长稿\n\n" + "\n".join(p50) + "\n")
lines = ("标题: 五万字的长稿\n\n" + "\n".join(p50)).split("\n")
for i in range(3, len(lines), 12):
    lines[i] = lines[i].replace("工会", "总工会", 1).replace("职工", "广大职工", 1)
write("s2.txt", "\n".join(lines) + "\n")
for name, seed in (("u1.txt", 1), ("u2.txt", 2)):
    r = random.Random(seed)
    ps = ["".join(chr(0x4E00 + r.randrange(3000)) for _ in range(250)) for _ in range(200)]
    write(name, "无关的长稿 %d\n\n" % seed + "\n\n".join(ps) + "\n")
p10 = take(10000)
alpha = sorted(set("".join(p10)))
r = random.Random(7)
rw = ["".join(ch if r.random() >= 0.3 else r.choice(alpha) for ch in p) for p in p10]
write("r1.txt", "标题: 一万字\n\n" + "\n".join(p10) + "\n")
write("r2.txt", "标题: 一万字\n\n" + "\n".join(rw) + "\n")
PY
"$ND" --db "$T/d.db" init >/dev/null
echo "| pair | newsdesk diff | git diff --word-diff-regex=. | ratio |"
echo "| --- | --- | --- | --- |"
for pair in "s:50,000 characters, scattered edits" "u:two unrelated 50,000-character texts" \
	"r:10,000 characters, 30% of each paragraph rewritten"; do
	p=${pair%%:*}
	id=$("$ND" --db "$T/d.db" file "$T/${p}1.txt" | sed -n 's/^filed #\([0-9]*\).*/\1/p')
	"$ND" --db "$T/d.db" edit "$id" --from "$T/${p}2.txt" >/dev/null
	n=$("$M" "$RUNS" -- "$ND" --db "$T/d.db" diff "$id")
	g=$("$M" "$RUNS" -- sh -c 'git diff --no-index --word-diff-regex=. "$0" "$1" >/dev/null; [ $? -le 1 ]' \
		"$T/${p}1.txt" "$T/${p}2.txt")
	nm=$(echo "$n" | awk '{print $1}') gm=$(echo "$g" | awk '{print $1}')
	echo "| ${pair#*:} | $nm ms, $(( $(echo "$n" | awk '{print $4}') / 1024 )) MB | $gm ms, $(( $(echo "$g" | awk '{print $4}') / 1024 )) MB | $(python3 -c "print(f'{$nm / $gm:.2f}×')") |"
done
