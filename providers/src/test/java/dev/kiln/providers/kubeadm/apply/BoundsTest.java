package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.kubeadm.spec.NodeNames;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundsTest
{
    private static final Environment ENVIRONMENT = new Environment(Path.of("."), NodeNames.of(List.of()),
            (node, context) -> {
                throw new IllegalStateException("no host is reached when bounds are asked");
            },
            new NodeRoles(Set.of()), address -> Optional.empty());

    @Test
    @DisplayName("The walker runs one mutating action per host (node, managed registry) and one etcd membership change per cluster")
    void bounds()
    {
        Value node = Value.object(Map.of("address", Value.string("10.0.0.7")));
        assertEquals(Set.of(Bound.of("host:10.0.0.7", 1)), Drivers.all(ENVIRONMENT).get("node").bounds(change("node", "w", Optional.of(node))));
        Value registry = Value.object(Map.of("managed", Value.object(Map.of("node", node))));
        assertEquals(Set.of(Bound.of("host:10.0.0.7", 1)), Drivers.all(ENVIRONMENT).get("registry").bounds(change("registry", "local", Optional.of(registry))));
        assertEquals(Set.of(Bound.of("etcd-membership:cluster.prod", 1)),
                Drivers.all(ENVIRONMENT).get("cluster").bounds(change("cluster", "prod", Optional.of(Value.object(Map.of())))));
    }

    private static ResourceChange change(String type, String name, Optional<Value> after)
    {
        return new ResourceChange(new ResourceAddress(type, name, InstanceKey.NONE, Optional.empty()), "kubeadm", Action.CREATE, Optional.empty(),
                Optional.empty(), after, List.of(), List.of(), Optional.empty());
    }
}
