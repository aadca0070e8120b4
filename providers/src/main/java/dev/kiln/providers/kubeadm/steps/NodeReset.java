package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;

import java.util.List;

/**
 * Takes Kubernetes off a host completely, so it can join any cluster again: {@code kubeadm
 * reset}, kubelet stopped and disabled, the pods' sandboxes removed, leftover mounts under /var/lib/kubelet and the runtime's task directories
 * unmounted (the residue resets are known to leave), CNI state and interfaces,
 * Kubernetes' and Calico's iptables chains and IPVS services, and the data directories emptied. The
 * container runtime stays installed with its images.
 */
public final class NodeReset
{
    static final String KUBERNETES_STATE = "/etc/kubernetes/kubelet.conf /etc/kubernetes/admin.conf /etc/kubernetes/manifests/kube-apiserver.yaml /var/lib/kubelet/config.yaml";
    static final List<String> DIRECTORIES = List.of("/etc/kubernetes", "/var/lib/kubelet", "/var/lib/kiln", "/root/.kube");
    static final String CNI_STATE = "/etc/cni/net.d /var/lib/cni /var/lib/calico /run/calico";
    static final String MOUNTS = "awk '$2 ~ \"^(/var/lib/kubelet/|/run/containerd/io.containerd|/var/lib/containerd/io.containerd|/run/netns/cni-)\" {print $2}' /proc/mounts | sort -r";
    static final String FIREWALL_PATTERN = "KUBE-|cali-|CALI";
    static final String INTERFACES = "for name in tunl0 vxlan.calico vxlan-v6.calico cni0 flannel.1 kube-ipvs0; do ip link show \"$name\" >/dev/null 2>&1 && echo \"$name\"; done; "
            + "ls /sys/class/net 2>/dev/null | grep '^cali' || true";

    private NodeReset() {}

    /** The reset steps; {@code etcdDataDirectory} is removed too. */
    public static List<Step> steps(String etcdDataDirectory)
    {
        return List.of(new KubeadmReset(), new Pods(), new Mounts(), new Network(), new Firewall(), new Directories(etcdDataDirectory));
    }

    private record KubeadmReset()
            implements Step
    {
        @Override
        public String title()
        {
            return "kubeadm reset";
        }

        @Override
        public boolean done(Remote host)
        {
            return host.run(title(), "for file in " + KUBERNETES_STATE + "; do [ -e \"$file\" ] && exit 1; done; "
                    + "! systemctl is-active kubelet >/dev/null 2>&1").succeeded();
        }

        @Override
        public void act(Remote host)
        {
            host.output(title(), "if command -v kubeadm >/dev/null 2>&1; then kubeadm reset -f; fi; "
                    + "systemctl disable --now kubelet >/dev/null 2>&1 || true; rm -f " + KUBERNETES_STATE);
        }

        @Override
        public String missing()
        {
            return "kubelet still runs or its configuration is still in /etc/kubernetes";
        }
    }

    private record Pods()
            implements Step
    {
        @Override
        public String title()
        {
            return "remove the pods' sandboxes";
        }

        @Override
        public boolean done(Remote host)
        {
            return host.run(title(), "! command -v crictl >/dev/null 2>&1 || ! systemctl is-active containerd >/dev/null 2>&1 "
                    + "|| [ -z \"$(crictl pods -q 2>/dev/null)\" ]").succeeded();
        }

        @Override
        public void act(Remote host)
        {
            host.output(title(), "crictl stopp $(crictl pods -q) >/dev/null 2>&1; crictl rmp -fa");
        }

        @Override
        public String missing()
        {
            return "crictl still lists pod sandboxes";
        }
    }

    private record Mounts()
            implements Step
    {
        @Override
        public String title()
        {
            return "unmount leftover kubelet and overlay mounts";
        }

        @Override
        public boolean done(Remote host)
        {
            return host.output(title(), MOUNTS).isBlank();
        }

        @Override
        public void act(Remote host)
        {
            host.output(title(), MOUNTS + " | while read -r target; do umount -l \"$target\"; done");
        }

        @Override
        public String missing()
        {
            return "/proc/mounts still lists mounts under /var/lib/kubelet or the runtime's task directories";
        }
    }

    private record Network()
            implements Step
    {
        @Override
        public String title()
        {
            return "remove CNI configuration, state and interfaces";
        }

        @Override
        public boolean done(Remote host)
        {
            return host.run(title(), "for path in " + CNI_STATE + "; do [ -n \"$(ls -A \"$path\" 2>/dev/null)\" ] && exit 1; done; exit 0").succeeded()
                    && host.output(title(), INTERFACES).isBlank();
        }

        @Override
        public void act(Remote host)
        {
            host.output(title(), "for path in " + CNI_STATE + "; do [ -d \"$path\" ] && find \"$path\" -mindepth 1 -maxdepth 1 -exec rm -rf {} +; done; "
                    + "(" + INTERFACES + ") | while read -r name; do ip link delete \"$name\"; done");
        }

        @Override
        public String missing()
        {
            return "CNI configuration, state or interfaces are still there";
        }
    }

    private record Firewall()
            implements Step
    {
        @Override
        public String title()
        {
            return "remove Kubernetes' and Calico's iptables chains and IPVS services";
        }

        @Override
        public boolean done(Remote host)
        {
            String rules = host.run(title(), "for tool in iptables-save ip6tables-save; do command -v $tool >/dev/null 2>&1 && $tool; done | grep -E '"
                    + FIREWALL_PATTERN + "' || true").output();
            String services = host.run(title(), "command -v ipvsadm >/dev/null 2>&1 && ipvsadm -Sn || true").output();
            return rules.isBlank() && services.isBlank();
        }

        @Override
        public void act(Remote host)
        {
            host.output(title(), "for family in iptables ip6tables; do if command -v $family-save >/dev/null 2>&1; then "
                    + "$family-save | grep -vE '" + FIREWALL_PATTERN + "' | $family-restore; fi; done; "
                    + "if command -v ipvsadm >/dev/null 2>&1; then ipvsadm --clear; fi");
        }

        @Override
        public String missing()
        {
            return "iptables still has KUBE-/cali- chains, or IPVS still has services";
        }
    }

    private record Directories(String etcdDataDirectory)
            implements Step
    {
        @Override
        public String title()
        {
            return "remove Kubernetes' data directories";
        }

        @Override
        public boolean done(Remote host)
        {
            return host.run(title(), "for path in " + paths() + "; do [ -n \"$(ls -A \"$path\" 2>/dev/null)\" ] && exit 1; done; exit 0").succeeded();
        }

        /** Empties each directory rather than removing it: any of them may be a mount point. */
        @Override
        public void act(Remote host)
        {
            host.output(title(), "for path in " + paths() + "; do [ -d \"$path\" ] && find \"$path\" -mindepth 1 -maxdepth 1 -exec rm -rf {} +; done; exit 0");
        }

        @Override
        public String missing()
        {
            return "some of " + paths() + " still have files";
        }

        private String paths()
        {
            return String.join(" ", DIRECTORIES) + " " + etcdDataDirectory;
        }
    }
}
