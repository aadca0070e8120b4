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

    /** {@code cni "calico" {...}}: Calico's mode, MTU and address autodetection. */
    public record Calico(
            Setting<String> mode,
            Setting<Integer> mtu,
            Setting<String> ipAutodetection,
            Optional<Setting<String>> version,
            SourceRange range)
    {
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
