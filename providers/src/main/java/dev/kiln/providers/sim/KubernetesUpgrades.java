package dev.kiln.providers.sim;

import dev.kiln.lang.config.model.KubernetesVersions;
import org.semver4j.Semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes upgrade paths: one minor version at a time, as kubeadm and Cluster API require.
 * v1.27.3 → v1.29.2 is v1.27.3 → v1.28.15 → v1.29.2, each intermediate minor at the newest
 * patch release this Kiln knows of.
 */
final class KubernetesUpgrades
{
    private static final Map<Integer, Integer> NEWEST_PATCH = Map.ofEntries(
            Map.entry(20, 15), Map.entry(21, 14), Map.entry(22, 17), Map.entry(23, 17),
            Map.entry(24, 17), Map.entry(25, 16), Map.entry(26, 15), Map.entry(27, 16),
            Map.entry(28, 15), Map.entry(29, 15), Map.entry(30, 14), Map.entry(31, 13),
            Map.entry(32, 9), Map.entry(33, 5), Map.entry(34, 1), Map.entry(35, 0));

    private KubernetesUpgrades() {}

    static Optional<Semver> parse(String version)
    {
        return KubernetesVersions.parse(version);
    }

    /** Whether {@code to} is older than {@code from}. */
    static boolean isDowngrade(String from, String to)
    {
        Optional<Semver> prior = parse(from);
        Optional<Semver> desired = parse(to);
        return prior.isPresent() && desired.isPresent() && desired.get().isLowerThan(prior.get());
    }

    /** The versions to pass through from {@code from} (excluded) to {@code to} (included); empty when there is nothing to do or either is not a version. */
    static List<String> chain(String from, String to)
    {
        Optional<Semver> prior = parse(from);
        Optional<Semver> desired = parse(to);
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

    /** Whether a node at {@code version} still needs the upgrade to {@code target}. */
    static boolean isBelow(String version, String target)
    {
        Optional<Semver> current = parse(version);
        Optional<Semver> wanted = parse(target);
        return current.isPresent() && wanted.isPresent() && current.get().isLowerThan(wanted.get());
    }

    /**
     * How many minor versions a kubelet may lag an API server of {@code apiServer}: three from
     * v1.28 on, two before (Kubernetes' version-skew policy).
     */
    static int kubeletSkew(String apiServer)
    {
        return parse(apiServer).map(version -> version.getMinor() >= 28 ? 3 : 2).orElse(2);
    }

    /** How many minor versions {@code kubelet} lags {@code apiServer}; 0 when it does not, or either is not a version. */
    static int minorsBehind(String kubelet, String apiServer)
    {
        Optional<Semver> node = parse(kubelet);
        Optional<Semver> control = parse(apiServer);
        if (node.isEmpty() || control.isEmpty() || node.get().getMajor() != control.get().getMajor()) {
            return 0;
        }
        return Math.max(0, control.get().getMinor() - node.get().getMinor());
    }
}
