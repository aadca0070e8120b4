package dev.kiln.lang.config;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Turns static references to resources into {@link Reference}s for the planner's graph. */
final class ResourceReferences
{
    private ResourceReferences() {}

    /**
     * The reference as written, without knowing how the resource expands: a literal key
     * names one instance; no key (or a splat) means all instances.
     */
    static Optional<Reference> literal(StaticReference reference)
    {
        List<Traverser> steps = reference.traversal().steps();
        if (!KilnSchemas.isResourceType(reference.rootName()) || steps.size() < 2 || !(steps.get(1) instanceof Traverser.Attribute name)) {
            return Optional.empty();
        }
        ResourceAddress address = ResourceAddress.of(reference.rootName(), name.name());
        if (reference.afterSplat().isEmpty() && steps.size() > 2 && steps.get(2) instanceof Traverser.Index index) {
            Optional<InstanceKey> key = key(index.key());
            if (key.isPresent()) {
                return Optional.of(new Reference(
                        new ResourceAddress(address.type(), address.name(), key.get()), false, rest(steps, 3), reference.range()));
            }
        }
        boolean all = reference.afterSplat().isPresent() || steps.size() == 2;
        Traversal remaining = reference.afterSplat().orElse(rest(steps, 2));
        return Optional.of(new Reference(address, all, remaining, reference.range()));
    }

    /** The instance key a literal index names, if it can name one. */
    static Optional<InstanceKey> key(Value key)
    {
        if (key instanceof Value.StringValue string) {
            return Optional.of(new InstanceKey.Key(string.value()));
        }
        if (key instanceof Value.NumberValue number) {
            BigDecimal value = number.value();
            if (value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return Optional.of(new InstanceKey.Index(value.intValueExact()));
            }
        }
        return Optional.empty();
    }

    static Traversal rest(List<Traverser> steps, int from)
    {
        return new Traversal(steps.subList(Math.min(from, steps.size()), steps.size()));
    }
}
