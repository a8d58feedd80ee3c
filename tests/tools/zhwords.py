#!/usr/bin/env python3
"""zhwords.py DB SRCDIR RUNS [CODES] — fails (exit 1, naming each) on any
run of ASCII letters in the captured outputs under RUNS (one file a
command or a screen, its first line "$ …" what was typed) that is not a
name (a login, a person, an issue, a section, any ASCII word of the stored
text), a code (what a person types: a command, an option, a verb; what the
program names: proof's checks; an option's values), a number or unit, or a
word this list allows. Used by tests/cli/zhwords.sh and tests/e2e/zhwords.sh."""
import os
import re
import sqlite3
import sys

# Names of things that have no Chinese name here (formats, programs,
# encodings, keys) and the placeholders of a synopsis.
ALLOWED = """text table tsv json csv html txt newsdesk SSH ssh JPEG JPG PNG WebP EXIF
HTML CSV JSON TSV PDF DOCX docx Word WPS UTF GB GBK Big BOM SQLite sqlite FTS Litestream NAME PATH FILE LOGIN
CODE ID N T HEX TEXT WORDS KiB MiB GiB KB MB App ambiwidth auto word marks EDITOR VISUAL NEWSDESK
DB XDG DATA HOME Tab Enter Esc PgUp PgDn Home End Space Shift Ctrl Backspace Del Ins
bind desk mouse quit unlock fg shell""".split()  # the last: `:` commands and the shell's fg


def main():
    db, src, runs = sys.argv[1:4]
    allowed = set(ALLOWED) | set(sys.argv[4].split() if len(sys.argv) > 4 else [])
    proof = open(os.path.join(src, "src/text/proof.c"), encoding="utf-8").read()
    for check in re.findall(r'^\t\{ "([a-z-]+)", N_\(', proof, re.M):
        allowed.update(check.split("-"))
    con = sqlite3.connect(db)
    names = set()
    for (t,) in con.execute("SELECT login FROM users UNION SELECT name FROM users "
                            "UNION SELECT code FROM issues UNION SELECT name FROM sections"):
        if t:
            names.add(t)
    # the workflow's verbs are commands a person types (newsdesk finish 1)
    for (t,) in con.execute("SELECT verb FROM transitions"):
        allowed.add(t)
    for row in con.execute("SELECT kicker, headline, subhead, dateline, byline, body "
                           "FROM revisions UNION ALL SELECT body, '', '', '', '', '' "
                           "FROM notes"):
        for t in row:
            names.update(re.findall(r"[A-Za-z]+", t or ""))
    word = re.compile(r"[A-Za-z]+")
    bad = []
    for name in sorted(os.listdir(runs)):
        text = open(os.path.join(runs, name), encoding="utf-8", errors="replace").read()
        lines = text.splitlines()
        head = lines[0] if lines and lines[0].startswith("$ ") else name
        typed = set(word.findall(head))  # what the person typed is theirs
        for line in lines[1:] if head != name else lines:
            # a synopsis is code: what a person types
            if re.match(r"\s*(用法：|usage:)", line):
                continue
            for m in word.finditer(line):
                w, s, e = m.group(), m.start(), m.end()
                before = line[s - 1] if s else " "
                after = line[e] if e < len(line) else " "
                if w in allowed or w in names or w in typed:
                    continue
                if len(w) == 1:
                    continue  # a key (q 退出, 5j) or a placeholder
                # a filter's key:value, typed as it is (f state:待编)
                if after == ":" and line[e + 1:e + 2] not in ("", " "):
                    continue
                # a code quoted as the glossary quotes one: “approve”, 'newsdesk drafts'
                if before in "“‘'[［" and after in "”’']］":
                    continue
                # codes: options, $VARS, paths and files, keys (^K), numbers with units
                if before in "-$/._@=<[%\\^" or (before == ":" and line[s - 2:s - 1] != " "):
                    continue
                if after in "./_=0123456789@>" or (after == "-" and line[e:e + 2] != "- "):
                    continue
                if re.match(r"[0-9]", before):
                    continue
                bad.append(f"{head}: {w}  in: {line.strip()[:110]}")
    if bad:
        print("\n".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
