#!/usr/bin/env bash
# run.sh FUZZER TARGET RUNS SRCDIR BUILDDIR — runs a libFuzzer target over
# its committed corpus (seeds and regressions, read only) with a scratch
# corpus in the build tree, so new inputs never land in the sources. A
# crash input is written to BUILDDIR/crash-*: add it to tests/fuzz/corpus/.
set -eu
fuzzer=$1 target=$2 runs=$3 src=$4 build=$5
mkdir -p "$build/fuzz-$target"
exec "$fuzzer" -runs="$runs" -max_len=65536 -timeout=10 -artifact_prefix="$build/" \
	"$build/fuzz-$target" "$src/corpus/$target"
