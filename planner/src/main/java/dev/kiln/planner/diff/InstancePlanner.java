package dev.kiln.planner.diff;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.state.AttributePath;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.PathStep;
import dev.kiln.state.ResourceInstance;

import java.util.List;
import java.util.Optional;

/**
 * Plans one resource instance: asks its type's diff rule, turns the answer into a
 * {@link ResourceChange}, replaces tainted and {@code -replace}d instances, and reports a
 * forbidden change as an error at its place in the configuration.
 */
final class InstancePlanner
{
    /** One instance to plan: configured, recorded, or both. */
    record Subject(
            ResourceAddress address,
            ResourceType type,
            Optional<DecodedInstance> configured,
            Optional<ResourceInstance> recorded,
            Optional<Value> prior,
            boolean delete,
            String provider) {}

    private InstancePlanner() {}

    static Optional<ResourceChange> plan(Subject subject, PlanOptions options, List<Diagnostic> diagnostics)
    {
        Optional<Value> desired = subject.delete() || subject.configured().isEmpty()
                ? Optional.empty()
                : Optional.of(DesiredValues.of(subject.configured().get().block(), subject.type().schema().block(), subject.prior()));
        if (subject.prior().isEmpty() && desired.isEmpty()) {
            return Optional.empty();
        }
        DiffResponse response = subject.type().diffRule().diff(new DiffRequest(subject.address(), subject.provider(), subject.type().schema(), subject.prior(), desired));
        diagnostics.addAll(response.diagnostics());
        ResourceChange change = switch (response) {
            case DiffResponse.NoOp ignored -> change(subject, Action.NO_OP, Optional.empty(), desired, List.of(), List.of());
            case DiffResponse.Create create -> change(subject, Action.CREATE, Optional.empty(), Optional.of(create.planned()), List.of(), create.steps());
            case DiffResponse.Update update -> change(subject, Action.UPDATE, Optional.empty(), Optional.of(update.planned()), List.of(), update.steps());
            case DiffResponse.Replace replace -> change(subject, Action.REPLACE, Optional.of(ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE),
                    Optional.of(replace.planned()), replace.forcedBy(), replace.steps());
            case DiffResponse.Delete delete -> change(subject, Action.DELETE, deleteReason(subject, options), Optional.empty(), List.of(), delete.steps());
            case DiffResponse.Forbidden forbidden -> forbidden(subject, desired, forbidden, diagnostics);
        };
        return Optional.of(replaceIfRequested(subject, options, change));
    }

    private static ResourceChange change(Subject subject, Action action, Optional<ActionReason> reason, Optional<Value> after, List<AttributePath> replacePaths, List<String> steps)
    {
        return new ResourceChange(subject.address(), subject.provider(), action, reason, subject.prior(), after, replacePaths, steps, Optional.empty());
    }

    private static ResourceChange replaceIfRequested(Subject subject, PlanOptions options, ResourceChange change)
    {
        boolean tainted = subject.recorded().map(recorded -> recorded.status() == InstanceStatus.TAINTED).orElse(false);
        boolean requested = options.replace().contains(subject.address());
        if ((!tainted && !requested) || change.isForbidden() || change.after().isEmpty() || change.before().isEmpty()) {
            return change;
        }
        ActionReason reason = tainted ? ActionReason.REPLACE_BECAUSE_TAINTED : ActionReason.REPLACE_BY_REQUEST;
        Value after = change.action() == Action.REPLACE
                ? change.after().get()
                : ResourceSchemas.withComputedUnknown(change.after().get(), subject.type().schema().block());
        return new ResourceChange(change.address(), change.provider(), Action.REPLACE, Optional.of(reason), change.before(), Optional.of(after),
                change.replacePaths(), change.steps(), Optional.empty());
    }

    /**
     * {@code change} of a child instance whose parent is replaced, as a replacement too: a
     * no-op or in-place update becomes {@code -/+} with every computed attribute known only
     * after apply. A change that already replaces, creates, deletes or is forbidden stays.
     */
    static ResourceChange replacedWithParent(ResourceChange change, ResourceType type)
    {
        boolean inPlace = change.action() == Action.NO_OP || change.action() == Action.UPDATE;
        if (!inPlace || change.isForbidden() || change.before().isEmpty() || change.after().isEmpty()) {
            return change;
        }
        Value after = ResourceSchemas.withComputedUnknown(change.after().get(), type.schema().block());
        return new ResourceChange(change.address(), change.provider(), Action.REPLACE, Optional.of(ActionReason.REPLACE_BECAUSE_PARENT_REPLACED),
                change.before(), Optional.of(after), List.of(), List.of(), Optional.empty());
    }

    private static Optional<ActionReason> deleteReason(Subject subject, PlanOptions options)
    {
        if (options.mode() == PlanMode.DESTROY || subject.configured().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(switch (subject.address().key()) {
            case InstanceKey.Index ignored -> ActionReason.DELETE_BECAUSE_COUNT_INDEX;
            case InstanceKey.Key ignored -> ActionReason.DELETE_BECAUSE_EACH_KEY;
            case InstanceKey.None ignored -> ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG;
        });
    }

    private static ResourceChange forbidden(Subject subject, Optional<Value> desired, DiffResponse.Forbidden forbidden, List<Diagnostic> diagnostics)
    {
        Action attempted = subject.prior().isEmpty() ? Action.CREATE : desired.isEmpty() ? Action.DELETE : Action.UPDATE;
        String detail = "Kiln cannot plan this change to " + subject.address() + ": " + forbidden.reason()
                + (forbidden.reason().endsWith(".") ? "" : ".") + " Change the configuration back, or make the change in steps the resource type allows.";
        Optional<SourceRange> range = subject.configured().map(instance -> range(instance, forbidden.attribute()));
        diagnostics.add(range.map(subjectRange -> Diagnostic.error("Change not allowed", detail, subjectRange))
                .orElseGet(() -> Diagnostic.errorWithoutSource("Change not allowed", detail)));
        return new ResourceChange(subject.address(), subject.provider(), attempted, Optional.empty(), subject.prior(), desired,
                List.of(), List.of(), Optional.of(forbidden.reason()));
    }

    private static SourceRange range(DecodedInstance instance, Optional<AttributePath> attribute)
    {
        if (attribute.isPresent() && attribute.get().steps().getFirst() instanceof PathStep.Attribute name) {
            Optional<SourceRange> written = instance.block().attribute(name.name()).filter(DecodedAttribute::written).map(DecodedAttribute::range);
            if (written.isPresent()) {
                return written.get();
            }
            if (!instance.block().blocks(name.name()).isEmpty()) {
                return instance.block().blocks(name.name()).getFirst().typeRange();
            }
        }
        return instance.block().typeRange();
    }
}
