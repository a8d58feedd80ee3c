#!/usr/bin/env bash
# bench/bytes.sh — bytes on the wire: what the desk writes to its terminal
# for one j in the list, ten j in one burst, the idle editor for a minute
# and one typed 汉字, beside mutt (an mbox generated here) and tig (this
# repository) on the same terminal size; and beside the same kind of
# screen as the list over its item pane: mutt's pager under
# pager_index_lines (j: the next message) and tig's main view over its diff
# (^N in the diff: the next commit). Bytes are counted through tmux's
# pipe-pane (-o: what the program writes to the pty), on a tmux server of
# our own; each figure is the median of RUNS (5) tries. By hand, never from
# the tests:
#   bench/bytes.sh                 (the build in build/, the demo store)
#   BUILD=build-bench IDLE=60 RUNS=5 bench/bytes.sh
# mutt and tig are measured when installed (apt-get install mutt tig); a
# missing one is said so in the table.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ND="$PWD/$BUILD/newsdesk"
RUNS=${RUNS:-5}
IDLE=${IDLE:-60}
COLS=120 ROWS=40
[ -x "$ND" ] || { echo "bench/bytes.sh: build first (ninja -C $BUILD)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench/bytes.sh: needs tmux" >&2; exit 1; }
TMP=$(mktemp -d)
SOCK_N=0
SOCK="nd-bytes-$$-0"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$TMP"' EXIT
# each run on a tmux server of its own: a new session racing the exit of
# the server whose last session was killed fails on a busy machine
fresh_server() {
	tm kill-server 2>/dev/null || true
	SOCK_N=$((SOCK_N + 1))
	SOCK="nd-bytes-$$-$SOCK_N"
}
export LC_ALL=C.UTF-8

# start NAME CMD...: a detached session of COLS×ROWS running CMD
start() {
	local name=$1
	shift
	fresh_server
	tm new-session -d -s b -x "$COLS" -y "$ROWS" env TERM=tmux-256color "$@"
	tm set-option -t b status off >/dev/null
	settle /dev/null
}
screen() { tm capture-pane -p -t b; }
# settle FILE: until FILE (the piped bytes) and the screen stay the same
# for 400 ms, at most 10 s
settle() {
	local last="" now i=0 same=0
	while [ "$i" -lt 200 ] && [ "$same" -lt 8 ]; do
		now="$(stat -c %s "$1" 2>/dev/null || echo 0):$(screen | md5sum)"
		if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
		last=$now
		sleep 0.05
		i=$((i + 1))
	done
}
# count KEYS...: bytes written in answer to send-keys KEYS (one write)
count() {
	local f="$TMP/out.$RANDOM"
	: >"$f"
	tm pipe-pane -t b -o "cat >>'$f'"
	tm send-keys -t b "$@"
	settle "$f"
	tm pipe-pane -t b
	stat -c %s "$f"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# once CMD...: CMD, then its tmux server ended (CMD runs in a subshell,
# where the server's socket was named)
once() {
	"$@"
	tm kill-server 2>/dev/null || true
}
# runs CMD...: CMD RUNS times, the median
runs() {
	local i
	for ((i = 0; i < RUNS; i++)); do once "$@"; done | median
}

# ---- the desk, on the demo store -----------------------------------------
export NEWSDESK_DB="$TMP/demo.db"
bash scripts/make-demo-db "$NEWSDESK_DB" "$ND" >/dev/null 2>&1
# the chief of the demo store (user list: login, role as "chief editor", name, status)
chief() { "$ND" user list 2>/dev/null | awk -F'\t' '$2 ~ /^chief/ {print $1; exit}'; }
desk_start() {
	start desk env NEWSDESK_DB="$NEWSDESK_DB" XDG_CONFIG_HOME="$TMP/none" "$ND" --as "$LOGIN"
	tm send-keys -t b s g # sorted by id: the same rows each run
	settle /dev/null
}
LOGIN=$(chief)
[ -n "$LOGIN" ] || { echo "bench/bytes.sh: the demo store has no chief" >&2; exit 1; }

one_j() { desk_start; count j; }
ten_j() { desk_start; count -l jjjjjjjjjj; }
# the same move as one request (10j): the ten j of a burst, drawn once,
# should cost no more
count_j() { desk_start; count -l 10j; }
zoom_j() { desk_start; tm send-keys -t b z; settle /dev/null; count j; }
zoom_ten() { desk_start; tm send-keys -t b z; settle /dev/null; count -l jjjjjjjjjj; }
editor_start() {
	desk_start
	local tries=0
	# the first item without a draft of the chief's (the demo has one)
	while :; do
		tm send-keys -t b e
		settle /dev/null
		case "$(screen)" in *"editing #"*) break ;; esac
		tries=$((tries + 1))
		[ "$tries" -lt 5 ] || { echo "bench/bytes.sh: the editor did not open" >&2; screen >&2; exit 1; }
		tm send-keys -t b Escape
		settle /dev/null
		tm send-keys -t b j
		settle /dev/null
	done
}
# a 汉字 typed at the end of the text, as one writes on (the second: the
# first also shows "unsaved"), and one typed before a paragraph's text,
# which moves the rest of its rows on
hanzi() {
	editor_start
	tm send-keys -t b C-End
	settle /dev/null
	tm send-keys -t b -l 汉
	settle /dev/null
	count -l 字
	discard
}
hanzi_start() {
	editor_start
	tm send-keys -t b -l 汉
	settle /dev/null
	tm send-keys -t b Home
	settle /dev/null
	count -l 字
	discard
}
# the editor left, its changes thrown away: no draft for the next run
discard() {
	tm send-keys -t b Escape
	settle /dev/null
	tm send-keys -t b n
	settle /dev/null
}
idle_editor() {
	editor_start
	local f="$TMP/idle"
	: >"$f"
	tm pipe-pane -t b -o "cat >>'$f'"
	sleep "$IDLE"
	tm pipe-pane -t b
	stat -c %s "$f"
}

D1=$(runs one_j)
D10=$(runs ten_j)
DC=$(runs count_j)
Z1=$(runs zoom_j)
Z10=$(runs zoom_ten)
H=$(runs hanzi)
HS=$(runs hanzi_start)
I=$(once idle_editor)

# ---- mutt, on a generated mbox -------------------------------------------
M1="-" M10="-" MP="-"
if command -v mutt >/dev/null; then
	# each message's body is one of the test corpus's articles (Chinese,
	# as the desk's items): the next message's text is new, as the next item's
	python3 - "$TMP/mbox" tests/data/articles <<'EOF'
import sys, os, email.utils, time
arts = sorted(os.path.join(sys.argv[2], n) for n in os.listdir(sys.argv[2]) if n.endswith(".txt"))
bodies = [open(a, encoding="utf-8").read().replace("\nFrom ", "\n>From ") for a in arts]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(200):
        t = time.gmtime(1700000000 + i * 3600)
        f.write(f"From reporter{i % 7}@example.org {time.strftime('%a %b %d %H:%M:%S %Y', t)}\n")
        f.write(f"From: Reporter {i % 7} <reporter{i % 7}@example.org>\n")
        f.write(f"To: desk@example.org\nSubject: Story number {i}: a headline of some length\n")
        f.write(f"Date: {email.utils.formatdate(1700000000 + i * 3600)}\nMessage-ID: <{i}@example.org>\n")
        f.write("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n")
        f.write("Content-Transfer-Encoding: 8bit\n\n")
        f.write(bodies[i % len(bodies)].rstrip("\n") + "\n\n")
EOF
	mutt_start() {
		start mutt mutt -n -F /dev/null -R -f "$TMP/mbox" -e 'set sort=date'
		settle /dev/null
	}
	mutt_one() { mutt_start; count j; }
	mutt_ten() { mutt_start; count -l jjjjjjjjjj; }
	# the pager with the index's rows above it (16 rows, as the desk's
	# list at its split): j shows the next message
	mutt_pager() {
		start mutt mutt -n -F /dev/null -R -f "$TMP/mbox" -e 'set sort=date' \
			-e 'set pager_index_lines=16'
		settle /dev/null
		tm send-keys -t b Enter
		settle /dev/null
		count j
	}
	M1=$(runs mutt_one)
	M10=$(runs mutt_ten)
	MP=$(runs mutt_pager)
fi

# ---- tig, on this repository ---------------------------------------------
T1="-" T10="-" TS="-"
if command -v tig >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
	tig_start() { start tig env TIGRC_USER=/dev/null tig; settle /dev/null; }
	tig_one() { tig_start; count j; }
	tig_ten() { tig_start; count -l jjjjjjjjjj; }
	# the main view over the diff of its selected commit (j first: a
	# worktree with changes lists them on the first row); ^N in the diff
	# moves the main view on and shows the next commit's diff
	tig_split() {
		tig_start
		tm send-keys -t b j
		settle /dev/null
		tm send-keys -t b Enter
		settle /dev/null
		count C-n
	}
	T1=$(runs tig_one)
	T10=$(runs tig_ten)
	TS=$(runs tig_split)
fi

ratio() { python3 -c "import sys; a,b=sys.argv[1],sys.argv[2]; print('-' if '-' in (a,b) or float(b)==0 else f'{float(a)/float(b):.2f}')" "$1" "$2"; }
printf '%-52s %8s\n' "bytes on the wire (${COLS}x${ROWS}, median of $RUNS)" "bytes"
printf '%-52s %8s\n' "desk: one j in the list (the item pane follows)" "$D1"
printf '%-52s %8s   %s\n' "desk: ten j in one burst" "$D10" "ratio to one j: $(ratio "$D10" "$D1") (target <= 2)"
printf '%-52s %8s   %s\n' "desk: 10j (the same move, one request)" "$DC" "ten j / 10j: $(ratio "$D10" "$DC")"
printf '%-52s %8s   %s\n' "desk: one j, the list zoomed (z: as mutt's index)" "$Z1" "ratio to mutt: $(ratio "$Z1" "$M1") (target <= 1.2)"
printf '%-52s %8s   %s\n' "desk: ten j, the list zoomed" "$Z10" "ratio to one j: $(ratio "$Z10" "$Z1") (target <= 2)"
printf '%-52s %8s   %s\n' "desk: the idle editor, ${IDLE} s" "$I" "target 0"
printf '%-52s %8s   %s\n' "desk: one 汉字 typed at the end of the text" "$H" "target <= 64"
printf '%-52s %8s\n' "desk: one 汉字 typed before a paragraph's text" "$HS"
printf '%-52s %8s\n' "mutt: one j in the index" "$M1"
printf '%-52s %8s\n' "mutt: ten j in one burst" "$M10"
printf '%-52s %8s\n' "mutt: j in the pager under 16 index rows" "$MP"
printf '%-52s %8s\n' "tig: one j in the main view" "$T1"
printf '%-52s %8s\n' "tig: ten j in one burst" "$T10"
printf '%-52s %8s\n' "tig: ^N in the diff under the main view" "$TS"
printf 'desk one j / mutt one j: %s   desk one j / tig one j: %s\n' "$(ratio "$D1" "$M1")" "$(ratio "$D1" "$T1")"
printf 'the same kind of screen: desk one j / mutt pager j: %s   desk one j / tig ^N: %s\n' \
	"$(ratio "$D1" "$MP")" "$(ratio "$D1" "$TS")"
