package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The child instances a configured instance declares with nested blocks ({@link ChildKind}):
 * each {@code worker_pool "a" {}} of {@code cluster "prod"} is the {@code worker_pool}
 * instance {@code cluster.prod.pool["a"]}. A child's body is its block's, plus the arguments
 * it inherits from its parent (a pool runs its cluster's {@code kubernetes_version}, so the
 * argument keeps the cluster's source range); it uses its parent's provider and depends on
 * its parent, so it is created after it, changed after it and deleted before it.
 */
public final class ChildInstances
{
    private static final Map<ChildKind, List<String>> INHERITED = Map.of(
            ChildKind.WORKER_POOL, List.of("kubernetes_version"));

    private ChildInstances() {}

    /** Every child instance of {@code config}'s instances, in address order. */
    public static List<DecodedInstance> of(Config config)
    {
        requireNonNull(config, "config is null");
        List<DecodedInstance> children = new ArrayList<>();
        for (DecodedInstance instance : config.resources()) {
            if (!ChildKind.of(instance.address().type()).isEmpty()) {
                children.addAll(of(instance));
            }
        }
        children.sort((left, right) -> left.address().compareTo(right.address()));
        return List.copyOf(children);
    }

    /** The child instances {@code parent}'s nested blocks declare. */
    public static List<DecodedInstance> of(DecodedInstance parent)
    {
        requireNonNull(parent, "parent is null");
        List<DecodedInstance> children = new ArrayList<>();
        for (ChildKind kind : ChildKind.of(parent.address().type())) {
            for (DecodedBlock block : parent.block().blocks(kind.block())) {
                if (kind.keyed() && block.labels().isEmpty()) {
                    continue;
                }
                InstanceKey key = kind.keyed() ? new InstanceKey.Key(block.labels().getFirst().value()) : InstanceKey.NONE;
                children.add(new DecodedInstance(
                        parent.address().child(kind, key),
                        body(kind, block, parent.block()),
                        parent.provider(),
                        parent.providerRange(),
                        List.of(parent.address())));
                if (!kind.keyed()) {
                    break;
                }
            }
        }
        return children;
    }

    private static DecodedBlock body(ChildKind kind, DecodedBlock block, DecodedBlock parent)
    {
        Map<String, DecodedAttribute> attributes = new LinkedHashMap<>(block.attributes());
        for (String inherited : INHERITED.getOrDefault(kind, List.of())) {
            parent.attribute(inherited).ifPresent(attribute -> attributes.putIfAbsent(inherited, attribute));
        }
        return new DecodedBlock(kind.type(), block.labels(), attributes, block.blocks(), block.typeRange(), block.range());
    }
}
