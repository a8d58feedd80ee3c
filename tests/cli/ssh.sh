#!/usr/bin/env bash
# ssh.sh — reporters over a real OpenSSH server on 127.0.0.1: the keys
# newsdesk installs, the forced-command shell, refusals. The server is this
# test's own, on a free port, stopped by its pid.
. "$(dirname "$0")/lib.sh"
SSHD=/usr/sbin/sshd
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null; then
	echo "1..0 # SKIP openssh-server/openssh-client not installed (scripts/test installs them)"
	exit 0
fi
if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd; fi
setup_desk
me=$(id -un)
nd user add wangj --role editor --name 王娟 >/dev/null
for who in zhu li wangj chen; do ssh-keygen -q -t ed25519 -N "" -C "$who@field" -f "$TMP/$who"; done
ssh-keygen -q -t ed25519 -N "" -f "$TMP/host"

expect_ok "user key" nd user key zhu --key "$TMP/zhu.pub"
nd user key li --key "$TMP/li.pub" >/dev/null
nd user key wangj --key "$TMP/wangj.pub" >/dev/null
nd user key chen --key "$TMP/chen.pub" >/dev/null
expect_exit 1 "the same key for two users is refused" nd user key wang --key "$TMP/zhu.pub"
contains "…naming its owner" "$err" "already belongs to zhu"
printf 'command="/bin/sh" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI x\n' >"$TMP/bad.pub"
expect_exit 1 "a key line with options is refused" nd user key wang --key "$TMP/bad.pub"
printf '# kept: a line of the account owner\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOWNERKEYOWNERKEYOWNERKEYOWNERKEY00 owner\n' >"$TMP/authorized_keys"
expect_ok "keys --install" nd keys --install "$TMP/authorized_keys"
keys=$(cat "$TMP/authorized_keys")
contains "lines outside newsdesk's block are kept" "$keys" "# kept: a line of the account owner"
contains "each user's line forces the shell with their login" "$keys" "ssh-shell zhu\" ssh-ed25519"
contains "…restricted, with a pty allowed for the desk" "$keys" "restrict,pty,command="
expect_ok "keys --install again" nd keys --install "$TMP/authorized_keys"
equals "installing twice changes nothing" "$(cat "$TMP/authorized_keys")" "$keys"
equals "the file is private" "$(stat -c %a "$TMP/authorized_keys")" 600

cat >"$TMP/sshd_config" <<CFG
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
AllowUsers $me
AcceptEnv LANG LC_*
SetEnv NEWSDESK_LOCALEDIR=${NEWSDESK_LOCALEDIR:-}
LogLevel ERROR
CFG
started=0
for try in 1 2 3 4 5 6 7 8; do
	port=$((20000 + RANDOM % 20000))
	"$SSHD" -t -f "$TMP/sshd_config" -o "Port $port" 2>"$TMP/sshd-t.log" || { fail "sshd -t accepts the config" "$(cat "$TMP/sshd-t.log")"; break; }
	if "$SSHD" -f "$TMP/sshd_config" -o "Port $port" -E "$TMP/sshd.log"; then
		for i in $(seq 1 50); do [ -s "$TMP/sshd.pid" ] && break; sleep 0.05; done
		sleep 0.2
		if [ -s "$TMP/sshd.pid" ] && kill -0 "$(cat "$TMP/sshd.pid")" 2>/dev/null; then started=1; break; fi
	fi
done
stop_sshd() { [ -s "$TMP/sshd.pid" ] && kill "$(cat "$TMP/sshd.pid")" 2>/dev/null; rm -rf "$TMP"; }
trap stop_sshd EXIT
[ "$started" -eq 1 ] && pass "sshd started on 127.0.0.1:$port" || { fail "sshd started" "$(cat "$TMP/sshd.log" 2>/dev/null)"; finish; exit 1; }

# as_user WHO [ssh args…] COMMAND: ssh in with WHO's key.
as_user() {
	local who=$1
	shift
	ssh -F /dev/null -i "$TMP/$who" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes \
		-o LogLevel=ERROR -o ConnectTimeout=5 "$me@127.0.0.1" "$@"
}

story="$SRCDIR/tests/data/articles/a01.txt"
expect_ok "a reporter files in UTF-8 over ssh" as_user zhu file <"$story"
contains "…in Chinese, the publication's language, when no LANG is sent" "$out" "已提交 #1 大丰区总工会“双进”宣讲向纵深挺进（"
iconv -f UTF-8 -t GB18030 "$SRCDIR/tests/data/articles/a05.txt" >"$TMP/gb.txt"
expect_ok "…and in GB18030, in English when LANG says so" env LANG=en_US.UTF-8 LC_ALL= \
	ssh -F /dev/null -i "$TMP/zhu" -p "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o BatchMode=yes -o IdentitiesOnly=yes -o LogLevel=ERROR -o SendEnv=LANG "$me@127.0.0.1" file <"$TMP/gb.txt"
contains "…filed" "$out" "filed #2 射阳县工人文化宫打造最美职工书屋"
expect_ok "mine" as_user zhu mine
contains "mine lists the UTF-8 item" "$out" "#1"
contains "…and the GB18030 one, decoded" "$out" "射阳县工人文化宫打造最美职工书屋"
expect_ok "the stored text is UTF-8" nd show 2 --format json
contains "…from GB18030" "$out" '"encoding":"GB18030"'

nd --as li file "$SRCDIR/tests/data/articles/c03.txt" >/dev/null
before=$(nd list --format tsv | md5sum)
events=$(python3 -c "import sqlite3;print(sqlite3.connect('$NEWSDESK_DB').execute('select count(*) from events').fetchone()[0])")
expect_exit 3 "show on someone else's item is refused" as_user zhu show 3
contains "…saying why, in the publication's language" "$err" "不是你的稿件"
expect_exit 3 "a reporter may not approve" as_user zhu approve 1
expect_exit 2 "sh is refused" as_user zhu sh
contains "…in one line, in the publication's language" "$err" "“sh”不是 newsdesk 命令"
expect_exit 2 "'file; rm -rf /' is refused" as_user zhu 'file; rm -rf /'
expect_exit 2 "a command with \$(…) is refused" as_user zhu '$(touch '"$TMP"'/pwned)'
[ ! -e "$TMP/pwned" ] && pass "…and nothing ran" || fail "\$(…) ran"
expect_exit 2 "\`…\` is refused" as_user zhu '`touch '"$TMP"'/pwned2`'
[ ! -e "$TMP/pwned2" ] && pass "…and nothing ran" || fail "backticks ran"
expect_exit 2 "file naming a server path is refused" as_user zhu file /etc/passwd
expect_exit 2 "edit --from is refused" as_user zhu edit 1 --from /etc/passwd
expect_exit 2 "--db is refused" as_user zhu list --db /tmp/x
expect_exit 2 "show --original (raw bytes) is refused over SSH" as_user zhu show 1 --original
expect_exit 2 "an unterminated quote is refused" as_user zhu "show 'x"
expect_exit 2 "list is not for reporters" as_user zhu list
equals "nothing changed" "$(nd list --format tsv | md5sum)" "$before"
equals "no event was logged" "$(python3 -c "import sqlite3;print(sqlite3.connect('$NEWSDESK_DB').execute('select count(*) from events').fetchone()[0])")" "$events"

# A cut upload: --bytes and --sha256 refuse it; a retried token files once.
size=$(wc -c <"$story")
sum=$(sha256sum "$story" | cut -d' ' -f1)
head -c 200 "$story" >"$TMP/cut.txt"
expect_exit 1 "a truncated upload is refused by --bytes" as_user zhu file --bytes "$size" <"$TMP/cut.txt"
contains "…clearly, in the publication's language" "$err" "上传被截断"
expect_exit 1 "…and by --sha256" as_user zhu file --sha256 "$sum" <"$TMP/cut.txt"
expect_ok "the whole upload passes both" as_user zhu file --bytes "$size" --sha256 "$sum" --token up-1 <"$story"
expect_ok "a retry with the same token" as_user zhu file --bytes "$size" --sha256 "$sum" --token up-1 <"$story"
contains "…is not filed twice" "$out" "已提交过 #4"

# Photos over SSH (issue 22): two pictures on standard input, checked.
python3 "$SRCDIR/tests/tools/mkphotos.py" "$TMP/pics" >/dev/null
psize=$(wc -c <"$TMP/pics/2.png")
psum=$(sha256sum "$TMP/pics/2.png" | cut -d' ' -f1)
expect_ok "a reporter attaches a photo over ssh" as_user zhu attach 4 --name 1.jpg --caption 运动会 <"$TMP/pics/1.jpg"
contains "…to their item" "$out" "#4"
contains "…read as a JPEG" "$out" "jpeg 320×240"
expect_ok "…and a second, with --bytes and --sha256" \
	as_user zhu attach 4 --name 2.png --bytes "$psize" --sha256 "$psum" <"$TMP/pics/2.png"
contains "…as the second" "$out" "png 160×100"
expect_exit 1 "a cut photo upload is refused" as_user zhu attach 4 --name 2.png --bytes "$psize" <"$TMP/pics/1.jpg"
expect_exit 2 "attach naming a server file is refused" as_user zhu attach 4 /etc/passwd
expect_exit 2 "photo get (raw bytes) is refused over SSH" as_user zhu photo get 4 1
expect_ok "photo list over ssh" as_user zhu photo list 4
contains "…lists both" "$out" "2.png"
expect_ok "mine counts them" as_user zhu mine
case "$out" in *"photos: 2"* | *"照片 2 张"*) pass "…two on the item" ;; *) fail "…two on the item" "$out" ;; esac
nd photo get 4 2 >"$TMP/got.png"
cmp -s "$TMP/got.png" "$TMP/pics/2.png" && pass "…the bytes that went in over ssh, bit for bit" || fail "photo over ssh kept whole"

# The returned item comes back to the reporter, who refiles it.
nd --as wang return 1 --note "电头缺日期" >/dev/null
expect_ok "mine shows the last note" as_user zhu mine
contains "…on the returned item" "$out" "电头缺日期"
expect_ok "refile over ssh" as_user zhu refile 1

expect_ok "an editor lists everything" as_user wangj list --format tsv
equals "…all four items" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 4
expect_ok "help without a terminal" as_user zhu
contains "…lists the reporter's commands" "$out" "file [--encoding"

# ssh -t opens the desk, limited to the user's rights: zhu sees zhu's items.
if command -v tmux >/dev/null; then
	sock="nd-ssh-$$"
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 110 -y 30 \
		ssh -tt -F /dev/null -i "$TMP/zhu" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o LogLevel=ERROR \
		-o SendEnv=LANG "$me@127.0.0.1"
	seen=""
	for i in $(seq 1 200); do
		seen=$(tmux -L "$sock" capture-pane -p -t t 2>/dev/null)
		case "$seen" in *"射阳县工人文化宫"*) break ;; esac
		sleep 0.05
	done
	contains "ssh -t opens the desk for the reporter" "$seen" "朱建良"
	contains "…with the reporter's own items" "$seen" "射阳县工人文化宫打造最美职工书屋"
	lacks "…and nobody else's" "$seen" "江苏省核电重点工程项目劳动竞赛启动"
	tmux -L "$sock" send-keys -t t q
	sleep 0.3
	tmux -L "$sock" kill-server 2>/dev/null || true
fi

# ---- The door shut (issue 14): every attack, through the real sshd ---------------
# Many sessions follow: each user's run over one multiplexed connection
# (the forced command still applies to every session), closed at the end.
as_user() {
	local who=$1
	shift
	ssh -F /dev/null -i "$TMP/$who" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes \
		-o LogLevel=ERROR -o ConnectTimeout=5 -o ControlMaster=no \
		-o "ControlPath=$TMP/cm-$who" "$me@127.0.0.1" "$@"
}
for who in zhu li wangj chen; do
	ssh -F /dev/null -i "$TMP/$who" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes \
		-o LogLevel=ERROR -o ConnectTimeout=5 -o ControlMaster=yes \
		-o "ControlPath=$TMP/cm-$who" -o ControlPersist=120 -N -f "$me@127.0.0.1" \
		</dev/null >/dev/null 2>&1
done
canary="$TMP/canary.txt"
echo "CANARY-7f3a: the desk account's secret" >"$canary"
canary_sum=$(sha256sum "$canary")
keys_sum=$(sha256sum "$TMP/authorized_keys")
: >"$TMP/all-output"
items=$(item_count)
nd issue add K1 --title "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIATTACKERATTACKERATTACKERATTACKERATTACK x" >/dev/null
nd assign 1 --issue K1 --page 1 >/dev/null
# refused WHO WORDS…: exit 2 (a usage refusal); all output kept for the canary check
refused() {
	local who=$1 rc=0
	shift
	as_user "$who" "$@" >"$TMP/o" 2>&1 </dev/null || rc=$?
	cat "$TMP/o" >>"$TMP/all-output"
	if [ "$rc" -eq 2 ]; then pass "$who: '$*' is refused"; else fail "$who: '$*' is refused" "exit $rc" "$(cat "$TMP/o")"; fi
}
# 1. any reporter reading any file the desk account can read
for words in "file -t --bytes $canary" "file --tok --bytes $canary" "file --token --bytes $canary" \
	"file -- $canary" "file $canary" "file - $canary" "file --encoding=$canary" "file -e $canary" \
	"file -et $canary" "file --bytes=1 $canary" "file --sha $canary" "file --token x -- $canary"; do
	refused zhu $words
done
equals "…nothing was filed" "$(item_count)" "$items"
refused zhu "show --rev 1 $canary"
# 2. an editor writing any file the desk account can write
for words in "rundown K1 --out $TMP/authorized_keys" "rundown K1 --output $TMP/authorized_keys" \
	"rundown K1 --output=$TMP/authorized_keys" "rundown K1 -o $TMP/authorized_keys" \
	"rundown --outpu $TMP/authorized_keys K1" "rundown K1 --format csv --out $NEWSDESK_DB" \
	"rundown K1 --force --output $NEWSDESK_DB" "rundown K1 -- --output $NEWSDESK_DB" \
	"issue show K1 --output $TMP/x" "list --db $canary" "list --as chen" "edit 1 --from $canary" \
	"keys --install $TMP/authorized_keys" "backup $TMP/b.db" "export K1 --format txt --output $TMP/ex" \
	"import $canary" "import --interactive $canary" "user add evil --role admin"; do
	refused wangj $words
done
equals "authorized_keys never changed" "$(sha256sum "$TMP/authorized_keys")" "$keys_sum"
[ ! -e "$TMP/x" ] && [ ! -e "$TMP/b.db" ] && [ ! -e "$TMP/ex" ] && pass "…no file was written" || fail "a file was written"
expect_ok "the database is sound" nd check
# every option of every command the chief may run over SSH: abbreviated,
# short, --opt=value, after --, with the canary as the value
as_user chen help >"$TMP/help" 2>&1
python3 - "$TMP/help" >"$TMP/opts" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    for part in line.split(" | "):
        words = part.split()
        if not words or words[0] in ("and", "ssh", "newsdesk", "以及"):
            continue
        prefix = " ".join(words[:2]) if words[0] == "issue" else words[0]
        for opt in re.findall(r"--([a-z0-9-]+)", part):
            print(prefix + "\t" + opt)
PY
[ "$(wc -l <"$TMP/opts")" -ge 25 ] && pass "the chief's SSH help lists the options ($(wc -l <"$TMP/opts"))" || fail "the chief's SSH help lists the options" "$(cat "$TMP/help")"
# (every spelling of every option is test_commands' job; here each
# option's abbreviation and short form, and per command --opt=value and --)
last=""
while IFS=$'\t' read -r prefix opt; do
	refused chen "$prefix 1 --${opt:0:${#opt}-1} $canary"
	refused chen "$prefix 1 -${opt:0:1} $canary"
	[ "$prefix" = "$last" ] && continue
	last=$prefix
	refused chen "$prefix 1 --$opt=$canary"
	as_user chen "$prefix" 1 -- "--$opt" "$canary" >>"$TMP/all-output" 2>&1 </dev/null || true
done <"$TMP/opts"
lacks "the canary's text never appeared in any output" "$(cat "$TMP/all-output")" "CANARY-7f3a"
equals "…and the canary never changed" "$(sha256sum "$canary")" "$canary_sum"
expect_exit 2 "a refusal is sanitised" as_user zhu $'show \e[2J\e]0;x\a'
lacks "…no escape character reaches the terminal" "$err" $'\e'
contains "…it is shown as a placeholder" "$err" "show"

# 6. tokens: one reporter, one content
expect_ok "zhu files with a token" as_user zhu file --token shared-1 <"$story"
id_t=$(printf '%s' "$out" | grep -o '#[0-9]*' | head -1)
expect_ok "…a retry of the same bytes" as_user zhu file --token shared-1 <"$story"
contains "…is already filed, the same item" "$out" "已提交过 $id_t"
n=$(item_count)
expect_exit 1 "li's upload under zhu's token is refused" as_user li file --token shared-1 <"$story"
contains "…with a clear message" "$err" "已用于另一次上传"
lacks "…not told zhu's item" "$out$err" "$id_t"
expect_exit 1 "zhu's other story under the same token is refused" as_user zhu file --token shared-1 <"$TMP/gb.txt"
equals "…and nothing was filed" "$(item_count)" "$n"

# 3. ssh -t: E never starts a program on the server
if command -v tmux >/dev/null; then
	sock="nd-ssh-e-$$"
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 110 -y 30 \
		ssh -tt -F /dev/null -i "$TMP/zhu" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o LogLevel=ERROR \
		-o SendEnv=LANG "$me@127.0.0.1"
	seen=""
	for i in $(seq 1 200); do
		seen=$(tmux -L "$sock" capture-pane -p -t t 2>/dev/null)
		case "$seen" in *"射阳县工人文化宫"*) break ;; esac
		sleep 0.05
	done
	tmux -L "$sock" send-keys -t t E
	for i in $(seq 1 100); do
		seen=$(tmux -L "$sock" capture-pane -p -t t 2>/dev/null)
		case "$seen" in *"SSH"*) break ;; esac
		sleep 0.05
	done
	contains "E in the ssh -t desk says the built-in editor is the one over SSH" "$seen" "SSH"
	contains "…and the desk is still there" "$seen" "射阳县工人文化宫"
	lacks "…no vi started" "$seen" "~                 "
	tmux -L "$sock" send-keys -t t q
	sleep 0.3
	tmux -L "$sock" kill-server 2>/dev/null || true
fi

# 4. a reader in the desk's group, then a filing: the files stay the group's.
# Two system accounts stand in for the desk account (daemon) and a reader
# (nobody), both in a group of their own, with setpriv; root would not see
# a mode problem at all.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && [ -x /usr/bin/python3 ]; then
	G=4242
	chmod 711 "$TMP"
	shared="$TMP/shared"
	mkdir "$shared" && chown daemon:$G "$shared" && chmod 2770 "$shared"
	as_desk() { setpriv --reuid=daemon --regid=$G --groups=$G "$NEWSDESK" --db "$shared/desk.db" "$@"; }
	as_desk init >/dev/null
	as_desk user add nobody --role editor >/dev/null
	as_desk user add zhu --role reporter >/dev/null
	equals "the database is 0660 in the desk's group" "$(stat -c '%a %g' "$shared/desk.db")" "660 $G"
	setpriv --reuid=nobody --regid=$G --groups=$G /usr/bin/python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM items").fetchone()
open(sys.argv[2], "w").close()
time.sleep(5)' "$shared/desk.db" "$shared/held" &
	holder=$!
	for i in $(seq 1 100); do [ -e "$shared/held" ] && break; sleep 0.05; done
	equals "the reader's -wal is the group's, group-writable" "$(stat -c '%U %a %g' "$shared/desk.db-wal")" "nobody 660 $G"
	equals "…and its -shm" "$(stat -c '%U %a %g' "$shared/desk.db-shm")" "nobody 660 $G"
	if SSH_ORIGINAL_COMMAND=file as_desk ssh-shell zhu <"$story" >"$TMP/o" 2>&1; then
		pass "the desk account files while the reader holds the database"
	else
		fail "the desk account files while the reader holds the database" "$(cat "$TMP/o")"
	fi
	as_desk check >"$TMP/o" 2>&1
	lacks "check warns about nothing" "$(cat "$TMP/o")" "warning"
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
fi

for who in zhu li wangj chen; do
	ssh -F /dev/null -o "ControlPath=$TMP/cm-$who" -O exit "$me@127.0.0.1" >/dev/null 2>&1 || true
done
as_user() {
	local who=$1
	shift
	ssh -F /dev/null -i "$TMP/$who" -p "$port" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes \
		-o LogLevel=ERROR -o ConnectTimeout=5 "$me@127.0.0.1" "$@"
}

# Photos (issue 22): a story and its photo in one tar stream, over ssh.
mkdir -p "$TMP/tarin" && cp "$story" "$TMP/tarin/story.txt" && cp "$TMP/pics/3.png" "$TMP/tarin/"
(cd "$TMP/tarin" && tar cf "$TMP/story.tar" story.txt 3.png)
expect_ok "file --tar over ssh: a story and its photo in one stream" as_user zhu file --tar <"$TMP/story.tar"
contains "…the photo on the new item" "$out" "png 64×48"

# A disabled user's key is gone after the next install.
nd user disable li >/dev/null
nd keys --install "$TMP/authorized_keys" >/dev/null
lacks "li's line is gone" "$(cat "$TMP/authorized_keys")" "ssh-shell li\""
if as_user li mine >/dev/null 2>&1; then fail "li can no longer log in"; else pass "li can no longer log in"; fi

finish
