#!/usr/bin/env bash
# catalogue.sh — one translation mechanism, complete: every file with a
# message is in po/POTFILES, every message xgettext finds there has a
# zh_CN translation (not empty, not fuzzy) with the same format arguments,
# and no refusal (nd_fail, a usage error) is written without _().
. "$(dirname "$0")/lib.sh"
for tool in xgettext msgmerge msgattrib msgfmt python3; do
	if ! command -v "$tool" >/dev/null; then
		echo "1..0 # SKIP $tool not installed (gettext)"
		exit 0
	fi
done
cd "$SRCDIR" || exit 1

# The keywords po/meson.build gives xgettext, read from it, so the two agree.
mapfile -t keywords < <(grep -o "'--keyword=[^']*'" po/meson.build | tr -d "'")
[ "${#keywords[@]}" -ge 4 ] && pass "po/meson.build names the keywords (${keywords[*]})" ||
	fail "po/meson.build names the keywords" "found: ${keywords[*]}"

# POTFILES: every source file that marks a message, and only files that exist.
marked=$(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|NP_|C_|ngettext)\(' src --include='*.c' | sort)
listed=$(grep -v '^#' po/POTFILES | sed '/^$/d' | sort)
missing=$(comm -23 <(printf '%s\n' "$marked") <(printf '%s\n' "$listed"))
[ -z "$missing" ] && pass "po/POTFILES lists every file with a message" ||
	fail "po/POTFILES lists every file with a message" "missing:" "$missing"
gone=$(for f in $listed; do [ -f "$f" ] || echo "$f"; done)
[ -z "$gone" ] && pass "every file po/POTFILES lists exists" || fail "po/POTFILES names files that exist" "$gone"

# The catalogue: xgettext over POTFILES, merged with the translations.
xgettext --from-code=UTF-8 "${keywords[@]}" --language=C -o "$TMP/newsdesk.pot" \
	--files-from=po/POTFILES 2>"$TMP/xgettext.err" &&
	pass "xgettext reads every file in POTFILES" || fail "xgettext" "$(cat "$TMP/xgettext.err")"
total=$(grep -c '^msgid ' "$TMP/newsdesk.pot")
msgmerge --quiet --no-fuzzy-matching -o "$TMP/merged.po" po/zh_CN.po "$TMP/newsdesk.pot" 2>"$TMP/merge.err" ||
	fail "msgmerge" "$(cat "$TMP/merge.err")"
# one line per message: its msgid, for the failure report
list() { msgattrib "$@" --no-obsolete "$TMP/merged.po" | python3 -c '
import sys, re
text = sys.stdin.read()
for m in re.finditer(r"^msgid ((?:\"(?:[^\"\\\\]|\\\\.)*\"\n?)+)", text, re.M):
    s = "".join(re.findall(r"\"((?:[^\"\\\\]|\\\\.)*)\"", m.group(1)))
    if s:
        print(s)'; }
untranslated=$(list --untranslated)
fuzzy=$(list --only-fuzzy)
[ -z "$untranslated" ] && pass "all $((total - 1)) messages have a zh_CN translation" ||
	fail "messages with no zh_CN translation: $(printf '%s\n' "$untranslated" | wc -l)" "$untranslated"
[ -z "$fuzzy" ] && pass "no zh_CN translation is fuzzy" ||
	fail "fuzzy zh_CN translations: $(printf '%s\n' "$fuzzy" | wc -l)" "$fuzzy"
msgfmt --check -o /dev/null "$TMP/merged.po" 2>"$TMP/msgfmt.err" &&
	pass "every translation takes the same format arguments as its message" ||
	fail "msgfmt --check" "$(cat "$TMP/msgfmt.err")"

# A refusal written as a bare literal would never be translated: nd_fail,
# nd_cli_usage and nd_error_prefix take _("…") whenever the text has words.
bare=$(python3 - src <<'PY'
import re, sys, pathlib
call = re.compile(r'\b(nd_fail|nd_cli_usage|nd_error_prefix)\s*\(')
lit = re.compile(r'"(?:[^"\\\n]|\\.)*"')
argn = {'nd_fail': 2, 'nd_cli_usage': 1, 'nd_error_prefix': 1}
for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.c')):
    s = path.read_text(encoding='utf-8')
    for m in call.finditer(s):
        # the arguments, split at top-level commas
        depth, i, start, args = 0, m.end() - 1, m.end(), []
        while i < len(s):
            c = s[i]
            if c == '"':
                m2 = lit.match(s, i)
                i = m2.end() if m2 else i + 1
                continue
            if c == "'":  # a character literal, '"' or '\''
                i = s.index("'", i + 3 if s[i + 1] == '\\' else i + 1) + 1
                continue
            if c in '([{':
                depth += 1
            elif c in ')]}':
                depth -= 1
                if depth == 0:
                    args.append(s[start:i])
                    break
            elif c == ',' and depth == 1:
                args.append(s[start:i])
                start = i + 1
            i += 1
        k = argn[m.group(1)]
        if len(args) <= k:
            continue
        a = args[k].strip()
        if lit.match(a) and re.search(r'[A-Za-z]{3,}', re.sub(r'%[-#0-9.*$lzhjt]*[a-zA-Z]', '', a)):
            line = s.count('\n', 0, m.start()) + 1
            print(f'{path}:{line}: {a[:70]}')
PY
)
[ -z "$bare" ] && pass "no refusal is a bare literal outside gettext" ||
	fail "refusals written without _(): $(printf '%s\n' "$bare" | wc -l)" "$bare"
finish
