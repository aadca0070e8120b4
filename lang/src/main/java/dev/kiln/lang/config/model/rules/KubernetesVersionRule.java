package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.KubernetesVersions;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import org.semver4j.Semver;

import java.util.Optional;

/** {@code kubernetes_version} is {@code v1.MINOR.PATCH} and in the supported range ({@link KubernetesVersions}). */
final class KubernetesVersionRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Setting<String> setting = cluster.kubernetesVersion();
        if (setting.known().isEmpty()) {
            return;
        }
        String written = setting.known().get();
        Optional<Semver> version = KubernetesVersions.parse(written);
        if (version.isEmpty()) {
            String fix = setting.sensitive() ? "" : KubernetesVersions.parse("v" + written).isPresent()
                    ? " Write it with a leading v: \"v" + written + "\"."
                    : " Write the full version, such as \"v1.30.4\".";
            diagnostics.add(Diagnostic.error(
                    "Invalid Kubernetes version",
                    "\"" + setting.shown(written) + "\" is not a Kubernetes version: Kiln expects v1.MINOR.PATCH." + fix,
                    setting.range()));
            return;
        }
        if (!KubernetesVersions.isSupported(version.get())) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported Kubernetes version",
                    "Kubernetes " + setting.shown(written) + " is outside the versions Kiln installs, " + KubernetesVersions.SUPPORTED_DESCRIPTION
                            + ". Choose a version in that range.",
                    setting.range()));
        }
    }
}
