package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeadm cluster with more than one control-plane node needs a stable endpoint (a
 * virtual IP or a load balancer): kubelets and clients must reach the API server when any
 * one control-plane node is down. Cluster API infrastructure provides its own. A virtual IP
 * must be a free address: not one of the nodes' own.
 */
final class ControlPlaneEndpointRule
        implements ClusterRule
{
    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        Map<String, Node> nodesByHost = nodesByHost(model);
        for (Cluster cluster : model.clusters().values()) {
            check(cluster, nodesByHost, diagnostics);
        }
    }

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        check(cluster, nodesByHost(model), diagnostics);
    }

    /** The first node (in address order) with each known host address. */
    private static Map<String, Node> nodesByHost(Model model)
    {
        Map<String, Node> nodes = new HashMap<>();
        for (Node node : model.nodes().values()) {
            node.hostAddress().known().ifPresent(host -> nodes.putIfAbsent(host, node));
        }
        return nodes;
    }

    private static void check(Cluster cluster, Map<String, Node> nodesByHost, Diagnostics diagnostics)
    {
        Optional<Setting<String>> endpoint = cluster.controlPlane().endpoint();
        if (endpoint.isPresent()) {
            checkVirtualAddressIsFree(cluster, endpoint.get(), nodesByHost, diagnostics);
            return;
        }
        if (cluster.providerType() != ProviderType.KUBEADM) {
            return;
        }
        int count = cluster.controlPlane().members().knownSize().orElse(0);
        if (count > 1) {
            diagnostics.add(Diagnostic.error(
                    "Missing control plane endpoint",
                    "The control plane has " + count + " nodes but no endpoint: clients would depend on one node being up. Add endpoint = \"VIP\" "
                            + "(a free address Kiln moves between the control planes) or the address of a load balancer with endpoint_type = \"load_balancer\".",
                    cluster.controlPlane().typeRange()));
        }
    }

    private static void checkVirtualAddressIsFree(Cluster cluster, Setting<String> endpoint, Map<String, Node> nodesByHost, Diagnostics diagnostics)
    {
        boolean virtual = cluster.controlPlane().endpointType().known().map(ClusterChoicesRule.VIRTUAL_IP::equals).orElse(false);
        Optional<String> host = endpoint.known().map(NetworkOverlapRule::host);
        if (!virtual || host.isEmpty()) {
            return;
        }
        Node node = nodesByHost.get(host.get());
        if (node != null) {
            diagnostics.add(Diagnostic.error(
                    "Virtual IP taken by a node",
                    "The control-plane endpoint " + endpoint.shown(host.get()) + " is a virtual IP Kiln moves between the control planes, but "
                            + node.address() + " already has that address. Choose a free address in the nodes' network, or set "
                            + "endpoint_type = \"load_balancer\" if it is a load balancer's.",
                    endpoint.range()));
        }
    }
}
