# lib.sh — drive the real desk in tmux: start it on a fixed-size detached
# session on its own tmux socket, send keys, read the screen with
# capture-pane, and wait for text rather than sleeping. Sourced.
. "$(dirname "$0")/../cli/lib.sh"
# Each start_desk gets a tmux server of its own: killing the last session of
# a server makes it exit, and a new-session racing that exit on the same
# socket fails ("server exited unexpectedly") on a loaded machine.
SOCKET_BASE="newsdesk-e2e-$$"
SOCKET_N=0
SOCKET="$SOCKET_BASE-0"
SESSION=desk
trap 'stop_server; rm -rf "$TMP"' EXIT

# tmux itself without meson's MALLOC_PERTURB_ (it is for newsdesk's bugs, not
# tmux's): start_desk hands it to the desk.
tm() { env -u MALLOC_PERTURB_ tmux -L "$SOCKET" -f /dev/null "$@"; }

# stop_server: end this test's current tmux server and wait until it and
# the programs in its panes (they get SIGHUP) have ended, so nothing of it
# outlives the test and no desk still writes to a store the test replaces.
stop_server() {
	local pids i=0
	pids=$(tm display-message -p '#{pid}' 2>/dev/null) || return 0
	pids="$pids $(tm list-panes -a -F '#{pane_pid}' 2>/dev/null)"
	tm kill-server 2>/dev/null
	# shellcheck disable=SC2086
	until ended $pids || [ "$i" -ge 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
}

# fresh_server: the old server waited out, a new socket for the next
# new-session (never a new-session racing a dying server's exit).
fresh_server() {
	stop_server
	SOCKET_N=$((SOCKET_N + 1))
	SOCKET="$SOCKET_BASE-$SOCKET_N"
}

# start_desk COLS ROWS [VAR=value ...] [-- ARGS...]: the desk as the admin,
# with no key-binding file of the user running the tests (a VAR given wins).
start_desk() {
	local cols=$1 rows=$2
	shift 2
	local envs=() args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift && args=("$@")
	fresh_server
	tm new-session -d -s "$SESSION" -x "$cols" -y "$rows" \
		env NEWSDESK_DB="$NEWSDESK_DB" NEWSDESK_LOCALEDIR="$LOCALEDIR" LC_ALL= LANG=C.UTF-8 \
		XDG_CONFIG_HOME="$TMP/no-config" ${MALLOC_PERTURB_:+MALLOC_PERTURB_=$MALLOC_PERTURB_} \
		"${envs[@]}" "$NEWSDESK" "${args[@]}"
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

# until COMMAND... succeeds, polled every 50 ms for at most $LIMIT (5) seconds
wait_until() {
	local i=0
	while [ "$i" -lt $((${LIMIT:-5} * 20)) ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# the widest line on screen is at most COLS
fits() { [ "$(screen | "$COLWIDTH" | sort -n | tail -1)" -le "$1" ]; }
# the screen is exactly TEXT
screen_is() { [ "$(screen)" = "$1" ]; }

# The demo desk: the corpus articles filed by their reporters.
setup_demo() {
	bash "$SRCDIR/scripts/make-demo-db" "$NEWSDESK_DB" "$NEWSDESK" --plain 2>/dev/null
}
