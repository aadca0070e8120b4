package dev.kiln.providers.kubeadm.render;

/** kubelet's systemd unit and kubeadm's drop-in, as the Kubernetes packages install them, for binaries from a bundle. */
public final class KubeletUnit
{
    public static final String UNIT_PATH = "/etc/systemd/system/kubelet.service";
    public static final String DROP_IN_PATH = "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf";

    private KubeletUnit() {}

    public static String unit()
    {
        return """
                [Unit]
                Description=kubelet: The Kubernetes Node Agent
                Documentation=https://kubernetes.io/docs/
                Wants=network-online.target
                After=network-online.target

                [Service]
                ExecStart=/usr/local/bin/kubelet
                Restart=always
                StartLimitInterval=0
                RestartSec=10

                [Install]
                WantedBy=multi-user.target
                """;
    }

    public static String dropIn()
    {
        return """
                [Service]
                Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
                Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
                EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
                EnvironmentFile=-/etc/default/kubelet
                ExecStart=
                ExecStart=/usr/local/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
                """;
    }

    /** containerd's unit, for containerd from a bundle. */
    public static String containerdUnit()
    {
        return """
                [Unit]
                Description=containerd container runtime
                Documentation=https://containerd.io
                After=network.target local-fs.target

                [Service]
                ExecStartPre=-/sbin/modprobe overlay
                ExecStart=/usr/local/bin/containerd
                Type=notify
                Delegate=yes
                KillMode=process
                Restart=always
                RestartSec=5
                LimitNOFILE=infinity
                TasksMax=infinity
                OOMScoreAdjust=-999

                [Install]
                WantedBy=multi-user.target
                """;
    }
}
