package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeApiException;
import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.KubeconfigException;
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
    static final String UNREADABLE_SUMMARY = "Management cluster unreadable";

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
        try {
            return request.address().type().equals(ResourceSchemas.WORKER_POOL) ? pool(request) : cluster(request);
        }
        catch (KubeApiException | KubeconfigException e) {
            return new RefreshResponse(Optional.of(request.prior()), List.of(new Diagnostic(Severity.ERROR, UNREADABLE_SUMMARY,
                    "Kiln could not read " + request.address() + " through provider " + management.settings().name() + ": " + e.getMessage()
                            + ". Check that the management cluster is reachable with the provider's kubeconfig, or plan with -refresh=false.",
                    Optional.empty(), Optional.empty())));
        }
    }

    private RefreshResponse cluster(RefreshRequest request)
    {
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
