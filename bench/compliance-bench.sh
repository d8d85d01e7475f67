#!/usr/bin/env bash
# Indicator-engine benchmark (not part of ./mvnw verify).
#   bench/compliance-bench.sh [phases]        phases: county,city (default) | county | city
# H2 file database under target/bench-compliance by default (recreated each run); set SPRING_DATASOURCE_URL
# (and _USERNAME/_PASSWORD) to run it on PostgreSQL, on an empty database of its own (it adds 450,000 records).
set -euo pipefail
cd "$(dirname "$0")/.."
PHASES="${1:-county,city}"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
rm -rf target/bench-classes-compliance && mkdir -p target/bench-classes-compliance
javac -proc:none -encoding UTF-8 -d target/bench-classes-compliance -cp "$CP" bench/java/cn/sgz/bench/*.java
if [ -z "${SPRING_DATASOURCE_URL:-}" ] && [ "${KEEP_BENCH_DB:-}" != "1" ]; then rm -rf target/bench-compliance; fi
exec java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "target/bench-classes-compliance:$CP" cn.sgz.bench.ComplianceBench "$PHASES"
