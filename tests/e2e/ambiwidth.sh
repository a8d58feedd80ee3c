#!/usr/bin/env bash
# ambiwidth.sh — ambiguous-width characters (“ ” · … — ─) on a terminal
# that draws them two columns wide: GNU screen with `cjkwidth on`, itself
# in a tmux pane of 120x30. screen's hardcopy writes one byte per cell (a
# double-width character is its low byte and 0xFF), so byte offsets in it
# are the cells where screen put each thing. (lib.sh's screen() reads the
# tmux pane; GNU screen is `command screen`.)
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
if ! command -v screen >/dev/null; then
	echo "1..0 # SKIP GNU screen is not installed (scripts/deps.sh installs it as root)"
	exit 0
fi
setup_demo
export SCREENDIR="$TMP/screens"
mkdir -p "$SCREENDIR" && chmod 700 "$SCREENDIR"
SCR="nd-$$"
trap 'command screen -S "$SCR" -X quit >/dev/null 2>&1; stop_server; rm -rf "$TMP"' EXIT
today=$(date +%m-%d)

# start_screen on|off [VAR=value...] [-- ARGS...]: the desk in screen in tmux.
start_screen() {
	local cjk=$1
	shift
	local envs=() args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift && args=("$@")
	command screen -S "$SCR" -X quit >/dev/null 2>&1
	printf 'cjkwidth %s\ndefutf8 on\ndefencoding utf8\nstartup_message off\n' "$cjk" >"$TMP/screenrc"
	fresh_server
	tm new-session -d -s "$SESSION" -x 120 -y 30 \
		env TERM=screen SCREENDIR="$SCREENDIR" screen -S "$SCR" -c "$TMP/screenrc" \
		env NEWSDESK_DB="$NEWSDESK_DB" NEWSDESK_LOCALEDIR="$LOCALEDIR" LC_ALL= LANG=C.UTF-8 \
		"${envs[@]}" "$NEWSDESK" "${args[@]}"
	wait_for "newsdesk" 15 || fail "the desk started in screen" "$(screen)"
}

HC="$TMP/hardcopy"
hardcopy() { command screen -S "$SCR" -X hardcopy "$HC" && [ -s "$HC" ]; }
# the list's rows: lines of the hardcopy that begin with an ID and a state
# and hold the date (the item pane's "returned by … at <date>" line, when
# a returned item is selected, is no row)
rows() { LC_ALL=C grep -aE "^ *[0-9]+ +(submitted|edited|approved|returned) .*$today" "$HC"; }
listed() { hardcopy && [ "$(rows | wc -l)" -ge 10 ]; }
# the cells (byte offsets) where each row's Updated column starts
updated_cells() { rows | LC_ALL=C awk -v d="$today" '{ print index($0, d) }' | sort -u; }
widest() { LC_ALL=C awk '{ if (length($0) > w) w = length($0) } END { print w }' "$HC"; }
# rows whose byline was cut with … (0x26 0xFF in the hardcopy: two cells)
cut_rows() { rows | LC_ALL=C grep -ac $'&\xff'; }

# check_layout WHAT: every row's columns start at the same cell, and no
# line is wider than the window.
check_layout() {
	if LIMIT=10 wait_until listed; then pass "$1: the list is drawn"; else fail "$1: list" "$(cat -v "$HC")"; fi
	local cells
	cells=$(updated_cells)
	equals "$1: every row's Updated column starts at the same cell ($(echo $cells))" \
		"$(printf '%s\n' "$cells" | wc -l | tr -d ' ')" 1
	case "$(head -1 "$HC")" in
	*"admin"*) pass "$1: the title line (with its ·) keeps its right end" ;;
	*) fail "$1: title cut" "$(head -1 "$HC" | cat -v)" ;;
	esac
	[ "$(widest)" -le 120 ] && pass "$1: no line is wider than the window" ||
		fail "$1: line width" "$(widest)" "$(cat -v "$HC")"
}

# auto under cjkwidth on: the probe finds 2 and the layout obeys it.
start_screen on -- --ambiwidth auto
check_layout "auto, cjkwidth on"
[ "$(cut_rows)" -ge 1 ] && pass "…rows whose byline ends in a two-cell … are among them ($(cut_rows))" ||
	fail "no byline cut with …" "$(rows | cat -v)"
keys M
shows "the probe says what it found (:messages)" "the terminal drew" 10
shows "…two columns" "2 columns wide" 5
keys q q

# The environment variable, without a probe.
start_screen on NEWSDESK_AMBIWIDTH=2
check_layout "NEWSDESK_AMBIWIDTH=2"
keys M
shows "the message history says where the setting came from" "(NEWSDESK_AMBIWIDTH)" 10
keys q q

# The same terminal drawing them narrow: the probe finds 1.
start_screen off -- --ambiwidth auto
check_layout "auto, cjkwidth off"
keys M
shows "the probe finds one column on a terminal that draws “ narrow" "1 column wide" 10
keys q q
finish
