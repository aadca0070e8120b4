package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.render.Taint;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The labels and taints each node should carry — its own, its group's, and the region label —
 * set with kubectl where the Node object lacks them; a control plane configured without the
 * control-plane taint (a single-node lab) has it removed.
 */
public final class NodeSettings
{
    public static final String REGION_LABEL = "topology.kubernetes.io/region";
    static final String STEP = "set labels and taints";

    private NodeSettings() {}

    public static List<String> taints(List<String> group, NodeSpec node)
    {
        List<String> taints = new ArrayList<>(group);
        node.taints().stream().filter(taint -> !taints.contains(taint)).forEach(taints::add);
        return List.copyOf(taints);
    }

    public static SortedMap<String, String> labels(Map<String, String> group, NodeSpec node)
    {
        TreeMap<String, String> labels = new TreeMap<>(group);
        labels.putAll(node.labels());
        node.region().ifPresent(region -> labels.put(REGION_LABEL, region));
        return labels;
    }

    /** Sets what is missing on every node of the cluster, from the control plane {@code access} reaches. */
    public static void reconcile(ClusterWork work, ControlPlaneAccess access)
    {
        ClusterSpec cluster = work.cluster();
        List<KubeNode> registered = access.nodes(STEP);
        for (NodeSpec node : cluster.controlPlane().nodes()) {
            apply(work, access, registered, node, labels(cluster.controlPlane().labels(), node), taints(cluster.controlPlane().taints(), node), true);
        }
        for (ClusterSpec.Pool pool : cluster.pools().values()) {
            for (NodeSpec node : pool.nodes()) {
                apply(work, access, registered, node, labels(pool.labels(), node), taints(pool.taints(), node), false);
            }
        }
    }

    private static void apply(ClusterWork work, ControlPlaneAccess access, List<KubeNode> registered, NodeSpec node,
            SortedMap<String, String> labels, List<String> taints, boolean controlPlane)
    {
        Optional<KubeNode> found = registered.stream().filter(candidate -> candidate.name().equals(node.nodeName())).findFirst();
        if (found.isEmpty()) {
            return;
        }
        KubeNode current = found.get();
        String name = Shell.quote(current.name());
        List<String> missingLabels = labels.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(current.labels().get(entry.getKey())))
                .map(entry -> Shell.quote(entry.getKey() + "=" + entry.getValue()))
                .toList();
        if (!missingLabels.isEmpty()) {
            work.progress(access.host().host() + ": label node " + current.name());
            access.kubectl(STEP, "label node " + name + " --overwrite " + String.join(" ", missingLabels));
        }
        List<String> missingTaints = taints.stream().map(taint -> Taint.parse(taint).written()).filter(taint -> !current.taints().contains(taint)).toList();
        if (!missingTaints.isEmpty()) {
            work.progress(access.host().host() + ": taint node " + current.name());
            access.kubectl(STEP, "taint node " + name + " --overwrite " + missingTaints.stream().map(Shell::quote).collect(Collectors.joining(" ")));
        }
        String controlPlaneTaint = Taint.parse(ClusterSpec.CONTROL_PLANE_TAINT).written();
        if (controlPlane && !taints.contains(ClusterSpec.CONTROL_PLANE_TAINT) && current.taints().contains(controlPlaneTaint)) {
            work.progress(access.host().host() + ": remove the control-plane taint from " + current.name() + " so workloads schedule there");
            access.kubectl(STEP, "taint node " + name + " " + Shell.quote(controlPlaneTaint + "-"));
        }
    }
}
