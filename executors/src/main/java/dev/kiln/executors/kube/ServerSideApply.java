package dev.kiln.executors.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;

/**
 * Server-side apply as field manager {@value ApplyStrategy#FIELD_MANAGER}: the server merges and
 * tracks field ownership. The applied configuration holds only what Kiln renders — no status,
 * resourceVersion or managed fields, and no empty finalizer or owner lists to claim.
 */
final class ServerSideApply
        implements ApplyStrategy
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String description()
    {
        return "server-side apply";
    }

    @Override
    public GenericKubernetesResource apply(KubernetesClient client, GenericKubernetesResource desired, boolean forceConflicts)
    {
        GenericKubernetesResource configuration = JSON.convertValue(KubeClient.rendered(desired), GenericKubernetesResource.class);
        configuration.getMetadata().setManagedFields(null);
        configuration.getMetadata().setFinalizers(null);
        configuration.getMetadata().setOwnerReferences(null);
        ServerSideApplicable<GenericKubernetesResource> applicable = client.resource(configuration).fieldManager(FIELD_MANAGER);
        if (forceConflicts) {
            applicable = applicable.forceConflicts();
        }
        return applicable.serverSideApply();
    }
}
