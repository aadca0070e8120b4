#!/usr/bin/env bash
# Benchmarks `kiln validate`:
#  1. in-process: generates a configuration (default 10,000 node blocks, 100 clusters), then
#     parses, evaluates and validates it through ConfigLoader: warm-up runs, then measured
#     runs; prints min/median wall time and peak memory. Options go to the benchmark:
#     --nodes N --clusters N --warmups N --runs N --directory DIR
#  2. the command line: wall time of `./kiln validate` on examples/quickstart, with hyperfine
#     when it is installed (apt-get install hyperfine), else a loop of 10 runs.
# BENCH_JAVA_OPTS sets the benchmark JVM's options (default: -Xmx4g -XX:+UseSerialGC, which beats
# G1 and Parallel on 2 cores for this single-threaded load).
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
echo "== in-process: parse, evaluate, validate"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--Xmx4g -XX:+UseSerialGC} -jar bench/target/kiln-bench.jar "$@"

echo
echo "== ./kiln validate on examples/quickstart (wall time, launcher included)"
example="examples/quickstart"
if [[ ! -d "$example" ]]; then
    echo "no $example; skipping"
    exit 0
fi
./kiln -chdir="$example" validate >/dev/null   # records the class-data archive if needed
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs 20 "./kiln -chdir=$example validate"
else
    times=()
    for _ in $(seq 10); do
        start="$(date +%s%N)"
        ./kiln -chdir="$example" validate >/dev/null
        times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
    echo "10 runs: min $(echo "$sorted" | head -n 1) ms, median $(echo "$sorted" | sed -n 6p) ms, max $(echo "$sorted" | tail -n 1) ms"
fi
