#!/usr/bin/env bash
# Builds windowdesk-udev_<version>_all.deb, the udev rule of the card reader as a package of its own: the
# WindowDesk package itself changes nothing outside its files (a store package may not), so hall IT installs
# this one where the reader is plugged in.
# usage: build-udev-deb.sh SOURCE_DIR STAGE_DIR OUT_DEB VERSION MAINTAINER
set -euo pipefail
src=$1 stage=$2 out=$3 version=$4 maintainer=$5
pkg=windowdesk-udev
rm -rf "$stage"
install -d -m 0755 "$stage/DEBIAN" "$stage/lib/udev/rules.d" "$stage/usr/share/doc/$pkg" "$stage/usr/share/metainfo"
install -m 0644 "$src/installer/udev/70-windowdesk-reader.rules" "$stage/lib/udev/rules.d/"
# The readers as AppStream modaliases (lintian: appstream-metadata-missing-modalias-provide).
install -m 0644 "$src/installer/udev/cn.windowdesk.WindowDesk.udev.metainfo.xml" "$stage/usr/share/metainfo/"
install -m 0644 "$src/installer/copyright" "$stage/usr/share/doc/$pkg/copyright"
# A native package's changelog, the main package's history under this package's name (gzip -9n: no name or
# time stamp inside, so the same sources give the same bytes).
sed "1s/^windowdesk (/$pkg (/" "$src/installer/changelog" | gzip -9n > "$stage/usr/share/doc/$pkg/changelog.gz"
chmod 0644 "$stage/usr/share/doc/$pkg/changelog.gz"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: $pkg
Version: $version
Architecture: all
Maintainer: $maintainer
Installed-Size: $size
Section: misc
Priority: optional
Enhances: windowdesk
Description: udev rule for WindowDesk's ID-card readers
 Lets the user logged in at the seat open the USB resident-ID card readers
 that WindowDesk's card reader helper supports (the udev "uaccess" tag), so
 the clerk needs neither root nor a group change. Serial readers need the
 clerk in the dialout group instead.
 .
 Kept apart from the windowdesk package, which changes nothing outside its
 own files.
CONTROL
(cd "$stage" && find lib usr -type f | sort | xargs md5sum > DEBIAN/md5sums)
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
echo "$out"
