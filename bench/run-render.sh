#!/usr/bin/env bash
# Benchmarks Cluster API rendering (`kiln render`):
#  1. in-process: generates 200 docker clusters with 10 worker pools each (6,800 objects),
#     loads the configuration once, then renders every cluster, checks its names and writes
#     its YAML: warm-up runs, then measured runs; prints min/median of each part. Options go
#     to the benchmark: --clusters N --pools N --warmups N --runs N --version v1beta1|v1beta2
#  2. the command line: wall time of `./kiln render` on examples/global-cluster.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS

echo "== building (bench and cli)"
./mvnw -B -q -DskipTests -pl bench,cli -am package

echo
echo "== in-process: render, check names, write YAML"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--XX:+UseSerialGC} -cp bench/target/kiln-bench.jar dev.kiln.bench.RenderBenchmark "$@"

echo
echo "== ./kiln render on examples/global-cluster (wall time, launcher included)"
example="examples/global-cluster"
./kiln -chdir="$example" render -var-file=test.kilnvars >/dev/null   # records the class-data archive if needed
for _ in $(seq 5); do
    /usr/bin/time -f "%e s" ./kiln -chdir="$example" render -var-file=test.kilnvars >/dev/null
done
