package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node instances a {@code nodes} value holds, found by value: each element must be the
 * value expressions see for exactly one node instance ({@code node.cp[count.index]} is the
 * one instance it selects, {@code slice(node.x, 1, 3)} the two). Empty when the value cannot
 * decide: it or an element is not yet known, or an element is no node's value or is the
 * value of several nodes (their configurations alike and their addresses unknown). A node's
 * value is compared whole, its computed attributes (known after apply) included. Nodes are
 * indexed by their {@code address} attribute, which equal values share: hashing a whole node
 * value walks every attribute and label, and a 100,000-node configuration hashed each one
 * twice.
 */
final class NodeValues
{
    private static final String ADDRESS = "address";

    private final Map<ResourceAddress, Value> instanceValues;
    private Map<Optional<Value>, List<Map.Entry<ResourceAddress, Value>>> nodesByAddress;

    NodeValues(Map<ResourceAddress, Value> instanceValues)
    {
        this.instanceValues = instanceValues;
    }

    Optional<List<ResourceAddress>> nodes(Value value)
    {
        if (!value.isKnown() || instanceValues.isEmpty()) {
            return Optional.empty();
        }
        boolean collection = value instanceof Value.ListValue || value instanceof Value.TupleValue || value instanceof Value.SetValue;
        List<Value> elements = collection ? BlockReader.elements(value) : List.of(value);
        List<ResourceAddress> nodes = new ArrayList<>();
        for (Value element : elements) {
            Optional<ResourceAddress> matching = only(element);
            if (matching.isEmpty()) {
                return Optional.empty();
            }
            nodes.add(matching.get());
        }
        return Optional.of(nodes);
    }

    /** The one node whose value is {@code element}; empty when none or several are. */
    private Optional<ResourceAddress> only(Value element)
    {
        Optional<ResourceAddress> found = Optional.empty();
        for (Map.Entry<ResourceAddress, Value> candidate : index().getOrDefault(addressOf(element), List.of())) {
            if (candidate.getValue().equals(element)) {
                if (found.isPresent()) {
                    return Optional.empty();
                }
                found = Optional.of(candidate.getKey());
            }
        }
        return found;
    }

    private Map<Optional<Value>, List<Map.Entry<ResourceAddress, Value>>> index()
    {
        if (nodesByAddress == null) {
            nodesByAddress = new HashMap<>();
            instanceValues.forEach((address, value) -> {
                if (address.type().equals(KilnSchemas.NODE)) {
                    nodesByAddress.computeIfAbsent(addressOf(value), ignored -> new ArrayList<>()).add(Map.entry(address, value));
                }
            });
        }
        return nodesByAddress;
    }

    private static Optional<Value> addressOf(Value value)
    {
        return value instanceof Value.ObjectValue object ? Optional.ofNullable(object.attributes().get(ADDRESS)) : Optional.empty();
    }
}
