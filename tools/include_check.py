#!/usr/bin/env python3
"""The layers, read from #include lines: a file may include the headers of
its own layer and of the layers below it, never one above.

Usage: include_check.py STAMP SRCDIR

Layers, lowest first: base, text, store, core, tui, cli (cli/tui -> core ->
store/text -> base; store may use text). A header include/newsdesk/X.h
belongs to the layer of src/LAYER/X.c; the few headers with no such file
are named below. Headers include headers too: each is checked as its
layer's. The link check (layer_check_* in meson.build) catches a call
upward; this catches a type or macro taken from above, which links fine.
"""
import os
import re
import sys

RANK = {'base': 0, 'text': 1, 'store': 2, 'core': 3, 'tui': 4, 'cli': 5}
# headers without a src/LAYER/NAME.c of their own, or with two
NAMED = {'cli_args': 'cli', 'schema': 'store', 'store_sql': 'store', 'review': 'core',
         'rundown': 'core', 'utf8enc': 'base'}
INCLUDE = re.compile(r'^\s*#\s*include\s+"newsdesk/([a-z0-9_]+)\.h"', re.M)


def header_layers(src):
    layers = dict(NAMED)
    for layer in RANK:
        for name in os.listdir(os.path.join(src, 'src', layer)):
            if name.endswith('.c') and name[:-2] not in layers:
                layers[name[:-2]] = layer
    for name in os.listdir(os.path.join(src, 'include', 'newsdesk')):
        stem = name[:-2]
        if stem not in layers and stem.startswith('tui'):
            layers[stem] = 'tui'
    return layers


def main():
    stamp, src = sys.argv[1], sys.argv[2]
    layers = header_layers(src)
    files = []
    for layer in RANK:
        d = os.path.join(src, 'src', layer)
        files += [(os.path.join(d, n), layer) for n in sorted(os.listdir(d)) if n[-2:] in ('.c', '.h')]
    inc = os.path.join(src, 'include', 'newsdesk')
    for name in sorted(os.listdir(inc)):
        stem = name[:-2]
        if stem not in layers:
            sys.exit(f'include/newsdesk/{name}: no layer (no src/LAYER/{stem}.c): '
                     'name it in tools/include_check.py')
        files.append((os.path.join(inc, name), layers[stem]))
    bad = []
    for path, layer in files:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            header = m.group(1)
            owner = layers.get(header)
            if owner is None:
                bad.append(f'{os.path.relpath(path, src)}: includes newsdesk/{header}.h, which does not exist')
            elif RANK[owner] > RANK[layer]:
                bad.append(f'{os.path.relpath(path, src)} ({layer}) includes newsdesk/{header}.h '
                           f'of the {owner} layer above it')
    if bad:
        sys.exit('layers: ' + '\nlayers: '.join(bad))
    with open(stamp, 'w', encoding='utf-8') as f:
        f.write(f'{len(files)} files: no include reaches up\n')


if __name__ == '__main__':
    main()
