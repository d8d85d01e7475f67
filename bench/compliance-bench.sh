#!/usr/bin/env bash
# Indicator-engine benchmark (not part of ./mvnw verify).
#   bench/compliance-bench.sh [phases]        phases: county,city (default) | county | city
# H2 file database under target/bench-compliance by default (recreated each run); set SPRING_DATASOURCE_URL
# (and _USERNAME/_PASSWORD) to run it on PostgreSQL, on an empty database of its own (it adds 450,000 records),
# or BENCH_PG=1 to have this script recreate database ${BENCH_PG_DB:-bench_engine} on 127.0.0.1:5432 (user postgres).
# Prints the load average, three rounds per scale (-Drounds=3) and whether the engine is within 2× one plain scan.
set -euo pipefail
cd "$(dirname "$0")/.."
PHASES="${1:-county,city}"
if [ "${BENCH_PG:-}" = "1" ]; then
  DB="${BENCH_PG_DB:-bench_engine}"
  [ "$DB" != "test" ] || { echo "never the test database" >&2; exit 1; }
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true"
  export SPRING_DATASOURCE_USERNAME=postgres
fi
echo "load average before the build: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q ${MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
rm -rf target/bench-classes-compliance && mkdir -p target/bench-classes-compliance
javac -proc:none -encoding UTF-8 -d target/bench-classes-compliance -cp "$CP" bench/java/cn/sgz/bench/*.java
if [ -z "${SPRING_DATASOURCE_URL:-}" ] && [ "${KEEP_BENCH_DB:-}" != "1" ]; then rm -rf target/bench-compliance; fi
exec java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "target/bench-classes-compliance:$CP" cn.sgz.bench.ComplianceBench "$PHASES"
