#!/usr/bin/env bash
# Runs inside dbus-run-session: starts gnome-keyring-daemon unlocked (a real Secret Service), then CTest.
set -euo pipefail
export XDG_DATA_HOME="$(mktemp -d)"          # keyrings and default databases of this run stay out of $HOME
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
eval "$(printf 'windowdesk-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
status=0
ctest --preset default -j2 "$@" || status=$?
# libFuzzer run (clang tree build-fuzz), 60 s, when the fuzz targets exist.
if [ -x scripts/fuzz.sh ]; then scripts/fuzz.sh || status=1; fi
exit $status
