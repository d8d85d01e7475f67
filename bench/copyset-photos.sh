#!/usr/bin/env bash
# Real photographs for the copy set (issue #19): Debian packages the first photo set did not use, unpacked
# outside the repository (default /root/dupcache/root, or $DUP_PHOTOS). Needs apt-get (run apt-get update once).
set -euo pipefail
ROOT="${DUP_PHOTOS:-/root/dupcache/root}"
DEBS="$(dirname "$ROOT")/debs"
mkdir -p "$DEBS" "$ROOT"
cd "$DEBS"
apt-get download lomiri-wallpapers lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 plasma-workspace-wallpapers
for f in *.deb; do dpkg -x "$f" "$ROOT"; done
echo "photos under $ROOT/usr/share/backgrounds and $ROOT/usr/share/wallpapers"
