#!/usr/bin/env bash
# Installs the Debian 12 packages WindowDesk needs to build, run and test (only what is missing).
# Why each: Qt 6 base (Widgets/Network/Sql/PrintSupport) + the SQLite driver; QtKeychain for tokens and the
# audit key (libsecret at run time); zint for QR codes; OpenSSL 3 for SM2/SM3; Qt tools for translations;
# CJK fonts so screens and PDFs have Chinese glyphs; qt6-httpserver for the platform simulator (test only);
# poppler-utils to check PDFs; gnome-keyring + dbus for a real Secret Service in tests; unicode-data for the
# pinyin table; xvfb to show the GUI on a machine without a display (and, test only, xdotool + imagemagick to
# walk the real program by keys and take screenshots there: tests/app/walkthrough_xvfb.sh); clang + libclang-rt for the fuzzer;
# libsqlite3-dev because storage reads database bytes through SQLite's own file handle (the same libsqlite3
# as Qt's driver), never a descriptor of its own that would drop the process's locks;
# librsvg2-bin renders the package's PNG icons from the SVG; lintian, desktop-file-utils and appstream validate
# the package, debootstrap makes the clean Debian 12 root it is installed into (tests/installer); ccache (test
# command only) because ./test builds two trees (the default one and the ASan/UBSan one) and rebuilds must stay cheap;
# libxlsxwriter-dev writes the XLSX exports (cli.md `export`; BSD-2, Debian's own package, linked dynamically);
# python3 + python3-openpyxl (test only) read the exports back and compute the report independently (tests/reports).
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libqt6serialport6-dev
  qtkeychain-qt6-dev libsecret-1-0 libzint-dev libssl-dev libsqlite3-dev libxlsxwriter-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n fonts-noto-cjk librsvg2-bin
)
if [ "${1:-}" = "--test" ]; then
  PACKAGES+=(qt6-httpserver-dev qt6-websockets-dev poppler-utils gnome-keyring dbus dbus-x11 libsecret-tools unicode-data
             sqlite3 clang libclang-rt-14-dev xvfb xauth xdotool imagemagick curl openssl ccache
             lintian desktop-file-utils appstream debootstrap python3 python3-openpyxl)
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
