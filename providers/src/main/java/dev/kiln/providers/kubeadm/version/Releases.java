package dev.kiln.providers.kubeadm.version;

import dev.kiln.lang.config.model.KubernetesVersions;
import org.semver4j.Semver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Kubernetes releases as kubeadm installs them: which image registry a release pulls from,
 * its pause image, and upgrade paths — upward only, one minor version at a time, each
 * intermediate minor at the newest patch release on offer.
 */
public final class Releases
{
    public static final String REGISTRY = "registry.k8s.io";
    public static final String OLD_REGISTRY = "k8s.gcr.io";

    /**
     * The first patch release of each minor that pulls from registry.k8s.io; anything older
     * (and every release before v1.22) pulls from k8s.gcr.io, as Cluster API's walkthrough says.
     */
    private static final Map<Integer, Integer> FIRST_ON_NEW_REGISTRY = Map.of(22, 17, 23, 15, 24, 9);

    /** The newest patch of each minor Kiln knows of, for the package repository when nothing lists them. */
    private static final Map<Integer, Integer> NEWEST_PATCH = Map.ofEntries(
            Map.entry(20, 15), Map.entry(21, 14), Map.entry(22, 17), Map.entry(23, 17),
            Map.entry(24, 17), Map.entry(25, 16), Map.entry(26, 15), Map.entry(27, 16),
            Map.entry(28, 15), Map.entry(29, 15), Map.entry(30, 14), Map.entry(31, 13),
            Map.entry(32, 9), Map.entry(33, 5), Map.entry(34, 1), Map.entry(35, 0));

    private Releases() {}

    public static Semver parse(String version)
    {
        return KubernetesVersions.parse(requireNonNull(version, "version is null"))
                .orElseThrow(() -> new IllegalArgumentException("not a Kubernetes version: " + version));
    }

    /** The upstream registry release {@code version}'s images come from. */
    public static String upstreamRegistry(String version)
    {
        Semver release = parse(version);
        if (release.getMinor() < 22) {
            return OLD_REGISTRY;
        }
        Integer first = FIRST_ON_NEW_REGISTRY.get(release.getMinor());
        return first != null && release.getPatch() < first ? OLD_REGISTRY : REGISTRY;
    }

    /** The pause (sandbox) image tag kubeadm of {@code version} expects. */
    public static String pauseTag(String version)
    {
        int minor = parse(version).getMinor();
        if (minor >= 31) {
            return "3.10";
        }
        if (minor >= 26) {
            return "3.9";
        }
        return switch (minor) {
            case 25 -> "3.8";
            case 24 -> "3.7";
            case 23 -> "3.6";
            case 22 -> "3.5";
            default -> "3.4.1";
        };
    }

    /** Whether {@code to} is older than {@code from}. */
    public static boolean isDowngrade(String from, String to)
    {
        return parse(to).isLowerThan(parse(from));
    }

    public static boolean isBelow(String version, String target)
    {
        return parse(version).isLowerThan(parse(target));
    }

    /**
     * The versions to pass through from {@code from} (excluded) to {@code to} (included):
     * each minor in between at the newest patch in {@code offered}, or Kiln's own table when
     * {@code offered} is empty. Empty when {@code to} is not above {@code from}.
     */
    public static List<String> chain(String from, String to, Collection<String> offered)
    {
        Semver prior = parse(from);
        Semver desired = parse(to);
        if (!desired.isGreaterThan(prior)) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (int minor = prior.getMinor() + 1; minor < desired.getMinor(); minor++) {
            hops.add(newestPatch(minor, offered).orElseThrow(missing(minor)));
        }
        hops.add(to);
        return List.copyOf(hops);
    }

    /**
     * The versions to pass through from {@code from} (excluded) to {@code to} (included): the
     * releases of {@code explicit} (the cluster's {@code upgrade_path}) above {@code from},
     * when it is given, else {@link #chain(String, String, Collection)}. Each step must be at
     * most one minor above the one before and, when {@code offered} is not empty, on offer.
     */
    public static List<String> chain(String from, String to, Collection<String> offered, List<String> explicit)
    {
        if (explicit.isEmpty()) {
            return chain(from, to, offered);
        }
        Semver prior = parse(from);
        Semver desired = parse(to);
        if (!desired.isGreaterThan(prior)) {
            return List.of();
        }
        List<String> hops = new ArrayList<>(explicit.stream().filter(release -> parse(release).isGreaterThan(prior) && !parse(release).isGreaterThan(desired)).toList());
        if (hops.isEmpty() || !hops.getLast().equals(to)) {
            hops.add(to);
        }
        Semver step = prior;
        String stepText = from;
        for (String hop : hops) {
            Semver release = parse(hop);
            if (release.getMinor() > step.getMinor() + 1) {
                throw new IllegalArgumentException("upgrade_path " + String.join(" → ", explicit) + " cannot take the cluster from " + from + ": going from "
                        + stepText + " to " + hop + " skips v1." + (step.getMinor() + 1) + "; add a v1." + (step.getMinor() + 1) + " release to upgrade_path");
            }
            if (!offered.isEmpty() && !offered.contains(hop)) {
                throw new IllegalArgumentException("upgrade_path passes through " + hop + ", which the offline bundle does not hold (it has " + String.join(", ", offered)
                        + "): add kubernetes/" + hop + "/ to the bundle or change upgrade_path");
            }
            step = release;
            stepText = hop;
        }
        return List.copyOf(hops);
    }

    /** The newest release of minor {@code minor} in {@code offered}, else Kiln's table when nothing is offered. */
    public static Optional<String> newestPatch(int minor, Collection<String> offered)
    {
        if (offered.isEmpty()) {
            return Optional.ofNullable(NEWEST_PATCH.get(minor)).map(patch -> "v1." + minor + "." + patch);
        }
        return offered.stream()
                .filter(version -> KubernetesVersions.parse(version).map(release -> release.getMinor() == minor && release.getPreRelease().isEmpty()).orElse(false))
                .max(Comparator.comparing(Releases::parse));
    }

    private static Supplier<IllegalArgumentException> missing(int minor)
    {
        return () -> new IllegalArgumentException("no v1." + minor + " release is on offer, and an upgrade must pass through v1." + minor);
    }
}
