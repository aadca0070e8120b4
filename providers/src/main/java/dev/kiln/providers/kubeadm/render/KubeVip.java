package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.version.Releases;

/**
 * kube-vip as a static pod on each control plane: ARP mode, leader election, the virtual IP on
 * the interface that holds the node's address. While the first control plane initialises a
 * v1.29+ cluster, admin.conf has no rights yet, so kube-vip uses super-admin.conf there.
 */
public final class KubeVip
{
    public static final String MANIFEST_PATH = "/etc/kubernetes/manifests/kube-vip.yaml";
    public static final String IMAGE = "ghcr.io/kube-vip/kube-vip:v0.8.9";

    private KubeVip() {}

    public static String manifest(String virtualIp, String networkInterface, String version, boolean initialising)
    {
        String kubeconfig = initialising && Releases.parse(version).getMinor() >= 29
                ? "/etc/kubernetes/super-admin.conf"
                : "/etc/kubernetes/admin.conf";
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
                    - {name: vip_arp, value: "true"}
                    - {name: port, value: "6443"}
                    - {name: vip_interface, value: %s}
                    - {name: vip_cidr, value: "32"}
                    - {name: cp_enable, value: "true"}
                    - {name: cp_namespace, value: kube-system}
                    - {name: vip_leaderelection, value: "true"}
                    - {name: vip_leasename, value: plndr-cp-lock}
                    - {name: vip_leaseduration, value: "5"}
                    - {name: vip_renewdeadline, value: "3"}
                    - {name: vip_retryperiod, value: "1"}
                    - {name: address, value: %s}
                    securityContext:
                      capabilities:
                        add: ["NET_ADMIN", "NET_RAW"]
                    volumeMounts:
                    - {mountPath: /etc/kubernetes/admin.conf, name: kubeconfig}
                  hostAliases:
                  - hostnames: [kubernetes]
                    ip: 127.0.0.1
                  hostNetwork: true
                  volumes:
                  - name: kubeconfig
                    hostPath:
                      path: %s
                """.formatted(IMAGE, Yaml.quote(networkInterface), Yaml.quote(virtualIp), kubeconfig);
    }
}
