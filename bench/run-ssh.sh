#!/usr/bin/env bash
# Benchmarks Kiln's SSH transport side by side with Ansible and parallel-ssh on loopback test
# hosts (one real sshd per address 127.0.0.2, 127.0.0.3, ..., each in its own mount namespace,
# root by one generated key, host keys checked against one known_hosts):
#   1. one command (`uname -a`) on 50 hosts: Kiln in-process and as a whole process (JVM start
#      included) versus `ansible all -m command -f 50` and `parallel-ssh -p 50`;
#      target: Kiln ≤ 0.25 × Ansible's wall time;
#   2. a 100 MB file to 20 hosts: Kiln's SFTP upload versus `parallel-scp -p 20`;
#      target: no slower.
# Runs dev.kiln.bench.SshBenchmark; prints each round and a Markdown table. Needs root (the
# test hosts use mount namespaces) and bench/scripts/prerequisites (ansible-core, pssh).
# Options go to the benchmark: --hosts N --command CMD --file-hosts N --file-mb MB --rounds N
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/bench/scripts/prerequisites"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS

echo "== building (bench)"
./mvnw -B -q -DskipTests -pl bench -am install
if [[ $# -eq 0 ]]; then
    set -- --hosts 50 --command "uname -a" --file-hosts 20 --file-mb 100 --rounds 3
fi
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options, split on purpose
"$java_home/bin/java" ${BENCH_JAVA_OPTS:--XX:+UseSerialGC} -Dkiln.bench.dir="$root/bench/target" \
    -cp bench/target/kiln-bench.jar dev.kiln.bench.SshBenchmark "$@"
