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
        Networks pods = new Networks("pod", cluster.network().podCidrs());
        Networks services = new Networks("service", cluster.network().serviceCidrs());
        checkPodsAgainstServices(pods, services, diagnostics);
        for (ResourceAddress address : new LinkedHashSet<>(cluster.referencedNodes())) {
            Node node = model.nodes().get(address);
            if (node != null) {
                checkAddress("The node " + address, node.hostAddress(), List.of(pods, services), diagnostics);
            }
        }
        cluster.controlPlane().endpoint().ifPresent(endpoint ->
                checkAddress("The control-plane endpoint", endpoint.map(NetworkOverlapRule::host), List.of(pods, services), diagnostics));
    }

    private static void checkPodsAgainstServices(Networks pods, Networks services, Diagnostics diagnostics)
    {
        for (Cidr pod : pods.cidrs()) {
            for (Cidr service : services.cidrs()) {
                if (pod.overlaps(service)) {
                    diagnostics.add(Diagnostic.error(
                            "Overlapping pod and service networks",
                            "The service network " + services.setting().shown(service.text()) + " overlaps the pod network "
                                    + pods.setting().shown(pod.text())
                                    + ": an address could belong to a pod and a service at once. Choose service_cidr and pod_cidr that do not overlap.",
                            services.setting().range()));
                }
            }
        }
    }

    private static void checkAddress(String subject, Setting<String> address, List<Networks> networks, Diagnostics diagnostics)
    {
        Optional<IPAddress> ip = address.known().flatMap(Cidr::address);
        if (ip.isEmpty()) {
            return;
        }
        for (Networks kind : networks) {
            for (Cidr network : kind.cidrs()) {
                if (network.contains(ip.get())) {
                    diagnostics.add(Diagnostic.error(
                            "Address inside a cluster network",
                            subject + " has the address " + address.shown(address.known().get()) + ", inside the " + kind.name() + " network "
                                    + kind.setting().shown(network.text()) + ": traffic to it would be routed into the cluster. Move "
                                    + kind.name() + "_cidr to a range your machines do not use.",
                            address.range()));
                    return;
                }
            }
        }
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

    /** The pod or the service networks of a cluster, those that parse. */
    private record Networks(String name, Setting<List<String>> setting, List<Cidr> cidrs)
    {
        Networks(String name, Setting<List<String>> setting)
        {
            this(name, setting, setting.known().orElse(List.of()).stream().flatMap(text -> Cidr.parse(text).stream()).toList());
        }
    }
}
