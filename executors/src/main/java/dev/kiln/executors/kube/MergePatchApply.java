package dev.kiln.executors.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Create when absent, else a JSON merge patch of the fields Kiln sets, carrying the
 * resourceVersion just read so a concurrent writer makes it fail with 409 (and the caller
 * retries on fresh data) instead of being overwritten. An object that already holds every
 * field is left alone. Fields Kiln stopped setting stay as they are (a merge patch only
 * names what it sets).
 */
final class MergePatchApply
        implements ApplyStrategy
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String description()
    {
        return "create and merge patch";
    }

    @Override
    public GenericKubernetesResource apply(KubernetesClient client, GenericKubernetesResource desired, boolean forceConflicts)
    {
        Resource<GenericKubernetesResource> resource = KubeClient.handle(client, ObjectRef.of(desired));
        GenericKubernetesResource existing = resource.get();
        if (existing == null) {
            return resource.create(desired);
        }
        Map<String, Object> wanted = KubeClient.rendered(desired);
        Map<String, Object> current = JSON.convertValue(existing, KubeClient.MAP);
        if (contains(current, wanted)) {
            return existing;
        }
        Map<String, Object> metadata = new LinkedHashMap<>(KubeClient.mapping(wanted.get("metadata")));
        metadata.remove("namespace");
        metadata.put("resourceVersion", existing.getMetadata().getResourceVersion());
        wanted.put("metadata", metadata);
        try {
            return resource.patch(PatchContext.of(PatchType.JSON_MERGE), JSON.writeValueAsString(wanted));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an object Kiln rendered cannot be written as JSON", e);
        }
    }

    /** Whether {@code actual} holds every field {@code wanted} names with the same value (lists compared whole). */
    static boolean contains(Object actual, Object wanted)
    {
        if (wanted instanceof Map<?, ?> wantedMap) {
            if (!(actual instanceof Map<?, ?> actualMap)) {
                return false;
            }
            return wantedMap.entrySet().stream().allMatch(entry -> contains(actualMap.get(entry.getKey()), entry.getValue()));
        }
        if (wanted instanceof List<?> wantedList) {
            if (!(actual instanceof List<?> actualList) || actualList.size() != wantedList.size()) {
                return false;
            }
            for (int index = 0; index < wantedList.size(); index++) {
                if (!contains(actualList.get(index), wantedList.get(index))) {
                    return false;
                }
            }
            return true;
        }
        if (wanted instanceof Number wantedNumber && actual instanceof Number actualNumber) {
            return wantedNumber.doubleValue() == actualNumber.doubleValue();
        }
        return Objects.equals(actual, wanted);
    }
}
