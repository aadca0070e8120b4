package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.render.KubeVip;
import dev.kiln.providers.kubeadm.render.KubeadmConfig;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.steps.NodeReset;
import dev.kiln.providers.kubeadm.steps.Step;
import dev.kiln.providers.kubeadm.steps.StepRunner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Joining and removing nodes. Control planes join one at a time (each adds an etcd member);
 * workers join in parallel. A worker leaves by cordon, drain (with a timeout), deletion of
 * its Node object and a reset of the host; a control plane leaves only when etcd keeps its
 * quorum without it, its member removed first.
 */
public final class Membership
{
    public static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private Membership() {}

    public static void joinControlPlane(ClusterWork work, ControlPlaneAccess access, NodeSpec node, String version)
    {
        StepRunner.run(work.remote(node), new Join(work.cluster(), access, node, version, true, NodeSettings.taints(work.cluster().controlPlane().taints(), node)), work.context());
    }

    public static void joinWorker(ClusterWork work, ControlPlaneAccess access, NodeSpec node, String version, ClusterSpec.Pool pool)
    {
        StepRunner.run(work.remote(node), new Join(work.cluster(), access, node, version, false, NodeSettings.taints(pool.taints(), node)), work.context());
    }

    /** Drains and deletes the Node object of the node at {@code address} (named {@code name}), then resets the host when it answers. */
    public static void removeWorker(ClusterWork work, ControlPlaneAccess access, NodeSpec node)
    {
        String step = "remove worker " + node.nodeName();
        Optional<KubeNode> registered = registered(access, step, node);
        if (registered.isPresent()) {
            work.progress(access.host().host() + ": drain and delete node " + registered.get().name());
            String name = Shell.quote(registered.get().name());
            access.kubectl(step, "cordon " + name);
            access.kubectl(step, "drain " + name + " --ignore-daemonsets --delete-emptydir-data --timeout=" + DRAIN_TIMEOUT.toSeconds() + "s");
            access.kubectl(step, "delete node " + name);
        }
        else {
            work.progress(access.host().host() + ": node " + node.nodeName() + " is not registered any more");
        }
        reset(work, node);
        if (registered(access, step, node).isPresent()) {
            throw new StepFailedException(access.host().host(), step, "node " + node.nodeName() + " is still registered");
        }
    }

    /**
     * Removes a control plane: refuses when etcd would lose its quorum, removes its etcd member,
     * deletes its Node object and resets the host.
     */
    public static void removeControlPlane(ClusterWork work, ControlPlaneAccess access, NodeSpec node)
    {
        String step = "remove control plane " + node.nodeName();
        if (work.cluster().etcd().stacked()) {
            List<EtcdMember> members = access.etcdMembers(step);
            Optional<EtcdMember> member = members.stream().filter(candidate -> candidate.isOn(node.address()) || candidate.name().equals(node.nodeName())).findFirst();
            if (member.isPresent()) {
                List<String> healthyEndpoints = access.healthyEtcdEndpoints(step);
                int healthy = healthyEndpoints.size();
                boolean removedIsHealthy = healthyEndpoints.stream().anyMatch(url -> url.contains("//" + node.address() + ":") || url.contains("//[" + node.address() + "]:"));
                int remaining = members.size() - 1;
                int quorum = remaining / 2 + 1;
                int healthyAfter = healthy - (removedIsHealthy ? 1 : 0);
                if (healthyAfter < quorum) {
                    throw new StepFailedException(access.host().host(), step, "etcd has " + healthy + " healthy of " + members.size()
                            + " members; without " + node.nodeName() + " it would keep " + healthyAfter + " healthy of " + remaining
                            + ", below its quorum of " + quorum + ". Bring the unhealthy members back first");
                }
                work.progress(access.host().host() + ": remove etcd member " + member.get().name() + " (" + healthy + " of " + members.size() + " healthy)");
                access.removeEtcdMember(step, member.get());
            }
        }
        Optional<KubeNode> registered = registered(access, step, node);
        if (registered.isPresent()) {
            access.kubectl(step, "delete node " + Shell.quote(registered.get().name()));
        }
        reset(work, node);
    }

    /** Resets a host that left (or whose cluster is deleted). */
    public static void reset(ClusterWork work, NodeSpec node)
    {
        StepRunner.runAll(work.remote(node), NodeReset.steps(work.cluster().etcd().dataDirectory()), work.context());
    }

    static Optional<KubeNode> registered(ControlPlaneAccess access, String step, NodeSpec node)
    {
        return access.nodes(step).stream()
                .filter(candidate -> candidate.name().equals(node.nodeName()) || candidate.internalAddress().equals(node.address()))
                .findFirst();
    }

    /** {@code kubeadm join} with a fresh token (and certificate key for a control plane); done when the node is registered. */
    private record Join(ClusterSpec cluster, ControlPlaneAccess access, NodeSpec node, String version, boolean controlPlane, List<String> taints)
            implements Step
    {
        @Override
        public String title()
        {
            return controlPlane ? "join the control plane" : "join the cluster";
        }

        @Override
        public boolean done(Remote host)
        {
            return registered(access, title(), node).isPresent() && host.run(title(), "test -f /etc/kubernetes/kubelet.conf").succeeded();
        }

        /** A host that still has a kubelet configuration but no Node (deleted by hand) is reset before it joins again. */
        @Override
        public void act(Remote host)
        {
            if (host.run(title(), "test -f /etc/kubernetes/kubelet.conf").succeeded()) {
                for (Step step : NodeReset.steps(cluster.etcd().dataDirectory())) {
                    if (!step.done(host)) {
                        step.act(host);
                        step.verify(host);
                    }
                }
            }
            KubeadmConfig.Discovery discovery = access.discovery(title(), Tokens.bootstrapToken());
            host.addSecret(discovery.token());
            Optional<String> key = Optional.empty();
            String flags = "";
            if (controlPlane) {
                String certificateKey = Tokens.certificateKey();
                host.addSecret(certificateKey);
                access.uploadCertificates(title(), certificateKey);
                key = Optional.of(certificateKey);
                if (cluster.controlPlane().virtualIp()) {
                    String networkInterface = Bootstrap.interfaceOf(host, node.address(), title());
                    host.write(title(), KubeVip.manifest(cluster.controlPlane().endpointHost(), networkInterface, version, false), KubeVip.MANIFEST_PATH, 0600);
                    flags = " " + Bootstrap.MANIFESTS_PREFLIGHT;
                }
                cluster.encryptionProviderConfig().ifPresent(config -> host.write(title(), config.reveal(), KubeadmConfig.ENCRYPTION_CONFIG_PATH, 0600));
            }
            String configPath = Bootstrap.KILN_DIRECTORY + "/kubeadm-join.yaml";
            host.write(title(), KubeadmConfig.join(cluster, node, version, taints, discovery, key), configPath, 0600);
            host.output(title(), "kubeadm join --config " + Shell.quote(configPath) + flags);
        }

        @Override
        public String missing()
        {
            return "node " + node.nodeName() + " is not registered with the API server";
        }
    }
}
