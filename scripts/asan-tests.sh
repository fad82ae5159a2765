#!/usr/bin/env bash
# The sanitizer tree (CMake preset "asan", build-asan): only the pieces the keychain/login/sync tests need.
#   scripts/asan-tests.sh           configure and build them (ccache when installed)
#   scripts/asan-tests.sh --regex   print the CTest regex of those tests
set -euo pipefail
tests=(app_tst_keychainsession sync_tst_syncservice sync_tst_onlineapi)
if [ "${1:-}" = --regex ]; then
    (IFS='|'; echo "^(${tests[*]})\$")
    exit 0
fi
cd "$(dirname "$0")/.."
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build build-asan --target "${tests[@]}" windowdesk-platform-sim
