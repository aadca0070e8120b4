package dev.kiln.executors.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * How an object Kiln renders is made to exist with the fields Kiln sets, whatever else
 * controllers have added: server-side apply with field manager {@value #FIELD_MANAGER} where
 * the API server offers it, create or JSON merge patch (guarded by the object's
 * resourceVersion) where it does not. One try: {@link KubeClient} retries conflicts.
 */
public interface ApplyStrategy
{
    String FIELD_MANAGER = "kiln";

    /** For messages: "server-side apply" or "create and merge patch". */
    String description();

    /**
     * Makes {@code desired} (no status, no resourceVersion) real and returns the object as the
     * server holds it afterwards. {@code forceConflicts}: take over fields another manager set
     * (server-side apply only; a merge patch always overwrites what it names).
     */
    GenericKubernetesResource apply(KubernetesClient client, GenericKubernetesResource desired, boolean forceConflicts);

    static ApplyStrategy serverSide()
    {
        return new ServerSideApply();
    }

    static ApplyStrategy mergePatch()
    {
        return new MergePatchApply();
    }
}
