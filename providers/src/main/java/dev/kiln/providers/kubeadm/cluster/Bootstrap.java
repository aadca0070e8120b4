package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.Shell;
import dev.kiln.providers.kubeadm.render.KubeVip;
import dev.kiln.providers.kubeadm.render.KubeadmConfig;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.steps.ContainerRuntime;
import dev.kiln.providers.kubeadm.steps.Facts;
import dev.kiln.providers.kubeadm.steps.HostSetup;
import dev.kiln.providers.kubeadm.steps.ImageImport;
import dev.kiln.providers.kubeadm.steps.KubeletService;
import dev.kiln.providers.kubeadm.steps.KubernetesBinaries;
import dev.kiln.providers.kubeadm.steps.Preflight;
import dev.kiln.providers.kubeadm.steps.Step;
import dev.kiln.providers.kubeadm.steps.StepRunner;

import java.util.Optional;

/**
 * Prepares hosts for a cluster (kernel settings, preflight checks, runtime, binaries, kubelet
 * service) and initialises the control plane on its first node. A cluster already
 * initialised — on any of its control planes — is found, not initialised again.
 */
public final class Bootstrap
{
    public static final String KILN_DIRECTORY = "/var/lib/kiln";
    static final String INIT_STEP = "kubeadm init";
    static final String MANIFESTS_PREFLIGHT = "--ignore-preflight-errors=DirAvailable--etc-kubernetes-manifests";

    private Bootstrap() {}

    /** The first control plane whose API server answers with its admin kubeconfig. */
    public static Optional<ControlPlaneAccess> findInitialized(ClusterWork work)
    {
        for (NodeSpec node : work.cluster().controlPlane().nodes()) {
            Remote host = work.remote(node);
            if (ControlPlaneAccess.isInitialized(host, "find the initialised control plane")) {
                return Optional.of(new ControlPlaneAccess(host));
            }
        }
        return Optional.empty();
    }

    /** Readies {@code node} to join (or initialise) a cluster at {@code version}; binaries only when it is not a member yet. */
    public static void prepare(ClusterWork work, NodeSpec node, String version, boolean controlPlane, boolean member)
    {
        Remote host = work.remote(node);
        StepRunner.runAll(host, HostSetup.steps(), work.context());
        if (!member) {
            Preflight.check(host, node.address(), Facts.gather(host), controlPlane);
        }
        StepRunner.run(host, new ContainerRuntime(work.installation(), version), work.context());
        boolean docker = work.installation().cluster().runtime().type().equals(ClusterSpec.Runtime.DOCKER);
        work.installation().bundle().ifPresent(bundle -> bundle.images().forEach(archive -> StepRunner.run(host, new ImageImport(archive, docker), work.context())));
        if (!member) {
            StepRunner.run(host, KubernetesBinaries.all(work.installation(), version), work.context());
        }
        StepRunner.run(host, new KubeletService(work.installation()), work.context());
    }

    public static ControlPlaneAccess initialize(ClusterWork work, String version)
    {
        NodeSpec first = work.cluster().controlPlane().nodes().getFirst();
        Remote host = work.remote(first);
        StepRunner.run(host, new Init(work.cluster(), first, version), work.context());
        return new ControlPlaneAccess(host);
    }

    /** The name of the interface that holds {@code address} on the host, for kube-vip. */
    static String interfaceOf(Remote host, String address, String step)
    {
        String name = host.run(step, "ip -o addr show 2>/dev/null | awk '{split($4, a, \"/\"); if (a[1] == \"" + address + "\") print $2}' | head -n 1")
                .output().trim();
        return name.isEmpty() ? "eth0" : name;
    }

    /** {@code kubeadm init} with the rendered configuration; kube-vip's static pod first when the endpoint is a virtual IP. */
    private record Init(ClusterSpec cluster, NodeSpec node, String version)
            implements Step
    {
        @Override
        public String title()
        {
            return INIT_STEP;
        }

        @Override
        public boolean done(Remote host)
        {
            return ControlPlaneAccess.isInitialized(host, title());
        }

        @Override
        public void act(Remote host)
        {
            String token = Tokens.bootstrapToken();
            String key = Tokens.certificateKey();
            host.addSecret(token);
            host.addSecret(key);
            String configPath = KILN_DIRECTORY + "/kubeadm-init.yaml";
            host.write(title(), KubeadmConfig.init(cluster, node, version, cluster.controlPlane().taints(), token, key), configPath, 0600);
            cluster.encryptionProviderConfig().ifPresent(config -> host.write(title(), config.reveal(), KubeadmConfig.ENCRYPTION_CONFIG_PATH, 0600));
            String flags = "";
            if (cluster.controlPlane().virtualIp()) {
                String networkInterface = interfaceOf(host, node.address(), title());
                host.write(title(), KubeVip.manifest(cluster.controlPlane().endpointHost(), networkInterface, version, true), KubeVip.MANIFEST_PATH, 0600);
                flags = " " + MANIFESTS_PREFLIGHT;
            }
            host.output(title(), "kubeadm init --config " + Shell.quote(configPath) + " --upload-certs" + flags);
            if (cluster.controlPlane().virtualIp()) {
                String networkInterface = interfaceOf(host, node.address(), title());
                host.write(title(), KubeVip.manifest(cluster.controlPlane().endpointHost(), networkInterface, version, false), KubeVip.MANIFEST_PATH, 0600);
            }
        }

        @Override
        public String missing()
        {
            return "the API server does not answer with /etc/kubernetes/admin.conf";
        }
    }
}
