# lib.sh — drive the real desk in tmux: start it on a fixed-size detached
# session on its own tmux socket, send keys, read the screen with
# capture-pane, and wait for text rather than sleeping. Sourced.
. "$(dirname "$0")/../cli/lib.sh"
SOCKET="newsdesk-e2e-$$"
SESSION=desk
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

# start_desk COLS ROWS [VAR=value ...] [-- ARGS...]: the desk as the admin.
start_desk() {
	local cols=$1 rows=$2
	shift 2
	local envs=() args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift && args=("$@")
	# The new session first, then the old one killed: a server left with no
	# session exits, and a new session asked of it while it does fails
	# under load ("server exited unexpectedly").
	local old=$SESSION
	desks=$((${desks:-0} + 1))
	SESSION=desk$desks
	tm new-session -d -s "$SESSION" -x "$cols" -y "$rows" \
		env NEWSDESK_DB="$NEWSDESK_DB" NEWSDESK_LOCALEDIR="$LOCALEDIR" LC_ALL= LANG=C.UTF-8 \
		"${envs[@]}" "$NEWSDESK" "${args[@]}"
	tm kill-session -t "=$old" 2>/dev/null # "=": exactly, not desk1 for desk
	wait_for "newsdesk" 15 || fail "the desk started" "$(screen)"
}

screen() { tm capture-pane -p -t "$SESSION"; }
keys() { tm send-keys -t "$SESSION" "$@"; }
# Literal text, even when it looks like a key name.
type_text() { tm send-keys -t "$SESSION" -l "$1"; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
	local text=$1 limit=${2:-5} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		case "$(screen)" in *"$text"*) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT.
wait_gone() {
	local text=$1 limit=${2:-5} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		case "$(screen)" in *"$text"*) ;; *) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

shows() { if wait_for "$2" "${3:-10}"; then pass "$1"; else fail "$1" "wanted on screen: $2" "$(screen)"; fi; }
hides() { if wait_gone "$2" "${3:-10}"; then pass "$1"; else fail "$1" "did not want: $2" "$(screen)"; fi; }

# The demo desk: the corpus articles filed by their reporters.
setup_demo() {
	bash "$SRCDIR/scripts/make-demo-db" "$NEWSDESK_DB" "$NEWSDESK" 2>/dev/null
}
