#!/usr/bin/env bash
# Photo upload over weak networks (issue 16 item 4): a 4000×3000 camera photo of about 3 MB sent from the record
# page of a 360×740 phone under Chromium's network emulation (DevTools presets slow 3G, fast 3G, fast 4G). For each:
# bytes sent and seconds per photo the page's way (shrunk in the browser to a long side of 2560 px with its EXIF kept,
# sent in resumable 256 KB pieces) beside the original sent whole in one PUT, with the load average (shared machine).
# Runs the whole application (test profile, H2 demo data) and Debian's Chromium through Playwright. Not part of
# ./mvnw verify. Writes bench/results/upload-network-latest.txt.
# Usage: bench/upload-network-bench.sh        (extra Maven flags via MVN_FLAGS, e.g. MVN_FLAGS=-o)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
SGZ_BENCH=upload ./mvnw -B ${MVN_FLAGS:-} test -Dtest=PhotoUploadNetworkBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true | grep -E '^(photo upload|network|slow 3G|fast 3G|fast 4G|Tests run|\[ERROR\])' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat bench/results/upload-network-latest.txt
