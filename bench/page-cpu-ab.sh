#!/usr/bin/env bash
# CPU per request of two running applications side by side (not part of ./mvnw verify), e.g. before and after a change:
#   bench/page-cpu-ab.sh <pid A> <pid B>     A listening on PORT_A (default 18095), B on PORT_B (default 18096), both
#                                            started as bench/page-cpu.sh starts one (H2 demo, clock, statement hook)
# Page by page it alternates ROUNDS times (default 6) between N sequential requests (default 200) to A and to B and
# prints the median (and least) CPU ms per request of each: alternating in short blocks, both see the same machine
# load, which on the shared machine moves single runs by ±50 %. WARM requests per page and application first
# (default 1000). CPU = utime + stime of the JVM without its JIT compiler threads (as in page-cpu.sh).
set -uo pipefail
A=$1; B=$2; N=${N:-200}; ROUNDS=${ROUNDS:-6}; PAGES="${PAGES:-.}"; WARM=${WARM:-1000}
PA=${PORT_A:-18095}; PB=${PORT_B:-18096}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
HZ=$(getconf CLK_TCK)
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
login() { local base=$1 jar=$TMP/jar-$2-$3 token; rm -f $jar
  token=$(curl -fs -c $jar -b $jar "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c $jar -b $jar --data-urlencode "username=$2" --data-urlencode 'password=sgz-demo-2026!' --data-urlencode "_csrf=$token" "$base/login"
  awk '$6 == "SESSION" { print $6 "=" $7 }' $jar | tail -1; }
declare -A CK
for port in $PA $PB; do for r in demo_city demo_bureau demo_evaluator demo_agency demo_head demo_worker; do CK[$port$r]=$(login http://127.0.0.1:$port $r $port); done; done
PROJECT=$(curl -fs -H "Cookie: ${CK[${PA}demo_bureau]}" http://127.0.0.1:$PA/api/v1/projects | jq -r '[.[] | select(.name | startswith("九原区民政领域社会工作服务项目"))][0].id')
TARGETS=("health|demo_bureau|/actuator/health" "home (city)|demo_city|/" "home (bureau)|demo_bureau|/" "home (evaluator)|demo_evaluator|/" "home (agency)|demo_agency|/" "home (head)|demo_head|/" "home (worker)|demo_worker|/" "county board|demo_bureau|/progress/projects/$PROJECT" "record list|demo_bureau|/records" "ledger|demo_bureau|/recipients" "volunteers|demo_bureau|/volunteers" "audit log|demo_city|/audit" "compliance API|demo_bureau|/api/v1/projects/$PROJECT/compliance")
run() { local port=$1 pid=$2 cookie=$3 path=$4 cfg=$TMP/cfg-$port; : > $cfg
  for _ in $(seq 1 $N); do printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' $port "$path" >> $cfg; done
  local c0 c1; c0=$(cpu_of $pid); curl -s -H "Cookie: $cookie" -K $cfg; c1=$(cpu_of $pid)
  awk -v a=$c0 -v b=$c1 -v n=$N -v hz=$HZ 'BEGIN{printf "%.2f", (b-a)*1000/hz/n}'; }
if [ "$WARM" -gt 0 ]; then for t in "${TARGETS[@]}"; do IFS="|" read -r name user path <<<"$t"; grep -qE "$PAGES" <<<"$name" || continue; N=$WARM run $PB $B "${CK[$PB$user]}" "$path" >/dev/null; N=$WARM run $PA $A "${CK[$PA$user]}" "$path" >/dev/null; done; fi
echo "A: pid $A, port $PA; B: pid $B, port $PB; per page $ROUNDS alternations of $N requests on each; CPU ms/request: median (min)"
med() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f (%.2f)", m, a[1]}'; }
for t in "${TARGETS[@]}"; do IFS='|' read -r name user path <<<"$t"; grep -qE "$PAGES" <<<"$name" || continue
  ld=$(cut -d' ' -f1-3 /proc/loadavg); as=(); bs=()
  for round in $(seq 1 $ROUNDS); do
    as+=($(run $PA $A "${CK[$PA$user]}" "$path")); bs+=($(run $PB $B "${CK[$PB$user]}" "$path"))
  done
  printf '%-18s A %-14s B %-14s load %s → %s\n' "$name" "$(printf '%s\n' "${as[@]}" | med)" "$(printf '%s\n' "${bs[@]}" | med)" "$ld" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
