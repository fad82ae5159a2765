#!/usr/bin/env bash
# Runs inside dbus-run-session: starts gnome-keyring-daemon unlocked (a real Secret Service), then CTest, then
# the sanitizer tree's keychain/login/sync tests (build-asan, when ./test built it; ASAN_TESTS=0 skips them).
set -euo pipefail
export XDG_DATA_HOME="$(mktemp -d)"          # keyrings and default databases of this run stay out of $HOME
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
eval "$(printf 'windowdesk-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
status=0
ctest --preset default -j2 "$@" || status=$?
# ASan + UBSan (preset asan): the GUI's login → sync → logout → login cycle with this keychain, and the sync
# worker's tests. Leak checking is off (Qt, fontconfig and D-Bus keep allocations until exit); any other
# report fails the run.
if [ "${ASAN_TESTS:-1}" != 0 ] && [ -x build-asan/tests/app/app_tst_keychainsession ]; then
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
        ctest --test-dir build-asan --output-on-failure -j2 -R "$(scripts/asan-tests.sh --regex)" || status=1
fi
# libFuzzer runs (clang tree build-fuzz), FUZZ_SECONDS (default 120) in total across the targets.
if [ -x scripts/fuzz.sh ]; then scripts/fuzz.sh || status=1; fi
exit $status
