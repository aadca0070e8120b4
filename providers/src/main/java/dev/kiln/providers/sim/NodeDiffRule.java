package dev.kiln.providers.sim;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a simulated node: the standard comparison (a new address or node name replaces the
 * machine), with the steps each change takes.
 */
final class NodeDiffRule
        implements DiffRule
{
    @Override
    public DiffResponse diff(DiffRequest request)
    {
        DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
        return switch (response) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden forbidden -> forbidden;
            case DiffResponse.Create create -> new DiffResponse.Create(create.planned(), createSteps(create.planned()), create.diagnostics());
            case DiffResponse.Update update -> new DiffResponse.Update(update.planned(),
                    List.of("update " + String.join(", ", Steps.changedAttributes(request.prior().orElseThrow(), update.planned()))
                            + " on the machine at " + Steps.shown(update.planned(), "address")),
                    update.diagnostics());
            case DiffResponse.Replace replace -> {
                List<String> steps = new ArrayList<>(deleteSteps(request.prior().orElseThrow()));
                steps.addAll(createSteps(replace.planned()));
                yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), steps, replace.diagnostics());
            }
            case DiffResponse.Delete delete -> new DiffResponse.Delete(deleteSteps(request.prior().orElseThrow()), delete.diagnostics());
        };
    }

    private static List<String> createSteps(Value planned)
    {
        return List.of("provision the machine at " + Steps.shown(planned, "address"), "install the container runtime and kubelet");
    }

    private static List<String> deleteSteps(Value prior)
    {
        return List.of("power off and delete the machine at " + Steps.shown(prior, "address"));
    }
}
