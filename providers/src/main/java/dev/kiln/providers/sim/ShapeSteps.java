package dev.kiln.providers.sim;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps of a simulated cluster's or worker pool's change, laid over the standard diff:
 * what {@link ClusterDiffRule} and {@link WorkerPoolDiffRule} share. An update makes the
 * computed {@code status} unknown, and {@code current_version} too when the version moves.
 */
final class ShapeSteps<S>
{
    interface UpdateSteps<S>
    {
        List<String> update(Value priorValue, S prior, Value planned, S desired);
    }

    private final Function<S, List<String>> create;
    private final Function<S, List<String>> delete;
    private final UpdateSteps<S> update;
    private final Function<S, ?> version;

    ShapeSteps(Function<S, List<String>> create, Function<S, List<String>> delete, UpdateSteps<S> update, Function<S, ?> version)
    {
        this.create = create;
        this.delete = delete;
        this.update = update;
        this.version = version;
    }

    /** The standard diff of {@code request}, each action with its steps. */
    DiffResponse diff(DiffRequest request, Optional<S> prior, S desired)
    {
        DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
        return switch (response) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden refused -> refused;
            case DiffResponse.Delete deletion -> new DiffResponse.Delete(delete.apply(prior.orElseThrow()), deletion.diagnostics());
            case DiffResponse.Create creation -> new DiffResponse.Create(creation.planned(), create.apply(desired), creation.diagnostics());
            case DiffResponse.Replace replace -> {
                List<String> all = new ArrayList<>(delete.apply(prior.orElseThrow()));
                all.addAll(create.apply(desired));
                yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), all, replace.diagnostics());
            }
            case DiffResponse.Update change -> {
                Value planned = ValueParts.with(change.planned(), "status", Value.unknown(Type.STRING));
                if (!version.apply(desired).equals(version.apply(prior.orElseThrow()))) {
                    planned = ValueParts.with(planned, "current_version", Value.unknown(Type.STRING));
                }
                yield new DiffResponse.Update(planned, update.update(request.prior().orElseThrow(), prior.get(), planned, desired), change.diagnostics());
            }
        };
    }
}
