#!/usr/bin/env bash
# outputs.sh — files newsdesk writes: never over an existing file without
# --force, never the database or its -wal/-shm (by any name), whole or not at
# all; CSV cells a spreadsheet would run as formulas neutralised; the
# database and backups shared with the group (0660), and check warning when
# they are not.
. "$(dirname "$0")/lib.sh"
umask 022
setup_desk
equals "a new database is 0660 whatever the umask" "$(stat -c %a "$NEWSDESK_DB")" 660

printf '标题：=HYPERLINK("http://evil/","点我")\n作者：@SUM(1+1)\n引题：+cmd\n副题：-2+3\n\n本刊讯 正文。\n' >"$TMP/evil.txt"
nd --as zhu file "$TMP/evil.txt" >/dev/null
nd issue add C1 --title "一期" --pages 2 >/dev/null
nd assign 1 --issue C1 --page 1 >/dev/null

expect_ok "rundown --output writes a new file" nd rundown C1 --format csv --output "$TMP/r.csv"
csv=$(cat "$TMP/r.csv")
contains "a headline starting with = is text in the CSV" "$csv" "\"'=HYPERLINK("
contains "…a byline starting with @" "$csv" ",'@SUM(1+1),"
contains "…a kicker starting with +" "$csv" ",'+cmd,"
contains "…a subhead starting with -" "$csv" ",'-2+3,"
lacks "no cell starts with a bare =" "$csv" ",=HYPERLINK"

echo "keep me" >"$TMP/keep.txt"
expect_exit 1 "an existing file is not replaced" nd rundown C1 --output "$TMP/keep.txt"
contains "…saying --force would" "$err" "--force"
equals "…and it keeps its text" "$(cat "$TMP/keep.txt")" "keep me"
expect_ok "--force replaces it" nd rundown C1 --output "$TMP/keep.txt" --force
lacks "…with the rundown" "$(cat "$TMP/keep.txt")" "keep me"
expect_ok "--output=FILE is read on the command line" nd rundown C1 --output="$TMP/eq.txt"
[ -s "$TMP/eq.txt" ] && pass "…and written" || fail "…and written"
expect_exit 2 "an abbreviated option is refused" nd rundown C1 --out "$TMP/abbrev.txt"
[ ! -e "$TMP/abbrev.txt" ] && pass "…and nothing is written" || fail "--out wrote a file"

db_sum=$(sha256sum "$NEWSDESK_DB" | cut -d' ' -f1)
ln "$NEWSDESK_DB" "$TMP/hard.db"
ln -s "$NEWSDESK_DB" "$TMP/soft.db"
mkdir "$TMP/sub"
for target in "$NEWSDESK_DB" "$NEWSDESK_DB-wal" "$NEWSDESK_DB-shm" "$TMP/sub/../desk.db" \
	"$TMP/./desk.db-wal" "$TMP/hard.db" "$TMP/soft.db"; do
	name=${target#"$TMP/"}
	expect_exit 3 "rundown --output $name --force is refused" nd rundown C1 --output "$target" --force
	expect_exit 3 "backup $name --force is refused" nd backup "$target" --force
done
contains "…saying why" "$err" "never an output"
equals "the database was never written" "$(sha256sum "$NEWSDESK_DB" | cut -d' ' -f1)" "$db_sum"
[ ! -e "$NEWSDESK_DB-wal" ] && pass "…and no -wal was made by an output" || fail "a -wal exists"
expect_ok "the database is sound" nd check
ls -a "$TMP" "$TMP/sub" | grep -q '\.tmp-' && fail "temporary files are left" || pass "no temporary file is left"

expect_ok "backup" nd backup "$TMP/b1.db"
equals "…is 0660, shared with the group" "$(stat -c %a "$TMP/b1.db")" 660
expect_exit 1 "a second backup does not replace the first" nd backup "$TMP/b1.db"
expect_ok "…unless --force" nd backup "$TMP/b1.db" --force

for id in 1; do nd --as wang finish $id >/dev/null; nd --as chen approve $id >/dev/null; done
nd --as chen publish --issue C1 >/dev/null
expect_ok "export to a new folder" nd export C1 --format txt --output "$TMP/ex"
expect_exit 1 "exporting again does not replace the files" nd export C1 --format txt --output "$TMP/ex"
expect_ok "…unless --force" nd export C1 --format txt --output "$TMP/ex" --force

# check: the database files the group cannot write, or others can read
expect_ok "check with the modes right" nd check
lacks "…warns about nothing" "$out" "warning"
chmod 644 "$NEWSDESK_DB"
expect_ok "check on a 0644 database still passes" nd check
contains "…but warns the group cannot write it" "$out" "the desk's group cannot write it"
contains "…and others can read it" "$out" "outside the desk's group can read it"
chmod 660 "$NEWSDESK_DB"
chmod 2775 "$TMP" 2>/dev/null && chmod g-s "$TMP"
expect_ok "check in a group-writable folder without setgid" nd check
contains "…warns about the folder" "$out" "2770 (setgid)"
finish
