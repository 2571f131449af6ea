#!/usr/bin/env bash
# Benchmarks of coop-kg against Apache Jena's own tools, written to BENCHMARKS.md.
# Usage: bench/run.sh [--runs N] [--seconds N] [--load-scale N] [--startup-scale N] [--large-scale N]
#                     [--inference-scale N] [--sections load,tdb2,endpoint,startup,inference,large]
#                     [--out FILE] [--work DIR]
# Defaults: 5 runs after a warm-up, load/inference at scale 100, start-up at scale 1000, the large
# TDB2 figures at scale 1200 (over 10 million quads). A full run takes about an hour on 2 cores and
# needs about 16 GiB of memory and 10 GiB of disk under target/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--help" ]]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx16g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.coopkg.bench.BenchmarkRunner "$@"
