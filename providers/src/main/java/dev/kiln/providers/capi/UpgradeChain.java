package dev.kiln.providers.capi;

import dev.kiln.lang.config.model.KubernetesVersions;
import org.semver4j.Semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster API upgrades one minor version at a time: v1.29.4 → v1.31.2 passes through
 * v1.30 at its newest patch release this Kiln knows of. Downgrades are not possible.
 */
final class UpgradeChain
{
    private static final Map<Integer, Integer> NEWEST_PATCH = Map.ofEntries(
            Map.entry(24, 17), Map.entry(25, 16), Map.entry(26, 15), Map.entry(27, 16),
            Map.entry(28, 15), Map.entry(29, 15), Map.entry(30, 14), Map.entry(31, 13),
            Map.entry(32, 9), Map.entry(33, 5), Map.entry(34, 1), Map.entry(35, 0));

    private UpgradeChain() {}

    static boolean isDowngrade(String from, String to)
    {
        Optional<Semver> prior = KubernetesVersions.parse(from);
        Optional<Semver> desired = KubernetesVersions.parse(to);
        return prior.isPresent() && desired.isPresent() && desired.get().isLowerThan(prior.get());
    }

    /** Whether {@code version} is older than {@code target}. */
    static boolean isBelow(String version, String target)
    {
        Optional<Semver> current = KubernetesVersions.parse(version);
        Optional<Semver> wanted = KubernetesVersions.parse(target);
        return current.isPresent() && wanted.isPresent() && current.get().isLowerThan(wanted.get());
    }

    /** The versions to pass through after {@code from}, ending with {@code to}; empty when there is nothing to upgrade. */
    static List<String> hops(String from, String to)
    {
        Optional<Semver> prior = KubernetesVersions.parse(from);
        Optional<Semver> desired = KubernetesVersions.parse(to);
        if (prior.isEmpty() || desired.isEmpty() || !desired.get().isGreaterThan(prior.get())) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (int minor = prior.get().getMinor() + 1; minor < desired.get().getMinor(); minor++) {
            hops.add("v1." + minor + "." + NEWEST_PATCH.getOrDefault(minor, 0));
        }
        hops.add(to);
        return List.copyOf(hops);
    }
}
