package dev.kiln.providers.sim;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cluster value read as the simulator needs it: its version, its control plane with its
 * members (from {@code nodes}, or made up for {@code replicas}), whether etcd is stacked, and
 * where backups go. Parts that are unknown at plan time are empty. Worker pools are
 * resources of their own ({@link PoolShape}), read into the same {@link Group}.
 */
record ClusterShape(
        Optional<String> version,
        Group controlPlane,
        boolean stackedEtcd,
        Optional<String> backupLocation)
{
    /** A control plane or worker pool: its size and members when known, its batch size for rolling updates. */
    record Group(String name, Optional<Integer> size, Optional<List<MemberSpec>> members, int batch)
    {
        boolean isControlPlane()
        {
            return name.equals(Member.CONTROL_PLANE);
        }

        String describe()
        {
            return isControlPlane() ? "the control plane" : "worker pool \"" + name + "\"";
        }
    }

    /** One member as configured: a name to show, the host it runs on, and whether a node resource's machine provides it. */
    record MemberSpec(String name, String hostAddress, boolean onNode) {}

    static ClusterShape of(Value cluster, String clusterName)
    {
        Optional<String> version = ValueParts.string(cluster, "kubernetes_version");
        Value controlPlane = ValueParts.attribute(cluster, "control_plane").orElse(Value.nullOf(Type.DYNAMIC));
        Group control = group(Member.CONTROL_PLANE, controlPlane, clusterName, "cp");
        boolean stacked = ValueParts.attribute(cluster, "etcd")
                .flatMap(etcd -> ValueParts.string(etcd, "type"))
                .map(type -> !type.equals("external"))
                .orElse(true);
        Optional<String> backup = ValueParts.attribute(cluster, "backup")
                .filter(block -> ValueParts.attribute(block, "enabled").map(enabled -> !(enabled instanceof Value.BoolValue bool && !bool.value())).orElse(true))
                .flatMap(block -> ValueParts.attribute(block, "point"))
                .flatMap(point -> ValueParts.string(point, "location").or(() -> PlainObservation.location(point)));
        return new ClusterShape(version, control, stacked, backup);
    }

    /** A group's members and batch from its block; replicas are named {@code CLUSTER-PREFIX-N}. */
    static Group group(String name, Value block, String clusterName, String replicaPrefix)
    {
        int batch = batch(ValueParts.string(block, "max_unavailable").orElse("1"), block);
        Optional<Value> nodes = ValueParts.attribute(block, "nodes").filter(value -> !value.isNull());
        if (nodes.isPresent()) {
            Optional<List<Value>> elements = nodes.get().asSequence();
            if (elements.isEmpty()) {
                return new Group(name, Optional.empty(), Optional.empty(), batch);
            }
            List<MemberSpec> members = new ArrayList<>();
            boolean known = true;
            for (Value element : elements.get()) {
                Optional<String> host = ValueParts.string(element, "address");
                if (host.isEmpty()) {
                    known = false;
                    continue;
                }
                String shown = shownString(element, "node_name").or(() -> shownString(element, "hostname"))
                        .or(() -> shownString(element, "address")).orElse(Steps.SENSITIVE);
                members.add(new MemberSpec(shown, host.get(), true));
            }
            return new Group(name, Optional.of(elements.get().size()), known ? Optional.of(List.copyOf(members)) : Optional.empty(), batch);
        }
        Optional<Integer> replicas = ValueParts.attribute(block, "replicas")
                .filter(value -> value instanceof Value.NumberValue)
                .map(value -> ((Value.NumberValue) value).value().intValue());
        return new Group(name, replicas, replicas.map(count -> replicaMembers(clusterName, replicaPrefix, count)), batch);
    }

    private static Optional<String> shownString(Value element, String name)
    {
        return element.sensitive() ? Optional.empty() : ValueParts.attribute(element, name).filter(value -> !value.sensitive()).flatMap(ValueParts::text);
    }

    private static List<MemberSpec> replicaMembers(String clusterName, String prefix, int count)
    {
        List<MemberSpec> members = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String name = clusterName + "-" + prefix + "-" + index;
            members.add(new MemberSpec(name, syntheticAddress(name), false));
        }
        return members;
    }

    /** An address in 100.64.0.0/10 (shared address space) fixed by the machine's name. */
    private static String syntheticAddress(String name)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "100." + (64 + (digest[0] & 0x3f)) + "." + (digest[1] & 0xff) + "." + (1 + (digest[2] & 0xff) % 254);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** {@code max_unavailable} as a count ("2") or share ("25%") of the group, at least 1. */
    private static int batch(String maxUnavailable, Value block)
    {
        int size = ValueParts.attribute(block, "nodes").flatMap(Value::asSequence).map(List::size)
                .or(() -> ValueParts.attribute(block, "replicas").filter(value -> value instanceof Value.NumberValue)
                        .map(value -> ((Value.NumberValue) value).value().intValue()))
                .orElse(1);
        try {
            int count = maxUnavailable.endsWith("%")
                    ? (int) Math.floor(size * Double.parseDouble(maxUnavailable.substring(0, maxUnavailable.length() - 1)) / 100)
                    : Integer.parseInt(maxUnavailable.trim());
            return Math.max(1, count);
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }
}
