package dev.kiln.providers.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a kubeadm control plane keeps what backups touch: the static pod manifests (and
 * where Kiln parks them while the control plane is stopped), etcd's data directory, the
 * etcd client certificates, the node-side scratch directory for snapshots, and the kubectl
 * command that reads the cluster's objects. {@link #kubeadm()} is kubeadm's layout; tests
 * root the same layout in a directory of their own.
 */
public record KubeadmLayout(
        String manifestsDirectory,
        String parkedManifestsDirectory,
        String dataDirectory,
        String scratchDirectory,
        Optional<EtcdTls> tls,
        String kubectl,
        String initialClusterToken)
{
    /** The control-plane static pods, stopped together for a restore; etcd last to go, first to return. */
    public static final List<String> STATIC_PODS = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd");

    public KubeadmLayout
    {
        requireNonNull(manifestsDirectory, "manifestsDirectory is null");
        requireNonNull(parkedManifestsDirectory, "parkedManifestsDirectory is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(scratchDirectory, "scratchDirectory is null");
        requireNonNull(tls, "tls is null");
        requireNonNull(kubectl, "kubectl is null");
        requireNonNull(initialClusterToken, "initialClusterToken is null");
    }

    /** etcd's client certificate files, as kubeadm lays them out under /etc/kubernetes/pki/etcd. */
    public record EtcdTls(String caCertificate, String certificate, String key)
    {
        public EtcdTls
        {
            requireNonNull(caCertificate, "caCertificate is null");
            requireNonNull(certificate, "certificate is null");
            requireNonNull(key, "key is null");
        }
    }

    public static KubeadmLayout kubeadm()
    {
        return new KubeadmLayout(
                "/etc/kubernetes/manifests",
                "/etc/kubernetes/kiln-parked-manifests",
                "/var/lib/etcd",
                "/var/lib/kiln/backup",
                Optional.of(new EtcdTls("/etc/kubernetes/pki/etcd/ca.crt", "/etc/kubernetes/pki/etcd/healthcheck-client.crt",
                        "/etc/kubernetes/pki/etcd/healthcheck-client.key")),
                "kubectl --kubeconfig /etc/kubernetes/admin.conf",
                "etcd-cluster");
    }

    /** {@code ETCDCTL_API=3 etcdctl --endpoints URL [--cacert … --cert … --key …]} followed by {@code arguments}. */
    String etcdctl(String endpoint, List<String> arguments)
    {
        List<String> words = new ArrayList<>(List.of("etcdctl", "--endpoints", endpoint));
        tls.ifPresent(files -> words.addAll(List.of("--cacert", files.caCertificate(), "--cert", files.certificate(), "--key", files.key())));
        words.addAll(arguments);
        return "ETCDCTL_API=3 " + ShellWords.join(words);
    }

    String manifest(String directory, String pod)
    {
        return directory + "/" + pod + ".yaml";
    }
}
