package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.state.ResourceInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Records what each instance depends on. A configured instance depends on the instances its
 * arguments reference (a reference to all instances, {@code node.w[*]} or {@code node.w},
 * means every instance of {@code node.w}) and on its {@code depends_on} targets; a
 * resource the configuration says it depends on through local values or {@code count}
 * without a precise reference means all of its instances. An orphan depends on what state
 * recorded for it. A parent's nested blocks that declare child instances
 * ({@code worker_pool} of a cluster) are the children's own references: the parent does not
 * wait for what only its children use.
 */
final class ReferencesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        InstanceIndex instances = new InstanceIndex(graph.order.vertexSet());
        Set<ResourceAddress> configured = new HashSet<>();
        for (DecodedInstance instance : input.instances()) {
            configured.add(instance.address());
            if (graph.order.containsVertex(instance.address())) {
                connectConfigured(input, instance, instances, graph);
            }
        }
        for (ResourceInstance recorded : input.state().resources().values()) {
            if (graph.order.containsVertex(recorded.address()) && (input.destroy() || !configured.contains(recorded.address()))) {
                recorded.dependencies().forEach(target -> instances.matching(target, false)
                        .forEach(match -> graph.addDependency(recorded.address(), match)));
            }
        }
    }

    private static void connectConfigured(GraphInput input, DecodedInstance instance, InstanceIndex instances, GraphBuilder graph)
    {
        List<Reference> references = new ArrayList<>();
        List<Reference> childReferences = new ArrayList<>();
        Set<String> childBlocks = new HashSet<>();
        // A keyed child (a worker pool) takes its block's references from its parent; a single child (the
        // scheduled backups) shares them: the cluster still needs its backup point, for its pre-upgrade snapshots.
        ChildKind.of(instance.address().type()).stream().filter(ChildKind::keyed).forEach(kind -> childBlocks.add(kind.block()));
        for (DecodedAttribute attribute : instance.block().attributes().values()) {
            references.addAll(attribute.references());
        }
        instance.block().blocks().forEach((type, nested) -> nested.forEach(child -> collect(child, childBlocks.contains(type) ? childReferences : references)));
        Set<ResourceAddress> coveredResources = new HashSet<>();
        childReferences.forEach(reference -> coveredResources.add(reference.target().withoutKey()));
        for (Reference reference : references) {
            coveredResources.add(reference.target().withoutKey());
            instances.matching(reference.target(), reference.allInstances())
                    .forEach(target -> graph.addDependency(instance.address(), target));
        }
        for (ResourceAddress target : instance.dependsOn()) {
            coveredResources.add(target.withoutKey());
            instances.matching(target, false).forEach(match -> graph.addDependency(instance.address(), match));
        }
        SortedSet<ResourceAddress> resourceLevel = input.config().dependencies().get(instance.address().withoutKey());
        if (resourceLevel != null) {
            for (ResourceAddress target : resourceLevel) {
                if (!coveredResources.contains(target.withoutKey())) {
                    instances.matching(target.withoutKey(), true).forEach(match -> graph.addDependency(instance.address(), match));
                }
            }
        }
    }

    static void collect(DecodedBlock block, List<Reference> references)
    {
        for (DecodedAttribute attribute : block.attributes().values()) {
            references.addAll(attribute.references());
        }
        block.blocks().values().forEach(nested -> nested.forEach(child -> collect(child, references)));
    }
}
