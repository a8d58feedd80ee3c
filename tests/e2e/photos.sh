#!/usr/bin/env bash
# photos.sh — the desk and an item's photos (issue 22): the item pane lists
# them (name, W×H, bytes, EXIF date, caption); v draws one in block symbols
# under a terminal that shows them (tmux), j the next; C edits a caption;
# a terminal that can draw no picture (vt100) gets a plain message instead.
. "$(dirname "$0")/lib.sh"
: "${LOCALEDIR:?}"
setup_desk
python3 "$SRCDIR/tests/tools/mkphotos.py" "$TMP/pics" >/dev/null
printf '类型：图片\n标题：车间里的运动会\n\n一线职工在车间里举行趣味运动会。\n朱建良 摄\n' >"$TMP/p.txt"
nd --as zhu file "$TMP/p.txt" >/dev/null
nd --as zhu attach 1 "$TMP/pics/1.jpg" >/dev/null
nd --as zhu attach 1 --caption 拔河比赛 "$TMP/pics/2.png" >/dev/null

start_desk 100 32
shows "the item pane lists the photos" "── Photos (2; v shows them) ──"
shows "…each with its name, W×H and bytes" "1. 1.jpg  320×240  7,671 B"
shows "…its EXIF date" "2024:05:01 10:20:30"
shows "…and its caption" "2. 2.png  160×100  34,078 B  2024:06:02 08:00:00  拔河比赛"
keys v
shows "v opens the first photo" "photo 1/2: 1.jpg  320×240"
shows "…with the camera from EXIF" "Canon EOS R5"
blocks=$(screen | sed -n '3,28p' | grep -o '[▀▄█▌▐▏▎▍▋▊▉▕▁▂▃▅▆▇░▒▓]' | wc -l)
[ "$blocks" -gt 100 ] && pass "…drawn in block symbols ($blocks cells)" ||
	fail "…drawn in block symbols" "$blocks block cells" "$(screen)"
keys j
shows "j: the next photo" "photo 2/2: 2.png  160×100"
shows "…its caption under it" "caption: 拔河比赛"
keys C
shows "C asks for the caption" "Caption of photo 2:"
keys C-u
type_text "工人们在拔河"
keys Enter
shows "…and saves it" "photo 2 of #1: caption saved"
keys q
shows "q: back to the item pane, which lists the new caption" "34,078 B  2024:06:02 08:00:00  工人们在拔河"
equals "…kept in the photo log" "$(nd photo list 1 | sed -n 2p | grep -c 工人们在拔河)" 1
keys q
wait_gone "newsdesk" 5 || true

start_desk 100 32 TERM=vt100
keys v
shows "under a terminal that draws no picture, v says so" "can draw no picture: no preview"
shows "…and how to see it elsewhere" "newsdesk photo get 1 1 > FILE"
keys q
finish
