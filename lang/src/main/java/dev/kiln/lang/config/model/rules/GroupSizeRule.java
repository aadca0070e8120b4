package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

/**
 * The control plane and each worker pool say how big they are with {@code nodes} (machines
 * declared as nodes) or {@code replicas} (machines the provider creates), exactly one of
 * them; replicas need a provider that creates machines (Cluster API or the simulator).
 * A Cluster API cluster on aws may leave the control plane empty: EKS runs it.
 */
final class GroupSizeRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        if (cluster.hasManagedControlPlane()) {
            cluster.workerPools().forEach(pool -> check(cluster, "worker_pool \"" + pool.name() + "\"", pool.members(), pool.nameRange(), 0, diagnostics));
            return;
        }
        check(cluster, "control_plane", cluster.controlPlane().members(), cluster.controlPlane().typeRange(), 1, diagnostics);
        for (Cluster.WorkerPool pool : cluster.workerPools()) {
            check(cluster, "worker_pool \"" + pool.name() + "\"", pool.members(), pool.nameRange(), 0, diagnostics);
        }
    }

    private static void check(Cluster cluster, String group, Cluster.Members members, SourceRange header, int minimum, Diagnostics diagnostics)
    {
        if (members.nodes().isEmpty() && members.replicas().isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing nodes or replicas",
                    "The " + group + " block says neither which nodes it has nor how many. Add nodes = [node.NAME, ...]"
                            + (cluster.providerType().createsMachines() ? ", or replicas = N for machines the provider creates." : "."),
                    header));
            return;
        }
        if (members.replicas().isEmpty()) {
            members.nodes().ifPresent(nodes -> nodes.count().filter(count -> count < minimum).ifPresent(count -> diagnostics.add(Diagnostic.error(
                    "Empty control plane",
                    "The control_plane lists no nodes; a cluster needs at least one control-plane node to run its API server. "
                            + "List the nodes, as nodes = [node.m1].",
                    nodes.range()))));
            return;
        }
        Setting<Integer> replicas = members.replicas().get();
        if (members.nodes().isPresent()) {
            diagnostics.add(Diagnostic.error(
                    "Conflicting nodes and replicas",
                    "The " + group + " block gives both nodes and replicas. Give nodes for machines you declared, or replicas for machines "
                            + "the provider creates, not both.",
                    replicas.range()));
            return;
        }
        if (!cluster.providerType().createsMachines()) {
            diagnostics.add(Diagnostic.error(
                    "Replicas need a provider that creates machines",
                    "The " + group + " block gives replicas, but " + cluster.address() + " uses the " + cluster.providerType().label()
                            + " provider, which installs Kubernetes on existing nodes and creates no machines. List them with nodes = [node.NAME, ...], "
                            + "or select a Cluster API provider (provider = capi).",
                    replicas.range()));
        }
        replicas.known().filter(count -> count < minimum).ifPresent(count -> diagnostics.add(Diagnostic.error(
                "Invalid replica count",
                "replicas is " + count + "; the " + group + " needs at least " + minimum + ".",
                replicas.range())));
    }
}
