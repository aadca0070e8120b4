package dev.kiln.providers.sim;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.providers.ResourceSchemas;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a simulated cluster looks like as a cluster resource: its applied attributes with the
 * world over them — the version its control plane runs, its endpoint and credentials, its
 * status, and only the members still in it (a node removed behind Kiln's back disappears
 * from {@code nodes}; {@code replicas} counts the machines that are there).
 */
final class ClusterObservation
{
    static final ResourceSchema SCHEMA = ResourceSchemas.of("cluster");

    static final String RUNNING = "running";
    static final String DEGRADED = "degraded";
    static final String FAILED = "failed";

    private ClusterObservation() {}

    /** The cluster's value, or empty when it is gone or was never completely created. */
    static Optional<Value> observe(Datacenter datacenter, ResourceAddress address)
    {
        Optional<SimCluster> cluster = datacenter.cluster(address.toString());
        if (cluster.isEmpty() || cluster.get().status() == Status.PROVISIONING || cluster.get().attributes().isNull()) {
            return Optional.empty();
        }
        Value applied = ValueParts.fromJson(cluster.get().attributes(), SCHEMA);
        return Optional.of(withWorld(applied, cluster.get(), datacenter));
    }

    /** {@code value} with everything the simulated world decides put over it. */
    static Value withWorld(Value value, SimCluster cluster, Datacenter datacenter)
    {
        List<Member> members = datacenter.members(cluster.owner());
        String oldest = members.stream().filter(member -> isAlive(member, datacenter)).map(Member::version)
                .filter(version -> KubernetesUpgrades.isBelow(version, cluster.version()))
                .reduce((left, right) -> KubernetesUpgrades.isBelow(right, left) ? right : left)
                .orElse(cluster.version());
        Value observed = ValueParts.with(value, "kubernetes_version", Value.string(oldest));
        observed = ValueParts.with(observed, "current_version", Value.string(cluster.version()));
        observed = ValueParts.with(observed, "endpoint", Value.string(cluster.endpoint()));
        observed = ValueParts.with(observed, "ca_certificate", Value.string(cluster.caCertificate()));
        observed = ValueParts.with(observed, "kubeconfig", Value.string(cluster.kubeconfig()).withSensitive(true));
        observed = ValueParts.with(observed, "status", Value.string(status(cluster, members, datacenter)));
        Optional<Value> controlPlane = ValueParts.attribute(observed, "control_plane").filter(block -> !block.isNull() && block.isKnown());
        if (controlPlane.isPresent()) {
            observed = ValueParts.with(observed, "control_plane", group(controlPlane.get(), Member.CONTROL_PLANE, members, datacenter));
        }
        Optional<Value> pools = ValueParts.attribute(observed, "worker_pool");
        if (pools.isPresent() && pools.get() instanceof Value.MapValue map) {
            TreeMap<String, Value> entries = new TreeMap<>();
            map.entries().forEach((name, pool) -> entries.put(name, pool.isKnown() && !pool.isNull() ? group(pool, name, members, datacenter) : pool));
            observed = ValueParts.with(observed, "worker_pool", new Value.MapValue(map.elementType(), entries, map.sensitive()));
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

    private static Value group(Value block, String group, List<Member> members, Datacenter datacenter)
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

    private static String status(SimCluster cluster, List<Member> members, Datacenter datacenter)
    {
        if (cluster.status() == Status.FAILED) {
            return FAILED;
        }
        boolean healthy = cluster.status() == Status.READY && members.stream().allMatch(member -> member.status() == Status.READY
                && (member.machineId().isEmpty() || datacenter.machineAt(member.hostAddress())
                .map(machine -> machine.id().equals(member.machineId()) && machine.status() == Status.READY)
                .orElse(false)));
        return healthy ? RUNNING : DEGRADED;
    }
}
