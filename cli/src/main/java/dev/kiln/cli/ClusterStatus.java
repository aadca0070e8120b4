package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalRecord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One cluster's status, as a console's status column shows it: what an unfinished action of a
 * run in progress is doing to it or one of its worker pools (Installing, Scaling up, Scaling
 * down, Upgrading, Deleting), else what the state and a fresh read of it and its worker pools
 * say (Failed when tainted, Abnormal when unreconciled, gone or drifted, Healthy when every
 * object is as recorded). A pool's problem is the cluster's, with the pool named in the detail.
 */
record ClusterStatus(ResourceAddress address, String status, String version, String detail)
{
    static final String INSTALLING = "Installing";
    static final String SCALING_UP = "Scaling up";
    static final String SCALING_DOWN = "Scaling down";
    static final String UPGRADING = "Upgrading";
    static final String ABNORMAL = "Abnormal";
    static final String HEALTHY = "Healthy";
    static final String DELETING = "Deleting";
    static final String FAILED = "Failed";

    static final String VERSION_ATTRIBUTE = "kubernetes_version";

    /** The status of a cluster that a running apply is changing, from the open intent on it or on one of its worker pools. */
    static ClusterStatus inProgress(JournalRecord.Intent intent, Optional<ResourceInstance> recorded)
    {
        if (intent.address().isChild()) {
            ClusterStatus pool = inProgress(intent, recorded, true);
            return new ClusterStatus(intent.address().root(), pool.status(), pool.version(), "worker pool " + poolName(intent.address()) + ": " + pool.detail());
        }
        return inProgress(intent, recorded, false);
    }

    private static ClusterStatus inProgress(JournalRecord.Intent intent, Optional<ResourceInstance> recorded, boolean pool)
    {
        String plannedVersion = intent.plannedAttributes().path(VERSION_ATTRIBUTE).asText("");
        String recordedVersion = recorded.map(instance -> instance.attributes().path(VERSION_ATTRIBUTE).asText("")).orElse("");
        String status = switch (intent.action()) {
            case CREATE -> pool ? SCALING_UP : recorded.isPresent() ? UPGRADING : INSTALLING;
            case DELETE -> pool ? SCALING_DOWN : DELETING;
            case UPDATE -> !plannedVersion.isEmpty() && !Objects.equals(plannedVersion, recordedVersion) ? UPGRADING : SCALING_UP;
        };
        String version = plannedVersion.isEmpty() ? recordedVersion : plannedVersion;
        String detail = intent.action() == JournalAction.UPDATE && status.equals(UPGRADING)
                ? recordedVersion + " → " + plannedVersion
                : "since " + intent.at();
        return new ClusterStatus(intent.address(), status, version, detail);
    }

    /**
     * The status of a cluster no run is changing now, and of its recorded worker pools, each read
     * through its provider (the planner's {@code InstanceProviders} decision); {@code interrupted}
     * says whether a run stopped while changing an instance.
     */
    static ClusterStatus settled(ResourceInstance cluster, List<ResourceInstance> pools, Function<ResourceAddress, String> provider, ResourceTypes types,
            Refresher refresher, Predicate<ResourceAddress> interrupted)
    {
        ClusterStatus own = settled(cluster, provider.apply(cluster.address()), types, refresher, interrupted.test(cluster.address()));
        if (!own.status().equals(HEALTHY)) {
            return own;
        }
        for (ResourceInstance pool : pools) {
            ClusterStatus status = settled(pool, provider.apply(pool.address()), types, refresher, interrupted.test(pool.address()));
            if (!status.status().equals(HEALTHY)) {
                return new ClusterStatus(cluster.address(), status.status(), own.version(), "worker pool " + poolName(pool.address()) + ": " + status.detail());
            }
        }
        return own;
    }

    private static String poolName(ResourceAddress pool)
    {
        return pool.key().toString().substring(1, pool.key().toString().length() - 1);
    }

    private static ClusterStatus settled(ResourceInstance instance, String provider, ResourceTypes types, Refresher refresher, boolean interrupted)
    {
        String version = instance.attributes().path(VERSION_ATTRIBUTE).asText("");
        if (instance.status() == InstanceStatus.TAINTED) {
            return new ClusterStatus(instance.address(), FAILED, version, "its last action failed; the next apply replaces it");
        }
        if (instance.needsReconciliation() || interrupted) {
            return new ClusterStatus(instance.address(), ABNORMAL, version, "a run stopped while changing it; the next plan reconciles it");
        }
        Optional<ResourceType> type = types.find(instance.type());
        if (type.isEmpty()) {
            return new ClusterStatus(instance.address(), ABNORMAL, version, "no provider of this Kiln reads it");
        }
        Value recorded;
        try {
            recorded = StateValues.decode(instance, type.get().schema());
        }
        catch (ValueJson.DecodeException e) {
            return new ClusterStatus(instance.address(), ABNORMAL, version, "its recorded attributes do not fit the schema");
        }
        RefreshResponse response = refresher.read(new RefreshRequest(instance.address(), provider, type.get(), recorded));
        if (response.observed().isEmpty()) {
            return new ClusterStatus(instance.address(), ABNORMAL, version, "not found: deleted outside of Kiln");
        }
        if (!StateValues.attributes(response.observed().get()).equals(StateValues.attributes(recorded))) {
            return new ClusterStatus(instance.address(), ABNORMAL, version, "changed outside of Kiln; kiln plan shows how");
        }
        return new ClusterStatus(instance.address(), HEALTHY, version, "");
    }
}
