#!/usr/bin/env bash
# Benchmarks of coop-kg against Apache Jena's own tools, written to BENCHMARKS.md.
# Usage: bench/run.sh [--runs 5] [--seconds 10] [--load-scale 100] [--startup-scale 1000]
#          [--inference-scale 100] [--large-scale 2400] [--heap 12g] [--large-heap 20g]
#          [--memory-scale 1000] [--sections large,memory,union,storage,json,cache,load,tdb2,endpoint,startup,inference]
#          [--out BENCHMARKS.md] [--append]
#          [--work target/bench]
# Every figure is the median of --runs runs after one warm-up run, next to its baseline measured in
# the same run. --append adds the sections of this run to an existing report. A full run takes about
# two hours on 2 cores and needs 24 GiB of memory and 15 GiB of disk under target/bench (the large
# section loads over 10 million triples into TDB2; the memory section serves scale 1000 in memory).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--help" ]]; then sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx8g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.coopkg.bench.BenchmarkRunner "$@"
