package dev.kiln.planner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.OutputValue;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Recorded states for planner tests, with a fixed lineage and times so renderings are stable. */
public final class TestStates
{
    public static final UUID LINEAGE = UUID.fromString("5f0c9d2e-7a51-4c1b-9d3e-2b8a6f4e1c07");
    public static final Instant TIME = Instant.parse("2026-11-20T10:00:00Z");

    private final TreeMap<ResourceAddress, ResourceInstance> resources = new TreeMap<>();
    private final TreeMap<String, OutputValue> outputs = new TreeMap<>();
    private UUID lineage = LINEAGE;
    private long serial = 4;

    public static TestStates builder()
    {
        return new TestStates();
    }

    public static State empty()
    {
        return builder().serial(0).build();
    }

    /** Records an instance; attributes the map leaves out are recorded as null. Sensitive marks become sensitive paths. */
    public TestStates instance(ResourceType type, String address, Map<String, Value> attributes, String... dependencies)
    {
        Value value = value(type, attributes);
        ResourceAddress parsed = TestConfig.address(address);
        resources.put(parsed, new ResourceInstance(parsed, "sim", StateValues.attributes(value), StateValues.sensitivePaths(value),
                List.of(dependencies).stream().map(TestConfig::address).toList(), InstanceStatus.READY, false, TIME, TIME));
        return this;
    }

    /** Records {@code provider} (instead of {@code sim}) as the provider of the instance at {@code address}. */
    public TestStates recordedBy(String address, String provider)
    {
        ResourceInstance instance = resources.get(TestConfig.address(address));
        resources.put(instance.address(), new ResourceInstance(instance.address(), provider, instance.attributes(), instance.sensitivePaths(),
                instance.dependencies(), instance.status(), instance.needsReconciliation(), instance.created(), instance.updated()));
        return this;
    }

    public TestStates tainted(String address)
    {
        ResourceAddress parsed = TestConfig.address(address);
        resources.put(parsed, resources.get(parsed).withStatus(InstanceStatus.TAINTED, TIME));
        return this;
    }

    public TestStates needsReconciliation(String address)
    {
        ResourceAddress parsed = TestConfig.address(address);
        resources.put(parsed, resources.get(parsed).withNeedsReconciliation(true));
        return this;
    }

    public TestStates output(String name, JsonNode value, boolean sensitive)
    {
        outputs.put(name, new OutputValue(value, sensitive));
        return this;
    }

    public TestStates lineage(UUID newLineage)
    {
        this.lineage = newLineage;
        return this;
    }

    public TestStates serial(long newSerial)
    {
        this.serial = newSerial;
        return this;
    }

    public State build()
    {
        return new State("0.1.0", lineage, serial, resources, outputs);
    }

    /** A full value of the type's schema: the given attributes, every other one null. */
    public static Value value(ResourceType type, Map<String, Value> attributes)
    {
        TreeMap<String, Value> all = new TreeMap<>();
        for (AttributeSchema attribute : type.schema().block().attributes().values()) {
            all.put(attribute.name(), Value.nullOf(attribute.type()));
        }
        type.schema().impliedType().attributes().forEach((name, attributeType) -> all.putIfAbsent(name, Value.nullOf(attributeType)));
        attributes.forEach((name, attribute) -> {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no attribute " + name + " in " + type.name());
            }
            all.put(name, attribute);
        });
        return Value.object(all);
    }
}
