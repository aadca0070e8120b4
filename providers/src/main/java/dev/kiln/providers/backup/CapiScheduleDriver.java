package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Cluster API cluster's scheduled backups, applied to the workload cluster itself: the
 * manifests {@link BackupCronJob} renders (service account, role and binding, settings
 * Secret, script ConfigMap, CronJob), each applied (server-side apply, or create and merge
 * patch where the server has none) so a new schedule, retention or point updates them in
 * place and {@code enabled = false} suspends the CronJob; every object deleted on removal.
 */
final class CapiScheduleDriver
        implements Driver
{
    /** The image the job runs: it carries sh, etcdctl, kubectl, curl, sha256sum and stat. */
    static final String IMAGE = "ghcr.io/kiln-dev/etcd-backup-tools:1";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<ObjectRef> OBJECTS = List.of(
            ObjectRef.namespaced("batch/v1", "CronJob", BackupCronJob.NAMESPACE, BackupCronJob.NAME),
            ObjectRef.namespaced("v1", "ConfigMap", BackupCronJob.NAMESPACE, BackupCronJob.NAME),
            ObjectRef.namespaced("v1", "Secret", BackupCronJob.NAMESPACE, BackupCronJob.NAME),
            new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", Optional.empty(), BackupCronJob.NAME),
            new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", Optional.empty(), BackupCronJob.NAME),
            ObjectRef.namespaced("v1", "ServiceAccount", BackupCronJob.NAMESPACE, BackupCronJob.NAME));

    private final WorkloadClusters clusters;
    private final Config config;

    CapiScheduleDriver(WorkloadClusters clusters, Config config)
    {
        this.clusters = clusters;
        this.config = config;
    }

    /** The CronJob, as the refresher reads it back. */
    static ObjectRef cronJob()
    {
        return OBJECTS.getFirst();
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws IOException
    {
        ResourceChange change = request.change();
        ResourceAddress cluster = change.address().parent().orElseThrow();
        Optional<KubeClient> found = clusters.client(cluster, BackupCronJob.NAMESPACE);
        if (found.isEmpty()) {
            if (change.action() == Action.DELETE) {
                context.progress(cluster + " has no kubeconfig any more: its scheduled backups went with it");
                return ApplyResponse.deleted();
            }
            throw new IOException(cluster + ": cannot install scheduled backups: the cluster's kubeconfig Secret cannot be read from the management cluster");
        }
        try (KubeClient client = found.get()) {
            return switch (change.action()) {
                case DELETE -> {
                    for (ObjectRef object : OBJECTS) {
                        context.progress("deleting " + object + " from " + cluster);
                        client.delete(object, context::progress);
                    }
                    yield ApplyResponse.deleted();
                }
                case CREATE, UPDATE, REPLACE, NO_OP -> {
                    Value value = ScheduleValues.known(change.after().orElseThrow());
                    ScheduledBackup backup = scheduled(cluster, value);
                    context.progress((backup.enabled() ? "scheduling" : "suspending") + " backups of " + cluster + " (CronJob "
                            + BackupCronJob.NAMESPACE + "/" + BackupCronJob.NAME + ")");
                    for (GenericKubernetesResource object : objects(BackupCronJob.manifests(backup, IMAGE, version(cluster)))) {
                        client.apply(object, true, context::progress);
                    }
                    yield ApplyResponse.of(value);
                }
            };
        }
    }

    private ScheduledBackup scheduled(ResourceAddress cluster, Value value)
            throws IOException
    {
        Value point = value.asMapping().map(attributes -> attributes.get("point")).orElseThrow().unmarkedDeep();
        return new ScheduledBackup(cluster.toString(),
                new CronSchedule(ScheduledBackupRule.text(value, "schedule").orElseThrow()),
                Integer.parseInt(ScheduledBackupRule.number(value, "keep")),
                ScheduledBackupRule.enabled(value),
                ScheduledBackup.destination(cluster + "'s backup point", ValueJson.toJson(point)));
    }

    private String version(ResourceAddress cluster)
    {
        return Optional.ofNullable(config.model().clusters().get(cluster))
                .flatMap(model -> model.kubernetesVersion().known())
                .orElse("");
    }

    static List<GenericKubernetesResource> objects(String yaml)
            throws IOException
    {
        List<GenericKubernetesResource> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isEmpty()) {
                    objects.add(YAML.convertValue(document, GenericKubernetesResource.class));
                }
            }
        }
        return objects;
    }
}
