# deps.sh — the Debian packages newsdesk needs to build, test and run,
# installed when missing (as root), or listed for the user to install.
# Photos (issue 22): libjpeg-turbo, libpng, libwebp and libexif read them,
# libchafa (with its glib) previews them; cjpeg (libjpeg-turbo-progs) makes
# the tests' JPEGs, cwebp (webp) their WebP.
# Galley proofs (issue 34): Cairo and Pango draw them in Noto Serif CJK
# (fonts-noto-cjk); poppler-utils reads them back in the tests. Word
# documents: libzip and libxml2. Search's traditional → simplified fold
# is a table taken from OpenCC and committed (src/store/fold_han.h):
# libopencc-dev only for the test that compares it with the installed
# library (fold-opencc) and the tool that writes it (tools/gen_fold.c).
# Sourced by scripts/demo and scripts/test.

ND_PACKAGES="gcc pkg-config meson ninja-build python3 libncurses-dev libsqlite3-dev tmux locales gettext libunistring-dev zlib1g-dev openssh-server openssh-client libjpeg62-turbo-dev libpng-dev libwebp-dev libexif-dev libchafa-dev libglib2.0-dev libjpeg-turbo-progs webp screen libcairo2-dev libpango1.0-dev fonts-noto-cjk poppler-utils libzip-dev libxml2-dev libopencc-dev"

# One dpkg-query for them all (one per package took seconds on every
# scripts/demo): a package is missing when it is not listed "ok installed".
nd_missing_packages() {
	local installed missing="" p
	# shellcheck disable=SC2086
	installed=$(dpkg-query -W -f='${Package} ${Status}\n' $ND_PACKAGES 2>/dev/null |
		awk '/ ok installed$/ {sub(/:.*/, "", $1); printf " %s", $1}')
	for p in $ND_PACKAGES; do
		case "$installed " in
		*" $p "*) ;;
		*) missing="$missing $p" ;;
		esac
	done
	printf '%s' "${missing# }"
}

nd_install_deps() {
	local missing
	missing=$(nd_missing_packages)
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "newsdesk needs these Debian packages; install them with:" >&2
		echo "  sudo apt-get install -y $missing" >&2
		exit 1
	fi
	echo "installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || true
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >&2
}

# The zh_CN.UTF-8 locale, for the Chinese interface and its tests.
nd_ensure_zh_locale() {
	locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$' && return 0
	[ "$(id -u)" -eq 0 ] || return 0
	if [ -f /etc/locale.gen ]; then
		sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
		grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen
		locale-gen >/dev/null 2>&1 || true
	fi
}

# Locales of terminals that are not UTF-8, for the tests of the terminal's
# charset: GB18030 (Chinese in a legacy charset) and ISO-8859-1 (one that
# cannot carry Chinese).
nd_ensure_legacy_locales() {
	[ "$(id -u)" -eq 0 ] || return 0
	locale -a 2>/dev/null | grep -qi '^zh_CN.gb18030$' ||
		localedef -i zh_CN -f GB18030 zh_CN.GB18030 >/dev/null 2>&1 || true
	locale -a 2>/dev/null | grep -qi '^en_US.iso88591$' ||
		localedef -i en_US -f ISO-8859-1 en_US.ISO-8859-1 >/dev/null 2>&1 || true
}

# Configures and builds into $1 with the rest as meson options. A folder
# configured before gets the options again, so a build made one way is never
# silently used as another (the test build's hooks on, the demo's off).
nd_build() {
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >/dev/null
	elif [ $# -gt 0 ] && { [ "$(cat "$dir/.nd-options" 2>/dev/null)" != "$*" ] ||
		[ meson_options.txt -nt "$dir/.nd-options" ]; }; then
		# --reconfigure re-reads meson_options.txt: a folder set up before an
		# option existed takes it too (meson configure would refuse it); only
		# when the options or their file changed since (a stamp: a repeat
		# scripts/demo starts at once)
		meson setup --reconfigure "$dir" "$@" >/dev/null
	fi
	[ $# -eq 0 ] || printf '%s\n' "$*" >"$dir/.nd-options"
	ninja -C "$dir" >/dev/null
}
