#!/usr/bin/env bash
# Benchmarks state encryption: the PBKDF2 key derivation paid once per process, journal
# appends (an intent forced to disk and a result per action) with encryption on and off,
# reading a sealed journal back, and sealing/opening a state of 10,000 instances.
# Runs dev.kiln.bench.EncryptionBenchmark in-process. Options go to the benchmark:
#   --records 5000 --instances 10000 --derivations 3 --directory DIR
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS

echo "== building (bench)"
./mvnw -B -q -DskipTests -pl bench -am package
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--XX:+UseSerialGC} -cp bench/target/kiln-bench.jar dev.kiln.bench.EncryptionBenchmark "$@"
