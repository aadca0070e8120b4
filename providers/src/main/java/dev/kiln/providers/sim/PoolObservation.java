package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.providers.ResourceSchemas;

import java.util.List;
import java.util.Optional;

/**
 * What a simulated worker pool looks like as a worker_pool resource: its applied attributes
 * with the world over them — only the members still in it (a node removed behind Kiln's back
 * disappears from {@code nodes}; {@code replicas} counts the machines that are there), the
 * oldest version they run and its status. A datacenter of an earlier Kiln recorded pools
 * inside their cluster's attributes; such a pool reads from there until it is next applied.
 */
final class PoolObservation
{
    static final ResourceSchema SCHEMA = ResourceSchemas.of(ResourceSchemas.WORKER_POOL);

    private PoolObservation() {}

    /** The pool's value, or empty when it is gone or was never completely created. */
    static Optional<Value> observe(Datacenter datacenter, ResourceAddress address)
    {
        String owner = address.toString();
        Optional<SimPool> pool = datacenter.pool(owner);
        if (pool.isPresent()) {
            if (pool.get().status() == Status.PROVISIONING || pool.get().attributes().isNull()) {
                return Optional.empty();
            }
            return Optional.of(withWorld(ValueParts.fromJson(pool.get().attributes(), SCHEMA), pool.get(), datacenter));
        }
        String clusterOwner = address.parent().orElseThrow().toString();
        String name = PoolShape.name(address);
        return datacenter.cluster(clusterOwner)
                .filter(cluster -> cluster.status() != Status.PROVISIONING)
                .flatMap(cluster -> legacy(cluster.attributes(), name))
                .map(attributes -> withWorld(ValueParts.fromJson(attributes, SCHEMA), new SimPool(owner, clusterOwner, name, Status.READY, attributes), datacenter));
    }

    /** {@code value} with everything the simulated world decides put over it. */
    static Value withWorld(Value value, SimPool pool, Datacenter datacenter)
    {
        List<Member> members = datacenter.members(pool.cluster()).stream().filter(member -> member.group().equals(pool.name())).toList();
        Optional<String> target = ValueParts.string(value, "kubernetes_version");
        Optional<String> oldest = members.stream().filter(member -> ClusterObservation.isAlive(member, datacenter)).map(Member::version)
                .reduce((left, right) -> KubernetesUpgrades.isBelow(right, left) ? right : left);
        Value observed = value;
        if (oldest.isPresent()) {
            observed = ValueParts.with(observed, "current_version", Value.string(oldest.get()));
            if (target.isEmpty() || KubernetesUpgrades.isBelow(oldest.get(), target.get())) {
                observed = ValueParts.with(observed, "kubernetes_version", Value.string(oldest.get()));
            }
        }
        else {
            observed = ValueParts.with(observed, "current_version", target.<Value>map(Value::string).orElse(Value.nullOf(Type.STRING)));
        }
        observed = ValueParts.with(observed, "status", Value.string(ClusterObservation.status(pool.status(), members, datacenter)));
        return ClusterObservation.group(observed, pool.name(), members, datacenter);
    }

    /** A pool as an earlier Kiln recorded it inside its cluster's attributes, with the cluster's version. */
    private static Optional<JsonNode> legacy(JsonNode cluster, String name)
    {
        JsonNode pool = cluster.path(ClusterObservation.LEGACY_POOLS).path(name);
        if (!pool.isObject()) {
            return Optional.empty();
        }
        ObjectNode attributes = ((ObjectNode) pool).deepCopy();
        if (cluster.path("kubernetes_version").isTextual()) {
            attributes.set("kubernetes_version", cluster.get("kubernetes_version"));
        }
        return Optional.of(attributes);
    }
}
