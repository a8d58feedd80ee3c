#!/usr/bin/env bash
# modules.sh — start like the shell: the picture libraries (libjpeg, libpng,
# libwebp, libexif; chafa and glib) are in the modules nd_photo and
# nd_preview, not linked into newsdesk, and a command that reads no picture
# loads none of them; one that does opens the module when it needs it.
. "$(dirname "$0")/lib.sh"
libs='libjpeg|libpng|libwebp|libexif|libchafa|libglib|libpango|libcairo|libzip|libxml2'
linked=$(ldd "$NEWSDESK" | grep -E "$libs" || true)
equals "newsdesk links none of the picture, proof or document libraries" "$linked" ""
setup_desk
loaded() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -oE "file=[^ ]*($libs)[^ ]*" | sort -u | tr '\n' ' '; }
equals "--version loads none" "$(loaded nd --version)" ""
equals "list loads none" "$(loaded nd list)" ""
equals "file loads none" "$(loaded nd --as zhu file "$SRCDIR/tests/data/articles/a01.txt")" ""
python3 "$SRCDIR/tests/tools/mkphotos.py" "$TMP" >/dev/null 2>&1 || true
jpg=$(ls "$TMP"/*.jpg 2>/dev/null | head -1)
if [ -n "$jpg" ]; then
	got=$(loaded nd --as zhu attach 1 "$jpg")
	contains "attach opens nd_photo, which loads libjpeg" "$got" "libjpeg"
	lacks "…and not chafa" "$got" "libchafa"
	expect_ok "the photo was read and attached" nd photo list 1
	contains "…its size read by libjpeg" "$out" "×"
else
	fail "a JPEG to attach" "tests/tools/mkphotos.py made none in $TMP"
fi
# Proofs open nd_galley (Pango, Cairo); a Word document nd_docx (libzip,
# libxml2) and, for its pictures, nd_photo; a text filing neither.
if got=$(loaded nd galley 1); then
	contains "galley opens nd_galley, which loads Pango" "$got" "libpango"
	lacks "…and not libzip" "$got" "libzip"
fi
python3 "$SRCDIR/tests/tools/mkdocx.py" "$TMP/docx"
got=$(loaded nd --as zhu file "$TMP/docx/story.docx")
contains "a .docx opens nd_docx, which loads libzip" "$got" "libzip"
contains "…and nd_photo for its picture" "$got" "libpng"
lacks "…never Pango" "$got" "libpango"
equals "a text filing still loads none" "$(loaded nd --as zhu file "$SRCDIR/tests/data/articles/a02.txt")" ""
finish
