#!/usr/bin/env bash
# Benchmarks apply: makespan against its lower bound max(critical path, total work ÷
# parallelism), and the write-ahead journal's overhead against the bench-only in-memory log.
# Runs dev.kiln.bench.ApplyBenchmark in-process: plans a simulator configuration of 10,000
# instances, then applies it through the engine with a driver of fixed latencies at
# parallelism 10 and 100, each with the journal and in memory. Options go to the benchmark:
#   --instances N --parallelism 10,100 --node-ms 100 --cluster-ms 1000
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS

echo "== building (bench)"
./mvnw -B -q -DskipTests -pl bench -am package
if [[ $# -eq 0 ]]; then
    set -- --instances 10000 --parallelism 10,100 --node-ms 100 --cluster-ms 1000
fi
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--XX:+UseSerialGC} -cp bench/target/kiln-bench.jar dev.kiln.bench.ApplyBenchmark "$@"
