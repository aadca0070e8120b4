#!/usr/bin/env bash
# Benchmarks taking an etcd snapshot of about 1 GiB into S3 (S3Proxy on loopback):
#
#   baseline  `etcdctl snapshot save FILE` then a plain AWS SDK putObject of FILE (fromFile)
#   kiln      Kiln's path: the snapshot streamed from etcd (its JSON gateway) straight into
#             S3BlobStore.put — a multipart upload of 16 MiB parts, SHA-256 on the way, no file
#
# A real etcd (Debian etcd-server, /usr/bin/etcd) on 127.0.0.1 and free ports is filled with
# SIZE_MIB values of 1 MiB of random bytes first. For each run and each path it reports the
# wall time (JVM start included for the Java parts), the peak resident memory of its
# processes and the bytes they wrote to disk (both from /usr/bin/time -v).
#
#   bench/run-backup.sh                   SIZE_MIB=1024 RUNS=3
#   SIZE_MIB=256 RUNS=1 bench/run-backup.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
java="$java_home/bin/java"
size_mib="${SIZE_MIB:-1024}"
runs="${RUNS:-3}"

echo "== building bench"
./mvnw -B -q -o -DskipTests -pl bench -am package
jar="$root/bench/target/kiln-bench.jar"

work="$(mktemp -d "${TMPDIR:-/tmp}/kiln-backup-bench.XXXXXX")"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$java" -cp "$jar" dev.kiln.bench.FreePort; }

client_port="$(free_port)"; peer_port="$(free_port)"
etcd_url="http://127.0.0.1:$client_port"
/usr/bin/etcd --name bench --data-dir "$work/etcd" \
    --listen-client-urls "$etcd_url" --advertise-client-urls "$etcd_url" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "bench=http://127.0.0.1:$peer_port" --quota-backend-bytes 8589934592 >"$work/etcd.log" 2>&1 &
pids+=($!)
mkdir -p "$work/s3"
"$java" -Djava.io.tmpdir="$work/s3" -cp "$jar" dev.kiln.bench.S3ProxyServer >"$work/s3.url" 2>"$work/s3.log" &
pids+=($!)
for _ in $(seq 100); do
    ETCDCTL_API=3 etcdctl --endpoints "$etcd_url" endpoint health >/dev/null 2>&1 && [[ -s "$work/s3.url" ]] && break
    sleep 0.1
done
s3_url="$(head -n1 "$work/s3.url")"
echo "== etcd at $etcd_url, S3Proxy at $s3_url; filling etcd with $size_mib MiB"
"$java" -cp "$jar" dev.kiln.bench.BackupBenchmark fill "$etcd_url" "$size_mib"

# measure NAME COMMAND...: runs COMMAND; prints its wall time, the largest peak RSS of its
# processes, and the bytes its processes wrote to disk (getrusage's block outputs, x 512, as
# /usr/bin/time reports them: the snapshot file for the baseline; any temporary file for Kiln)
measure() {
    local name="$1"; shift
    local start end rss written
    sync
    start="$(date +%s.%N)"
    "$@"
    end="$(date +%s.%N)"
    rss="$(grep -h "Maximum resident" "$work"/time.*.txt | awk '{print $6}' | sort -n | tail -n1)"
    written="$(grep -h "File system outputs" "$work"/time.*.txt | awk '{sum += $4} END {print sum * 512}')"
    rm -f "$work"/time.*.txt
    printf '%-8s wall %6.2f s   peak RSS %6d MiB   written to disk by the client %6d MiB\n' "$name" "$(echo "$end - $start" | bc)" $(( rss / 1024 )) $(( written / 1048576 ))
}

baseline() {
    /usr/bin/time -v -o "$work/time.etcdctl.txt" env ETCDCTL_API=3 etcdctl --endpoints "$etcd_url" snapshot save "$work/snapshot.db" >/dev/null 2>&1
    /usr/bin/time -v -o "$work/time.upload.txt" "$java" -cp "$jar" dev.kiln.bench.BackupBenchmark upload "$s3_url" baseline "run-$1.db" "$work/snapshot.db" >>"$work/runs.log"
    rm -f "$work/snapshot.db"
}

kiln() {
    mkdir -p "$work/kiln-tmp"
    /usr/bin/time -v -o "$work/time.kiln.txt" "$java" -Djava.io.tmpdir="$work/kiln-tmp" -cp "$jar" dev.kiln.bench.BackupBenchmark kiln "$etcd_url" "$s3_url" kiln "run-$1.db" >>"$work/runs.log"
}

for run in $(seq "$runs"); do
    echo "== run $run"
    measure baseline baseline "$run"
    measure kiln kiln "$run"
done
echo "== sizes in S3Proxy"
find "$work/s3" -type f -name 'run-1.db' -printf '%s %p\n' | sed "s|$work/||"
tail -n 4 "$work/runs.log"
