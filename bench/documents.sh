#!/usr/bin/env bash
# bench/documents.sh — what Word documents and galley proofs cost (issue 34):
# filing a 30-page .docx with 10 camera-size JPEGs (3000×2000) over the
# same path as `ssh desk@paper file < story.docx` (target: under 2 s), and
# the proofs of a 48-page issue of 200 items (target: under 5 s), each the
# median of RUNS runs with its peak memory. Run by hand, never by the tests.
#
#   bench/documents.sh [BUILD_DIR] [RUNS]    (default: build 5)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build} RUNS=${2:-5}
ND="$PWD/$B/newsdesk" M="$PWD/$B/bench/bench-measure"
W=$(mktemp -d /tmp/nd-docbench.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
export NEWSDESK_DB="$W/desk.db" LC_ALL=C.UTF-8
"$ND" init >/dev/null

# A 30-page document: the corpus articles' paragraphs until ~27,000
# characters (900 a page), ten JPEGs between them.
python3 - "$W" "$PWD" <<'PY'
import glob, os, subprocess, sys, zipfile
sys.path.insert(0, os.path.join(sys.argv[2], "tests", "tools"))
import mkdocx
w = sys.argv[1]
paras = []
for f in sorted(glob.glob(os.path.join(sys.argv[2], "tests", "data", "articles", "*.txt"))):
    paras += [l.strip() for l in open(f, encoding="utf-8") if l.strip()]
body, chars, k = mkdocx.p("三十页的通讯稿", style="Title"), 0, 0
rels, media = [], {}
ppm = os.path.join(w, "p.ppm")
with open(ppm, "wb") as f:
    # noise, as a camera picture has: JPEG has work to do (~3 MB each)
    import random
    rnd = random.Random(7)
    rows = [bytes(rnd.randrange(256) for _ in range(3000 * 3)) for _ in range(16)]
    f.write(b"P6 3000 2000 255\n" + b"".join(rows[y % 16] for y in range(2000)))
for i in range(10):
    jpg = subprocess.run(["cjpeg", "-quality", str(80 + i)], stdin=open(ppm, "rb"), check=True, capture_output=True).stdout
    media[f"word/media/image{i + 1}.jpeg"] = jpg
    rels.append((f"rId{i + 1}", f"media/image{i + 1}.jpeg"))
while chars < 27000:
    t = paras[k % len(paras)].replace("&", "&amp;").replace("<", "&lt;")
    body += mkdocx.p(t)
    chars += len(t)
    k += 1
    if k % 12 == 0 and len(rels) > (k // 12 - 1) >= 0 and k // 12 <= 10:
        body += "<w:p>" + mkdocx.drawing(f"rId{k // 12}", f"图{k // 12}") + "</w:p>"
parts = {"word/document.xml": mkdocx.document(body), "word/_rels/document.xml.rels": mkdocx.rels(*rels)}
parts.update(media)
mkdocx.write(os.path.join(w, "big.docx"), parts)
PY
size=$(wc -c <"$W/big.docx")
"$ND" --as root file <"$W/big.docx" >"$W/first.out"
photos=$(grep -c '^attached photo' "$W/first.out" || true)
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f s CPU", $1 + $2}'; }
echo "filing a 30-page .docx ($((size / 1048576)) MiB, $photos photos): $("$M" "$RUNS" --stdin "$W/big.docx" -- "$ND" file | awk '{print $1 " ms median (" $2 "–" $3 "), peak RSS " int($4 / 1024) " MB"}'), $(cpu sh -c "exec '$ND' file <'$W/big.docx'")"

# A 48-page issue of 200 items: the corpus articles, filed round and round.
"$ND" issue add 2024-07 --title "《盐城工会》2024年第7期" --pages 48 >/dev/null
n=0
while [ "$n" -lt 200 ]; do
	for f in tests/data/articles/*.txt; do
		[ "$n" -lt 200 ] || break
		id=$("$ND" file "$f" | sed -n 's/^filed #\([0-9]*\).*/\1/p')
		"$ND" assign "$id" --issue 2024-07 --page $((n % 48 + 1)) >/dev/null
		n=$((n + 1))
	done
done
pages=$("$ND" galley --issue 2024-07 | pdfinfo - 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "galley --issue, 48 pages, 200 items ($pages PDF pages): $("$M" "$RUNS" -- "$ND" galley --issue 2024-07 | awk '{print $1 " ms median (" $2 "–" $3 "), peak RSS " int($4 / 1024) " MB"}'), $(cpu "$ND" galley --issue 2024-07)"
