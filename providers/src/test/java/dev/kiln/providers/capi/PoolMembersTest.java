package dev.kiln.providers.capi;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolMembersTest
{
    static Value pool(String... hosts)
    {
        List<Value> nodes = java.util.Arrays.stream(hosts)
                .map(host -> (Value) Value.object(Map.of("node_name", Value.string(host), "address", Value.string("10.0.0." + host.length()))))
                .toList();
        return Value.object(Map.of("nodes", Value.tuple(nodes), "replicas", Value.nullOf(Type.NUMBER)));
    }

    static GenericKubernetesResource machine(String name, String node)
    {
        return new GenericKubernetesResourceBuilder().withApiVersion("cluster.x-k8s.io/v1beta1").withKind("Machine")
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withAdditionalProperties(Map.of("status", Map.of("nodeRef", Map.of("kind", "Node", "name", node))))
                .build();
    }

    @Test
    @DisplayName("the hosts a pool no longer names are the ones to mark for deletion, matched by their node or machine name")
    void removedHosts()
    {
        List<String> removed = PoolMembers.removed(Optional.of(pool("host-a", "host-b", "host-c")), pool("host-a", "host-c"));
        assertEquals(List.of("host-b"), removed);
        assertTrue(PoolMembers.matches(machine("prod-md-0-x1", "host-b"), removed));
        assertFalse(PoolMembers.matches(machine("prod-md-0-x2", "host-c"), removed));
        assertEquals(List.of(), PoolMembers.removed(Optional.empty(), pool("host-a")));
    }
}
