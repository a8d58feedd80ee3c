#!/usr/bin/env bash
# photos.sh — a 图说新闻 item's pictures (issue 22): attached from files and
# on standard input with --bytes/--sha256, stored once by SHA-256, read back
# bit for bit, listed, captioned and reordered in an append-only log that
# check proves; the hostile files refused with nothing stored; exported
# beside the text and shown by the HTML export; counted by mine and rundown.
. "$(dirname "$0")/lib.sh"
setup_desk
P="$TMP/pics"
python3 "$SRCDIR/tests/tools/mkphotos.py" "$P" || { fail "mkphotos.py made the test pictures"; finish; exit 1; }

q() { python3 -c "import sqlite3,sys;print(sqlite3.connect('$NEWSDESK_DB').execute(sys.argv[1]).fetchone()[0])" "$1"; }
stored() { echo "$(q 'select count(*) from photo_blobs')/$(q 'select count(*) from photo_links')"; }

printf '类型：图片\n栏目：图说新闻\n标题：车间里的运动会\n\n一线职工在车间里举行趣味运动会。\n朱建良 摄\n' >"$TMP/photo.txt"
nd --as zhu file "$TMP/photo.txt" >/dev/null
nd --as li file "$SRCDIR/tests/data/articles/c03.txt" >/dev/null

expect_ok "proofreading a photo item with no photo" nd proof 1
contains "…flags it" "$out" "photo-missing"
expect_ok "a reporter attaches two photos to their item" nd --as zhu attach 1 "$P/1.jpg" "$P/2.png"
contains "…the JPEG, read by its library" "$out" "photo 1 to #1: jpeg 320×240"
contains "…the PNG" "$out" "photo 2 to #1: png 160×100"
equals "…each stored once, each linked once" "$(stored)" "2/2"
expect_ok "proofreading it again" nd proof 1
lacks "…no longer flags it" "$out" "photo-missing"

# Refused, and nothing stored: each hostile file, a cut upload, a stranger.
size=$(wc -c <"$P/3.png")
sum=$(sha256sum "$P/3.png" | cut -d' ' -f1)
expect_exit 1 "a wrong --sha256 is refused" nd --as zhu attach 1 --name 3.png \
	--sha256 "$(printf '0%.0s' $(seq 64))" <"$P/3.png"
contains "…as a cut or changed upload" "$err" "cut short or changed"
expect_exit 1 "a wrong --bytes is refused" nd --as zhu attach 1 --name 3.png --bytes 7 <"$P/3.png"
expect_exit 1 "a text file named .jpg is refused" nd --as zhu attach 1 "$P/story.jpg"
contains "…by what its bytes are, not its name" "$err" "only JPEG, PNG and WebP"
expect_exit 1 "a truncated JPEG is refused" nd --as zhu attach 1 "$P/truncated.jpg"
contains "…saying so" "$err" "truncated"
expect_exit 1 "a decompression bomb is refused" nd --as zhu attach 1 "$P/bomb.png"
contains "…before decoding" "$err" "20000×20000 pixels"
{ cat "$P/1.jpg"; head -c $((60 * 1024 * 1024)) /dev/zero; } >"$TMP/big.jpg"
expect_exit 1 "a 60 MiB file is refused" nd --as zhu attach 1 --name big.jpg <"$TMP/big.jpg"
contains "…naming the limit" "$err" "over the limit of 41943040 bytes (40 MiB)"
expect_exit 1 "another reporter may not attach to zhu's item" nd --as li attach 1 "$P/3.png"
expect_exit 2 "a photo on standard input needs --name" nd --as zhu attach 1 <"$P/3.png"
equals "nothing refused was stored" "$(stored)" "2/2"

expect_ok "the whole upload passes --bytes and --sha256" \
	nd --as zhu attach 1 --name 3.png --caption "第三张" --bytes "$size" --sha256 "$sum" <"$P/3.png"
contains "…as photo 3" "$out" "photo 3 to #1"
expect_ok "the same photo again (a retried upload)" \
	nd --as zhu attach 1 --name 3.png --bytes "$size" --sha256 "$sum" <"$P/3.png"
contains "…is already there" "$out" "already attached: photo 3 of #1"
equals "…and stored once" "$(stored)" "3/3"
expect_ok "the same picture on another item" nd --as li attach 2 "$P/1.jpg"
equals "…shares the stored bytes" "$(stored)" "3/4"

expect_ok "photo list" nd photo list 1
contains "…name and size" "$out" "1.jpg"
contains "…W×H and bytes" "$out" "320×240           7,671"
contains "…the EXIF date" "$out" "2024:05:01 10:20:30"
contains "…the caption" "$out" "第三张"
expect_ok "a reporter lists their own item's photos" nd --as zhu photo list 1
expect_exit 1 "…not another's" nd --as li photo list 1

nd photo get 1 1 >"$TMP/got.jpg" 2>"$TMP/err"
cmp -s "$TMP/got.jpg" "$P/1.jpg" && pass "photo get gives the JPEG back bit for bit" ||
	fail "photo get 1 1" "$(cat "$TMP/err")"
nd photo get 1 2 >"$TMP/got.png"
cmp -s "$TMP/got.png" "$P/2.png" && pass "…and the PNG" || fail "photo get 1 2"
if command -v script >/dev/null; then
	out=$(script -qc "\"$NEWSDESK\" photo get 1 1" /dev/null)
	contains "…but never to a terminal" "$out" "not a terminal"
fi
expect_exit 1 "photo get of a photo that is not there" nd photo get 1 9
contains "…names the ones there are" "$err" "photos 1 to 3, not 9"

expect_ok "an editor captions photo 2" nd --as wang photo caption 1 2 工人们 在 拔河
expect_ok "…and moves photo 3 first" nd --as wang photo move 1 3 1
expect_ok "photo list" nd photo list 1
first=$(printf '%s\n' "$out" | head -1)
contains "…photo 3 is now first" "$first" "3.png"
contains "…the caption is the new one" "$out" "工人们 在 拔河"
expect_ok "photo detach" nd --as wang photo detach 1 3
equals "…it is off the list" "$(nd photo list 1 | wc -l | tr -d ' ')" 2
equals "…but nothing was deleted: the log grew" "$(stored)" "3/9"
expect_ok "check proves the photo log" nd check

expect_ok "mine shows each item's photo count" nd --as zhu mine
contains "…two photos" "$out" "photos: 2"

# With the editors, the item's photos are theirs to change; signed off, nobody's.
nd --as wang finish 1 >/dev/null
expect_exit 3 "a reporter may not attach once the item is with the editors" \
	nd --as zhu attach 1 "$P/3.png"
nd --as chen approve 1 >/dev/null
expect_exit 1 "nobody changes a signed-off item's photos" nd --as wang photo caption 1 1 新
contains "…saying why" "$err" "not editable"
expect_exit 1 "the same refusal under zh_CN" env LC_ALL=zh_CN.UTF-8 "$NEWSDESK" --as wang \
	photo caption 1 1 新
contains "…in Chinese, naming the state by its Chinese label" "$err" "处于“已签发”，不可编辑"

# Out: the rundown counts them, export writes them beside the text.
nd issue add 2024-07 --title "第7期" --pages 2 >/dev/null
nd assign 1 --issue 2024-07 --page 1 >/dev/null
expect_ok "rundown" nd rundown 2024-07
contains "…shows the item's photo count" "$out" "photos: 2"
expect_ok "rundown --format json" nd rundown 2024-07 --format json
contains "…with the count" "$out" '"photos":2'
nd --as chen publish 1 >/dev/null
expect_ok "export --format html" nd export 2024-07 --format html --output "$TMP/out"
# the order now: 3.png (moved first), 1.jpg; 2.png was taken off
cmp -s "$TMP/out/p001-01-1-1.png" "$P/3.png" && pass "…photo 1 beside the text, named by item and order" ||
	fail "export wrote photo 1" "$(ls "$TMP/out")"
cmp -s "$TMP/out/p001-01-1-2.jpg" "$P/1.jpg" && pass "…and photo 2" || fail "export wrote photo 2" "$(ls "$TMP/out")"
[ ! -e "$TMP/out/p001-01-1-3.png" ] && pass "…not the one taken off" || fail "export wrote a detached photo"
html=$(cat "$TMP/out/p001-01-1.html")
contains "…the HTML shows them" "$html" '<img src="p001-01-1-2.jpg" width="320" height="240"'
contains "…with their captions" "$html" "<figcaption>第三张</figcaption>"
expect_ok "export --format json" nd export 2024-07 --format json --output "$TMP/json"
contains "…lists them" "$(cat "$TMP/json/p001-01-1.json")" '"file":"p001-01-1-2.jpg"'

# file --tar: a story and its photos in one stream; every file checked first.
items=$(item_count)
mkdir -p "$TMP/t" && cp "$TMP/photo.txt" "$TMP/t/story.txt" && cp "$P/1.jpg" "$P/2.png" "$TMP/t/"
(cd "$TMP/t" && tar cf "$TMP/good.tar" story.txt 1.jpg 2.png)
expect_ok "file --tar files a story and its photos" nd --as zhu file --tar <"$TMP/good.tar"
contains "…the story" "$out" "车间里的运动会"
contains "…and each photo, on the new item" "$out" "photo 2 to #3: png 160×100"
equals "…one item more" "$(item_count)" $((items + 1))
blobs=$(q 'select count(*) from photo_blobs')
equals "…the pictures already stored are not stored again" "$blobs" 3
tsum=$(sha256sum "$TMP/good.tar" | cut -d' ' -f1)
expect_exit 1 "a tar with a wrong --sha256 is refused" nd --as zhu file --tar --sha256 "$(printf '0%.0s' $(seq 64))" <"$TMP/good.tar"
cp "$P/truncated.jpg" "$TMP/t/3.jpg"
(cd "$TMP/t" && tar cf "$TMP/bad.tar" story.txt 3.jpg)
expect_exit 1 "a tar with a truncated JPEG is refused" nd --as zhu file --tar <"$TMP/bad.tar"
contains "…naming it" "$err" "3.jpg: not a readable JPEG"
mkdir -p "$TMP/t/sub" && cp "$P/1.jpg" "$TMP/t/sub/"
(cd "$TMP/t" && tar cf "$TMP/dir.tar" story.txt sub/1.jpg)
expect_exit 1 "a tar with a folder is refused" nd --as zhu file --tar <"$TMP/dir.tar"
(cd "$TMP/t" && tar cf "$TMP/dots.tar" story.txt ../t/1.jpg 2>/dev/null)
expect_exit 1 "a tar with a ../ path is refused" nd --as zhu file --tar <"$TMP/dots.tar"
ln -sf /etc/passwd "$TMP/t/link.jpg"
(cd "$TMP/t" && tar cf "$TMP/link.tar" story.txt link.jpg)
expect_exit 1 "a tar with a symbolic link is refused" nd --as zhu file --tar <"$TMP/link.tar"
contains "…as not a plain file" "$err" "never taken"
expect_exit 1 "…and under zh_CN" env LC_ALL=zh_CN.UTF-8 "$NEWSDESK" --as zhu file --tar <"$TMP/link.tar"
contains "…in Chinese" "$err" "目录和链接一概不收"
cp "$TMP/photo.txt" "$TMP/t/two.txt"
(cd "$TMP/t" && tar cf "$TMP/two.tar" story.txt two.txt)
expect_exit 1 "a tar with two stories is refused" nd --as zhu file --tar <"$TMP/two.tar"
cp "$P/1.jpg" "$TMP/t/x.exe"
(cd "$TMP/t" && tar cf "$TMP/exe.tar" story.txt x.exe)
expect_exit 1 "a tar with another kind of file is refused" nd --as zhu file --tar <"$TMP/exe.tar"
head -c 2048 "$TMP/good.tar" >"$TMP/cut.tar"
expect_exit 1 "a cut tar stream is refused" nd --as zhu file --tar <"$TMP/cut.tar"
equals "nothing refused was filed" "$(item_count)" $((items + 1))
equals "…or stored" "$(q 'select count(*) from photo_blobs')" 3

# Tampering on a copy: check names it.
cp "$NEWSDESK_DB" "$TMP/t.db"
python3 - "$TMP/t.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("DROP TRIGGER photo_links_no_update")
c.execute("UPDATE photo_links SET caption = 'changed' WHERE id = 4")
c.execute("DROP TRIGGER photo_blobs_no_update")
c.execute("UPDATE photo_blobs SET bytes = zeroblob(size) WHERE id = 2")
c.commit()
PY
expect_exit 1 "check finds a tampered photo log" nd --db "$TMP/t.db" check --full
contains "…naming the row" "$out$err" "its photo log is broken at row #4"
contains "…and the changed picture" "$out$err" "stored photo 2 was changed"
contains "…and the trigger taken away" "$out$err" "photo_links_no_update is missing"

finish
