package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import inet.ipaddr.IPAddress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's networks must not collide: the pod and service networks must not overlap,
 * and no node of the cluster (nor the control-plane endpoint) may have an address inside
 * either, or its traffic would be routed into the cluster.
 */
final class NetworkOverlapRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        List<Cidr> pods = parsed(cluster.network().podCidrs());
        List<Cidr> services = parsed(cluster.network().serviceCidrs());
        checkPodsAgainstServices(pods, services, cluster.network().serviceCidrs(), diagnostics);
        for (ResourceAddress address : new LinkedHashSet<>(cluster.referencedNodes())) {
            Node node = model.nodes().get(address);
            if (node != null) {
                checkAddress("The node " + address, node.hostAddress(), pods, services, diagnostics);
            }
        }
        cluster.controlPlane().endpoint()
                .ifPresent(endpoint -> checkAddress("The control-plane endpoint", endpoint.map(NetworkOverlapRule::host), pods, services, diagnostics));
    }

    private static List<Cidr> parsed(Setting<List<String>> setting)
    {
        return setting.known().orElse(List.of()).stream().flatMap(text -> Cidr.parse(text).stream()).toList();
    }

    private static void checkPodsAgainstServices(List<Cidr> pods, List<Cidr> services, Setting<List<String>> serviceSetting, Diagnostics diagnostics)
    {
        for (Cidr pod : pods) {
            for (Cidr service : services) {
                if (pod.overlaps(service)) {
                    diagnostics.add(Diagnostic.error(
                            "Overlapping pod and service networks",
                            "The service network " + service.text() + " overlaps the pod network " + pod.text()
                                    + ": an address could belong to a pod and a service at once. Choose service_cidr and pod_cidr that do not overlap.",
                            serviceSetting.range()));
                }
            }
        }
    }

    private static void checkAddress(String subject, Setting<String> address, List<Cidr> pods, List<Cidr> services, Diagnostics diagnostics)
    {
        Optional<IPAddress> ip = address.known().flatMap(Cidr::address);
        if (ip.isEmpty()) {
            return;
        }
        for (Cidr network : concat(pods, services)) {
            if (network.contains(ip.get())) {
                String which = pods.contains(network) ? "pod" : "service";
                diagnostics.add(Diagnostic.error(
                        "Address inside a cluster network",
                        subject + " has the address " + address.known().get() + ", inside the " + which + " network " + network.text()
                                + ": traffic to it would be routed into the cluster. Move " + which + "_cidr to a range your machines do not use.",
                        address.range()));
                return;
            }
        }
    }

    private static List<Cidr> concat(List<Cidr> first, List<Cidr> second)
    {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The host part of {@code host}, {@code host:port} or {@code [v6]:port}. */
    static String host(String endpoint)
    {
        if (endpoint.startsWith("[") && endpoint.contains("]")) {
            return endpoint.substring(1, endpoint.indexOf(']'));
        }
        int colon = endpoint.indexOf(':');
        return colon >= 0 && colon == endpoint.lastIndexOf(':') ? endpoint.substring(0, colon) : endpoint;
    }
}
