#!/usr/bin/env bash
# CPU per request (not part of ./mvnw verify): what each page costs the application's JVM, independent of how busy
# the shared machine is. Starts the H2 demo like bench/page-load.sh (a copy of the classes, clock from
# 2026-12-07T10:00+08:00, statement counting on), signs in as each demo role, then for each page: WARM requests
# to warm it up (JIT, caches), then N sequential requests on one keep-alive connection (curl), reading the JVM's
# CPU time (utime + stime of /proc/<pid>/stat: all its threads, GC included, the JIT compiler threads left out)
# before and after.
#   bench/page-cpu.sh                          build, then measure every page
#   PAGES='^home' bench/page-cpu.sh            only the pages whose name matches (grep -E)
#   SKIP_BUILD=1 CLASSES=/tmp/old bench/page-cpu.sh   other compiled classes (before/after)
#   HTML_DIR=/tmp/html-before bench/page-cpu.sh       save each role's home page (CSRF tokens and the figures' age
#                                                     blanked) there …
#   COMPARE_HTML=/tmp/html-before bench/page-cpu.sh   … and compare this run's home pages with those (exit 1 if any differ)
#   APP_PID=<pid> PORT=<port> bench/page-cpu.sh    measure an application already started that way
# Environment: N (measured requests per page, default 1000), WARM (default 2000, every page before measuring any),
#              ROUNDS (measure the list this many times, default 1), PORT (default 18091).
# Prints per page: CPU ms per request, SQL statements per request (sgz.bench.count-statements), wall ms per
# request (load-dependent: direction only), and the load average (1, 5, 15 min) at the start of the measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-1000}"
WARM="${WARM:-2000}"
PORT="${PORT:-18091}"
PAGES="${PAGES:-.}"
BASE="http://127.0.0.1:$PORT"
PASSWORD='sgz-demo-2026!'
WORK="$PWD/target/bench-page-cpu"
HZ=$(getconf CLK_TCK)

for tool in jq curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install $tool)" >&2; exit 1; }
done
if [ -n "${APP_PID:-}" ]; then
  # an application already running on PORT (started as below), e.g. to profile it while measuring
  APP=$APP_PID
  mkdir -p "$WORK"
else
  if [ "${SKIP_BUILD:-}" != "1" ]; then
    ./mvnw -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/page-load-cp.txt -Dmdep.includeScope=runtime
  elif [ ! -f target/page-load-cp.txt ]; then
    ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/page-load-cp.txt -Dmdep.includeScope=runtime
  fi
  rm -rf "$WORK" && mkdir -p "$WORK"
  cp -r "${CLASSES:-target/classes}" "$WORK/classes"
  CP="$WORK/classes:$(cat target/page-load-cp.txt)"

  java -Xmx1g ${JAVA_OPTS:-} -Dsgz.clock.start=2026-12-07T10:00:00+08:00 -cp "$CP" cn.sgz.SgzApplication \
    --server.port="$PORT" --sgz.data-dir="$WORK" --sgz.bench.count-statements=true \
    --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
  echo "starting the application (pid $APP) …" >&2
  for _ in $(seq 1 1800); do
    if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 $APP 2>/dev/null; then echo "the application stopped; see $WORK/app.log" >&2; exit 1; fi
    sleep 1
  done
  curl -fs "$BASE/actuator/health/readiness" >/dev/null || { echo "not ready after 30 minutes" >&2; exit 1; }
fi
echo "$APP" >"$WORK/pid"

login() {
  local jar="$WORK/cookies-$1" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -1
}
declare -A COOKIE
ROLES=(demo_city demo_bureau demo_evaluator demo_agency demo_head demo_worker)
for role in "${ROLES[@]}"; do
  COOKIE[$role]=$(login $role)
  [ -n "${COOKIE[$role]}" ] || { echo "could not sign in as $role" >&2; exit 1; }
done
B="${COOKIE[demo_bureau]}"

# a home page as the user sees it, with the per-session CSRF token blanked, and the age of the stored figures
# ("数据计算于 2026-12-07 10:05（刚刚）", which moves with the clock and with when they were last computed)
page_html() {
  curl -fs -H "Cookie: $1" "$BASE/" | sed -E 's/(name="_csrf" value=")[^"]*"/\1"/g; s/(name="_csrf" content=")[^"]*"/\1"/g;
    s/(id="alerts-freshness"[^>]*>)[^<]*</\1</'
}
html_status=0
if [ -n "${HTML_DIR:-}${COMPARE_HTML:-}" ]; then
  for role in "${ROLES[@]}"; do
    for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: ${COOKIE[$role]}" "$BASE/"; done
    page_html "${COOKIE[$role]}" >"$WORK/home-$role.html"
    if [ -n "${HTML_DIR:-}" ]; then mkdir -p "$HTML_DIR" && cp "$WORK/home-$role.html" "$HTML_DIR/"; fi
    if [ -n "${COMPARE_HTML:-}" ]; then
      if diff -q "$COMPARE_HTML/home-$role.html" "$WORK/home-$role.html" >/dev/null; then
        echo "home page of $role: identical to $COMPARE_HTML ($(wc -c <"$WORK/home-$role.html") bytes)"
      else
        echo "home page of $role: DIFFERS from $COMPARE_HTML:"
        diff "$COMPARE_HTML/home-$role.html" "$WORK/home-$role.html" | head -20 || true
        html_status=1
      fi
    fi
  done
fi

PROJECT=$(curl -fs -H "Cookie: $B" "$BASE/api/v1/projects" \
  | jq -r '[.[] | select(.name | startswith("九原区民政领域社会工作服务项目"))][0].id')
COMPLIANCE=$(curl -fs -H "Cookie: $B" "$BASE/api/v1/projects/$PROJECT/compliance")
STATION=$(jq -r '.[0].stationId' <<<"$COMPLIANCE")
INDICATOR=$(jq -r '[.[0].indicators[] | select(.kind == "ACTIVITY_COUNT" or .kind == "COUNT")][0].indicatorId // .[0].indicators[0].indicatorId' <<<"$COMPLIANCE")

# name|user|path (as in page-load.sh)
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
  "record list (city)|demo_city|/records"
  "ledger|demo_bureau|/recipients"
  "volunteers|demo_bureau|/volunteers"
  "audit log|demo_city|/audit"
  "compliance API|demo_bureau|/api/v1/projects/$PROJECT/compliance"
)

# the JVM's CPU ticks (utime + stime) without its JIT compiler threads (compiling is a one-time cost that lingers
# long after warm-up on a loaded machine)
cpu_of() {
  local total comp=0 t
  total=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  for t in /proc/$1/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in C1\ CompilerThre* | C2\ CompilerThre*) comp=$((comp + $(awk '{ print $14 + $15 }' "$t/stat"))) ;; esac
  done
  echo $((total - comp))
}
cpu_ticks() { cpu_of "$APP"; }
statements() { curl -fs -H "Cookie: $B" "$BASE/bench/statements" | awk -v p="$1" '$1 == p { print $2, $3 }'; }
# n sequential requests on one keep-alive connection; fails if any answer is not 2xx
requests() {
  local cookie="$1" path="$2" n="$3" cfg="$WORK/curl.cfg"
  if [ "$n" -le 0 ]; then echo 0; return; fi
  : >"$cfg"
  for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$BASE$path" >>"$cfg"; done
  curl -s -H "Cookie: $cookie" -w '%{http_code}\n' -K "$cfg" | { grep -cv '^2' || true; }
}

# warm every page first, so that no page's figure carries the JIT compiling code shared with the pages after it
for t in "${TARGETS[@]}"; do
  IFS='|' read -r name user path <<<"$t"
  grep -qE "$PAGES" <<<"$name" || continue
  requests "${COOKIE[$user]}" "$path" "$WARM" >/dev/null
done
echo "H2 demo; $(nproc) cores; $WARM warm-up then $N sequential requests a page; CPU = utime+stime of the JVM without JIT compiler threads"
printf '%-18s %10s %9s %10s %6s  %s\n' page cpu_ms/req stmts/req wall_ms/req non2xx "load (1, 5, 15 min)"
for round in $(seq 1 "${ROUNDS:-1}"); do
for t in "${TARGETS[@]}"; do
  IFS='|' read -r name user path <<<"$t"
  grep -qE "$PAGES" <<<"$name" || continue
  cookie="${COOKIE[$user]}"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  before=$(statements "$path"); before=${before:-"0 0"}
  c0=$(cpu_ticks); t0=$(date +%s%N)
  bad=$(requests "$cookie" "$path" "$N")
  c1=$(cpu_ticks); t1=$(date +%s%N)
  after=$(statements "$path"); after=${after:-"0 0"}
  awk -v name="$name" -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v n="$N" -v hz="$HZ" -v b="$before" \
    -v a="$after" -v bad="$bad" -v ld="$load" 'BEGIN {
      split(b, x, " "); split(a, y, " "); r = y[1] - x[1];
      s = r > 0 ? sprintf("%.1f", (y[2] - x[2]) / r) : "—";
      printf "%-18s %10.2f %9s %10.2f %6d  %s\n", name, (c1 - c0) * 1000 / hz / n, s, (t1 - t0) / 1e6 / n, bad, ld }'
done
done
echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
exit $html_status
