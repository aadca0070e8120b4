#!/usr/bin/env bash
# Benchmarks `kiln plan -refresh=false` on simulator configurations of 10,000 and 100,000
# resource instances (clusters of one control-plane node and a worker pool of 97 workers): wall
# time of the whole command through ./kiln (JVM start included) and peak resident memory (/usr/bin/time),
# the median of RUNS runs (default 3) for each size, and t(100k)/t(10k).
#
#   bench/run-plan.sh                 plans against an empty state (every instance to add)
#   bench/run-plan.sh --recorded      applies each configuration in the simulator first, then
#                                     plans against the recorded state ("No changes."); the
#                                     apply of 100,000 instances takes several minutes
#   SIZES="10000 20000" RUNS=5 bench/run-plan.sh
#
# KILN_JAVA_OPTS defaults to "-XX:TieredStopAtLevel=4 -Xms2g -Xmn1g": the launcher's C1-only
# default suits small configurations; a 100,000-instance plan wants C2 and a large young
# generation (see docs/performance.md). Set KILN_JAVA_OPTS= to measure the launcher's defaults.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_home="$("$root/scripts/find-java")" || exit 1
export JAVA_HOME="$java_home"
MAVEN_OPTS="$("$root/scripts/maven-opts" "$java_home")"
export MAVEN_OPTS
export KILN_JAVA_OPTS="${KILN_JAVA_OPTS--XX:TieredStopAtLevel=4 -Xms2g -Xmn1g}"
recorded=false
[[ "${1:-}" == "--recorded" ]] && recorded=true
sizes="${SIZES:-10000 100000}"
runs="${RUNS:-3}"

echo "== building (bench and cli)"
./mvnw -B -q -DskipTests -pl bench,cli -am package
./kiln version >/dev/null   # records the class-data archive if needed

work="$(mktemp -d "${TMPDIR:-/tmp}/kiln-plan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
declare -A medians
for size in $sizes; do
    directory="$work/$size"
    "$java_home/bin/java" -cp bench/target/kiln-bench.jar dev.kiln.bench.SimConfigurations "$directory" "$size"
    if [[ "$recorded" == true ]]; then
        echo "applying $size instances in the simulator..."
        ./kiln -chdir="$directory" apply -auto-approve -parallelism=100 >/dev/null
    fi
    times=()
    for run in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time" ./kiln -chdir="$directory" plan -refresh=false >"$work/plan.out"
        read -r seconds kilobytes <"$work/time"
        summary="$(grep -E '^(Plan:|No changes\.)' "$work/plan.out" | head -n 1 | cut -c1-60)"
        printf '%7d instances, run %d: %6.2f s, peak RSS %5d MiB  (%s)\n' "$size" "$run" "$seconds" "$((kilobytes / 1024))" "$summary"
        times+=("$seconds")
    done
    medians[$size]="$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
    echo "  median: ${medians[$size]} s"
done
if [[ -n "${medians[10000]:-}" && -n "${medians[100000]:-}" ]]; then
    awk -v small="${medians[10000]}" -v large="${medians[100000]}" \
        'BEGIN { printf "t(100k)/t(10k) = %.1f (target <= 12); t(100k) = %.2f s (target <= 10 s)\n", large / small, large }'
fi
