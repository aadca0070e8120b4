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
 * value is compared whole, its computed attributes (known after apply) included.
 */
final class NodeValues
{
    private final Map<ResourceAddress, Value> instanceValues;
    private Map<Value, List<ResourceAddress>> nodesByValue;

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
            List<ResourceAddress> matching = index().getOrDefault(element, List.of());
            if (matching.size() != 1) {
                return Optional.empty();
            }
            nodes.add(matching.getFirst());
        }
        return Optional.of(nodes);
    }

    private Map<Value, List<ResourceAddress>> index()
    {
        if (nodesByValue == null) {
            nodesByValue = new HashMap<>();
            instanceValues.forEach((address, value) -> {
                if (address.type().equals(KilnSchemas.NODE)) {
                    nodesByValue.computeIfAbsent(value, ignored -> new ArrayList<>()).add(address);
                }
            });
        }
        return nodesByValue;
    }
}
