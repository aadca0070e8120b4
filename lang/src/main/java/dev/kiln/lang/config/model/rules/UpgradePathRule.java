package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.KubernetesVersions;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import org.semver4j.Semver;

import java.util.List;
import java.util.Optional;

/**
 * {@code upgrade_path}, when given, lists supported {@code v1.MINOR.PATCH} releases in
 * ascending order (no step down, no repeat), at most one minor version apart, and ends at
 * {@code kubernetes_version}. Whether it starts within one minor of the running release is
 * the provider's question at plan time.
 */
final class UpgradePathRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Setting<List<String>> setting = cluster.upgradePath();
        if (setting.known().isEmpty() || setting.known().get().isEmpty()) {
            return;
        }
        List<String> path = setting.known().get();
        Semver previous = null;
        String previousText = null;
        for (String written : path) {
            Optional<Semver> release = KubernetesVersions.parse(written);
            if (release.isEmpty() || !KubernetesVersions.isSupported(release.get())) {
                diagnostics.add(Diagnostic.error("Invalid upgrade path",
                        "upgrade_path holds \"" + setting.shown(written) + "\", which is not a Kubernetes release Kiln installs: write each step as v1.MINOR.PATCH, "
                                + KubernetesVersions.SUPPORTED_DESCRIPTION + ".",
                        setting.range()));
                return;
            }
            if (previous != null && !release.get().isGreaterThan(previous)) {
                diagnostics.add(Diagnostic.error("Invalid upgrade path",
                        "upgrade_path goes from " + setting.shown(previousText) + " to " + setting.shown(written)
                                + ", which is not upward: upgrades never go back, so list the releases in ascending order, each once.",
                        setting.range()));
                return;
            }
            if (previous != null && release.get().getMinor() > previous.getMinor() + 1) {
                diagnostics.add(Diagnostic.error("Invalid upgrade path",
                        "upgrade_path goes from " + setting.shown(previousText) + " to " + setting.shown(written) + ", skipping v1." + (previous.getMinor() + 1)
                                + ": kubeadm upgrades one minor version at a time. Add a v1." + (previous.getMinor() + 1) + " release between them.",
                        setting.range()));
                return;
            }
            previous = release.get();
            previousText = written;
        }
        Optional<String> version = cluster.kubernetesVersion().known();
        if (version.isPresent() && KubernetesVersions.parse(version.get()).isPresent() && !version.get().equals(previousText)) {
            diagnostics.add(Diagnostic.error("Invalid upgrade path",
                    "upgrade_path ends at " + setting.shown(previousText) + ", but kubernetes_version is " + cluster.kubernetesVersion().shown(version.get())
                            + ": the path must end at the version the cluster is upgraded to. Make its last step " + cluster.kubernetesVersion().shown(version.get()) + ".",
                    setting.range()));
        }
    }
}
