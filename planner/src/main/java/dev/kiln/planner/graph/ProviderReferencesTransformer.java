package dev.kiln.planner.graph;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a provider's configuration references resources ({@code kubeconfig =
 * cluster.mgmt.kubeconfig}), every instance that uses the provider depends on them. An
 * instance without {@code provider = ...} uses the provider configurations without alias.
 */
final class ProviderReferencesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        Map<String, List<Reference>> referencesByProvider = new HashMap<>();
        List<String> unaliased = new ArrayList<>();
        for (DecodedBlock provider : input.config().providers()) {
            List<Reference> references = new ArrayList<>();
            ReferencesTransformer.collect(provider, references);
            Optional<String> alias = alias(provider);
            String name = providerType(provider) + alias.map(value -> "." + value).orElse("");
            if (alias.isEmpty()) {
                unaliased.add(name);
            }
            if (!references.isEmpty()) {
                referencesByProvider.put(name, references);
            }
        }
        if (referencesByProvider.isEmpty()) {
            return;
        }
        InstanceIndex instances = new InstanceIndex(graph.order.vertexSet());
        for (DecodedInstance instance : input.config().resources()) {
            if (!graph.order.containsVertex(instance.address())) {
                continue;
            }
            List<String> providers = instance.provider().map(List::of).orElse(unaliased);
            for (String provider : providers) {
                for (Reference reference : referencesByProvider.getOrDefault(provider, List.of())) {
                    for (ResourceAddress target : instances.matching(reference.target(), reference.allInstances())) {
                        graph.addDependency(instance.address(), target);
                    }
                }
            }
        }
    }

    private static String providerType(DecodedBlock provider)
    {
        return provider.labels().isEmpty() ? provider.type() : provider.labels().getFirst().value();
    }

    private static Optional<String> alias(DecodedBlock provider)
    {
        return provider.attribute("alias")
                .map(DecodedAttribute::value)
                .filter(value -> value instanceof Value.StringValue)
                .map(value -> ((Value.StringValue) value).value());
    }
}
