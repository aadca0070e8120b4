#!/usr/bin/env bash
# Benchmarks the S3 state backend: upload and download of a 50 MB state (the bare SDK
# PUT/GET beside S3Backend.write/read) and the lock's acquire/release latency (median, p95).
# Runs dev.kiln.bench.StateS3Benchmark against S3Proxy (filesystem store, loopback, a free
# port), started here as its own process and stopped at the end. To measure another server
# (MinIO, AWS), pass its options instead:
#   bench/run-state-s3.sh --endpoint URL --access-key KEY --secret-key SECRET [--bucket B]
# Other options go to the benchmark: --state-mb 50 --repeats 3 --lock-rounds 200
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS

echo "== building (bench)"
./mvnw -B -q -DskipTests -pl bench -am package

if [[ " $* " != *" --endpoint "* ]]; then
    work="$(mktemp -d)"
    server_pid=""
    cleanup() {
        if [[ -n "$server_pid" ]]; then
            kill "$server_pid" 2>/dev/null || true
            wait "$server_pid" 2>/dev/null || true
        fi
        rm -rf "$work"
    }
    trap cleanup EXIT
    echo "== starting S3Proxy"
    ./mvnw -B -q -pl state dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath" >/dev/null
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    mkdir -p "$work/data"
    cat > "$work/s3proxy.properties" <<PROPERTIES
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=kiln-bench-access
s3proxy.credential=kiln-bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/data
PROPERTIES
    "$java_home/bin/java" -Dlogback.configurationFile="$root/state/src/test/resources/logback-test.xml" \
        -cp "$(cat "$work/classpath")" org.gaul.s3proxy.Main --properties "$work/s3proxy.properties" >"$work/s3proxy.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
            break
        fi
        sleep 0.1
    done
    set -- --endpoint "http://127.0.0.1:$port" --access-key kiln-bench-access --secret-key kiln-bench-secret "$@"
fi
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--XX:+UseSerialGC} -cp bench/target/kiln-bench.jar dev.kiln.bench.StateS3Benchmark "$@"
