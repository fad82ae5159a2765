#!/usr/bin/env bash
# The long fuzz run, outside the test command: every target for FUZZ_SECONDS_PER_TARGET (default 1800 s),
# or only those of FUZZ_TARGETS. Same build, corpora and failure rules as scripts/fuzz.sh (which ./test runs
# with a total budget of FUZZ_SECONDS, 120 s by default).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
per="${FUZZ_SECONDS_PER_TARGET:-1800}"
if ! [[ "$per" =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz-long: FUZZ_SECONDS_PER_TARGET must be a positive whole number, not '$per'" >&2
    exit 2
fi
count=5
if [ -n "${FUZZ_TARGETS:-}" ]; then count=$(wc -w <<<"$FUZZ_TARGETS"); fi
FUZZ_SECONDS=$((per * count)) exec "$root/scripts/fuzz.sh"
