#!/usr/bin/env bash
# Builds the libFuzzer tree (clang, preset "fuzz", build-fuzz; only the fuzz targets) and runs every fuzz
# target on a copy of its seed corpus: FUZZ_SECONDS (default 120) is the total budget, split evenly across
# the targets — the EL1 payload parser and the JSON readers the platform feeds (change pages of cases, the
# hall, evaluations and queue events; catalog pages; keys, calendars, error bodies; the 1.1 hall duties'
# pages and answers — 跨省通办, 办不成事, 告知承诺 post-checks — and the training leaderboard). FUZZ_TARGETS (names,
# space separated) runs only some. Exits non-zero on a crash, a hang, or any sanitizer report; the
# reproducer is kept in build-fuzz/fuzz-artifacts/ (add it to the target's corpus once fixed). Longer runs:
# scripts/fuzz-long.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
seconds="${FUZZ_SECONDS:-120}"
# target:corpus:dictionary
all_targets=(
    "fuzz_el1:corpus:el1.dict"
    "fuzz_change_page:corpus-change-page:json.dict"
    "fuzz_catalog_page:corpus-catalog-page:json.dict"
    "fuzz_small_readers:corpus-small-readers:json.dict"
    "fuzz_hall_duties:corpus-hall-duties:json.dict"
)
# FUZZ_SECONDS=0 skips the run (libFuzzer's -max_total_time=0 would mean "forever").
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "fuzz: FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2
    exit 2
fi
if [ "$seconds" -eq 0 ]; then
    echo "fuzz: skipped (FUZZ_SECONDS=0)"
    exit 0
fi
targets=()
for t in "${all_targets[@]}"; do
    if [ -z "${FUZZ_TARGETS:-}" ] || [[ " $FUZZ_TARGETS " == *" ${t%%:*} "* ]]; then targets+=("$t"); fi
done
if [ "${#targets[@]}" -eq 0 ]; then
    echo "fuzz: FUZZ_TARGETS names no target (known: fuzz_el1 fuzz_change_page fuzz_catalog_page fuzz_small_readers fuzz_hall_duties)" >&2
    exit 2
fi
each=$((seconds / ${#targets[@]}))
[ "$each" -ge 1 ] || each=1

cd "$root"
# The fuzz tree compiles the libraries that hold the JSON readers too: ccache keeps that cheap after the first run.
launcher=()
if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
names=()
for t in "${targets[@]}"; do names+=("${t%%:*}"); done
cmake --build "$build" --target "${names[@]}" -j"${FUZZ_JOBS:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/fuzz-artifacts"
failed=0
for t in "${targets[@]}"; do
    IFS=: read -r name corpus dict <<<"$t"
    cp -r "$root/tests/fuzz/$corpus" "$work/$name-corpus"
    set +e
    # The JSON targets keep a database and Qt's plugin loader for the whole process: leaks are looked for
    # per input by libFuzzer (-detect_leaks), not in what lives until exit.
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 QT_QPA_PLATFORM=offscreen \
        "$build/tests/fuzz/$name" -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 \
        -dict="$root/tests/fuzz/$dict" -artifact_prefix="$build/fuzz-artifacts/$name-" -print_final_stats=1 \
        "$work/$name-corpus" >"$work/$name.log" 2>&1
    status=$?
    set -e
    echo "== $name (${each}s)"
    tail -n 12 "$work/$name.log"
    if [ "$status" -ne 0 ] || grep -qE "ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:" "$work/$name.log"; then
        echo "fuzz: $name FAILED (exit $status) — see $build/fuzz-artifacts/" >&2
        grep -E "ERROR:|runtime error:|fuzz: " "$work/$name.log" | head -n 5 >&2 || true
        failed=1
    fi
done
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "fuzz: ${seconds}s over ${#targets[@]} targets (${each}s each) without a crash or sanitizer report"
