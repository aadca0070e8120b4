package dev.kiln.providers.kubeadm.apply;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.steps.Facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Completing planned values after apply: a node's gathered facts, and the parts of referenced resources a driver cannot know. */
final class Filling
{
    private static final List<String> SSH_SECRETS = List.of("private_key", "passphrase", "password", "sudo_password");

    private Filling() {}

    /** The node value with its computed attributes (host name, OS, architecture, facts) taken from {@code facts} where unknown. */
    static Value node(Value node, Facts facts, Optional<String> hostKey)
    {
        TreeMap<String, Value> factValues = new TreeMap<>();
        facts.attribute().forEach((key, text) -> factValues.put(key, Value.string(text)));
        hostKey.ifPresent(key -> factValues.put("host_key", Value.string(key)));
        Map<String, Value> computed = Map.of(
                "hostname", Value.string(facts.hostname()),
                "os", Value.string(facts.os()),
                "architecture", Value.string(facts.architecture()),
                "facts", Value.map(Type.STRING, factValues));
        Value result = node;
        for (Map.Entry<String, Value> entry : computed.entrySet()) {
            Optional<Value> current = node.asMapping().map(attributes -> attributes.get(entry.getKey()));
            if (current.isEmpty() || !current.get().isWhollyKnown()) {
                result = Values.with(result, entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /**
     * Each node element of a control-plane or pool block, completed by {@code complete} and
     * with its SSH secrets marked sensitive, whatever marks the planned value carried.
     */
    static Value groupNodes(Value group, Function<Value, Value> complete)
    {
        Optional<Value> nodes = Values.attribute(group, "nodes");
        if (nodes.isEmpty()) {
            return group;
        }
        List<Value> elements = nodes.get().asSequence().orElse(List.of()).stream()
                .map(element -> secretsMarked(element.isWhollyKnown() ? element : complete.apply(element)))
                .toList();
        Value replaced = switch (nodes.get()) {
            case Value.ListValue list -> new Value.ListValue(list.elementType(), elements, list.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), elements, set.sensitive());
            default -> new Value.TupleValue(elements, nodes.get().sensitive());
        };
        return Values.with(group, "nodes", replaced);
    }

    /** A node value with its SSH block's secrets (and its bastion's) marked sensitive. */
    static Value secretsMarked(Value node)
    {
        Optional<Value> ssh = Values.attribute(node, "ssh");
        if (ssh.isEmpty()) {
            return node;
        }
        Value marked = marked(ssh.get(), SSH_SECRETS);
        Optional<Value> bastion = Values.attribute(marked, "bastion");
        if (bastion.isPresent()) {
            marked = Values.with(marked, "bastion", marked(bastion.get(), SSH_SECRETS));
        }
        return Values.with(node, "ssh", marked);
    }

    private static Value marked(Value block, List<String> names)
    {
        Value result = block;
        for (String name : names) {
            Optional<Value> part = Values.attribute(result, name);
            if (part.isPresent()) {
                result = Values.with(result, name, part.get().withSensitive(true));
            }
        }
        return result;
    }

    /** Every part still unknown becomes null of its type: attributes of other resources no kubeadm driver computes. */
    static Value unknownsToNull(Value value)
    {
        return switch (value) {
            case Value.Unknown unknown -> Value.nullOf(unknown.type()).withSensitive(unknown.sensitive());
            case Value.ObjectValue object -> new Value.ObjectValue(mapped(object.attributes()), object.sensitive());
            case Value.MapValue map -> new Value.MapValue(map.elementType(), mapped(map.entries()), map.sensitive());
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(Filling::unknownsToNull).toList(), list.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(Filling::unknownsToNull).toList(), set.sensitive());
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(Filling::unknownsToNull).toList(), tuple.sensitive());
            case Value.StringValue ignored -> value;
            case Value.NumberValue ignored -> value;
            case Value.BoolValue ignored -> value;
            case Value.Null ignored -> value;
        };
    }

    private static SortedMap<String, Value> mapped(SortedMap<String, Value> entries)
    {
        TreeMap<String, Value> result = new TreeMap<>();
        entries.forEach((key, part) -> result.put(key, unknownsToNull(part)));
        return result;
    }
}
