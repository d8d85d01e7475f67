#!/usr/bin/env bash
# Real photographs for the copy set (issue #19): Debian packages the first photo set did not use, unpacked
# outside the repository (default /root/dupcache/root, or $DUP_PHOTOS; scikit-image's sample photographs
# under /root/dupcache/extra/root, or $DUP_PHOTOS_EXTRA; held-out ones under /root/dupcache/held/root, or
# $DUP_PHOTOS_HELD). Needs apt-get (run apt-get update once).
set -euo pipefail
ROOT="${DUP_PHOTOS:-/root/dupcache/root}"
EXTRA="${DUP_PHOTOS_EXTRA:-/root/dupcache/extra/root}"
DEBS="$(dirname "$ROOT")/debs"
mkdir -p "$DEBS" "$ROOT" "$EXTRA" "$(dirname "$EXTRA")/debs"
cd "$DEBS"
apt-get download lomiri-wallpapers lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 plasma-workspace-wallpapers
for f in *.deb; do dpkg -x "$f" "$ROOT"; done
# python3-skimage ships its sample photographs (astronaut, coffee, chelsea, rocket, the motorcycle stereo pair, …)
cd "$(dirname "$EXTRA")/debs"
apt-get download python3-skimage
for f in *.deb; do dpkg -x "$f" "$EXTRA"; done
# held-out photographs (CopyStudy -Dphotos=held): packages the tuning set never used
HELD="${DUP_PHOTOS_HELD:-/root/dupcache/held/root}"
mkdir -p "$(dirname "$HELD")/debs" "$HELD"
cd "$(dirname "$HELD")/debs"
apt-get download mate-backgrounds
for f in *.deb; do dpkg -x "$f" "$HELD"; done
echo "photos under $ROOT/usr/share/backgrounds, $ROOT/usr/share/wallpapers and $EXTRA/usr/lib/python3/dist-packages/skimage/data"
