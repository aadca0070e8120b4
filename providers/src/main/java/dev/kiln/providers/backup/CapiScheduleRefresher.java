package dev.kiln.providers.backup;

import dev.kiln.executors.kube.KubeApiException;
import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.KubeconfigException;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a Cluster API cluster's scheduled backups back from its CronJob: gone when the
 * CronJob is (the next plan installs them again); otherwise the recorded value with the
 * schedule, the retention (its {@code kiln.dev/keep} annotation) and {@code enabled} (not
 * suspended) the CronJob holds now, so edits made behind Kiln's back show as drift. While the
 * cluster's kubeconfig cannot be read, the recorded value stands.
 */
final class CapiScheduleRefresher
        implements Refresher
{
    private final WorkloadClusters clusters;

    CapiScheduleRefresher(WorkloadClusters clusters)
    {
        this.clusters = clusters;
    }

    @Override
    public RefreshResponse read(RefreshRequest request)
    {
        if (!(request.prior() instanceof Value.ObjectValue prior)) {
            return RefreshResponse.observed(request.prior());
        }
        try {
            Optional<KubeClient> found = clusters.client(request.address().parent().orElseThrow(), BackupCronJob.NAMESPACE);
            if (found.isEmpty()) {
                return RefreshResponse.observed(prior);
            }
            try (KubeClient client = found.get()) {
                Optional<GenericKubernetesResource> cronJob = client.get(CapiScheduleDriver.cronJob());
                return cronJob.map(object -> RefreshResponse.observed(observed(prior, object))).orElseGet(RefreshResponse::gone);
            }
        }
        catch (KubeApiException | KubeconfigException e) {
            return new RefreshResponse(Optional.of(request.prior()), List.of(new Diagnostic(Severity.WARNING, "Scheduled backups unreadable",
                    "Kiln could not read the CronJob of " + request.address() + ": " + e.getMessage() + ". The recorded schedule stands.",
                    Optional.empty(), Optional.empty())));
        }
    }

    private static Value observed(Value.ObjectValue prior, GenericKubernetesResource cronJob)
    {
        TreeMap<String, Value> attributes = new TreeMap<>(prior.attributes());
        Map<?, ?> spec = cronJob.getAdditionalProperties().get("spec") instanceof Map<?, ?> map ? map : Map.of();
        if (spec.get("schedule") instanceof String schedule) {
            attributes.put("schedule", Value.string(schedule));
        }
        attributes.put("enabled", Value.bool(!Boolean.TRUE.equals(spec.get("suspend"))));
        Optional.ofNullable(cronJob.getMetadata().getAnnotations())
                .map(annotations -> annotations.get("kiln.dev/keep"))
                .filter(keep -> keep.matches("[0-9]{1,9}"))
                .ifPresent(keep -> attributes.put("keep", Value.number(Long.parseLong(keep))));
        return new Value.ObjectValue(attributes, prior.sensitive());
    }
}
