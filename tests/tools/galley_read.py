#!/usr/bin/env python3
"""galley_read.py PDF CPL — reads galley proofs back as a 校对 would: the
numbered lines of the column (pdftotext -layout, cropped to the column and
its line numbers, so the margin's marks and the headers stay out), split into
items where the numbering starts again at 1. Prints one JSON object: a list
of items, each {"lines": N, "text": "…"} with white space removed, and the
lines that start with a mark no line may start with."""
import json
import re
import subprocess
import sys

FORBIDDEN_START = set("，。、；：？！）》」』”’…〕】〗〉")
LEFT, TOP, PAGE_W, PAGE_H = 84.0, 60.0, 595.28, 841.89


def main():
    pdf, cpl = sys.argv[1], int(sys.argv[2])
    room = PAGE_W - LEFT - 156 - 24
    pt = min(10.5, room / (cpl + 2))
    x = LEFT - 50
    width = 50 + (cpl + 2.2) * pt
    out = subprocess.run(
        ["pdftotext", "-layout", "-x", str(int(x)), "-y", str(int(TOP)), "-W",
         str(int(width)), "-H", str(int(PAGE_H - 40 - TOP)), pdf, "-"],
        check=True, capture_output=True, text=True).stdout
    items, bad = [], []
    expect = 1
    for raw in out.splitlines():
        m = re.match(r"^\s*(\d+)\s+(\S.*)$", raw)
        if not m:
            continue
        n, text = int(m.group(1)), re.sub(r"\s+", "", m.group(2))
        if n == 1:
            items.append({"lines": 0, "text": ""})
            expect = 1
        if not items or n != expect:
            continue  # a digit that is no line number (a header's)
        expect += 1
        items[-1]["lines"] += 1
        items[-1]["text"] += text
        if text and text[0] in FORBIDDEN_START:
            bad.append(raw.strip())
    print(json.dumps({"items": items, "bad_starts": bad}, ensure_ascii=False))


if __name__ == "__main__":
    main()
