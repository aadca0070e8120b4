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

import java.util.Objects;
import java.util.Optional;

/**
 * One cluster's status, as a console's status column shows it: what an unfinished action of a
 * run in progress is doing (Installing, Scaling up, Upgrading, Deleting), else what the state
 * and a fresh read say (Failed when tainted, Abnormal when unreconciled, gone or drifted,
 * Healthy when the object is as recorded).
 */
record ClusterStatus(ResourceAddress address, String status, String version, String detail)
{
    static final String INSTALLING = "Installing";
    static final String SCALING_UP = "Scaling up";
    static final String UPGRADING = "Upgrading";
    static final String ABNORMAL = "Abnormal";
    static final String HEALTHY = "Healthy";
    static final String DELETING = "Deleting";
    static final String FAILED = "Failed";

    static final String VERSION_ATTRIBUTE = "kubernetes_version";

    /** The status of a cluster that a running apply is changing, from the open intent. */
    static ClusterStatus inProgress(JournalRecord.Intent intent, Optional<ResourceInstance> recorded)
    {
        String plannedVersion = intent.plannedAttributes().path(VERSION_ATTRIBUTE).asText("");
        String recordedVersion = recorded.map(instance -> instance.attributes().path(VERSION_ATTRIBUTE).asText("")).orElse("");
        String status = switch (intent.action()) {
            case CREATE -> recorded.isPresent() ? UPGRADING : INSTALLING;
            case DELETE -> DELETING;
            case UPDATE -> !plannedVersion.isEmpty() && !Objects.equals(plannedVersion, recordedVersion) ? UPGRADING : SCALING_UP;
        };
        String version = plannedVersion.isEmpty() ? recordedVersion : plannedVersion;
        String detail = intent.action() == JournalAction.UPDATE && status.equals(UPGRADING)
                ? recordedVersion + " → " + plannedVersion
                : "since " + intent.at();
        return new ClusterStatus(intent.address(), status, version, detail);
    }

    /** The status of a cluster no run is changing now, read through {@code provider} (the planner's {@code InstanceProviders} decision). */
    static ClusterStatus settled(ResourceInstance instance, String provider, ResourceTypes types, Refresher refresher, boolean interrupted)
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
