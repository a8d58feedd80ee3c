#!/usr/bin/env python3
"""crosscheck.py — 字数, 汉字 and 版面字数 of stored items, counted again by
a second implementation of the rules in newsdesk(1), COUNTS, written apart
from src/text/count.c and src/text/layout.c (Python's unicodedata, not
wcwidth). Reads `newsdesk show ID --format json` documents, one per line,
on stdin; prints one TSV row per item: headline, 字数, 汉字, then 版面字数
and lines at each 字/行 given as arguments.

    for id in 1 2 3; do newsdesk show $id --format json; echo; done |
        python3 crosscheck.py 14 20
"""
import json
import math
import sys
import unicodedata

BLANKS = set(" \t\r\n\u00a0\u3000\u202f\u205f\ufeff") | {chr(c) for c in range(0x2000, 0x200C)}


def is_han(ch):
    name = unicodedata.name(ch, "")
    return ch == "\u3007" or name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def narrow_alnum(ch):
    return ch.isalnum() and not is_han(ch) and (
        ch.isascii() or unicodedata.east_asian_width(ch) in ("Na", "H", "N"))


def zishu(text):
    """字数 as Word counts it: a run of half-width characters with a letter or
    digit in it is one word (2,000 and 1.7 too), a run of half-width marks
    alone is nothing, every other visible character is 1."""
    n, run, word = 0, False, False
    for ch in text:
        if narrow_alnum(ch) or ("!" <= ch <= "~"):
            if not run:
                word = False
            run = True
            if narrow_alnum(ch) and not word:
                n, word = n + 1, True
            continue
        run = False
        if ch in BLANKS or unicodedata.category(ch) in ("Mn", "Me", "Cc", "Cf"):
            continue
        n += 1
    return n


def halves(ch):
    cp = ord(ch)
    if unicodedata.category(ch) in ("Cc",):
        return 0
    if unicodedata.category(ch) in ("Mn", "Me") or cp in (0x200B, 0xFEFF):
        return 0
    if ch == "\u3000" or unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    if 0x2010 <= cp <= 0x2BFF or ch in "\u00b7\u00b0\u00d7\u00f7\u00a7":
        return 2
    return 1


def width(text):
    """Half-slots, white space at either end left out."""
    return sum(halves(ch) for ch in (text or "").strip("".join(BLANKS)))


CLOSING = set("。，、；：？！”’）》」』】〉〕．.,;:?!)\"'")


def set_unit(text, indent, cpl):
    """Lines one unit (a title, or a paragraph with the dateline run in)
    takes, set character by character in half-slots: a run of half-width
    characters the line end would split goes whole to the next line, and
    closing marks (two at most) that would begin the last line are squeezed
    into the line before."""
    text = (text or "").strip("".join(BLANKS))
    if not text:
        return 0
    w = 2 * cpl
    tail = ""
    for ch in reversed(text):
        if ch not in CLOSING:
            break
        tail = ch + tail
    tail_w = sum(halves(ch) for ch in tail)
    squeezable = 0 < tail_w <= 4
    pos, i = indent, 0
    while i < len(text):
        ch = text[i]
        if "!" <= ch <= "~" and (i == 0 or not ("!" <= text[i - 1] <= "~")):
            j = i
            while j < len(text) and "!" <= text[j] <= "~":
                j += 1
            run = j - i
            col = pos % w
            if run >= 2 and col and col + run > w and run <= w:
                pos += w - col
        pos += 2 if ch == "\u3000" else (1 if ch in "\t\n" else halves(ch))
        i += 1
    n = max(1, math.ceil(pos / w))
    if squeezable and n > 1 and pos - (n - 1) * w <= tail_w:
        n -= 1
    return n


def lines(item, cpl):
    n = 0
    for field in ("kicker", "headline", "subhead", "byline"):
        n += set_unit(item.get(field), 0, cpl)
    lead = (item.get("dateline") or "").strip("".join(BLANKS))
    for para in (item.get("body") or "").split("\n"):
        if not width(para):
            continue
        if lead:
            para, lead = lead + "\u3000" + para.strip("".join(BLANKS)), ""
        n += set_unit(para, 4, cpl)
    if lead:
        n += set_unit(lead, 4, cpl)
    return n


def main():
    cpls = [int(a) for a in sys.argv[1:]] or [14]
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        fields = [item.get(k) or "" for k in ("kicker", "headline", "subhead", "dateline", "byline", "body")]
        row = [item["headline"], str(sum(zishu(f) for f in fields)),
               str(sum(1 for f in fields for ch in f if is_han(ch)))]
        for cpl in cpls:
            n = lines(item, cpl)
            row += [str(n * cpl), str(n)]
        print("\t".join(row))


main()
