package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.steps.KubernetesBinaries;
import dev.kiln.providers.kubeadm.steps.StepRunner;

import java.util.List;
import java.util.Optional;

/**
 * One upgrade step to one release: {@code kubeadm upgrade apply} on the first control plane,
 * {@code kubeadm upgrade node} on the others one at a time; each pool's workers follow
 * ({@link #upgradePool}) in batches of {@code max_unavailable} — cordoned, drained, upgraded,
 * kubelet restarted and uncordoned. A node is done when the API server reports its kubelet
 * at the release, Ready.
 */
public final class Upgrades
{
    private Upgrades() {}

    public static void upgrade(ClusterWork work, ControlPlaneAccess access, String release)
    {
        String step = "upgrade to " + release;
        Remote first = access.host();
        NodeSpec firstNode = nodeOf(work.cluster(), first);
        if (!access.serverVersion(step).equals(release)) {
            StepRunner.run(first, new KubernetesBinaries(work.installation(), release, List.of(KubernetesBinaries.Tool.KUBEADM)), work.context());
            work.progress(first.host() + ": kubeadm upgrade apply " + release);
            first.output(step, "kubeadm upgrade apply " + Shell.quote(release) + " -y");
            if (!access.serverVersion(step).equals(release)) {
                throw new StepFailedException(first.host(), step, "kubeadm upgrade apply finished, but the API server does not report " + release);
            }
        }
        upgradeKubelet(work, access, firstNode, release, false, false);
        for (NodeSpec node : work.cluster().controlPlane().nodes()) {
            if (!node.address().equals(firstNode.address())) {
                upgradeKubelet(work, access, node, release, true, false);
            }
        }
    }

    /**
     * Brings a pool's workers to {@code release} (the control plane's) in batches of
     * {@code max_unavailable}, each cordoned, drained, upgraded and uncordoned; workers already
     * there are left alone. Kubelets may lag the API server by up to three minors, so workers
     * follow a control plane that went through several releases in one step.
     */
    public static void upgradePool(ClusterWork work, ControlPlaneAccess access, ClusterSpec.Pool pool, String release)
    {
        int batch = pool.batch();
        List<KubeNode> registered = access.nodes("upgrade worker pool \"" + pool.name() + "\" to " + release);
        List<NodeSpec> nodes = pool.nodes().stream()
                .filter(node -> registered.stream().noneMatch(found -> (found.name().equals(node.nodeName()) || found.internalAddress().equals(node.address()))
                        && found.kubeletVersion().equals(release) && !found.unschedulable()))
                .toList();
        for (int start = 0; start < nodes.size(); start += batch) {
            List<NodeSpec> group = nodes.subList(start, Math.min(nodes.size(), start + batch));
            Parallel.forEach(group, node -> upgradeKubelet(work, access, node, release, true, true));
        }
    }

    /** Upgrades one node's configuration and kubelet; skipped when the API server already reports the node's kubelet at {@code release}. */
    private static void upgradeKubelet(ClusterWork work, ControlPlaneAccess access, NodeSpec node, String release, boolean upgradeNode, boolean drain)
    {
        String step = "upgrade " + node.nodeName() + " to " + release;
        Optional<KubeNode> registered = Membership.registered(access, step, node);
        if (registered.isEmpty()) {
            throw new StepFailedException(node.shown(), step, "the node is not registered with the API server");
        }
        if (registered.get().kubeletVersion().equals(release) && !registered.get().unschedulable()) {
            work.progress(node.shown() + ": " + step + ": already done");
            return;
        }
        Remote host = work.remote(node);
        String name = Shell.quote(registered.get().name());
        if (drain) {
            access.kubectl(step, "cordon " + name);
            access.kubectl(step, "drain " + name + " --ignore-daemonsets --delete-emptydir-data --timeout=" + Membership.DRAIN_TIMEOUT.toSeconds() + "s");
        }
        if (!registered.get().kubeletVersion().equals(release)) {
            if (upgradeNode) {
                StepRunner.run(host, new KubernetesBinaries(work.installation(), release, List.of(KubernetesBinaries.Tool.KUBEADM)), work.context());
                work.progress(host.host() + ": kubeadm upgrade node");
                host.output(step, "kubeadm upgrade node");
            }
            StepRunner.run(host, new KubernetesBinaries(work.installation(), release, List.of(KubernetesBinaries.Tool.KUBELET, KubernetesBinaries.Tool.KUBECTL)),
                    work.context());
            host.output(step, "systemctl daemon-reload && systemctl restart kubelet");
        }
        if (drain) {
            access.kubectl(step, "uncordon " + name);
        }
        KubeNode after = Membership.registered(access, step, node).orElseThrow(() -> new StepFailedException(host.host(), step, "the node disappeared during its upgrade"));
        if (!after.kubeletVersion().equals(release) || !after.ready()) {
            throw new StepFailedException(host.host(), step, "the API server reports kubelet " + after.kubeletVersion() + (after.ready() ? "" : ", not Ready")
                    + " after the upgrade to " + release);
        }
    }

    private static NodeSpec nodeOf(ClusterSpec cluster, Remote host)
    {
        return cluster.controlPlane().nodes().stream().filter(node -> host.host().contains("(" + node.address() + ")")).findFirst()
                .orElse(cluster.controlPlane().nodes().getFirst());
    }
}
