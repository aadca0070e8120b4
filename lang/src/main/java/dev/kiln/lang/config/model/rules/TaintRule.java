package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Taints are written as kubectl writes them, {@code key[=value]:Effect}, with one of Kubernetes' three effects. */
final class TaintRule
        implements ModelRule
{
    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final Pattern TAINT = Pattern.compile(
            "((?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)(=([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?)?:(.*)");

    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        for (Node node : model.nodes().values()) {
            check(node.taints(), diagnostics);
        }
        for (Cluster cluster : model.clusters().values()) {
            check(cluster.controlPlane().taints(), diagnostics);
            cluster.workerPools().forEach(pool -> check(pool.taints(), diagnostics));
        }
    }

    private static void check(Setting<List<String>> taints, Diagnostics diagnostics)
    {
        for (String taint : taints.known().orElse(List.of())) {
            Matcher matcher = TAINT.matcher(taint);
            if (!matcher.matches()) {
                diagnostics.add(Diagnostic.error(
                        "Invalid taint",
                        "\"" + taints.shown(taint) + "\" is not a taint. Write key=value:Effect or key:Effect, such as \"dedicated=gpu:NoSchedule\"; keys and values "
                                + "are up to 63 letters, digits, '-', '_' or '.', a key may have a DNS prefix (\"example.com/key\").",
                        taints.range()));
                continue;
            }
            String effect = matcher.group(7);
            if (!EFFECTS.contains(effect)) {
                diagnostics.add(Diagnostic.error(
                        "Invalid taint effect",
                        "The taint \"" + taints.shown(taint) + "\" has the effect \"" + taints.shown(effect) + "\"; Kubernetes knows NoSchedule, PreferNoSchedule and NoExecute."
                                + Suggestions.didYouMean(taints, effect, EFFECTS),
                        taints.range()));
            }
        }
    }
}
