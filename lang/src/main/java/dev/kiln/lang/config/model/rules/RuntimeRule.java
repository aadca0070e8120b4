package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.KubernetesVersions;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Runtime;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import org.semver4j.Semver;

import java.util.Optional;

/**
 * The container runtime must work with the Kubernetes version: docker only below v1.24
 * (dockershim was removed in v1.24), containerd from 1.6 (the CRI v1 API kubelet needs)
 * and below 3.0; docker from 18.09.
 */
final class RuntimeRule
        implements ClusterRule
{
    static final Semver CONTAINERD_MINIMUM = Semver.of(1, 6, 0);
    static final Semver CONTAINERD_LIMIT = Semver.of(3, 0, 0);
    static final Semver DOCKER_MINIMUM = Semver.of(18, 9, 0);

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Runtime runtime = cluster.runtime();
        Optional<String> type = runtime.type().known();
        if (type.isEmpty()) {
            return;
        }
        if (!Runtime.TYPES.contains(type.get())) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported container runtime",
                    "The runtime type must be \"containerd\" or \"docker\", not \"" + runtime.type().shown(type.get()) + "\"."
                            + Suggestions.didYouMean(runtime.type(), type.get(), Runtime.TYPES),
                    runtime.type().range()));
            return;
        }
        if (type.get().equals(Runtime.DOCKER)) {
            checkDockerAgainstKubernetes(cluster, runtime, diagnostics);
        }
        runtime.version().ifPresent(version -> checkVersion(type.get(), version, diagnostics));
    }

    private static void checkDockerAgainstKubernetes(Cluster cluster, Runtime runtime, Diagnostics diagnostics)
    {
        Optional<Semver> kubernetes = cluster.kubernetesVersion().known().flatMap(KubernetesVersions::parse);
        if (kubernetes.isEmpty() || kubernetes.get().withClearedPreReleaseAndBuild().isLowerThan(KubernetesVersions.DOCKERSHIM_REMOVED)) {
            return;
        }
        diagnostics.add(Diagnostic.error(
                "Container runtime not supported by this Kubernetes version",
                "Kubernetes " + cluster.kubernetesVersion().shown(cluster.kubernetesVersion().known().get()) + " cannot use docker: kubelet's docker support (dockershim) was removed in v1.24. "
                        + "Use type = \"containerd\", or a Kubernetes version below v1.24.",
                runtime.type().range()));
    }

    private static void checkVersion(String type, Setting<String> setting, Diagnostics diagnostics)
    {
        if (setting.known().isEmpty()) {
            return;
        }
        String written = setting.known().get();
        boolean containerd = type.equals(Runtime.CONTAINERD);
        String bare = written.startsWith("v") ? written.substring(1) : written;
        // Docker writes months with a leading zero (18.09.9), which strict semantic versioning rejects.
        Semver version = containerd ? Semver.parse(bare) : (bare.matches("[0-9]+\\.[0-9]+\\.[0-9]+") ? Semver.coerce(bare) : null);
        Semver minimum = containerd ? CONTAINERD_MINIMUM : DOCKER_MINIMUM;
        if (version != null && version.isGreaterThanOrEqualTo(minimum) && (!containerd || version.isLowerThan(CONTAINERD_LIMIT))) {
            return;
        }
        String range = containerd ? "from 1.6.0 and below 3.0.0" : "from 18.9.0";
        diagnostics.add(Diagnostic.error(
                "Unsupported container runtime version",
                "\"" + setting.shown(written) + "\" is not a " + type + " version Kiln installs: it expects MAJOR.MINOR.PATCH " + range
                        + ", such as \"" + (containerd ? "1.7.22" : "20.10.24") + "\".",
                setting.range()));
    }
}
