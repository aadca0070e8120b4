package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Optional;

/**
 * With stacked etcd every control-plane node runs an etcd member, and etcd needs a majority
 * to work: an even count tolerates no more failures than the odd count below it, and splits
 * evenly in a partition. So the count, from {@code nodes} or {@code replicas}, must be odd.
 */
final class ControlPlaneQuorumRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        if (!cluster.etcd().isStacked()) {
            return;
        }
        Cluster.Members members = cluster.controlPlane().members();
        Optional<Integer> size = members.knownSize();
        if (size.isEmpty() || size.get() == 0 || size.get() % 2 == 1) {
            return;
        }
        int count = size.get();
        diagnostics.add(Diagnostic.error(
                "Even number of control plane nodes",
                "The control plane has " + count + " nodes, and with stacked etcd each runs an etcd member. etcd needs a majority of members, so "
                        + count + " members survive no more failures than " + (count - 1) + " and can split evenly. Use "
                        + (count - 1) + " or " + (count + 1) + " control plane nodes, or an external etcd (etcd { type = \"external\" }).",
                members.sizeRange().orElse(cluster.controlPlane().typeRange())));
    }
}
