package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.providers.ResourceSchemas;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a simulated cluster looks like as a cluster resource: its applied attributes with the
 * world over them — the version its control plane runs, its endpoint and credentials, its
 * status, and only the control-plane members still in it (a node removed behind Kiln's back
 * disappears from {@code nodes}; {@code replicas} counts the machines that are there). Its
 * worker pools are observed as resources of their own ({@link PoolObservation}); attributes
 * a datacenter recorded when pools were part of the cluster are read without them.
 */
final class ClusterObservation
{
    static final ResourceSchema SCHEMA = ResourceSchemas.of("cluster");

    static final String RUNNING = "running";
    static final String DEGRADED = "degraded";
    static final String FAILED = "failed";
    static final String LEGACY_POOLS = "worker_pool";

    private ClusterObservation() {}

    /** The cluster's value, or empty when it is gone or was never completely created. */
    static Optional<Value> observe(Datacenter datacenter, ResourceAddress address)
    {
        Optional<SimCluster> cluster = datacenter.cluster(address.toString());
        if (cluster.isEmpty() || cluster.get().status() == Status.PROVISIONING || cluster.get().attributes().isNull()) {
            return Optional.empty();
        }
        Value applied = ValueParts.fromJson(withoutPools(cluster.get().attributes()), SCHEMA);
        return Optional.of(withWorld(applied, cluster.get(), datacenter));
    }

    /** {@code value} with everything the simulated world decides put over it. */
    static Value withWorld(Value value, SimCluster cluster, Datacenter datacenter)
    {
        List<Member> members = datacenter.members(cluster.owner()).stream().filter(Member::isControlPlane).toList();
        String oldest = members.stream().filter(member -> isAlive(member, datacenter)).map(Member::version)
                .filter(version -> KubernetesUpgrades.isBelow(version, cluster.version()))
                .reduce((left, right) -> KubernetesUpgrades.isBelow(right, left) ? right : left)
                .orElse(cluster.version());
        Value observed = ValueParts.with(value, "kubernetes_version", Value.string(oldest));
        observed = ValueParts.with(observed, "current_version", Value.string(cluster.version()));
        observed = ValueParts.with(observed, "endpoint", Value.string(cluster.endpoint()));
        observed = ValueParts.with(observed, "ca_certificate", Value.string(cluster.caCertificate()));
        observed = ValueParts.with(observed, "kubeconfig", Value.string(cluster.kubeconfig()).withSensitive(true));
        observed = ValueParts.with(observed, "status", Value.string(status(cluster.status(), members, datacenter)));
        Optional<Value> controlPlane = ValueParts.attribute(observed, "control_plane").filter(block -> !block.isNull() && block.isKnown());
        if (controlPlane.isPresent()) {
            observed = ValueParts.with(observed, "control_plane", group(controlPlane.get(), Member.CONTROL_PLANE, members, datacenter));
        }
        return observed;
    }

    static boolean isAlive(Member member, Datacenter datacenter)
    {
        if (member.status() == Status.DELETING || member.status() == Status.PROVISIONING) {
            return false;
        }
        return member.machineId().isEmpty() || datacenter.machineAt(member.hostAddress())
                .map(machine -> machine.id().equals(member.machineId()))
                .orElse(false);
    }

    /** The attributes of a cluster without the worker pools a datacenter of an earlier Kiln recorded in them. */
    static JsonNode withoutPools(JsonNode attributes)
    {
        if (!attributes.has(LEGACY_POOLS)) {
            return attributes;
        }
        ObjectNode copy = ((ObjectNode) attributes).deepCopy();
        copy.remove(LEGACY_POOLS);
        return copy;
    }

    /** A group's block with only its members still alive in {@code nodes}, and {@code replicas} counting them. */
    static Value group(Value block, String group, List<Member> members, Datacenter datacenter)
    {
        Set<String> alive = members.stream()
                .filter(member -> member.group().equals(group))
                .filter(member -> isAlive(member, datacenter))
                .map(Member::hostAddress)
                .collect(Collectors.toSet());
        Value observed = block;
        Optional<Value> nodes = ValueParts.attribute(block, "nodes").filter(value -> !value.isNull());
        Optional<List<Value>> elements = nodes.flatMap(Value::asSequence);
        if (elements.isPresent()) {
            List<Value> present = elements.get().stream()
                    .filter(element -> ValueParts.string(element, "address").map(alive::contains).orElse(true))
                    .toList();
            Value original = nodes.get();
            Value filtered;
            if (original instanceof Value.ListValue list) {
                filtered = new Value.ListValue(list.elementType(), present, list.sensitive());
            }
            else if (original instanceof Value.SetValue set) {
                filtered = new Value.SetValue(set.elementType(), present, set.sensitive());
            }
            else {
                filtered = new Value.TupleValue(present, original.sensitive());
            }
            observed = ValueParts.with(observed, "nodes", filtered);
        }
        boolean replicas = ValueParts.attribute(block, "replicas").map(value -> value instanceof Value.NumberValue).orElse(false);
        if (replicas && nodes.isEmpty()) {
            observed = ValueParts.with(observed, "replicas", Value.number(alive.size()));
        }
        return observed;
    }

    static String status(Status recorded, List<Member> members, Datacenter datacenter)
    {
        if (recorded == Status.FAILED) {
            return FAILED;
        }
        boolean healthy = recorded == Status.READY && members.stream().allMatch(member -> member.status() == Status.READY
                && (member.machineId().isEmpty() || datacenter.machineAt(member.hostAddress())
                .map(machine -> machine.id().equals(member.machineId()) && machine.status() == Status.READY)
                .orElse(false)));
        return healthy ? RUNNING : DEGRADED;
    }
}
