package dev.kiln.planner.diff;

import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.ResourceInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Plans one instance again at apply time, from its configuration evaluated once the instances
 * it references have been applied: the same diff rule the plan asked, with the same prior
 * value, so the answer can be checked against the saved plan.
 */
public final class FinalPlans
{
    private FinalPlans() {}

    /** Whether the configured arguments of {@code instance} hold values known only after apply. */
    public static boolean waitsOnUnknowns(DecodedInstance instance)
    {
        return hasUnknowns(requireNonNull(instance, "instance is null").block());
    }

    /**
     * {@code planned} planned again from {@code configured}; {@code recorded} is the instance as
     * the state the plan was made from holds it. Fails when the diff rule reports errors.
     */
    public static ResourceChange replan(ResourceChange planned, DecodedInstance configured, Optional<ResourceInstance> recorded, ResourceTypes types)
    {
        requireNonNull(planned, "planned is null");
        requireNonNull(configured, "configured is null");
        requireNonNull(recorded, "recorded is null");
        requireNonNull(types, "types is null");
        ResourceType type = types.find(planned.type())
                .orElseThrow(() -> new IllegalArgumentException("no resource type \"" + planned.type() + "\" plans " + planned.address()));
        PlanOptions options = planned.actionReason().filter(reason -> reason == ActionReason.REPLACE_BY_REQUEST).isPresent()
                ? PlanOptions.DEFAULT.withReplace(Set.of(planned.address()))
                : PlanOptions.DEFAULT;
        InstancePlanner.Subject subject = new InstancePlanner.Subject(planned.address(), type, Optional.of(configured), recorded, planned.before(), false, planned.provider());
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<ResourceChange> change = InstancePlanner.plan(subject, options, diagnostics);
        if (planned.actionReason().filter(reason -> reason == ActionReason.REPLACE_BECAUSE_PARENT_REPLACED).isPresent()) {
            change = change.map(found -> InstancePlanner.replacedWithParent(found, type));
        }
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty() && change.map(found -> !found.isForbidden()).orElse(true)) {
            throw new IllegalStateException(errors.stream().map(error -> error.summary() + ": " + error.detail()).collect(Collectors.joining("; ")));
        }
        return change.orElseThrow(() -> new IllegalStateException(planned.address() + " has nothing to plan any more"));
    }

    private static boolean hasUnknowns(DecodedBlock block)
    {
        for (DecodedAttribute attribute : block.attributes().values()) {
            if (!attribute.value().isWhollyKnown()) {
                return true;
            }
        }
        for (List<DecodedBlock> nested : block.blocks().values()) {
            for (DecodedBlock child : nested) {
                if (hasUnknowns(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
