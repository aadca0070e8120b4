package dev.kiln.providers.sim;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.ResourceSchemas;

import java.util.List;
import java.util.Optional;

/**
 * Reads recorded instances back from the simulated datacenter. An object that is gone, or
 * whose creation never completed (a killed apply), reads as gone: the next plan creates it,
 * and the re-entrant create resumes what was started. The schema's sensitive attributes
 * come back marked; the planner marks again what the state recorded as sensitive.
 */
final class SimRefresher
        implements Refresher
{
    private final Simulator simulator;

    SimRefresher(Simulator simulator)
    {
        this.simulator = simulator;
    }

    @Override
    public RefreshResponse read(RefreshRequest request)
    {
        return new RefreshResponse(observe(request.address()), List.of());
    }

    private Optional<Value> observe(ResourceAddress address)
    {
        Datacenter datacenter = simulator.datacenter();
        return switch (address.type()) {
            case KilnSchemas.NODE -> NodeObservation.observe(datacenter, address);
            case KilnSchemas.CLUSTER -> ClusterObservation.observe(datacenter, address);
            case ResourceSchemas.WORKER_POOL -> PoolObservation.observe(datacenter, address);
            case KilnSchemas.REGISTRY -> PlainObservation.registry(datacenter, address);
            case KilnSchemas.BACKUP_POINT -> PlainObservation.backupPoint(datacenter, address);
            default -> throw new IllegalArgumentException("the simulator has no resource type " + address.type());
        };
    }
}
