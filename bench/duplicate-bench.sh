#!/usr/bin/env bash
# Duplicate-photo index benchmark (not part of ./mvnw verify).
#   bench/duplicate-bench.sh [sizes]          e.g. bench/duplicate-bench.sh 1000000,5000000
# H2 file database under target/bench-data by default; set SPRING_DATASOURCE_URL (and _USERNAME/_PASSWORD)
# to run it on PostgreSQL (use a database of its own: the bench adds millions of rows).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-1000000}"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
# a copy of the compiled classes, so a build running meanwhile cannot pull them from under the benchmark
rm -rf target/bench-snapshot && mkdir -p target/bench-snapshot
cp -r target/classes target/test-classes target/bench-snapshot/
CP="target/bench-snapshot/classes:target/bench-snapshot/test-classes:$(cat target/bench-cp.txt)"
rm -rf target/bench-classes && mkdir -p target/bench-classes
javac -encoding UTF-8 -d target/bench-classes -cp "$CP" bench/java/cn/sgz/bench/*.java
if [ -z "${SPRING_DATASOURCE_URL:-}" ] && [ "${KEEP_BENCH_DB:-}" != "1" ]; then rm -rf target/bench-data; fi
MAIN="${BENCH_MAIN:-cn.sgz.bench.DuplicateLookupBench}"
exec java -Xmx6g -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} -cp "target/bench-classes:$CP" "$MAIN" "$SIZES"
