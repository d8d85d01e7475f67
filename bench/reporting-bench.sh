#!/usr/bin/env bash
# Periodic reports benchmark (not part of ./mvnw verify): one station's monthly report and the county's
# quarterly bulletin on the synthetic county, then the synthetic city.
#   bench/reporting-bench.sh [phases]        phases: county,city (default) | county | city
# H2 file database under target/bench-reporting (recreated each run); set SPRING_DATASOURCE_URL to run it
# on PostgreSQL, on an empty database of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
PHASES="${1:-county,city}"
./mvnw -B -q ${MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
rm -rf target/bench-classes-reporting && mkdir -p target/bench-classes-reporting
javac -proc:none -encoding UTF-8 -d target/bench-classes-reporting -cp "$CP" bench/java/cn/sgz/bench/*.java
if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then rm -rf target/bench-reporting; fi
exec java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "target/bench-classes-reporting:$CP" cn.sgz.bench.ReportingBench "$PHASES"
