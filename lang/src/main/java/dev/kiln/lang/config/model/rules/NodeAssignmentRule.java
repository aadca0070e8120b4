package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.NodeList;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A node belongs to at most one cluster, and to one group of it (the control plane or one worker pool), once. */
final class NodeAssignmentRule
        implements ModelRule
{
    @Override
    public void check(Model model, Diagnostics diagnostics)
    {
        Map<ResourceAddress, Owner> owners = new HashMap<>();
        for (Cluster cluster : model.clusters().values()) {
            for (Group group : groups(cluster)) {
                for (ResourceAddress node : group.nodes().nodes()) {
                    Owner owner = new Owner(cluster.address(), group.name());
                    Owner previous = owners.putIfAbsent(node, owner);
                    if (previous != null) {
                        report(node, previous, owner, group.nodes(), diagnostics);
                    }
                }
            }
        }
    }

    private static void report(ResourceAddress node, Owner previous, Owner current, NodeList nodes, Diagnostics diagnostics)
    {
        if (!previous.cluster().equals(current.cluster())) {
            diagnostics.add(Diagnostic.error(
                    "Node used by two clusters",
                    node + " is already a node of " + previous.cluster() + " (" + previous.group() + "); a machine can join only one cluster. "
                            + "Remove it from one of them.",
                    nodes.range()));
            return;
        }
        diagnostics.add(Diagnostic.error(
                "Node used twice in a cluster",
                node + " is already in this cluster's " + previous.group() + "; a node can be in one group, once. Remove it here or there.",
                nodes.range()));
    }

    private static List<Group> groups(Cluster cluster)
    {
        List<Group> groups = new ArrayList<>();
        cluster.controlPlane().members().nodes().ifPresent(nodes -> groups.add(new Group("control plane", nodes)));
        for (Cluster.WorkerPool pool : cluster.workerPools()) {
            pool.members().nodes().ifPresent(nodes -> groups.add(new Group("worker pool \"" + pool.name() + "\"", nodes)));
        }
        return groups;
    }

    private record Group(String name, NodeList nodes) {}

    private record Owner(ResourceAddress cluster, String group) {}
}
