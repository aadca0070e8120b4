package dev.kiln.planner.graph;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a provider's configuration references resources ({@code kubeconfig =
 * cluster.mgmt.kubeconfig}), every instance that uses the provider depends on them. Which
 * provider an instance uses is {@link InstanceProviders}' decision.
 */
final class ProviderReferencesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        Map<String, List<Reference>> referencesByProvider = new HashMap<>();
        for (DecodedBlock provider : input.config().providers()) {
            List<Reference> references = new ArrayList<>();
            ReferencesTransformer.collect(provider, references);
            if (!references.isEmpty()) {
                referencesByProvider.put(InstanceProviders.name(provider), references);
            }
        }
        if (referencesByProvider.isEmpty()) {
            return;
        }
        InstanceProviders providers = InstanceProviders.of(input.config(), input.state());
        InstanceIndex instances = new InstanceIndex(graph.order.vertexSet());
        for (DecodedInstance instance : input.config().resources()) {
            if (!graph.order.containsVertex(instance.address())) {
                continue;
            }
            for (Reference reference : referencesByProvider.getOrDefault(providers.provider(instance.address()), List.of())) {
                for (ResourceAddress target : instances.matching(reference.target(), reference.allInstances())) {
                    graph.addDependency(instance.address(), target);
                }
            }
        }
    }
}
