#!/usr/bin/env bash
# Page-load benchmark (not part of ./mvnw verify): the pages officers and workers open, under wrk.
#   bench/page-load.sh                 H2 demo data (target/bench-page-load, recreated each run)
# Environment: DURATION (s per run, default 10), CONNECTIONS (default "10 50"), PORT (default 18089),
#              KEEP_BENCH_DB=1 to reuse the H2 database of the last run, SKIP_BUILD=1 to run target/classes as they
#              are, CLASSES=dir to run other compiled classes (e.g. a copy of target/classes from before a change).
# Prints per page and connection count: p50/p95/p99 (ms), requests/s, non-2xx answers, SQL statements per request
# (counted by the sgz.bench.count-statements hook) and p50 as a multiple of /actuator/health in the same run,
# with the load average beside each run (the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-10 50}"
PORT="${PORT:-18089}"
BASE="http://127.0.0.1:$PORT"
PASSWORD='sgz-demo-2026!'
WORK="$PWD/target/bench-page-load"
LUA=bench/lua/page-load.lua

for tool in wrk jq curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool" >&2
    (apt-get install -y "$tool" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y "$tool" >/dev/null; })
  fi
done

if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/page-load-cp.txt -Dmdep.includeScope=runtime
elif [ ! -f target/page-load-cp.txt ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/page-load-cp.txt -Dmdep.includeScope=runtime
fi
CP="${CLASSES:-target/classes}:$(cat target/page-load-cp.txt)"
if [ "${KEEP_BENCH_DB:-}" != "1" ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK"

java -Xmx2g -Dsgz.clock.start=2026-12-07T10:00:00+08:00 -cp "$CP" cn.sgz.SgzApplication \
  --server.port="$PORT" --sgz.data-dir="$WORK" --sgz.bench.count-statements=true \
  --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
echo "starting the application (pid $APP), demo data on H2 …" >&2
for _ in $(seq 1 600); do
  if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "the application stopped; see $WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -fs "$BASE/actuator/health/readiness" >/dev/null || { echo "not ready after 10 minutes" >&2; exit 1; }

# Signs in as $1, prints the session cookie's "name=value".
login() {
  local jar="$WORK/cookies-$1" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -1
}

declare -A COOKIE
for role in demo_city demo_bureau demo_evaluator demo_agency demo_head demo_worker; do
  COOKIE[$role]=$(login $role)
  [ -n "${COOKIE[$role]}" ] || { echo "could not sign in as $role" >&2; exit 1; }
done
B="${COOKIE[demo_bureau]}"
PROJECT=$(curl -fs -H "Cookie: $B" "$BASE/api/v1/projects" \
  | jq -r '[.[] | select(.name | startswith("九原区民政领域社会工作服务项目"))][0].id')
COMPLIANCE=$(curl -fs -H "Cookie: $B" "$BASE/api/v1/projects/$PROJECT/compliance")
STATION=$(jq -r '.[0].stationId' <<<"$COMPLIANCE")
INDICATOR=$(jq -r '[.[0].indicators[] | select(.kind == "ACTIVITY_COUNT" or .kind == "COUNT")][0].indicatorId // .[0].indicators[0].indicatorId' <<<"$COMPLIANCE")
echo "demo project $PROJECT, station $STATION, indicator $INDICATOR" >&2

# name|user|path
TARGETS=(
  "health|demo_bureau|/actuator/health"
  "home (city)|demo_city|/"
  "home (bureau)|demo_bureau|/"
  "home (evaluator)|demo_evaluator|/"
  "home (agency)|demo_agency|/"
  "home (head)|demo_head|/"
  "home (worker)|demo_worker|/"
  "county board|demo_bureau|/progress/projects/$PROJECT"
  "station board|demo_bureau|/progress/projects/$PROJECT/stations/$STATION"
  "drill-down|demo_bureau|/progress/projects/$PROJECT/stations/$STATION/indicators/$INDICATOR"
  "record list|demo_bureau|/records"
  "ledger|demo_bureau|/recipients"
  "compliance API|demo_bureau|/api/v1/projects/$PROJECT/compliance"
)

# statements counted so far for one path
statements() {
  curl -fs -H "Cookie: $B" "$BASE/bench/statements" | awk -v p="$1" '$1 == p { print $2, $3 }'
}

printf '%-18s %5s %9s %9s %9s %9s %8s %7s %9s %7s  %s\n' page conns p50_ms p95_ms p99_ms req/s requests non2xx stmts/req xhealth load
for c in $CONNECTIONS; do
  HEALTH_P50=""
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r name user path <<<"$t"
    cookie="${COOKIE[$user]}"
    # warm-up: the first requests compile templates and fill caches
    for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $cookie" "$BASE$path"; done
    before=$(statements "$path"); before=${before:-"0 0"}
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    out=$(wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s -s "$LUA" -H "Cookie: $cookie" "$BASE$path" | grep '^RESULT')
    after=$(statements "$path"); after=${after:-"0 0"}
    read -r p50 p95 p99 rps reqs bad errs < <(sed 's/RESULT //; s/[a-z0-9]*=//g' <<<"$out")
    per=$(awk -v b="$before" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " "); n = y[1] - x[1];
      if (n > 0) printf "%.1f", (y[2] - x[2]) / n; else print "—" }')
    if [ "$name" = health ]; then HEALTH_P50=$p50; fi
    ratio=$(awk -v p="$p50" -v h="$HEALTH_P50" 'BEGIN { if (h > 0) printf "%.1f", p / h; else print "—" }')
    printf '%-18s %5s %9s %9s %9s %9s %8s %7s %9s %7s  %s\n' "$name" "$c" "$p50" "$p95" "$p99" "$rps" "$reqs" \
      "$((bad + errs))" "$per" "$ratio" "$load"
  done
done
