#!/usr/bin/env bash
# Installs the .deb into a fresh Debian 12 root the way hall IT would (apt, with its dependencies), runs it there
# as an ordinary user (--version, windowdeskctl version and db check, the GUI offscreen to its login window),
# purges it, and checks that nothing is left but the user's data (which a purge must never delete).
#
# usage: chroot-install.sh PACKAGE.deb VERSION
#
# Cache, kept between runs (WINDOWDESK_TEST_CACHE, default /var/cache/windowdesk-test):
#   debootstrap-bookworm.tar  a minbase root made by debootstrap, with apt's package lists (first run only)
#   apt-archives/             the packages apt downloaded into the root
#   bookworm-deps-<hash>.tar  that root with the package's dependencies installed by apt (one per Depends
#                             field: a package whose dependencies changed installs them afresh, once)
# The mirror is the host's own (its apt sources), or WINDOWDESK_DEBIAN_MIRROR / WINDOWDESK_DEBIAN_SECURITY.
# Everything mounted for the root (/proc, /dev, the archive cache) lives in a private mount namespace
# (unshare), so the mounts end with the test whatever happens and deleting the root never reaches through them.
# Exit 77 (CTest: skipped) where it cannot run: not root, a tool missing, no cache and the mirror unreachable.
set -euo pipefail

if [ "${1:-}" = "--inside" ]; then
  inside=$2 # deps | run
  shift 2
fi
deb=$(readlink -f "$1")
version=$2
cache=${WINDOWDESK_TEST_CACHE:-/var/cache/windowdesk-test}
base=$cache/debootstrap-bookworm.tar
user=clerk
home=/home/$user

skip() { echo "SKIP: $*" >&2; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
phase() { echo "== $* (at $((SECONDS - t0)) s)"; }
t0=$SECONDS

# ---------------------------------------------------------------------------------------------------------------
# Inside a private mount namespace, on the root unpacked at $3: "deps" installs the package's dependencies,
# "run" installs the package, runs it, purges it and checks what is left.
if [ -n "${inside:-}" ]; then
  root=$3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d" # no service starts inside the root
  chmod 755 "$root/usr/sbin/policy-rc.d"

  in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
  as_user() {
    chroot --userspec=$user:$user "$root" env -i HOME=$home USER=$user LOGNAME=$user PATH=/usr/bin:/bin \
      LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-$user "$@"
  }
  # Every path of the root except what changes by itself (caches, logs, dpkg's and apt's own state).
  snapshot() {
    chroot "$root" find / -xdev \( -path /proc -o -path /dev -o -path /sys -o -path /tmp -o -path /run \
      -o -path /var/cache -o -path /var/lib/apt -o -path /var/lib/dpkg -o -path /var/log \) -prune -o -print | sort
  }
  apt_get() { in_root apt-get -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "$@"; }

  if [ "$inside" = deps ]; then
    phase "dependencies of the package (apt-get satisfy)"
    depends=$(dpkg-deb -f "$deb" Depends)
    if ! apt_get satisfy "$depends" >"$root/tmp/apt.log" 2>&1; then
      # The cached lists are older than the host's packages: refresh them once (network).
      phase "package lists out of date: apt-get update"
      apt_get update >>"$root/tmp/apt.log" 2>&1 || { tail -20 "$root/tmp/apt.log"; fail "apt-get update in the root"; }
      apt_get satisfy "$depends" >>"$root/tmp/apt.log" 2>&1 || { tail -30 "$root/tmp/apt.log"; fail "dependencies"; }
    fi
    grep -E '^(Need to get|[0-9]+ upgraded)' "$root/tmp/apt.log" || true
    rm -f "$root/tmp/apt.log"
    exit 0
  fi

  in_root useradd --create-home --shell /bin/bash $user
  mkdir -p "$root/tmp/runtime-$user" && chroot "$root" chown $user:$user /tmp/runtime-$user
  chmod 700 "$root/tmp/runtime-$user"
  snapshot >"$root/tmp/before.txt"

  phase "install $(basename "$deb")"
  cp "$deb" "$root/tmp/"
  apt_get install "/tmp/$(basename "$deb")" >"$root/tmp/install.log" 2>&1 || { cat "$root/tmp/install.log"; fail "apt-get install"; }
  grep -E 'newly installed' "$root/tmp/install.log"
  grep -q '^0 upgraded, 1 newly installed' "$root/tmp/install.log" || fail "apt installed more than the package itself"

  phase "run as the ordinary user $user"
  out=$(as_user windowdesk --version)
  [ "$out" = "WindowDesk $version" ] || fail "windowdesk --version said '$out'"
  out=$(as_user windowdeskctl version | head -1)
  [ "$out" = "windowdeskctl $version" ] || fail "windowdeskctl version said '$out'"
  if [ -e "$root/usr/libexec/windowdesk/windowdesk-reader" ]; then
    out=$(as_user /usr/libexec/windowdesk/windowdesk-reader --version)
    [ "$out" = "windowdesk-reader $version" ] || fail "windowdesk-reader --version said '$out'"
  fi
  # The login window (and the other main screens) rendered in Chinese: Qt's plug-ins, the SVG icons, the
  # translations and a CJK font are all there. This also makes the user's database with the demo hall.
  as_user windowdesk --lang zh_CN --screenshots /tmp/shots >"$root/tmp/shots.log" 2>&1 \
    || { cat "$root/tmp/shots.log"; fail "windowdesk --screenshots"; }
  [ -s "$root/tmp/shots/01-login.png" ] || { ls -l "$root/tmp/shots"; fail "no login window rendered"; }
  # A plain start stays up at its login window until it is stopped.
  set +e
  as_user timeout 10 windowdesk >"$root/tmp/gui.log" 2>&1
  rc=$?
  set -e
  [ $rc -eq 124 ] || { cat "$root/tmp/gui.log"; fail "windowdesk exited with $rc instead of waiting at its login window"; }
  if grep -iE 'could not (load|find) the qt platform plugin|cannot load library|failed to load' "$root/tmp/gui.log"; then
    fail "the GUI could not load part of Qt"
  fi
  set +e
  check=$(as_user windowdeskctl db check)
  rc=$?
  set -e
  echo "$check"
  [ $rc -eq 0 ] && [ "$(echo "$check" | tr -d ' \n' | grep -c '"ok":true')" -ge 1 ] || fail "windowdeskctl db check exited $rc"
  db=$home/.local/share/WindowDesk/windowdesk.db
  [ -s "$root$db" ] || fail "the user's database is not at $db"
  (cd "$root" && find ."$home" -type f | sed 's/^\.//' | sort) >"$root/tmp/userdata.txt"

  phase "purge"
  apt_get purge windowdesk >"$root/tmp/purge.log" 2>&1 || { cat "$root/tmp/purge.log"; fail "apt-get purge"; }
  if in_root dpkg-query -W -f='${Status}\n' windowdesk 2>/dev/null | grep -q installed; then
    fail "windowdesk still installed"
  fi
  if ls "$root"/var/lib/dpkg/info/windowdesk.* 2>/dev/null; then fail "dpkg still holds files of windowdesk"; fi
  snapshot >"$root/tmp/after.txt"
  left=$(comm -13 "$root/tmp/before.txt" "$root/tmp/after.txt" | grep -v "^$home/" || true)
  gone=$(comm -23 "$root/tmp/before.txt" "$root/tmp/after.txt" || true)
  [ -z "$left" ] || { echo "$left"; fail "left behind after the purge (above)"; }
  [ -z "$gone" ] || { echo "$gone"; fail "removed by install + purge though it was there before (above)"; }
  # The user's data is all still there.
  while read -r f; do
    [ -e "$root$f" ] || fail "the purge deleted the user's $f"
  done <"$root/tmp/userdata.txt"
  echo "user data kept: $(wc -l <"$root/tmp/userdata.txt") files under $home, including $db"
  exit 0
fi

# ---------------------------------------------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, chroot, mounts)"
for tool in debootstrap unshare chroot tar dpkg-deb flock; do
  command -v $tool >/dev/null || skip "$tool is not installed (scripts/deps.sh --test)"
done
[ -f "$deb" ] || fail "no package at $deb"

# The Debian mirror the host itself uses (first non-security one), and its security archive.
host_uri() {
  { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }'
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed -E 's/\[[^]]*\]//' \
      | awk '$1 == "deb" { print $2 }'
  } | grep -E "$1" | head -1 || true
}
mirror=${WINDOWDESK_DEBIAN_MIRROR:-$(host_uri '/debian/?$')}
mirror=${mirror:-http://deb.debian.org/debian}
security=${WINDOWDESK_DEBIAN_SECURITY:-$(host_uri '/debian-security/?$')}
security=${security:-http://deb.debian.org/debian-security}

mkdir -p "$cache/apt-archives/partial"
exec 9>"$cache/lock"
flock 9 # runs share the cache: one at a time

if [ ! -f "$base" ]; then
  phase "no cached root: debootstrap bookworm from $mirror (first run only)"
  new=$(mktemp -d "$cache/new-root.XXXXXX")
  trap 'rm -rf "$new"' EXIT
  if ! unshare --mount --propagation private -- \
      debootstrap --variant=minbase --cache-dir="$cache/apt-archives" bookworm "$new/root" "$mirror" \
      >"$new/debootstrap.log" 2>&1; then
    tail -20 "$new/debootstrap.log" >&2
    skip "debootstrap could not make a Debian 12 root (mirror $mirror unreachable?)"
  fi
  cat >"$new/root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
  cp /etc/resolv.conf "$new/root/etc/resolv.conf" 2>/dev/null || true
  unshare --mount --propagation private -- sh -c "mount -t proc proc '$new/root/proc' &&
      chroot '$new/root' apt-get -q -o Dpkg::Use-Pty=0 update" >"$new/update.log" 2>&1 \
    || { tail -20 "$new/update.log" >&2; skip "apt-get update in the new root failed (mirror unreachable?)"; }
  chroot "$new/root" apt-get clean
  tar -C "$new/root" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$new"
  trap - EXIT
  phase "cached root made: $base ($(du -h "$base" | cut -f1))"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/windowdesk-root.XXXXXX")
# Outside the namespaces the root has no mounts, so this removes only the root's own files.
trap 'rm -rf "$work"' EXIT
mkdir "$work/root"
key=$(dpkg-deb -f "$deb" Depends | sha256sum | cut -c1-16)
deps_tar=$cache/bookworm-deps-$key.tar
if [ -f "$deps_tar" ]; then
  phase "unpack the cached root with the dependencies"
  tar -C "$work/root" -xf "$deps_tar"
else
  phase "unpack the cached root"
  tar -C "$work/root" -xf "$base"
  unshare --mount --propagation private -- bash "$0" --inside deps "$deb" "$version" "$work/root"
  phase "cache the root with the dependencies"
  rm -f "$cache"/bookworm-deps-*.tar # the dependencies of an older package
  tar -C "$work/root" -cf "$deps_tar.part" . && mv "$deps_tar.part" "$deps_tar"
fi
unshare --mount --propagation private -- bash "$0" --inside run "$deb" "$version" "$work/root"
phase "done"
