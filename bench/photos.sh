#!/usr/bin/env bash
# bench/photos.sh — what photos cost the one file (issue 22): the
# database's size, a backup's time and the desk's start, on a store of
# ITEMS generated items before and after attaching PHOTOS distinct JPEGs of
# a camera's size (3000×2000, ~3.3 MB each), each to its own item, and then
# the same pictures again to other items (stored once: the size must not
# grow by their bytes). Run by hand, never by the test suite.
#
#   bench/photos.sh [BUILD_DIR] [ITEMS] [PHOTOS]    (default: build 10000 60)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build} ITEMS=${2:-10000} PHOTOS=${3:-60}
ND="$PWD/$B/newsdesk" GEN="$PWD/$B/bench/bench-gen" M="$PWD/$B/bench/bench-measure"
W=$(mktemp -d /tmp/nd-photobench.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
DB="$W/desk.db"

# the file and its write-ahead log, as a copy of the store would need
size() { cat "$DB" "$DB-wal" 2>/dev/null | wc -c; }
mib() { python3 -c "print(f'{$1 / 1048576:.1f} MiB')"; }
backup_s() {
	rm -f "$W/b.db"
	local t0 t1
	t0=$(date +%s.%N)
	"$ND" --db "$DB" backup "$W/b.db" >/dev/null
	t1=$(date +%s.%N)
	python3 -c "print(f'{$t1 - $t0:.2f} s')"
}
check_s() {
	local t0 t1
	t0=$(date +%s.%N)
	"$ND" --db "$DB" check >/dev/null || true
	t1=$(date +%s.%N)
	python3 -c "print(f'{$t1 - $t0:.2f} s')"
}
desk() { "$M" 10 -- "$ND" --db "$DB" desk --once </dev/null | awk '{print $1 " ms median, " int($4 / 1024) " MB peak RSS"}'; }

"$GEN" "$DB" "$ITEMS" /work/shared/corpus >/dev/null 2>&1 || "$GEN" "$DB" "$ITEMS" "$PWD/tests/data/articles" >/dev/null
echo "store of $ITEMS items: $(mib "$(size)"), backup $(backup_s), check $(check_s), desk start $(desk)"

python3 - "$W" "$PHOTOS" <<'PY'
import os, sys
w, n = sys.argv[1], int(sys.argv[2])
t = bytes(64 + (b >> 1) for b in range(256))
for i in range(n):
    with open(f"{w}/{i}.ppm", "wb") as f:
        f.write(b"P6 3000 2000 255\n" + os.urandom(3000 * 2000 * 3).translate(t))
PY
# items a photo may go on (an editable state), the first PHOTOS for the
# pictures, the next PHOTOS for the same pictures again
mapfile -t ids < <("$ND" --db "$DB" list --state submitted --limit $((2 * PHOTOS)) --format tsv | cut -f1)
[ "${#ids[@]}" -ge $((2 * PHOTOS)) ] || { echo "bench/photos.sh: too few submitted items" >&2; exit 1; }
total=0
for i in $(seq 0 $((PHOTOS - 1))); do
	cjpeg -quality 85 "$W/$i.ppm" >"$W/$i.jpg"
	rm "$W/$i.ppm"
	total=$((total + $(stat -c %s "$W/$i.jpg")))
done
t0=$(date +%s.%N)
for i in $(seq 0 $((PHOTOS - 1))); do "$ND" --db "$DB" attach "${ids[$i]}" "$W/$i.jpg" >/dev/null; done
t1=$(date +%s.%N)
echo "attached $PHOTOS photos ($(mib $total) of JPEG) in $(python3 -c "print(f'{($t1 - $t0) / $PHOTOS * 1000:.0f}')") ms each"
echo "with photos: $(mib "$(size)"), backup $(backup_s), check $(check_s), desk start $(desk)"
for i in $(seq 0 $((PHOTOS - 1))); do "$ND" --db "$DB" attach "${ids[$((i + PHOTOS))]}" "$W/$i.jpg" >/dev/null; done
echo "the same $PHOTOS photos on $PHOTOS more items: $(mib "$(size)"), desk start $(desk)"
