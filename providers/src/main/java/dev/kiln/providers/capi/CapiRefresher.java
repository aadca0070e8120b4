package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.ResourceSchemas;

import java.util.List;
import java.util.Optional;

/**
 * Reads recorded capi clusters back from the management cluster: the Cluster gone means the
 * cluster is gone (deleted behind Kiln's back: the next plan creates it again); otherwise
 * the recorded value with the replicas and versions the objects hold now, pools whose
 * MachineDeployment disappeared removed, and failed machines reported as warnings. While
 * the provider's kubeconfig is known only after apply, the recorded value stands.
 */
final class CapiRefresher
        implements Refresher
{
    static final String FAILED_MACHINES_SUMMARY = "Failed machines";

    private final ManagementCluster management;

    CapiRefresher(ManagementCluster management)
    {
        this.management = management;
    }

    @Override
    public RefreshResponse read(RefreshRequest request)
    {
        if (!management.reachable()) {
            return RefreshResponse.observed(request.prior());
        }
        if (request.address().type().equals(ResourceSchemas.WORKER_POOL)) {
            return pool(request);
        }
        KubeClient client = management.client();
        String name = CapiNames.cluster(request.address());
        ClusterSnapshot snapshot = ClusterSnapshot.read(client, management.version(), name);
        if (snapshot.cluster().isEmpty()) {
            return RefreshResponse.gone();
        }
        List<String> failed = snapshot.failedMachines();
        List<Diagnostic> diagnostics = failed.isEmpty() ? List.of() : List.of(new Diagnostic(Severity.WARNING, FAILED_MACHINES_SUMMARY,
                request.address() + " has machines that failed: " + String.join("; ", failed)
                        + ". Cluster API does not replace failed machines by itself without a MachineHealthCheck; delete them to get new ones.",
                Optional.empty(), Optional.empty()));
        return new RefreshResponse(Optional.of(ClusterValue.observe(request.prior(), snapshot, ClusterValue.kubeconfig(client, name))), diagnostics);
    }

    /** A pool is gone when its MachineDeployment is. */
    private RefreshResponse pool(RefreshRequest request)
    {
        String cluster = CapiNames.cluster(PoolNames.cluster(request.address()));
        ClusterSnapshot snapshot = ClusterSnapshot.read(management.client(), management.version(), cluster);
        return Optional.ofNullable(snapshot.deployments().get(PoolNames.deployment(request.address())))
                .map(deployment -> RefreshResponse.observed(ClusterValue.observePool(request.prior(), snapshot, deployment)))
                .orElseGet(RefreshResponse::gone);
    }
}
