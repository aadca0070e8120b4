package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;

import java.util.List;

/** The kernel settings every Kubernetes node needs: swap off, the overlay and br_netfilter modules, forwarding and bridge filtering. */
public final class HostSetup
{
    static final String MODULES_FILE = "/etc/modules-load.d/kiln-kubernetes.conf";
    static final String SYSCTL_FILE = "/etc/sysctl.d/99-kiln-kubernetes.conf";
    static final List<String> MODULES = List.of("overlay", "br_netfilter");
    static final List<String> PARAMETERS = List.of("net.ipv4.ip_forward", "net.bridge.bridge-nf-call-iptables", "net.bridge.bridge-nf-call-ip6tables");

    private HostSetup() {}

    public static List<Step> steps()
    {
        return List.of(new SwapOff(), new KernelModules(), new KernelParameters());
    }

    /** kubelet refuses to run with swap on (unless told otherwise); kubeadm's preflight checks it. */
    static final class SwapOff
            implements Step
    {
        @Override
        public String title()
        {
            return "turn swap off";
        }

        @Override
        public boolean done(Remote host)
        {
            return host.output(title(), "swapon --show=NAME --noheadings").isBlank();
        }

        @Override
        public void act(Remote host)
        {
            host.output(title(), "swapoff -a && if [ -f /etc/fstab ]; then sed -i -E 's@^([^#].*[[:space:]]swap[[:space:]].*)$@# \\1@' /etc/fstab; fi");
        }

        @Override
        public String missing()
        {
            return "swap is still on (swapon --show lists devices)";
        }
    }

    /** overlay for the runtime's snapshots, br_netfilter for bridged traffic through iptables; loaded now and at boot. */
    static final class KernelModules
            implements Step
    {
        @Override
        public String title()
        {
            return "load the overlay and br_netfilter kernel modules";
        }

        @Override
        public boolean done(Remote host)
        {
            String loaded = host.output(title(), "lsmod | awk 'NR > 1 {print $1}'");
            List<String> names = loaded.lines().map(String::trim).toList();
            return names.containsAll(MODULES) && host.run(title(), "test -f " + MODULES_FILE).succeeded();
        }

        @Override
        public void act(Remote host)
        {
            host.write(title(), String.join("\n", MODULES) + "\n", MODULES_FILE, 0644);
            host.output(title(), "modprobe overlay && modprobe br_netfilter");
        }

        @Override
        public String missing()
        {
            return "lsmod does not list overlay and br_netfilter";
        }
    }

    /** IP forwarding and bridge netfilter, set now and at boot. */
    static final class KernelParameters
            implements Step
    {
        @Override
        public String title()
        {
            return "enable IP forwarding and bridge netfilter";
        }

        @Override
        public boolean done(Remote host)
        {
            String values = host.run(title(), "sysctl -n " + String.join(" ", PARAMETERS)).output();
            return values.lines().map(String::trim).filter(line -> line.equals("1")).count() == PARAMETERS.size()
                    && host.run(title(), "test -f " + SYSCTL_FILE).succeeded();
        }

        @Override
        public void act(Remote host)
        {
            StringBuilder content = new StringBuilder();
            PARAMETERS.forEach(parameter -> content.append(parameter).append(" = 1\n"));
            host.write(title(), content.toString(), SYSCTL_FILE, 0644);
            host.output(title(), "sysctl --system >/dev/null");
        }

        @Override
        public String missing()
        {
            return "sysctl does not show 1 for " + String.join(", ", PARAMETERS);
        }
    }
}
