package dev.kiln.planner.diff;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.state.AttributePath;

import java.util.List;

/**
 * The diff every resource type starts from: create what is not recorded, delete what is
 * no longer configured, do nothing when the data is the same, replace when a changed path
 * forces replacement (computed attributes then become unknown), and update in place
 * otherwise. Resource types with their own rules (forbidden shrinking, upgrade steps)
 * call it and refine its answer.
 */
public final class StandardDiffRule
        implements DiffRule
{
    public static final StandardDiffRule INSTANCE = new StandardDiffRule();

    private StandardDiffRule() {}

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        if (request.prior().isEmpty()) {
            return new DiffResponse.Create(request.desired().orElseThrow(), List.of(), List.of());
        }
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(List.of(), List.of());
        }
        Value prior = request.prior().get();
        Value desired = request.desired().get();
        List<AttributePath> changed = ValueChanges.changedPaths(prior, desired);
        if (changed.isEmpty()) {
            return new DiffResponse.NoOp(List.of());
        }
        List<AttributePath> forcing = changed.stream().filter(request.schema()::forcesReplacement).toList();
        if (!forcing.isEmpty()) {
            return new DiffResponse.Replace(ResourceSchemas.withComputedUnknown(desired, request.schema().block()), forcing, List.of(), List.of());
        }
        return new DiffResponse.Update(desired, List.of(), List.of());
    }
}
