#!/usr/bin/env bash
# Photo upload throughput, local-disk store vs S3 store (S3Proxy on loopback), side by side: photos/s and p50/p95
# per upload through the real upload pipeline, with 1 and 4 uploaders at once. Not part of ./mvnw verify.
# Usage: bench/upload-bench.sh [photos-per-run]      (default 200; extra Maven flags via MVN_FLAGS, e.g. MVN_FLAGS=-o)
set -euo pipefail
cd "$(dirname "$0")/.."
# test-compile also copies S3Proxy's self-contained jar to target/s3proxy/s3proxy.jar (from Maven Central)
./mvnw -q -B ${MVN_FLAGS:-} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
rm -rf target/bench-upload-data
exec java -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.sgz.bench.UploadStoreBench "$@"
