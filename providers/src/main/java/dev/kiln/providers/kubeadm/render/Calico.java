package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.ClusterSpec;

import java.util.List;

/**
 * Calico through the Tigera operator: Kiln applies the operator's manifest (from the bundle,
 * or the release's URL) and renders the {@code Installation}: one IP pool per pod CIDR (IPv4
 * /26 blocks, IPv6 /122), the encapsulation the mode names, the MTU and how each node's
 * address is detected.
 */
public final class Calico
{
    public static final String DEFAULT_VERSION = "v3.28.2";

    private Calico() {}

    /** The Tigera operator manifest's URL for {@code version}, when no bundle holds it. */
    public static String operatorUrl(String version)
    {
        return "https://raw.githubusercontent.com/projectcalico/calico/" + version + "/manifests/tigera-operator.yaml";
    }

    public static String installation(ClusterSpec cluster, String imageRegistry)
    {
        ClusterSpec.Calico calico = cluster.network().calico();
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: operator.tigera.io/v1\n");
        yaml.append("kind: Installation\n");
        yaml.append("metadata:\n");
        yaml.append("  name: default\n");
        yaml.append("spec:\n");
        if (!imageRegistry.isEmpty()) {
            yaml.append("  registry: ").append(Yaml.quote(imageRegistry)).append('\n');
        }
        yaml.append("  calicoNetwork:\n");
        yaml.append("    mtu: ").append(calico.mtu()).append('\n');
        yaml.append("    bgp: ").append(calico.mode().equals("bgp") || calico.mode().startsWith("overlay-ipip") ? "Enabled" : "Disabled").append('\n');
        boolean ipv4 = false;
        boolean ipv6 = false;
        yaml.append("    ipPools:\n");
        for (String cidr : cluster.network().podCidrs()) {
            boolean six = cidr.contains(":");
            ipv4 |= !six;
            ipv6 |= six;
            yaml.append("    - name: ").append(Yaml.quote(six ? "default-ipv6-ippool" : "default-ipv4-ippool")).append('\n');
            yaml.append("      cidr: ").append(Yaml.quote(cidr)).append('\n');
            yaml.append("      blockSize: ").append(six ? 122 : 26).append('\n');
            yaml.append("      encapsulation: ").append(six ? encapsulationV6(calico.mode()) : encapsulation(calico.mode())).append('\n');
            yaml.append("      natOutgoing: Enabled\n");
            yaml.append("      nodeSelector: all()\n");
        }
        if (ipv4) {
            yaml.append("    nodeAddressAutodetectionV4:\n").append(autodetection(calico.ipAutodetection()));
        }
        if (ipv6) {
            yaml.append("    nodeAddressAutodetectionV6:\n").append(autodetection(calico.ipAutodetection()));
        }
        yaml.append("---\n");
        yaml.append("apiVersion: operator.tigera.io/v1\n");
        yaml.append("kind: APIServer\n");
        yaml.append("metadata:\n");
        yaml.append("  name: default\n");
        yaml.append("spec: {}\n");
        return yaml.toString();
    }

    static String encapsulation(String mode)
    {
        return switch (mode) {
            case "overlay-ipip-all" -> "IPIP";
            case "overlay-vxlan-all" -> "VXLAN";
            case "overlay-ipip-cross-subnet" -> "IPIPCrossSubnet";
            case "overlay-vxlan-cross-subnet" -> "VXLANCrossSubnet";
            default -> "None";
        };
    }

    /** IPv6 pools support VXLAN but not IP-in-IP. */
    private static String encapsulationV6(String mode)
    {
        return mode.startsWith("overlay-vxlan") ? encapsulation(mode) : "None";
    }

    private static String autodetection(String method)
    {
        String indent = "      ";
        if (method.equals("first-found")) {
            return indent + "firstFound: true\n";
        }
        if (method.equals("kubernetes-internal-ip")) {
            return indent + "kubernetes: NodeInternalIP\n";
        }
        int equals = method.indexOf('=');
        String kind = equals < 0 ? method : method.substring(0, equals);
        String argument = equals < 0 ? "" : method.substring(equals + 1);
        return switch (kind) {
            case "can-reach" -> indent + "canReach: " + Yaml.quote(argument) + "\n";
            case "interface" -> indent + "interface: " + Yaml.quote(argument) + "\n";
            case "skip-interface" -> indent + "skipInterface: " + Yaml.quote(argument) + "\n";
            case "cidr" -> indent + "cidrs: " + Yaml.list(List.of(argument.split(","))) + "\n";
            default -> indent + "firstFound: true\n";
        };
    }
}
