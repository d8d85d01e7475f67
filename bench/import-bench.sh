#!/usr/bin/env bash
# Recipient import benchmark: a 50,000-row xlsx through the real import service (dry run + confirm)
# on in-memory H2, with the heap capped at 512 MB. Prints rows/second and peak heap.
# Usage: bench/import-bench.sh [rows]      (extra Maven flags via MVN_FLAGS, e.g. MVN_FLAGS=-o)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_FLAGS:-} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m -XX:+UseG1GC \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.sgz.bench.RecipientImportBench "$@"
