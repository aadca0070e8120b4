#!/usr/bin/env bash
# Benchmarks a kubeadm cluster created end to end on SSH test hosts: 20 loopback hosts (one real
# sshd each, in its own mount namespace, Kiln's kubeadm/kubelet/kubectl/systemctl/etcdctl
# stand-ins installed), one control plane and 19 workers from an offline bundle. Runs
# `./kiln apply -auto-approve -json` as a process and reports its wall time (JVM start
# included), each stage's span and the critical path (control-plane node → cluster → worker
# pool), then destroys. Runs dev.kiln.bench.KubeadmBenchmark; needs root (mount namespaces).
# Options go to the benchmark: --nodes N --control-planes N
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS

echo "== building (bench, kiln)"
./mvnw -B -q -DskipTests -pl bench -am install
"$root/kiln" version >/dev/null
if [[ $# -eq 0 ]]; then
    set -- --nodes 20 --control-planes 1
fi
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--XX:+UseSerialGC} -Dkiln.bench.dir="$root/bench/target" -Dkiln.launcher="$root/kiln" \
    -cp bench/target/kiln-bench.jar dev.kiln.bench.KubeadmBenchmark "$@"
