#!/usr/bin/env bash
# How long the network view draws the country cooperation network (gallery query 12) of synthetic data, and the
# longest main-thread task it runs, against YASR's Table drawing the same answer (org.coopkg.bench.NetworkViewBench).
# Needs Debian's chromium and chromium-driver. Usage: bench/network-view.sh [scale, default 100] [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.coopkg.bench.NetworkViewBench "$@"
