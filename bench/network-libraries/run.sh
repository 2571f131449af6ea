#!/usr/bin/env bash
# Cytoscape against sigma + graphology (+ ForceAtlas2) drawing the country cooperation network (gallery query 12)
# of synthetic data at a scale, in headless Chromium: how the network view's library was chosen.
# Needs node/npm and Debian's chromium and chromium-driver. Usage: bench/network-libraries/run.sh [scale] [runs]
set -euo pipefail
cd "$(dirname "$0")"
scale="${1:-100}"
runs="${2:-5}"
npm ci --no-audit --no-fund
npx esbuild entry.js --bundle --minify --format=iife --outfile=dist/bundle.js
cd ../..
mvn -B -q -DskipTests package
mkdir -p target/bench
rm -rf "target/bench/network-libraries-$scale"
java -jar target/coopkg.jar synth --scale "$scale" --out "target/bench/network-libraries-$scale"
java -Xmx6g -jar target/coopkg.jar query --data "target/bench/network-libraries-$scale" --format json \
    queries/12-country-cooperation-network.rq > "target/bench/network-libraries-$scale.json"
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.coopkg.bench.NetworkLibrariesBench "bench/network-libraries/harness.html" "target/bench/network-libraries-$scale.json" "$runs"
