package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.version.Releases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * kubeadm's configuration files: InitConfiguration + ClusterConfiguration + KubeletConfiguration
 * for {@code kubeadm init}, JoinConfiguration for {@code kubeadm join}. API version
 * {@code kubeadm.k8s.io/v1beta3} below v1.31, {@code v1beta4} from v1.31 (where extra
 * arguments became lists of name/value pairs).
 */
public final class KubeadmConfig
{
    public static final String ENCRYPTION_CONFIG_PATH = "/etc/kubernetes/kiln/encryption-config.yaml";

    private KubeadmConfig() {}

    /** A bootstrap token's discovery: the endpoint, the token and the CA's public-key hash. */
    public record Discovery(String endpoint, String token, String caCertHash) {}

    /**
     * The configuration of {@code kubeadm init --upload-certs} on {@code node}: a bootstrap
     * token and certificate key Kiln made (so no secret of kubeadm's making reaches a log),
     * the node's registration, the cluster and kubelet settings.
     */
    public static String init(ClusterSpec cluster, NodeSpec node, String version, List<String> taints, String token, String certificateKey)
    {
        String api = apiVersion(version);
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: ").append(api).append('\n');
        yaml.append("kind: InitConfiguration\n");
        yaml.append("bootstrapTokens:\n");
        yaml.append("- token: ").append(Yaml.quote(token)).append('\n');
        yaml.append("  ttl: \"2h0m0s\"\n");
        yaml.append("  groups: [\"system:bootstrappers:kubeadm:default-node-token\"]\n");
        yaml.append("  usages: [\"signing\", \"authentication\"]\n");
        yaml.append("certificateKey: ").append(Yaml.quote(certificateKey)).append('\n');
        yaml.append("localAPIEndpoint:\n");
        yaml.append("  advertiseAddress: ").append(Yaml.quote(node.address())).append('\n');
        yaml.append("  bindPort: ").append(ClusterSpec.API_SERVER_PORT).append('\n');
        nodeRegistration(yaml, cluster, node, version, taints);
        yaml.append("---\n");
        clusterConfiguration(yaml, cluster, version);
        yaml.append("---\n");
        kubeletConfiguration(yaml);
        return yaml.toString();
    }

    public static String join(ClusterSpec cluster, NodeSpec node, String version, List<String> taints, Discovery discovery, Optional<String> certificateKey)
    {
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: ").append(apiVersion(version)).append('\n');
        yaml.append("kind: JoinConfiguration\n");
        yaml.append("discovery:\n");
        yaml.append("  bootstrapToken:\n");
        yaml.append("    apiServerEndpoint: ").append(Yaml.quote(discovery.endpoint())).append('\n');
        yaml.append("    token: ").append(Yaml.quote(discovery.token())).append('\n');
        yaml.append("    caCertHashes: ").append(Yaml.list(List.of(discovery.caCertHash()))).append('\n');
        nodeRegistration(yaml, cluster, node, version, taints);
        certificateKey.ifPresent(key -> {
            yaml.append("controlPlane:\n");
            yaml.append("  localAPIEndpoint:\n");
            yaml.append("    advertiseAddress: ").append(Yaml.quote(node.address())).append('\n');
            yaml.append("    bindPort: ").append(ClusterSpec.API_SERVER_PORT).append('\n');
            yaml.append("  certificateKey: ").append(Yaml.quote(key)).append('\n');
        });
        return yaml.toString();
    }

    /** The CRI socket kubelet talks to: containerd's, or dockershim's below v1.24. */
    public static String criSocket(ClusterSpec cluster)
    {
        return cluster.runtime().type().equals(ClusterSpec.Runtime.DOCKER)
                ? "unix:///var/run/dockershim.sock"
                : "unix:///run/containerd/containerd.sock";
    }

    static String apiVersion(String version)
    {
        return Releases.parse(version).getMinor() >= 31 ? "kubeadm.k8s.io/v1beta4" : "kubeadm.k8s.io/v1beta3";
    }

    private static void nodeRegistration(StringBuilder yaml, ClusterSpec cluster, NodeSpec node, String version, List<String> taints)
    {
        yaml.append("nodeRegistration:\n");
        yaml.append("  name: ").append(Yaml.quote(node.nodeName())).append('\n');
        yaml.append("  criSocket: ").append(Yaml.quote(criSocket(cluster))).append('\n');
        if (taints.isEmpty()) {
            yaml.append("  taints: []\n");
        }
        else {
            yaml.append("  taints:\n");
            for (String taint : taints) {
                Taint parsed = Taint.parse(taint);
                yaml.append("  - key: ").append(Yaml.quote(parsed.key())).append('\n');
                parsed.value().ifPresent(value -> yaml.append("    value: ").append(Yaml.quote(value)).append('\n'));
                yaml.append("    effect: ").append(Yaml.quote(parsed.effect())).append('\n');
            }
        }
        arguments(yaml, "  ", "kubeletExtraArgs", Map.of("node-ip", node.address()), version);
    }

    private static void clusterConfiguration(StringBuilder yaml, ClusterSpec cluster, String version)
    {
        yaml.append("apiVersion: ").append(apiVersion(version)).append('\n');
        yaml.append("kind: ClusterConfiguration\n");
        yaml.append("clusterName: ").append(Yaml.quote(cluster.name())).append('\n');
        yaml.append("kubernetesVersion: ").append(Yaml.quote(version)).append('\n');
        yaml.append("controlPlaneEndpoint: ").append(Yaml.quote(cluster.controlPlane().endpointAddress())).append('\n');
        yaml.append("imageRepository: ").append(Yaml.quote(Images.repository(cluster, version))).append('\n');
        yaml.append("networking:\n");
        yaml.append("  podSubnet: ").append(Yaml.quote(String.join(",", cluster.network().podCidrs()))).append('\n');
        yaml.append("  serviceSubnet: ").append(Yaml.quote(String.join(",", cluster.network().serviceCidrs()))).append('\n');
        yaml.append("  dnsDomain: ").append(Yaml.quote(cluster.network().dnsDomain())).append('\n');
        yaml.append("apiServer:\n");
        yaml.append("  certSANs: ").append(Yaml.list(certSans(cluster))).append('\n');
        if (cluster.encryptionProviderConfig().isPresent()) {
            arguments(yaml, "  ", "extraArgs", Map.of("encryption-provider-config", ENCRYPTION_CONFIG_PATH), version);
            yaml.append("  extraVolumes:\n");
            yaml.append("  - name: \"kiln-encryption\"\n");
            yaml.append("    hostPath: ").append(Yaml.quote(ENCRYPTION_CONFIG_PATH)).append('\n');
            yaml.append("    mountPath: ").append(Yaml.quote(ENCRYPTION_CONFIG_PATH)).append('\n');
            yaml.append("    readOnly: true\n");
            yaml.append("    pathType: \"File\"\n");
        }
        yaml.append("etcd:\n");
        if (cluster.etcd().stacked()) {
            yaml.append("  local:\n");
            yaml.append("    dataDir: ").append(Yaml.quote(cluster.etcd().dataDirectory())).append('\n');
            yaml.append("    serverCertSANs: ").append(Yaml.list(cluster.etcd().serverCertSans())).append('\n');
        }
        else {
            yaml.append("  external:\n");
            yaml.append("    endpoints: ").append(Yaml.list(cluster.etcd().endpoints())).append('\n');
            yaml.append("    caFile: \"/etc/kubernetes/pki/etcd/ca.crt\"\n");
            yaml.append("    certFile: \"/etc/kubernetes/pki/apiserver-etcd-client.crt\"\n");
            yaml.append("    keyFile: \"/etc/kubernetes/pki/apiserver-etcd-client.key\"\n");
        }
    }

    private static void kubeletConfiguration(StringBuilder yaml)
    {
        yaml.append("apiVersion: kubelet.config.k8s.io/v1beta1\n");
        yaml.append("kind: KubeletConfiguration\n");
        yaml.append("cgroupDriver: \"systemd\"\n");
        yaml.append("failSwapOn: true\n");
    }

    private static List<String> certSans(ClusterSpec cluster)
    {
        List<String> sans = new ArrayList<>(cluster.certSans());
        List<String> extra = new ArrayList<>();
        extra.add(cluster.controlPlane().endpointHost());
        cluster.externalAddress().ifPresent(extra::add);
        cluster.controlPlane().nodes().forEach(node -> extra.add(node.address()));
        extra.stream().filter(name -> !sans.contains(name)).forEach(sans::add);
        return sans;
    }

    private static void arguments(StringBuilder yaml, String indent, String key, Map<String, String> arguments, String version)
    {
        Map<String, String> ordered = new LinkedHashMap<>(new TreeMap<>(arguments));
        yaml.append(indent).append(key).append(':');
        if (apiVersion(version).endsWith("v1beta4")) {
            yaml.append('\n');
            ordered.forEach((name, value) -> yaml.append(indent).append("- name: ").append(Yaml.quote(name)).append('\n')
                    .append(indent).append("  value: ").append(Yaml.quote(value)).append('\n'));
        }
        else {
            yaml.append(Yaml.mapping(ordered, indent + "  "));
        }
    }
}
