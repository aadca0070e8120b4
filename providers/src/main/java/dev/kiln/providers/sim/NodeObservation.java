package dev.kiln.providers.sim;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.providers.ResourceSchemas;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a simulated machine looks like as a node resource: its applied attributes with the world's facts over them. */
final class NodeObservation
{
    static final ResourceSchema SCHEMA = ResourceSchemas.of("node");

    private NodeObservation() {}

    /** The node's value, or empty when the machine is gone or was never completely created. */
    static Optional<Value> observe(Datacenter datacenter, ResourceAddress address)
    {
        return datacenter.machine(address.toString()).flatMap(NodeObservation::observe);
    }

    /** The machine as a node's value, or empty when its creation never completed. */
    static Optional<Value> observe(Machine machine)
    {
        if (machine.status() == Status.PROVISIONING || machine.attributes().isNull()) {
            return Optional.empty();
        }
        return Optional.of(withFacts(ValueParts.fromJson(machine.attributes(), SCHEMA), machine));
    }

    /** The attributes the simulator computes for a machine. */
    static Value withFacts(Value node, Machine machine)
    {
        Value value = ValueParts.with(node, "address", Value.string(machine.hostAddress()));
        value = ValueParts.with(value, "hostname", Value.string(machine.hostname()));
        value = ValueParts.with(value, "os", Value.string("ubuntu 22.04"));
        value = ValueParts.with(value, "architecture", Value.string("amd64"));
        Map<String, Value> facts = new TreeMap<>();
        facts.put("cpus", Value.string("4"));
        facts.put("kernel", Value.string("6.1.0-sim"));
        facts.put("memory_mib", Value.string("8192"));
        facts.put("ready", Value.string(String.valueOf(machine.status() == Status.READY)));
        return ValueParts.with(value, "facts", Value.map(Type.STRING, facts));
    }
}
