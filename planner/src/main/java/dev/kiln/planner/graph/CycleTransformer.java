package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports every cycle as an error naming each address on it (each strongly connected set of
 * more than one instance, in address order): no order exists in which to plan them.
 */
final class CycleTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        List<Set<ResourceAddress>> components = new KosarajuStrongConnectivityInspector<>(graph.order).stronglyConnectedSets();
        components.stream()
                .filter(component -> component.size() > 1)
                .map(component -> component.stream().sorted().toList())
                .sorted((left, right) -> left.getFirst().compareTo(right.getFirst()))
                .forEach(cycle -> graph.diagnostics.add(Diagnostic.errorWithoutSource(
                        "Cycle in resource dependencies",
                        "These resource instances depend on each other in a cycle, so none of them can be planned first: "
                                + cycle.stream().map(ResourceAddress::toString).collect(Collectors.joining(", "))
                                + ". Remove a reference or depends_on entry, or a provider's reference to a resource, that closes the cycle.")));
    }
}
