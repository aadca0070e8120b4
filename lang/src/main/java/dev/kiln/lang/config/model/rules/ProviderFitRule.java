package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

/**
 * Settings for machines a provider creates (infrastructure, machine) mean nothing to the
 * kubeadm provider, which installs on existing nodes: written there, they would be ignored.
 */
final class ProviderFitRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        if (cluster.providerType() != ProviderType.KUBEADM) {
            return;
        }
        cluster.infrastructure().ifPresent(infrastructure -> report(cluster, "infrastructure", infrastructure.kindRange(), diagnostics));
        cluster.controlPlane().machine().ifPresent(machine -> report(cluster, "machine", machine.range(), diagnostics));
        for (Cluster.WorkerPool pool : cluster.workerPools()) {
            pool.machine().ifPresent(machine -> report(cluster, "machine", machine.range(), diagnostics));
        }
    }

    private static void report(Cluster cluster, String block, SourceRange range, Diagnostics diagnostics)
    {
        diagnostics.add(Diagnostic.error(
                "Block needs a provider that creates machines",
                (block.startsWith("i") ? "An " : "A ") + block + " block describes machines a provider creates, but " + cluster.address()
                        + " uses the kubeadm provider, which installs Kubernetes on the nodes you declare. Remove the block, "
                        + "or select a Cluster API provider (provider = capi).",
                range));
    }
}
