package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Etcd;
import dev.kiln.lang.config.model.Install;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cluster arguments that take one of a few words, and what each choice needs: an external
 * etcd needs endpoints, an offline install needs a bundle, rolling-update limits are a count
 * or a percentage.
 */
final class ClusterChoicesRule
        implements ClusterRule
{
    static final List<String> CONFIG_FORMATS = List.of("cloud-init", "ignition");
    static final String VIRTUAL_IP = "vip";
    static final List<String> ENDPOINT_TYPES = List.of(VIRTUAL_IP, "load_balancer");
    private static final Pattern COUNT_OR_PERCENT = Pattern.compile("(0|[1-9][0-9]*)%?");

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        oneOf("kubeadm_config_format", cluster.kubeadmConfigFormat(), CONFIG_FORMATS, diagnostics);
        oneOf("endpoint_type", cluster.controlPlane().endpointType(), ENDPOINT_TYPES, diagnostics);
        Etcd etcd = cluster.etcd();
        if (oneOf("etcd type", etcd.type(), Etcd.TYPES, diagnostics) && etcd.type().known().orElse("").equals(Etcd.EXTERNAL)
                && etcd.endpoints().known().map(List::isEmpty).orElse(false)) {
            diagnostics.add(Diagnostic.error(
                    "Missing etcd endpoints",
                    "An external etcd needs the client URLs of its members. Add endpoints = [\"https://10.0.0.5:2379\", ...], or use type = \"stacked\".",
                    etcd.type().range()));
        }
        Install install = cluster.install();
        if (oneOf("install mode", install.mode(), Install.MODES, diagnostics)
                && install.mode().known().orElse("").equals(Install.OFFLINE) && install.bundle().isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing offline bundle",
                    "An offline install copies packages and images from a bundle instead of downloading them. Add bundle = \"PATH.tar.gz\", or use mode = \"online\".",
                    install.mode().range()));
        }
        for (Cluster.WorkerPool pool : cluster.workerPools()) {
            countOrPercent("max_unavailable", pool.maxUnavailable(), diagnostics);
            countOrPercent("max_surge", pool.maxSurge(), diagnostics);
        }
    }

    private static boolean oneOf(String name, Setting<String> setting, List<String> choices, Diagnostics diagnostics)
    {
        if (setting.known().isEmpty() || choices.contains(setting.known().get())) {
            return true;
        }
        String value = setting.known().get();
        diagnostics.add(Diagnostic.error(
                "Unsupported value",
                name + " must be one of " + String.join(", ", choices.stream().map(choice -> "\"" + choice + "\"").toList()) + ", not \"" + setting.shown(value) + "\"."
                        + Suggestions.didYouMean(setting, value, choices),
                setting.range()));
        return false;
    }

    private static void countOrPercent(String name, Setting<String> setting, Diagnostics diagnostics)
    {
        setting.known().filter(value -> !COUNT_OR_PERCENT.matcher(value).matches()).ifPresent(value -> diagnostics.add(Diagnostic.error(
                "Invalid rolling update limit",
                name + " is a number of nodes or a percentage of the pool, such as 1 or \"25%\", not \"" + setting.shown(value) + "\".",
                setting.range())));
    }
}
