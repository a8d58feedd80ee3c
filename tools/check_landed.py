#!/usr/bin/env python3
"""Migrations that never move: compares schema/ with schema/LANDED.

Usage: check_landed.py STAMP LANDED SQL...

LANDED lists every migration on main as "SHA256  NNN_what.sql" (text after
'#' is a note). A listed file must exist under its listed name with exactly
those bytes: a migration on main never changes its number, its name or a
byte, because a store made between two versions of it would be refused or
migrated wrongly. A file not listed is a branch's new migration: allowed,
numbered after every landed one. Every file in schema/ must be one the build
embeds (SQL...), and the numbers run 1, 2, 3… with none twice. On success
the STAMP file is written, so the build can depend on the check.
"""
import hashlib
import os
import re
import sys


def fail(msg):
    sys.exit('schema/LANDED: ' + msg)


def main():
    stamp, landed_path, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    schema_dir = os.path.dirname(os.path.abspath(landed_path))
    landed = {}
    with open(landed_path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            words = line.split('#', 1)[0].split()
            if not words:
                continue
            if len(words) != 2 or not re.fullmatch(r'[0-9a-f]{64}', words[0]):
                fail(f'line {n}: wanted "SHA256  NNN_what.sql"')
            if words[1] in landed:
                fail(f'line {n}: {words[1]} listed twice')
            landed[words[1]] = words[0]
    embedded = {os.path.basename(p): p for p in sources}
    on_disk = {name for name in os.listdir(schema_dir) if name.endswith('.sql')}
    for name in sorted(on_disk - set(embedded)):
        fail(f'{name} is in schema/ but not in meson.build\'s schema_files')
    numbers = {}
    for name in embedded:
        m = re.fullmatch(r'(\d{3})_[a-z0-9_]+\.sql', name)
        if not m:
            fail(f'{name}: migrations are named NNN_what.sql')
        number = int(m.group(1))
        if number in numbers:
            fail(f'{name} and {numbers[number]} have the same number {number:03d}')
        numbers[number] = name
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        fail('the numbers are not 001, 002, … without a gap: ' +
             ' '.join(f'{n:03d}' for n in sorted(numbers)))
    for name, digest in landed.items():
        if name not in embedded:
            fail(f'{name} landed on main and is gone (renamed or renumbered?): '
                 'a landed migration never moves; add a new one instead')
        with open(embedded[name], 'rb') as f:
            have = hashlib.sha256(f.read()).hexdigest()
        if have != digest:
            fail(f'{name} changed after it landed (sha256 {have}, landed {digest}): '
                 'a landed migration never changes; add a new one instead')
    last_landed = max((int(n[:3]) for n in landed), default=0)
    for name in embedded:
        if name not in landed and int(name[:3]) < last_landed:
            fail(f'{name} is not landed but numbered before the last landed migration')
    with open(stamp, 'w', encoding='utf-8') as f:
        f.write(f'{len(landed)} landed migrations unchanged, {len(embedded) - len(landed)} new\n')


if __name__ == '__main__':
    main()
