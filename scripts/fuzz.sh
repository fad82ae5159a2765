#!/usr/bin/env bash
# Builds the libFuzzer tree (clang, preset "fuzz", build-fuzz; only the fuzz target) and runs the EL1
# fuzz target for FUZZ_SECONDS (default 60) on a copy of the seed corpus. Exits non-zero on a crash,
# a hang, or any sanitizer report; the reproducer is kept in build-fuzz/fuzz-artifacts/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
seconds="${FUZZ_SECONDS:-60}"
# FUZZ_SECONDS=0 skips the run (libFuzzer's -max_total_time=0 would mean "forever").
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "fuzz: FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2
    exit 2
fi
if [ "$seconds" -eq 0 ]; then
    echo "fuzz: skipped (FUZZ_SECONDS=0)"
    exit 0
fi

cd "$root"
cmake --preset fuzz >/dev/null
cmake --build "$build" --target fuzz_el1 -j"${FUZZ_JOBS:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/fuzz/corpus" "$work/corpus"
mkdir -p "$build/fuzz-artifacts"

set +e
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    "$build/tests/fuzz/fuzz_el1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict="$root/tests/fuzz/el1.dict" -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1 \
    "$work/corpus" >"$work/log" 2>&1
status=$?
set -e
tail -n 25 "$work/log"
if [ "$status" -ne 0 ] || grep -qE "ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:" "$work/log"; then
    echo "fuzz: FAILED (exit $status) — see $build/fuzz-artifacts/" >&2
    exit 1
fi
echo "fuzz: ${seconds}s without a crash or sanitizer report"
