package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Network.Calico;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

/** Calico's mode is one of its five, its MTU within range, and its IP autodetection method one Calico knows. */
final class CalicoRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Calico calico = cluster.network().calico();
        checkMode(calico.mode(), diagnostics);
        checkMtu(calico.mtu(), diagnostics);
        checkAutodetection(calico.ipAutodetection(), diagnostics);
    }

    private static void checkMode(Setting<String> mode, Diagnostics diagnostics)
    {
        mode.known().filter(value -> !Calico.MODES.contains(value)).ifPresent(value -> diagnostics.add(Diagnostic.error(
                "Unsupported Calico mode",
                "Calico's mode must be one of " + String.join(", ", Calico.MODES) + "; \"" + mode.shown(value) + "\" is not one of them."
                        + Suggestions.didYouMean(mode, value, Calico.MODES),
                mode.range())));
    }

    private static void checkMtu(Setting<Integer> mtu, Diagnostics diagnostics)
    {
        mtu.known().filter(value -> value < Calico.MINIMUM_MTU || value > Calico.MAXIMUM_MTU).ifPresent(value -> diagnostics.add(Diagnostic.error(
                "MTU out of range",
                "The MTU " + mtu.shown(value) + " is outside " + Calico.MINIMUM_MTU + " to " + Calico.MAXIMUM_MTU
                        + ". Use your network's MTU minus the encapsulation overhead (20 bytes for IP-in-IP, 50 for VXLAN): 1440 suits a 1500-byte network.",
                mtu.range())));
    }

    private static void checkAutodetection(Setting<String> setting, Diagnostics diagnostics)
    {
        if (setting.known().isEmpty()) {
            return;
        }
        String value = setting.known().get();
        String method = value.contains("=") ? value.substring(0, value.indexOf('=')) : value;
        boolean takesArgument = !method.equals("first-found") && !method.equals("kubernetes-internal-ip");
        boolean hasArgument = value.contains("=") && value.indexOf('=') < value.length() - 1;
        if (Calico.AUTODETECTION_METHODS.contains(method) && takesArgument == hasArgument) {
            return;
        }
        diagnostics.add(Diagnostic.error(
                "Invalid IP autodetection method",
                "\"" + setting.shown(value) + "\" is not a Calico IP autodetection method. Use \"first-found\", \"kubernetes-internal-ip\", \"can-reach=DESTINATION\", "
                        + "\"interface=REGEX\", \"skip-interface=REGEX\" or \"cidr=CIDR[,CIDR]\"." + Suggestions.didYouMean(setting, method, Calico.AUTODETECTION_METHODS),
                setting.range()));
    }
}
