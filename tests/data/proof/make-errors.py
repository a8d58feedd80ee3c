#!/usr/bin/env python3
"""make-errors.py — builds errors.txt: corpus sentences with one slip each
inserted the way copy goes wrong, and {{check}} before the character where
the proofreading must report it. Run from the repository root:
    python3 tests/data/proof/make-errors.py > tests/data/proof/errors.txt
The sentences are the corpus's, made clean first (half-width marks turned
full-width as ^K does), so the only slip in each is the inserted one."""
import glob, os, random, re, sys

HAN = r'[\u4e00-\u9fff]'
FULL = {',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}


def clean(s):
    return ''.join(FULL.get(c, c) for c in s)


def balanced(s):
    stack = []
    for c in s:
        if c in '“《（‘':
            stack.append(c)
        elif c in '”》）’':
            if not stack or stack.pop() != {'”': '“', '》': '《', '）': '（', '’': '‘'}[c]:
                return False
    return not stack


def sentences():
    out = []
    for path in sorted(glob.glob(os.environ.get('CORPUS', '/work/shared/corpus') + '/*.txt')):
        for para in open(path, encoding='utf-8').read().split('\n'):
            para = clean(para.strip())
            for s in re.findall(r'[^。！？]+[。！？]', para):
                # whole quotations and plain sentences only: a sentence cut
                # out of a quotation would carry an unpaired mark
                if 12 <= len(s) <= 80 and balanced(s):
                    out.append(s)
    return out


def doubled(s, rng):
    spots = [m.start() for m in re.finditer('[的了在是和与对把将]', s)
             if s[m.start() + 1:m.start() + 2] != s[m.start()]
             and s[m.start() - 1:m.start()] != s[m.start()]]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i + 1] + '{{doubled}}' + s[i] + s[i + 1:]


def repeated(s, rng):
    spots = [m.start() for m in re.finditer(HAN + '{3}', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    n = rng.choice([2, 3, 4])
    w = s[i:i + n]
    if len(w) < n or not re.fullmatch(HAN + '+', w) or w[0] == w[1] or w[0] == '一':
        return None
    return s[:i + n] + '{{repeated}}' + w + s[i + n:]


def comma_repeat(s, rng):
    spots = [m.start() for m in re.finditer('，(' + HAN + '{4})', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    w = s[i + 1:i + 5]
    if w[0] == w[1]:
        return None
    return s[:i] + w + '，{{repeated}}' + s[i + 1:]


def halfwidth_by_quote(s, rng):
    spots = [m.start() for m in re.finditer('(?<=[”》）])，|：(?=[“《])|，(?=[“《])', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i] + '{{halfwidth}}' + {'，': ',', '：': ':'}[s[i]] + s[i + 1:]


def halfwidth(s, rng):
    spots = [m.start() for m in re.finditer('(?<=' + HAN + ')[，：；](?=' + HAN + ')', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i] + '{{halfwidth}}' + {'，': ',', '：': ':', '；': ';'}[s[i]] + s[i + 1:]


def closing_as_opening(s, rng):
    spots = [m.start() for m in re.finditer('“' + HAN + '{1,8}”', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i] + '{{closing-as-opening}}”' + s[i + 1:]


def opening_as_closing(s, rng):
    spots = [m.end() - 1 for m in re.finditer('“[^“”]{1,12}”', s)]
    spots = [i for i in spots if '”' not in s[i + 1:] and '“' not in s[i + 1:]]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i] + '{{opening-as-closing}}“' + s[i + 1:]


def unpaired_title(s, rng):
    spots = [m.start() for m in re.finditer('《[^《》]+》', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    j = s.index('》', i)
    return s[:i] + s[i + 1:j] + '{{unpaired}}' + s[j:]


def unpaired_close(s, rng):
    spots = [m.start() for m in re.finditer('“[^“”]+”', s)]
    if not spots:
        return None
    i = rng.choice(spots)
    j = s.index('”', i)
    if '”' in s[j + 1:]:
        return None  # a later ” would make the lone “ a different slip
    return s[:i] + '{{unpaired}}' + s[i:j] + s[j + 1:]


KINDS = [(doubled, 14), (repeated, 10), (comma_repeat, 8), (halfwidth_by_quote, 8),
         (halfwidth, 6), (closing_as_opening, 8), (opening_as_closing, 6),
         (unpaired_title, 5), (unpaired_close, 5)]


def main():
    rng = random.Random(20)
    pool = sentences()
    print('# Inserted slips, made by make-errors.py from the corpus (see there).')
    print('# {{check}} stands before the character the check must report.\n')
    for kind, want in KINDS:
        made, seen = 0, set()
        order = pool[:]
        rng.shuffle(order)
        for s in order:
            if made == want:
                break
            case = kind(s, rng)
            if case and case not in seen:
                seen.add(case)
                print('== ' + kind.__name__ + '\n' + case + '\n')
                made += 1
        if made < want:
            sys.exit(f'only {made} cases for {kind.__name__}')


main()
