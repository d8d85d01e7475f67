#!/usr/bin/env bash
# Evidence archive benchmark (not part of ./mvnw verify): one station's 佐证资料包 with 2,000 photos,
# MB/s and peak heap, under -Xmx256m (the heap must stay below 256 MB whatever the archive size).
#   bench/archive-bench.sh [photos]      default 2000
# H2 file database and file store under target/bench-archive (recreated each run).
set -euo pipefail
cd "$(dirname "$0")/.."
PHOTOS="${1:-2000}"
./mvnw -B -q ${MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
rm -rf target/bench-classes-archive && mkdir -p target/bench-classes-archive
javac -proc:none -encoding UTF-8 -d target/bench-classes-archive -cp "$CP" bench/java/cn/sgz/bench/*.java
rm -rf target/bench-archive
exec java -Xmx256m ${BENCH_JAVA_OPTS:-} -cp "target/bench-classes-archive:$CP" cn.sgz.bench.ArchiveBench "$PHOTOS"
