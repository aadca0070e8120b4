package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

/**
 * A kubeadm cluster with more than one control-plane node needs a stable endpoint (a
 * virtual IP or a load balancer): kubelets and clients must reach the API server when any
 * one control-plane node is down. Cluster API infrastructure provides its own.
 */
final class ControlPlaneEndpointRule
        implements ClusterRule
{
    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        if (cluster.providerType() != ProviderType.KUBEADM || cluster.controlPlane().endpoint().isPresent()) {
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
}
