#!/usr/bin/env bash
# ssh.sh FAMILY — reporters over a real OpenSSH server on 127.0.0.1 (the
# server, keys and users: sshd.sh), one family of checks per run so meson
# runs them side by side (tests/meson.build lists the families):
#   filing   keys, filing in any encoding, mine, cut uploads, photos, refiling
#   refusals the shell's refusals; one answer for not-yours and missing ids
#   reads    any reporter trying to read a file the desk account can read
#   writes   an editor trying to write a file the desk account can write
#   options  every option of every command the chief may run, every spelling
#   desk     ssh -t: the desk, the editor over SSH, --no-desk
#   modes    the desk's group and its file modes, file --tar, a disabled key
#   door     tokens per reporter, quotas, the environment, the audit log
# Each family ends by checking the audit log holds every refusal it made.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/sshd.sh"
family=${1:-}
case "$family" in
filing | refusals | reads | writes | options | desk | modes | door) ;;
*)
	echo "usage: ssh.sh filing|refusals|reads|writes|options|desk|modes|door" >&2
	exit 2
	;;
esac
sshd_start
story="$SRCDIR/tests/data/articles/a01.txt"
# envd VAR=VALUE… COMMAND…: COMMAND (a function too) with those variables
envd() {
	local -a kv=()
	while [[ "$1" == *=* ]]; do
		kv+=("$1")
		shift
	done
	(export "${kv[@]}" && "$@")
}
events() { python3 -c "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute('select count(*) from events').fetchone()[0])" "$NEWSDESK_DB"; }

# tmux_desk WHO SOCKET: ssh -tt as WHO in a tmux of its own; waits for TEXT
tmux_desk() {
	local -a o
	mapfile -t o < <(ssh_opts "$1")
	# the pane stays after ssh ends (cat), so what it printed can be read
	tmux -L "$2" -f /dev/null new-session -d -s t -x 110 -y 30 \
		sh -c '"$@"; exec cat' sh ssh -tt "${o[@]}" -o SendEnv=LANG "$me@127.0.0.1"
}
tmux_wait() {
	local i
	seen=""
	for i in $(seq 1 300); do
		seen=$(tmux -L "$1" capture-pane -p -t t 2>/dev/null)
		case "$seen" in *"$2"*) return 0 ;; esac
		sleep 0.05
	done
	return 1
}

family_filing() {
	keys=$(cat "$TMP/authorized_keys")
	contains "lines outside newsdesk's block are kept" "$keys" "# kept: a line of the account owner"
	contains "each user's line forces the shell with their login" "$keys" "ssh-shell zhu\" ssh-ed25519"
	contains "…restricted, with a pty allowed for the desk" "$keys" "restrict,pty,command="
	expect_ok "keys --install again" nd keys --install "$TMP/authorized_keys"
	equals "installing twice changes nothing" "$(cat "$TMP/authorized_keys")" "$keys"
	equals "the file is private" "$(stat -c %a "$TMP/authorized_keys")" 600
	expect_exit 1 "the same key for two users is refused" nd user key wang --key "$TMP/zhu.pub"
	contains "…naming its owner" "$err" "already belongs to zhu"
	printf 'command="/bin/sh" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI x\n' >"$TMP/bad.pub"
	expect_exit 1 "a key line with options is refused" nd user key wang --key "$TMP/bad.pub"

	expect_ok "a reporter files in UTF-8 over ssh" as_user zhu file <"$story"
	contains "…in Chinese, the publication's language, when no LANG is sent" "$out" "已提交 #1 大丰区总工会“双进”宣讲向纵深挺进（"
	iconv -f UTF-8 -t GB18030 "$SRCDIR/tests/data/articles/a05.txt" >"$TMP/gb.txt"
	expect_ok "…and in GB18030, in English when LANG says so" envd LANG=en_US.UTF-8 LC_ALL= \
		as_user zhu -o SendEnv=LANG file <"$TMP/gb.txt"
	contains "…filed" "$out" "filed #2 射阳县工人文化宫打造最美职工书屋"
	expect_ok "mine" as_user zhu mine
	contains "mine lists the UTF-8 item" "$out" "#1"
	contains "…and the GB18030 one, decoded" "$out" "射阳县工人文化宫打造最美职工书屋"
	expect_ok "the stored text is UTF-8" nd show 2 --format json
	contains "…from GB18030" "$out" '"encoding":"GB18030"'

	# A cut upload: --bytes and --sha256 refuse it; a retried token files once.
	size=$(wc -c <"$story")
	sum=$(sha256sum "$story" | cut -d' ' -f1)
	head -c 200 "$story" >"$TMP/cut.txt"
	expect_exit 1 "a truncated upload is refused by --bytes" as_user zhu file --bytes "$size" <"$TMP/cut.txt"
	contains "…clearly, in the publication's language" "$err" "上传被截断"
	expect_exit 1 "…and by --sha256" as_user zhu file --sha256 "$sum" <"$TMP/cut.txt"
	expect_ok "the whole upload passes both" as_user zhu file --bytes "$size" --sha256 "$sum" --token up-1 <"$story"
	expect_ok "a retry with the same token" as_user zhu file --bytes "$size" --sha256 "$sum" --token up-1 <"$story"
	contains "…is not filed twice" "$out" "已提交过 #3"

	# Photos over SSH (issue 22): two pictures on standard input, checked.
	python3 "$SRCDIR/tests/tools/mkphotos.py" "$TMP/pics" >/dev/null
	psize=$(wc -c <"$TMP/pics/2.png")
	psum=$(sha256sum "$TMP/pics/2.png" | cut -d' ' -f1)
	expect_ok "a reporter attaches a photo over ssh" as_user zhu attach 3 --name 1.jpg --caption 运动会 <"$TMP/pics/1.jpg"
	contains "…to their item" "$out" "#3"
	contains "…read as a JPEG" "$out" "jpeg 320×240"
	expect_ok "…and a second, with --bytes and --sha256" \
		as_user zhu attach 3 --name 2.png --bytes "$psize" --sha256 "$psum" <"$TMP/pics/2.png"
	contains "…as the second" "$out" "png 160×100"
	expect_exit 1 "a cut photo upload is refused" as_user zhu attach 3 --name 2.png --bytes "$psize" <"$TMP/pics/1.jpg"
	expect_exit 1 "a damaged PNG is refused" as_user zhu attach 3 --name d.png <"$TMP/pics/damaged.png"
	contains "…saying so" "$err" "校验和不符"
	expect_exit 2 "attach naming a server file is refused" as_user zhu attach 3 /etc/passwd
	expect_exit 2 "photo get (raw bytes) is refused over SSH" as_user zhu photo get 3 1
	expect_ok "photo list over ssh" as_user zhu photo list 3
	contains "…lists both" "$out" "2.png"
	expect_ok "mine counts them" as_user zhu mine
	case "$out" in *"photos: 2"* | *"照片 2 张"*) pass "…two on the item" ;; *) fail "…two on the item" "$out" ;; esac
	nd photo get 3 2 >"$TMP/got.png"
	cmp -s "$TMP/got.png" "$TMP/pics/2.png" && pass "…the bytes that went in over ssh, bit for bit" || fail "photo over ssh kept whole"

	# The returned item comes back to the reporter, who refiles it.
	nd --as wang return 1 --note "电头缺日期" >/dev/null
	expect_ok "mine shows the last note" as_user zhu mine
	contains "…on the returned item" "$out" "电头缺日期"
	expect_ok "refile over ssh" as_user zhu refile 1
	expect_ok "an editor lists everything" as_user wangj list --format tsv
	equals "…all three items" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
	expect_ok "help without a terminal" as_user zhu
	contains "…lists the reporter's commands" "$out" "file [--encoding"
	expect_ok "the audit log has the accepted upload, with its bytes" nd audit
	contains "…" "$out" "zhu  127.0.0.1"
	contains "…its bytes in" "$out" "[$size bytes in]"
}

family_refusals() {
	as_user zhu file <"$story" >/dev/null
	nd --as li file "$SRCDIR/tests/data/articles/c03.txt" >/dev/null
	before=$(nd list --format tsv | md5sum)
	n_events=$(events)
	expect_exit 1 "show on someone else's item is refused" as_user zhu show 2
	contains "…in the publication's language" "$err" "你没有 #2 这篇稿件"
	mine_err=$err
	expect_exit 1 "show on an item that does not exist" as_user zhu show 3
	equals "…gets the same answer but for the number" "${err//#3/#2}" "$mine_err"
	for words in "log" "photo list" "refile" "approve" "attach"; do
		as_user zhu $words 2 --name x.png </dev/null >/dev/null 2>"$TMP/e2" || true
		as_user zhu $words 99 --name x.png </dev/null >/dev/null 2>"$TMP/e99" || true
		# newsdesk's lines only: the account's login shell may print its own
		# (pyenv's rehash, racing another session, did once)
		equals "'$words' of another's item and of a missing one: one answer" \
			"$(grep '^newsdesk' "$TMP/e2" | sed 's/#2/#N/')" "$(grep '^newsdesk' "$TMP/e99" | sed 's/#99/#N/')"
		grep -q '^newsdesk' "$TMP/e2" || fail "'$words' of another's item: newsdesk refused it" "$(cat "$TMP/e2")"
	done
	expect_exit 2 "an id past the largest number is refused" as_user zhu show 99999999999999999999999
	lacks "…not clamped to another id" "$out$err" "9223372036854775807"
	expect_exit 2 "…and so is one with a sign" as_user zhu show +1
	refused zhu approve 1 --note x --note y --note
	refused zhu sh
	contains "…in one line, in the publication's language" "$(cat "$TMP/o")" "“sh”不是 newsdesk 命令"
	refused zhu 'file; rm -rf /'
	refused zhu '$(touch '"$TMP"'/pwned)'
	[ ! -e "$TMP/pwned" ] && pass "…and nothing ran" || fail "\$(…) ran"
	refused zhu '`touch '"$TMP"'/pwned2`'
	[ ! -e "$TMP/pwned2" ] && pass "…and nothing ran" || fail "backticks ran"
	refused zhu file /etc/passwd
	refused zhu edit 1 --from /etc/passwd
	refused zhu list --db /tmp/x
	refused zhu show 1 --original
	refused zhu "show 'x"
	refused zhu list
	equals "nothing changed" "$(nd list --format tsv | md5sum)" "$before"
	equals "no event was logged" "$(events)" "$n_events"
	expect_exit 2 "a refusal is sanitised" as_user zhu $'show \e[2J\e]0;x\a'
	lacks "…no escape character reaches the terminal" "$err" $'\e'
	contains "…it is shown as a placeholder" "$err" "show"
	expect_ok "the audit shows the words sanitised too" nd audit --refused
	lacks "…no escape character there either" "$out" $'\e'
}

canary_setup() {
	canary="$TMP/canary.txt"
	echo "CANARY-7f3a: the desk account's secret" >"$canary"
	canary_sum=$(sha256sum "$canary")
	keys_sum=$(sha256sum "$TMP/authorized_keys")
	: >"$TMP/all-output"
	as_user zhu file <"$story" >/dev/null
	nd issue add K1 --title "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIATTACKERATTACKERATTACKERATTACKERATTACK x" >/dev/null
	nd assign 1 --issue K1 --page 1 >/dev/null
	mux_open
}
canary_end() {
	lacks "the canary's text never appeared in any output" "$(cat "$TMP/all-output")" "CANARY-7f3a"
	equals "…and the canary never changed" "$(sha256sum "$canary")" "$canary_sum"
}

# 1. any reporter reading any file the desk account can read
family_reads() {
	canary_setup
	items=$(item_count)
	for words in "file -t --bytes $canary" "file --tok --bytes $canary" "file --token --bytes $canary" \
		"file -- $canary" "file $canary" "file - $canary" "file --encoding=$canary" "file -e $canary" \
		"file -et $canary" "file --bytes=1 $canary" "file --sha $canary" "file --token x -- $canary"; do
		refused zhu $words
	done
	equals "…nothing was filed" "$(item_count)" "$items"
	refused zhu "show --rev 1 $canary"
	canary_end
}

# 2. an editor writing any file the desk account can write
family_writes() {
	canary_setup
	for words in "rundown K1 --out $TMP/authorized_keys" "rundown K1 --output $TMP/authorized_keys" \
		"rundown K1 --output=$TMP/authorized_keys" "rundown K1 -o $TMP/authorized_keys" \
		"rundown --outpu $TMP/authorized_keys K1" "rundown K1 --format csv --out $NEWSDESK_DB" \
		"rundown K1 --force --output $NEWSDESK_DB" "rundown K1 -- --output $NEWSDESK_DB" \
		"issue show K1 --output $TMP/x" "list --db $canary" "list --as chen" "edit 1 --from $canary" \
		"keys --install $TMP/authorized_keys" "backup $TMP/b.db" "export K1 --format txt --output $TMP/ex" \
		"import $canary" "import --interactive $canary" "user add evil --role admin" \
		"audit" "user quota zhu items-a-day 100000" "user desk zhu on"; do
		refused wangj $words
	done
	equals "authorized_keys never changed" "$(sha256sum "$TMP/authorized_keys")" "$keys_sum"
	[ ! -e "$TMP/x" ] && [ ! -e "$TMP/b.db" ] && [ ! -e "$TMP/ex" ] && pass "…no file was written" || fail "a file was written"
	expect_ok "the database is sound" nd check
	canary_end
}

# every option of every command the chief may run over SSH: abbreviated,
# short, --opt=value, after --, with the canary as the value (every
# spelling of every option is test_commands' job; here each option's
# abbreviation and short form, and per command --opt=value and --)
family_options() {
	canary_setup
	as_user chen help >"$TMP/help" 2>&1
	python3 - "$TMP/help" >"$TMP/opts" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    for part in line.split(" | "):
        words = part.split()
        if not words or words[0] in ("and", "ssh", "newsdesk", "以及"):
            continue
        prefix = " ".join(words[:2]) if words[0] in ("issue", "photo") else words[0]
        for opt in re.findall(r"--([a-z0-9-]+)", part):
            print(prefix + "\t" + opt)
PY
	[ "$(wc -l <"$TMP/opts")" -ge 25 ] && pass "the chief's SSH help lists the options ($(wc -l <"$TMP/opts"))" || fail "the chief's SSH help lists the options" "$(cat "$TMP/help")"
	local last="" prefix opt
	while IFS=$'\t' read -r prefix opt; do
		refused chen "$prefix 1 --${opt:0:${#opt}-1} $canary"
		refused chen "$prefix 1 -${opt:0:1} $canary"
		[ "$prefix" = "$last" ] && continue
		last=$prefix
		refused chen "$prefix 1 --$opt=$canary"
		as_user chen "$prefix" 1 -- "--$opt" "$canary" >>"$TMP/all-output" 2>&1 </dev/null || true
	done <"$TMP/opts"
	canary_end
}

family_desk() {
	command -v tmux >/dev/null || { pass "# SKIP tmux is not installed"; return; }
	as_user zhu -o SendEnv=LANG file <"$SRCDIR/tests/data/articles/a05.txt" >/dev/null
	nd --as li file "$SRCDIR/tests/data/articles/c03.txt" >/dev/null
	sock="nd-ssh-$$"
	tmux_desk zhu "$sock"
	tmux_wait "$sock" "射阳县工人文化宫"
	contains "ssh -t opens the desk for the reporter" "$seen" "朱建良"
	contains "…with the reporter's own items" "$seen" "射阳县工人文化宫打造最美职工书屋"
	lacks "…and nobody else's" "$seen" "江苏省核电重点工程项目劳动竞赛启动"
	# E never starts a program on the server
	tmux -L "$sock" send-keys -t t E
	tmux_wait "$sock" "SSH"
	contains "E in the ssh -t desk says the built-in editor is the one over SSH" "$seen" "SSH"
	contains "…and the desk is still there" "$seen" "射阳县工人文化宫"
	lacks "…no vi started" "$seen" "~                 "
	tmux -L "$sock" send-keys -t t q
	tmux -L "$sock" kill-server 2>/dev/null || true
	# the desk turned off for a reporter who only files
	expect_ok "user desk li off" nd user desk li off
	sock="nd-ssh-nodesk-$$"
	tmux_desk li "$sock"
	tmux_wait "$sock" "file [--encoding"
	case "$seen" in *"编辑台已关闭"* | *"desk is turned off"*) pass "ssh -t with the desk off says so" ;;
	*) fail "ssh -t with the desk off says so" "$seen" ;; esac
	contains "…and prints what they may do" "$seen" "file [--encoding"
	lacks "…no desk" "$seen" "江苏省核电重点工程项目劳动竞赛启动"
	tmux -L "$sock" kill-server 2>/dev/null || true
	expect_ok "…while filing still works" as_user li file <"$story"
	nd user add zhao --role reporter --no-desk >/dev/null
	ssh-keygen -q -t ed25519 -N "" -C zhao@field -f "$TMP/zhao"
	nd user key zhao --key "$TMP/zhao.pub" >/dev/null
	nd keys --install "$TMP/authorized_keys" >/dev/null
	sock="nd-ssh-zhao-$$"
	tmux_desk zhao "$sock"
	tmux_wait "$sock" "file [--encoding"
	contains "user add --no-desk: ssh -t prints the commands" "$seen" "file [--encoding"
	tmux -L "$sock" kill-server 2>/dev/null || true
	expect_ok "the audit log has the refused desks" nd audit --refused
	contains "…as turned off" "$out" "the desk is turned off for them"
}

family_modes() {
	# a reader in the desk's group, then a filing: the files stay the group's.
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
		equals "…and its upload slots file is the group's too" "$(stat -c '%a %g' "$shared/desk.db.uploads")" "660 $G"
		as_desk check >"$TMP/o" 2>&1
		lacks "check warns about nothing" "$(cat "$TMP/o")" "warning"
		kill "$holder" 2>/dev/null
		wait "$holder" 2>/dev/null
	fi
	# a story and its photo in one tar stream
	python3 "$SRCDIR/tests/tools/mkphotos.py" "$TMP/pics" >/dev/null
	mkdir -p "$TMP/tarin" && cp "$story" "$TMP/tarin/story.txt" && cp "$TMP/pics/3.png" "$TMP/tarin/"
	(cd "$TMP/tarin" && tar cf "$TMP/story.tar" story.txt 3.png)
	expect_ok "file --tar over ssh: a story and its photo in one stream" as_user zhu file --tar <"$TMP/story.tar"
	contains "…the photo on the new item" "$out" "png 64×48"
	# A disabled user's key is gone after the next install.
	nd user disable li >/dev/null
	nd keys --install "$TMP/authorized_keys" >/dev/null
	lacks "li's line is gone" "$(cat "$TMP/authorized_keys")" "ssh-shell li\""
	if as_user li mine >/dev/null 2>&1; then fail "li can no longer log in"; else pass "li can no longer log in"; fi
}

# tokens per reporter, quotas, the environment (issue 32)
family_door() {
	# a store from before tokens were per reporter: its tokens still answer
	nd --as zhu file --token old-1 "$story" >/dev/null
	sqlite3 -bail -cmd ".load $ND_BIGRAM" "$NEWSDESK_DB" "
UPDATE items SET token = (SELECT token FROM upload_tokens t WHERE t.item_id = items.id),
	token_sha256 = (SELECT sha256 FROM upload_tokens t WHERE t.item_id = items.id);
$(rewind_sql ssh_accounts)" && pass "a store as it was before tokens per reporter" ||
		fail "a store as it was before tokens per reporter"
	expect_ok "…opens, migrated" nd list
	expect_ok "…and the old token's retry is still the same item" as_user zhu file --token old-1 <"$story"
	contains "…already filed" "$out" "已提交过 #1"
	equals "…the old row kept" "$(sqlite3 "$NEWSDESK_DB" "SELECT token FROM items WHERE id = 1")" old-1
	expect_ok "zhu files with a token" as_user zhu file --token shared-1 <"$story"
	id_t=$(printf '%s' "$out" | grep -o '#[0-9]*' | head -1)
	expect_ok "…a retry of the same bytes" as_user zhu file --token shared-1 <"$story"
	contains "…is already filed, the same item" "$out" "已提交过 $id_t"
	expect_ok "li's upload under the same token is li's own" as_user li file --token shared-1 <"$story"
	lacks "…a new item, not zhu's" "$out" "$id_t"
	lacks "…and not 'already filed'" "$out" "已提交过"
	id_l=$(printf '%s' "$out" | grep -o '#[0-9]*' | head -1)
	expect_ok "…li's retry is li's item" as_user li file --token shared-1 <"$story"
	contains "…already filed, li's" "$out" "已提交过 $id_l"
	n=$(item_count)
	expect_exit 1 "zhu's other story under the same token is refused" as_user zhu file --token shared-1 <"$SRCDIR/tests/data/articles/a05.txt"
	contains "…with a clear message" "$err" "你已把令牌“shared-1”用于另一次上传"
	equals "…and nothing was filed" "$(item_count)" "$n"

	# quotas: a refusal names the quota and when it resets
	nd user quota zhu items-a-day 3 >/dev/null # old-1, shared-1, and one more
	expect_ok "zhu's third item today" as_user zhu file <"$SRCDIR/tests/data/articles/a02.txt"
	expect_exit 1 "…the fourth is over the quota" as_user zhu file <"$SRCDIR/tests/data/articles/a03.txt"
	contains "…naming it" "$err" "items-a-day"
	contains "…and when it resets" "$err" "午夜"
	expect_ok "…a retry of a filed token still answers" as_user zhu file --token shared-1 <"$story"
	expect_ok "…and li, with the default quota, files on" as_user li file <"$SRCDIR/tests/data/articles/a03.txt"
	python3 "$SRCDIR/tests/tools/mkphotos.py" "$TMP/pics" >/dev/null
	nd user quota --everyone photo-bytes-a-day 20000 >/dev/null
	expect_ok "a photo under everyone's photo-bytes-a-day" as_user li attach "${id_l#\#}" --name 1.jpg <"$TMP/pics/1.jpg"
	expect_exit 1 "…the next one past it is refused" as_user li attach "${id_l#\#}" --name 2.png <"$TMP/pics/2.png"
	contains "…naming the quota" "$err" "photo-bytes-a-day"
	expect_ok "the admin sees the use" nd user quota li
	contains "…photo bytes today" "$out" "used $(wc -c <"$TMP/pics/1.jpg")"

	# the environment: NEWSDESK_* a client sends (AcceptEnv NEWSDESK_*) is dropped
	expect_ok "NEWSDESK_CRASH_AFTER sent by a client does nothing" \
		envd NEWSDESK_CRASH_AFTER=1 as_user li -o SendEnv=NEWSDESK_CRASH_AFTER mine
	contains "…mine answers" "$out" "#"
	expect_ok "…nor does a NEWSDESK_LOCALEDIR pointing elsewhere" \
		envd NEWSDESK_LOCALEDIR=/nonexistent LANG=zh_CN.UTF-8 LC_ALL= \
		as_user li -o SendEnv=NEWSDESK_LOCALEDIR -o SendEnv=LANG help
	contains "…the messages still come from the trusted catalogue" "$out" "可用的命令"

	expect_ok "the audit log, refused only" nd audit --refused
	contains "…holds the quota refusal, by its code" "$out" "over the quota items-a-day"
	contains "…and the token refusal" "$out" "file --token shared-1"
	lacks "…and not the accepted ones" "$out" "accepted"
	expect_ok "--since a day to come shows nothing" nd audit --since 2999-01-01
	contains "…" "$out" "(nothing recorded)"
	expect_exit 2 "--since refuses a non-date" nd audit --since yesterday
	expect_exit 1 "the audit log is append-only in the database too" python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
try:
    c.execute('DELETE FROM ssh_audit'); c.commit()
except sqlite3.DatabaseError as e:
    print(e); sys.exit(1)" "$NEWSDESK_DB"
	contains "…the trigger says so" "$out" "append-only"
}

"family_$family"
audit_check
finish
