# sshd.sh — sourced by the SSH tests (after lib.sh): a desk with four
# users and their keys, newsdesk's authorized_keys, and a real OpenSSH
# server of the test's own on 127.0.0.1 (a free port, stopped by its pid
# when the test exits). Skips the whole test when OpenSSH is missing.
#   sshd_start         — all of it; passes "sshd started" or ends the test
#   as_user WHO WORDS… — ssh in with WHO's key (zhu, li: reporters;
#                        wangj: an editor; chen: the chief)
#   mux_open / mux_close — one multiplexed connection per user, for runs of
#                        many sessions (the forced command applies to each)
SSHD=/usr/sbin/sshd

sshd_start() {
	if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null; then
		echo "1..0 # SKIP openssh-server/openssh-client not installed (scripts/test installs them)"
		exit 0
	fi
	setup_desk
	me=$(id -un)
	nd user add wangj --role editor --name 王娟 >/dev/null
	for who in zhu li wangj chen; do
		ssh-keygen -q -t ed25519 -N "" -C "$who@field" -f "$TMP/$who"
		nd user key "$who" --key "$TMP/$who.pub" >/dev/null
	done
	printf '# kept: a line of the account owner\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOWNERKEYOWNERKEYOWNERKEYOWNERKEY00 owner\n' \
		>"$TMP/authorized_keys"
	nd keys --install "$TMP/authorized_keys" >/dev/null
	# AcceptEnv NEWSDESK_*: as an admin might widen it; the forced
	# command must still read none but those its man page lists
	local started=0
	sshd_run "AcceptEnv LANG LC_* NEWSDESK_*" "SetEnv NEWSDESK_LOCALEDIR=${NEWSDESK_LOCALEDIR:-}" &&
		started=1
	trap sshd_stop EXIT
	if [ "$started" -eq 1 ]; then
		pass "sshd started on 127.0.0.1:$port"
	else
		fail "sshd started" "$(cat "$TMP/sshd-t.log" "$TMP/sshd.log" 2>/dev/null)"
		finish
		exit 1
	fi
}

# sshd_run [LINE…] — starts a server of the test's own on a free port of
# 127.0.0.1 with $TMP/authorized_keys as the keys it takes and each LINE
# added to its config; sets $port. Returns 1 when no port would do, 2 when
# sshd refuses the config ($TMP/sshd-t.log says why).
sshd_run() {
	if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd; fi
	[ -f "$TMP/host" ] || ssh-keygen -q -t ed25519 -N "" -f "$TMP/host"
	{
		cat <<CFG
ListenAddress 127.0.0.1
HostKey $TMP/host
PidFile $TMP/sshd.pid
AuthorizedKeysFile $TMP/authorized_keys
UsePAM no
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AllowUsers $(id -un)
LogLevel ERROR
CFG
		printf '%s\n' "$@"
	} >"$TMP/sshd_config"
	local try i
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 20000))
		"$SSHD" -t -f "$TMP/sshd_config" -o "Port $port" 2>"$TMP/sshd-t.log" || return 2
		if "$SSHD" -f "$TMP/sshd_config" -o "Port $port" -E "$TMP/sshd.log"; then
			for i in $(seq 1 100); do
				[ -s "$TMP/sshd.pid" ] && kill -0 "$(cat "$TMP/sshd.pid")" 2>/dev/null &&
					ssh_probe && return 0
				sleep 0.05
			done
			[ -s "$TMP/sshd.pid" ] && kill "$(cat "$TMP/sshd.pid")" 2>/dev/null
			rm -f "$TMP/sshd.pid"
		fi
	done
	return 1
}

# Is the server answering? (a TCP connect on the port)
ssh_probe() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

sshd_stop() {
	mux_close
	[ -s "$TMP/sshd.pid" ] && kill "$(cat "$TMP/sshd.pid")" 2>/dev/null
	rm -rf "$TMP"
}

ssh_opts() {
	printf '%s\n' -F /dev/null -i "$TMP/$1" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes \
		-o LogLevel=ERROR -o ConnectTimeout=10
}

# as_user WHO [ssh args…] COMMAND (over WHO's multiplexed connection when open)
as_user() {
	local who=$1
	shift
	local -a o
	mapfile -t o < <(ssh_opts "$who")
	if [ -S "$TMP/cm-$who" ]; then
		o+=(-o ControlMaster=no -o "ControlPath=$TMP/cm-$who")
	fi
	ssh "${o[@]}" "$me@127.0.0.1" "$@"
}

mux_open() {
	local who
	local -a o
	for who in zhu li wangj chen; do
		mapfile -t o < <(ssh_opts "$who")
		ssh "${o[@]}" -o ControlMaster=yes -o "ControlPath=$TMP/cm-$who" \
			-o ControlPersist=600 -N -f "$me@127.0.0.1" </dev/null >/dev/null 2>&1
	done
}

mux_close() {
	local who
	for who in zhu li wangj chen; do
		[ -S "$TMP/cm-$who" ] &&
			ssh -F /dev/null -o "ControlPath=$TMP/cm-$who" -O exit "$me@127.0.0.1" \
				>/dev/null 2>&1
	done
	return 0
}

# refused WHO WORDS…: exit 2 (a usage refusal); every output kept for the
# canary check and every refusal listed for the audit check
refused() {
	local who=$1 rc=0
	shift
	as_user "$who" "$@" >"$TMP/o" 2>&1 </dev/null || rc=$?
	cat "$TMP/o" >>"$TMP/all-output"
	printf '%s\t%s\n' "$who" "$*" >>"$TMP/refusals"
	if [ "$rc" -eq 2 ]; then pass "$who: '$*' is refused"; else fail "$who: '$*' is refused" "exit $rc" "$(cat "$TMP/o")"; fi
}

# audit_check: every refusal this run made is in the audit log, refused,
# under its user's login
audit_check() {
	[ -s "$TMP/refusals" ] || return 0
	local log missing=0 n
	log=$(nd audit --refused)
	n=$(wc -l <"$TMP/refusals")
	while IFS=$'\t' read -r who words; do
		case "$log" in *"  $who  "*"  refused  $words"*) ;; *)
			missing=$((missing + 1))
			[ "$missing" -le 3 ] && echo "# not in the audit log: $who: $words"
			;;
		esac
	done <"$TMP/refusals"
	equals "the audit log has every one of the $n refusals" "$missing" 0
}
