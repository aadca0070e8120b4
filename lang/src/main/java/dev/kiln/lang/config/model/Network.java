package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code network {...}}: the address families, the pod and service networks (each one CIDR,
 * or an IPv4 and an IPv6 CIDR for dual stack, defaults filled in per family), the DNS
 * domain and the CNI plugin.
 */
public record Network(
        Setting<String> ipFamily,
        Setting<List<String>> podCidrs,
        Setting<List<String>> serviceCidrs,
        Setting<String> dnsDomain,
        Calico calico,
        SourceRange range)
{
    public Network
    {
        requireNonNull(ipFamily, "ipFamily is null");
        requireNonNull(podCidrs, "podCidrs is null");
        requireNonNull(serviceCidrs, "serviceCidrs is null");
        requireNonNull(dnsDomain, "dnsDomain is null");
        requireNonNull(calico, "calico is null");
        requireNonNull(range, "range is null");
    }

    /** {@code cni "calico" {...}}: Calico's mode, MTU and address autodetection, and what Calico accepts for them. */
    public record Calico(
            Setting<String> mode,
            Setting<Integer> mtu,
            Setting<String> ipAutodetection,
            Optional<Setting<String>> version,
            SourceRange range)
    {
        public static final List<String> MODES = List.of(
                "overlay-ipip-all",
                "overlay-vxlan-all",
                "bgp",
                "overlay-ipip-cross-subnet",
                "overlay-vxlan-cross-subnet");
        public static final int MINIMUM_MTU = 1280;
        public static final int MAXIMUM_MTU = 9000;
        public static final List<String> AUTODETECTION_METHODS = List.of(
                "first-found", "can-reach", "interface", "skip-interface", "cidr", "kubernetes-internal-ip");

        public Calico
        {
            requireNonNull(mode, "mode is null");
            requireNonNull(mtu, "mtu is null");
            requireNonNull(ipAutodetection, "ipAutodetection is null");
            requireNonNull(version, "version is null");
            requireNonNull(range, "range is null");
        }
    }
}
