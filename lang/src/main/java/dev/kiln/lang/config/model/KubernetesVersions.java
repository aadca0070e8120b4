package dev.kiln.lang.config.model;

import org.semver4j.Semver;

import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The Kubernetes versions Kiln installs: {@code v1.MINOR.PATCH} (a pre-release such as
 * {@code v1.31.0-rc.1} allowed), from v1.20.0 up to, not including, v1.36.0. Docker works only
 * below v1.24.0: kubelet reached it through dockershim, which v1.24 removed.
 */
public final class KubernetesVersions
{
    public static final Semver MINIMUM = Semver.of(1, 20, 0);
    public static final Semver LIMIT = Semver.of(1, 36, 0);
    public static final Semver DOCKERSHIM_REMOVED = Semver.of(1, 24, 0);
    public static final String SUPPORTED_DESCRIPTION = "v1.20 to v1.35";

    private static final Pattern FORM = Pattern.compile("v1\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private KubernetesVersions() {}

    /** The version written as {@code v1.x.y}, or empty when it has another form. */
    public static Optional<Semver> parse(String version)
    {
        if (!FORM.matcher(requireNonNull(version, "version is null")).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Semver.parse(version.substring(1)));
    }

    /** Whether the version is in the supported range (pre-releases of a supported minor count as supported). */
    public static boolean isSupported(Semver version)
    {
        Semver release = version.withClearedPreReleaseAndBuild();
        return release.isGreaterThanOrEqualTo(MINIMUM) && release.isLowerThan(LIMIT);
    }
}
