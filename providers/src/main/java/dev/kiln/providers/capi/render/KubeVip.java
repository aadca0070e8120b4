package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;
import dev.kiln.lang.config.model.Setting;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * The kube-vip static pod that announces the control plane's virtual IP on infrastructures
 * that do not provide a load balancer (vSphere, BYOH), as their Cluster API templates do:
 * written to {@code /etc/kubernetes/manifests/kube-vip.yaml} on every control-plane
 * machine when {@code endpoint_type = "vip"} and the endpoint is known. From Kubernetes 1.29
 * kubeadm's admin.conf has no rights until the control plane is up, so on the first machine
 * (the one with kubeadm's init config) kube-vip starts with super-admin.conf, and is switched
 * back after kubeadm has run.
 */
final class KubeVip
{
    static final String IMAGE = "ghcr.io/kube-vip/kube-vip:v0.8.9";
    static final String MANIFEST_PATH = "/etc/kubernetes/manifests/kube-vip.yaml";
    static final String USE_SUPER_ADMIN = "if [ -f /run/kubeadm/kubeadm.yaml ]; then sed -i 's#path: /etc/kubernetes/admin.conf#path: "
            + "/etc/kubernetes/super-admin.conf#' " + MANIFEST_PATH + "; fi";
    static final String USE_ADMIN = "sed -i 's#path: /etc/kubernetes/super-admin.conf#path: /etc/kubernetes/admin.conf#' " + MANIFEST_PATH;
    private static final Set<String> KINDS = Set.of("vsphere", "byoh");
    private static final int SUPER_ADMIN_MINOR = 29;

    private KubeVip() {}

    /** The static pod's file entry, when the cluster's control plane needs kube-vip. */
    static Optional<ObjectNode> file(Cluster cluster)
    {
        if (!applies(cluster)) {
            return Optional.empty();
        }
        JsonNode endpoint = Endpoint.of(cluster).orElseThrow();
        ObjectNode file = NODES.objectNode();
        file.put("path", MANIFEST_PATH);
        file.put("owner", "root:root");
        file.put("permissions", "0644");
        file.put("content", manifest(endpoint.path("host").asText(), endpoint.path("port").asInt()));
        return Optional.of(file);
    }

    /** Commands before kubeadm: the first machine's kube-vip uses super-admin.conf (Kubernetes 1.29 and later). */
    static List<String> preCommands(Cluster cluster)
    {
        return applies(cluster) && needsSuperAdmin(cluster) ? List.of(USE_SUPER_ADMIN) : List.of();
    }

    /** Commands after kubeadm: back to admin.conf. */
    static List<String> postCommands(Cluster cluster)
    {
        return applies(cluster) && needsSuperAdmin(cluster) ? List.of(USE_ADMIN) : List.of();
    }

    private static boolean applies(Cluster cluster)
    {
        boolean kind = cluster.infrastructure().map(Infrastructure::kind).filter(KINDS::contains).isPresent();
        boolean vip = cluster.controlPlane().endpointType().known().filter("vip"::equals).isPresent();
        boolean known = cluster.controlPlane().endpoint().flatMap(Setting::known).isPresent();
        return kind && vip && known;
    }

    private static boolean needsSuperAdmin(Cluster cluster)
    {
        return cluster.kubernetesVersion().known()
                .map(version -> version.replaceFirst("^v", "").split("\\."))
                .filter(parts -> parts.length >= 2 && parts[1].matches("\\d+"))
                .map(parts -> Integer.parseInt(parts[0]) > 1 || Integer.parseInt(parts[1]) >= SUPER_ADMIN_MINOR)
                .orElse(true);
    }

    private static String manifest(String address, int port)
    {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kube-vip
                  namespace: kube-system
                spec:
                  containers:
                    - name: kube-vip
                      image: %s
                      imagePullPolicy: IfNotPresent
                      args: ["manager"]
                      env:
                        - {name: cp_enable, value: "true"}
                        - {name: vip_arp, value: "true"}
                        - {name: vip_leaderelection, value: "true"}
                        - {name: vip_leaseduration, value: "15"}
                        - {name: vip_renewdeadline, value: "10"}
                        - {name: vip_retryperiod, value: "2"}
                        - {name: address, value: "%s"}
                        - {name: port, value: "%d"}
                      securityContext:
                        capabilities:
                          add: ["NET_ADMIN", "NET_RAW"]
                      volumeMounts:
                        - {name: kubeconfig, mountPath: /etc/kubernetes/admin.conf}
                  hostAliases:
                    - {ip: 127.0.0.1, hostnames: ["kubernetes"]}
                  hostNetwork: true
                  volumes:
                    - name: kubeconfig
                      hostPath: {path: /etc/kubernetes/admin.conf, type: FileOrCreate}
                """.formatted(IMAGE, address, port);
    }
}
