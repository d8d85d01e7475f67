#!/usr/bin/env bash
# Phone pages over village networks (issue #16 Performance; not part of ./mvnw verify): every menu page of the
# given demo roles (and one record, person, case and group) on a 360×740 phone in headless Chromium, with Chromium's
# network throttling (CDP Network.emulateNetworkConditions: none, 4G, DevTools "Slow 3G"). Prints per page the bytes
# transferred on a first visit (cache disabled) and a repeat visit, the number of requests and the time to the load
# event on each network, with the load average (the machine is shared). Goal: under 200 KB a page.
#   bench/phone-pages.sh                         builds, starts the H2 demo on port 18090 (target/bench-phone-pages)
#   BASE=http://127.0.0.1:8080 bench/phone-pages.sh   measures an application already running with the demo data
#   USERS=demo_worker,demo_head,demo_bureau bench/phone-pages.sh
# Needs Debian's chromium (SGZ_CHROMIUM to use another). The photo upload figure (≤ 800 KB for a 3 MB photo) is
# measured by the upload bench, not here.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-demo_worker,demo_head}"
PORT="${PORT:-18090}"
./mvnw -B -q ${MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-phone-cp.txt \
  -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-phone-cp.txt)"
rm -rf target/bench-classes-phone && mkdir -p target/bench-classes-phone
javac -proc:none -encoding UTF-8 -d target/bench-classes-phone -cp "$CP" bench/java/cn/sgz/bench/PhonePageBench.java

if [ -z "${BASE:-}" ]; then
  BASE="http://127.0.0.1:$PORT"
  WORK="$PWD/target/bench-phone-pages"
  mkdir -p "$WORK"
  java -Xmx1g -Dsgz.clock.start=2026-12-07T10:00:00+08:00 -cp "$CP" cn.sgz.SgzApplication \
    --server.port="$PORT" --sgz.data-dir="$WORK" --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
  echo "starting the application (pid $APP), demo data on H2 …" >&2
  for _ in $(seq 1 600); do
    if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 $APP 2>/dev/null; then echo "the application stopped; see $WORK/app.log" >&2; exit 1; fi
    sleep 1
  done
fi
java -Xmx512m -cp "target/bench-classes-phone:$CP" cn.sgz.bench.PhonePageBench "$BASE" "$USERS"
