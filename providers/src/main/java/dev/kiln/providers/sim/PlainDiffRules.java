package dev.kiln.providers.sim;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The diff rules of registries and backup points: the standard comparison, with their steps. */
final class PlainDiffRules
{
    private PlainDiffRules() {}

    static DiffRule registry()
    {
        return withSteps(
                planned -> List.of(PlainObservation.registryDescription(planned)),
                prior -> List.of("stop using the registry at " + Steps.shown(prior, "address")));
    }

    static DiffRule backupPoint()
    {
        return withSteps(
                planned -> List.of("prepare the backup store " + PlainObservation.locationDescription(planned)),
                prior -> List.of("forget the backup store " + Steps.shown(prior, "location") + " (its snapshots stay where they are)"));
    }

    private static DiffRule withSteps(Function<Value, List<String>> create, Function<Value, List<String>> delete)
    {
        return request -> {
            DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
            return switch (response) {
                case DiffResponse.NoOp noOp -> noOp;
                case DiffResponse.Forbidden forbidden -> forbidden;
                case DiffResponse.Create created -> new DiffResponse.Create(created.planned(), create.apply(created.planned()), created.diagnostics());
                case DiffResponse.Update update -> new DiffResponse.Update(update.planned(),
                        List.of("update " + String.join(", ", Steps.changedAttributes(request.prior().orElseThrow(), update.planned()))),
                        update.diagnostics());
                case DiffResponse.Replace replace -> {
                    List<String> steps = new ArrayList<>(delete.apply(request.prior().orElseThrow()));
                    steps.addAll(create.apply(replace.planned()));
                    yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), steps, replace.diagnostics());
                }
                case DiffResponse.Delete deleted -> new DiffResponse.Delete(delete.apply(request.prior().orElseThrow()), deleted.diagnostics());
            };
        };
    }
}
