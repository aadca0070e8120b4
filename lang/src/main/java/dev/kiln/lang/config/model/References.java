package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns arguments that reference resources ({@code nodes = [node.m1, node.w[*]]},
 * {@code registry = registry.mirror}) into addresses. A {@code nodes} list is read from its
 * value ({@link NodeValues}); only when the value cannot decide (it is not yet known) do
 * the references stand in, with {@code [*]} or an index not known in advance meaning every
 * declared instance. A reference to the wrong resource type is reported here; a reference
 * to an undeclared resource is the loader's to report.
 */
final class References
{
    private final Map<ResourceAddress, List<ResourceAddress>> instancesByResource;
    private final NodeValues nodeValues;
    private final Diagnostics diagnostics;

    References(Map<ResourceAddress, List<ResourceAddress>> instancesByResource, NodeValues nodeValues, Diagnostics diagnostics)
    {
        this.instancesByResource = instancesByResource;
        this.nodeValues = nodeValues;
        this.diagnostics = diagnostics;
    }

    Optional<NodeList> nodes(Optional<DecodedAttribute> argument)
    {
        return argument.filter(attribute -> !attribute.value().isNull()).map(this::nodes);
    }

    private NodeList nodes(DecodedAttribute attribute)
    {
        List<ResourceAddress> referenced = new ArrayList<>();
        for (Reference reference : attribute.references()) {
            if (!reference.target().type().equals(KilnSchemas.NODE)) {
                wrongType(attribute, reference, "node", "[node.m1, node.m2] or node.w[*]");
                continue;
            }
            if (reference.allInstances()) {
                referenced.addAll(instancesByResource.getOrDefault(reference.target().withoutKey(), List.of()));
            }
            else {
                referenced.add(reference.target());
            }
        }
        Value value = attribute.value();
        List<ResourceAddress> nodes = nodeValues.nodes(value).orElse(referenced);
        if (attribute.references().isEmpty() && value.isWhollyKnown() && !BlockReader.elements(value).isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid node reference",
                    "The argument \"" + attribute.name() + "\" must list node resources, as [node.m1, node.m2] or node.w[*]; "
                            + "it references none. Names or addresses cannot stand for nodes: declare each machine in a node block and reference it.",
                    attribute.range()));
        }
        return new NodeList(nodes, count(value, nodes), attribute.range());
    }

    private static Optional<Integer> count(Value value, List<ResourceAddress> nodes)
    {
        if (!value.isKnown()) {
            return Optional.empty();
        }
        boolean collection = value instanceof Value.ListValue || value instanceof Value.TupleValue || value instanceof Value.SetValue;
        return Optional.of(collection ? BlockReader.elements(value).size() : nodes.size());
    }

    /** A single reference to a resource of {@code type}, as {@code registry = registry.mirror}. */
    Optional<ResourceReference> single(Optional<DecodedAttribute> argument, String type, String example)
    {
        if (argument.isEmpty() || argument.get().value().isNull()) {
            return Optional.empty();
        }
        DecodedAttribute attribute = argument.get();
        List<Reference> references = attribute.references();
        if (references.isEmpty() && !attribute.value().isWhollyKnown()) {
            return Optional.empty();
        }
        if (references.size() != 1 || references.getFirst().allInstances() || !references.getFirst().target().type().equals(type)) {
            Optional<Reference> wrong = references.stream().filter(reference -> !reference.target().type().equals(type)).findFirst();
            if (wrong.isPresent()) {
                wrongType(attribute, wrong.get(), type, example);
            }
            else {
                diagnostics.add(Diagnostic.error(
                        "Invalid " + type.replace('_', ' ') + " reference",
                        "The argument \"" + attribute.name() + "\" must reference exactly one " + type + " resource, as " + example + ".",
                        attribute.range()));
            }
            return Optional.empty();
        }
        return Optional.of(new ResourceReference(references.getFirst().target(), references.getFirst().range()));
    }

    private void wrongType(DecodedAttribute attribute, Reference reference, String type, String example)
    {
        diagnostics.add(Diagnostic.error(
                "Invalid " + type.replace('_', ' ') + " reference",
                "The argument \"" + attribute.name() + "\" takes " + type + " resources, as " + example + ", but this references "
                        + reference.target().withoutKey() + ", a " + reference.target().type() + ".",
                reference.range()));
    }
}
