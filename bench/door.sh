#!/usr/bin/env bash
# bench/door.sh — what a hostile reporter's pictures cost the door (issue
# 32): CPU seconds and peak RSS of checking and attaching each hostile
# image through the forced command (ssh-shell, as sshd runs it), and the
# peak memory of all newsdesk processes while SIX uploads of the largest
# arrive at once (the upload slots make the rest wait). Run by hand, never
# by the test suite.
#
#   bench/door.sh [BUILD_DIR]    (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build}
ND="$PWD/$B/newsdesk"
W=$(mktemp -d /tmp/nd-doorbench.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
DB="$W/desk.db"
"$ND" --db "$DB" init >/dev/null
"$ND" --db "$DB" user add rep --role reporter >/dev/null
echo "making the hostile pictures (tests/tools/mkphotos.py --hostile)…" >&2
python3 tests/tools/mkphotos.py "$W/p" --hostile >/dev/null

shell() { SSH_ORIGINAL_COMMAND="$1" "$ND" --db "$DB" ssh-shell rep; }
new_item() { shell file <tests/data/articles/a01.txt | grep -o '#[0-9]*' | head -1 | tr -d '#'; }

printf '%-18s %10s %8s %9s  %s\n' picture bytes "CPU s" "peak MB" result
for f in "$W"/p/*-8900.png "$W"/p/noise-6000*.jpg "$W"/p/noise-6000.webp "$W"/p/bomb.png "$W"/p/1.jpg; do
	[ -e "$f" ] || continue
	id=$(new_item)
	/usr/bin/time -f '%U %S %M' -o "$W/t" \
		env SSH_ORIGINAL_COMMAND="attach $id --name $(basename "$f")" \
		"$ND" --db "$DB" ssh-shell rep <"$f" >"$W/o" 2>&1 || true
	read -r u s m < <(tail -1 "$W/t")
	printf '%-18s %10d %8.2f %9d  %s\n' "$(basename "$f")" "$(wc -c <"$f")" \
		"$(python3 -c "print($u + $s)")" $((m / 1024)) "$(head -c 70 "$W/o" | tr '\n' ' ')"
done

# six at once: the summed RSS of the six, sampled (theirs only: the
# machine may run other newsdesks)
big=$(ls -S "$W"/p/*.png | head -1)
pids=()
for i in 1 2 3 4 5 6; do
	id=$(new_item)
	SSH_ORIGINAL_COMMAND="attach $id --name $i.png" "$ND" --db "$DB" ssh-shell rep \
		<"$big" >/dev/null 2>&1 &
	pids+=($!)
done
peak=0
alive() {
	local p
	for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done
	return 1
}
while alive; do
	sum=$(ps -o rss= -p "$(IFS=,; echo "${pids[*]}")" | awk '{s += $1} END {print s + 0}')
	[ "$sum" -gt "$peak" ] && peak=$sum
	sleep 0.05
done
wait "${pids[@]}" || true
echo "six uploads of $(basename "$big") ($(($(wc -c <"$big") / 1048576)) MiB) at once: peak $((peak / 1024)) MB summed RSS (upload slots: 2)"
