#!/usr/bin/env python3
"""Fills empty msgstr entries of a .po file from a translations file.

Usage: po_fill.py FILE.po TRANSLATIONS.tsv   (msgid<TAB>msgstr per line)
A maintainer's helper: prints the msgids still untranslated afterwards.
"""
import re
import sys


def unquote(lines):
    return ''.join(bytes(l[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
                   for l in lines)


def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def main():
    po, tsv = sys.argv[1], sys.argv[2]
    tr = {}
    with open(tsv, encoding='utf-8') as f:
        for line in f:
            if '\t' in line:
                k, v = line.rstrip('\n').split('\t', 1)
                tr[k] = v
    lines = open(po, encoding='utf-8').read().split('\n')
    out, i, missing = [], 0, []
    while i < len(lines):
        if lines[i].startswith('msgid "'):
            j = i + 1
            while j < len(lines) and lines[j].startswith('"'):
                j += 1
            msgid = unquote([lines[i][6:]] + lines[i + 1:j])
            k = j + 1
            while k < len(lines) and lines[k].startswith('"'):
                k += 1
            msgstr = unquote([lines[j][7:]] + lines[j + 1:k])
            out.extend(lines[i:j])
            if msgid and not msgstr:
                if msgid in tr:
                    out.append('msgstr ' + quote(tr[msgid]))
                else:
                    missing.append(msgid)
                    out.extend(lines[j:k])
            else:
                out.extend(lines[j:k])
            i = k
            continue
        out.append(lines[i])
        i += 1
    open(po, 'w', encoding='utf-8').write('\n'.join(out))
    for m in missing:
        print('untranslated:', repr(m))


if __name__ == '__main__':
    main()
