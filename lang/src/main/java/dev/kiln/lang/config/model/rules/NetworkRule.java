package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod and service networks: each a valid CIDR of the families {@code ip_family}
 * names (dual stack: one IPv4 and one IPv6), {@code ip_family} one of ipv4, ipv6, dual, and
 * the service network no wider than the API server accepts.
 */
final class NetworkRule
        implements ClusterRule
{
    static final List<String> FAMILIES = List.of("ipv4", "ipv6", "dual");
    static final int MAXIMUM_SERVICE_BITS_IPV4 = 12;
    static final int MAXIMUM_SERVICE_BITS_IPV6 = 108;

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        Setting<String> family = cluster.network().ipFamily();
        Optional<String> knownFamily = family.known();
        if (knownFamily.isPresent() && !FAMILIES.contains(knownFamily.get())) {
            diagnostics.add(Diagnostic.error(
                    "Invalid IP family",
                    "ip_family must be \"ipv4\", \"ipv6\" or \"dual\" (dual stack), not \"" + family.shown(knownFamily.get()) + "\"."
                            + Suggestions.didYouMean(family, knownFamily.get(), FAMILIES),
                    family.range()));
            knownFamily = Optional.empty();
        }
        checkNetwork("pod_cidr", cluster.network().podCidrs(), knownFamily, diagnostics);
        checkNetwork("service_cidr", cluster.network().serviceCidrs(), knownFamily, diagnostics);
    }

    private static void checkNetwork(String name, Setting<List<String>> setting, Optional<String> family, Diagnostics diagnostics)
    {
        if (setting.known().isEmpty()) {
            return;
        }
        List<Cidr> cidrs = new ArrayList<>();
        for (String text : setting.known().get()) {
            Optional<Cidr> cidr = Cidr.parse(text);
            if (cidr.isEmpty()) {
                diagnostics.add(Diagnostic.error(
                        "Invalid CIDR",
                        "\"" + setting.shown(text) + "\" in " + name
                                + " is not a network in CIDR notation. Write an address and a prefix length, such as \"10.244.0.0/16\" or \"fd00:10:244::/56\".",
                        setting.range()));
                return;
            }
            cidrs.add(cidr.get());
        }
        family.ifPresent(known -> checkFamilies(name, cidrs, known, setting, diagnostics));
        if (name.equals("service_cidr")) {
            checkServiceSize(cidrs, setting, diagnostics);
        }
    }

    /** The API server allocates service addresses from a bitmap of at most 2^20 entries: a /12 for IPv4, a /108 for IPv6. */
    private static void checkServiceSize(List<Cidr> cidrs, Setting<List<String>> setting, Diagnostics diagnostics)
    {
        for (Cidr cidr : cidrs) {
            int widest = cidr.isIPv4() ? MAXIMUM_SERVICE_BITS_IPV4 : MAXIMUM_SERVICE_BITS_IPV6;
            if (cidr.prefixLength() < widest) {
                diagnostics.add(Diagnostic.error(
                        "Service network too large",
                        "The service network " + setting.shown(cidr.text()) + " is wider than the API server accepts (at most a /" + widest
                                + " for " + (cidr.isIPv4() ? "IPv4" : "IPv6") + "). Use a /" + widest + " or a narrower network.",
                        setting.range()));
            }
        }
    }

    private static void checkFamilies(String name, List<Cidr> cidrs, String family, Setting<List<String>> setting, Diagnostics diagnostics)
    {
        long ipv4 = cidrs.stream().filter(Cidr::isIPv4).count();
        long ipv6 = cidrs.size() - ipv4;
        boolean matches = switch (family) {
            case "ipv4" -> ipv4 == 1 && ipv6 == 0;
            case "ipv6" -> ipv4 == 0 && ipv6 == 1;
            default -> ipv4 == 1 && ipv6 == 1;
        };
        if (matches) {
            return;
        }
        if (family.equals("dual")) {
            diagnostics.add(Diagnostic.error(
                    "Dual stack needs both address families",
                    "With ip_family = \"dual\", " + name + " must hold one IPv4 and one IPv6 network, separated by a comma, such as "
                            + "\"10.244.0.0/16,fd00:10:244::/56\"; it holds " + ipv4 + " IPv4 and " + ipv6 + " IPv6.",
                    setting.range()));
            return;
        }
        String wanted = family.equals("ipv4") ? "IPv4" : "IPv6";
        diagnostics.add(Diagnostic.error(
                "Network of the wrong address family",
                "With ip_family = \"" + family + "\", " + name + " must be one " + wanted + " network; it holds " + ipv4 + " IPv4 and " + ipv6
                        + " IPv6. Write one " + wanted + " CIDR, or set ip_family = \"dual\" for dual stack.",
                setting.range()));
    }
}
