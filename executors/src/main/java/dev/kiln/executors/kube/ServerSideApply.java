package dev.kiln.executors.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;

/** Server-side apply as field manager {@value ApplyStrategy#FIELD_MANAGER}: the server merges and tracks field ownership. */
final class ServerSideApply
        implements ApplyStrategy
{
    @Override
    public String description()
    {
        return "server-side apply";
    }

    @Override
    public GenericKubernetesResource apply(KubernetesClient client, GenericKubernetesResource desired, boolean forceConflicts)
    {
        ServerSideApplicable<GenericKubernetesResource> applicable = client.resource(desired).fieldManager(FIELD_MANAGER);
        if (forceConflicts) {
            applicable = applicable.forceConflicts();
        }
        return applicable.serverSideApply();
    }
}
