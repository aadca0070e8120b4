package dev.kiln.state;

import dev.kiln.lang.addr.ResourceAddress;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Kiln's record of what it manages: a {@code lineage} fixed when the state is created, a
 * {@code serial} that a backend increments on every write that changes the content, the
 * resource instances by address and the root outputs by name (both sorted). The format
 * version is the codec's, not the model's: {@link #FORMAT_VERSION} is what this Kiln writes.
 */
public record State(
        String kilnVersion,
        UUID lineage,
        long serial,
        SortedMap<ResourceAddress, ResourceInstance> resources,
        SortedMap<String, OutputValue> outputs)
{
    public static final int FORMAT_VERSION = 2;

    public State
    {
        requireNonNull(kilnVersion, "kilnVersion is null");
        requireNonNull(lineage, "lineage is null");
        if (serial < 0) {
            throw new IllegalArgumentException("negative serial " + serial);
        }
        resources = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(resources, "resources is null")));
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(outputs, "outputs is null")));
        resources.forEach((address, instance) -> {
            if (!address.equals(instance.address())) {
                throw new IllegalArgumentException("instance " + instance.address() + " recorded under " + address);
            }
        });
    }

    /** A new, empty state with a fresh lineage and serial 0 (never written). */
    public static State create(String kilnVersion)
    {
        return new State(kilnVersion, UUID.randomUUID(), 0, new TreeMap<>(), new TreeMap<>());
    }

    public Optional<ResourceInstance> resource(ResourceAddress address)
    {
        return Optional.ofNullable(resources.get(requireNonNull(address, "address is null")));
    }

    public State withResource(ResourceInstance instance)
    {
        return toBuilder().putResource(instance).build();
    }

    public State withoutResource(ResourceAddress address)
    {
        return toBuilder().removeResource(address).build();
    }

    public State withSerial(long newSerial)
    {
        return new State(kilnVersion, lineage, newSerial, resources, outputs);
    }

    public State withKilnVersion(String newKilnVersion)
    {
        return new State(newKilnVersion, lineage, serial, resources, outputs);
    }

    /** Whether both record the same resources and outputs (serial and Kiln version aside). */
    public boolean sameContent(State other)
    {
        return StateDocument.sameContent(this, requireNonNull(other, "other is null"));
    }

    public Builder toBuilder()
    {
        return new Builder(this);
    }

    /** Collects many changes before building one immutable state (a fold of thousands of results). */
    public static final class Builder
    {
        private final String kilnVersion;
        private final UUID lineage;
        private final long serial;
        private final TreeMap<ResourceAddress, ResourceInstance> resources;
        private final TreeMap<String, OutputValue> outputs;

        private Builder(State state)
        {
            this.kilnVersion = state.kilnVersion;
            this.lineage = state.lineage;
            this.serial = state.serial;
            this.resources = new TreeMap<>(state.resources);
            this.outputs = new TreeMap<>(state.outputs);
        }

        public Optional<ResourceInstance> resource(ResourceAddress address)
        {
            return Optional.ofNullable(resources.get(requireNonNull(address, "address is null")));
        }

        public Builder putResource(ResourceInstance instance)
        {
            resources.put(instance.address(), instance);
            return this;
        }

        public Builder removeResource(ResourceAddress address)
        {
            resources.remove(requireNonNull(address, "address is null"));
            return this;
        }

        public Builder putOutput(String name, OutputValue value)
        {
            outputs.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder removeOutput(String name)
        {
            outputs.remove(requireNonNull(name, "name is null"));
            return this;
        }

        public Builder replaceOutputs(Map<String, OutputValue> newOutputs)
        {
            outputs.clear();
            outputs.putAll(newOutputs);
            return this;
        }

        public State build()
        {
            return new State(kilnVersion, lineage, serial, resources, outputs);
        }
    }
}
