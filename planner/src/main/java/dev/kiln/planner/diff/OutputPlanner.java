package dev.kiln.planner.diff;

import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.Output;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.OutputChange;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.state.OutputValue;
import dev.kiln.state.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Plans the root outputs: recorded values against configured ones (every output is deleted by a destroy plan). */
final class OutputPlanner
{
    private OutputPlanner() {}

    static List<OutputChange> plan(Config config, State state, PlanMode mode)
    {
        TreeSet<String> names = new TreeSet<>(state.outputs().keySet());
        names.addAll(config.outputs().keySet());
        List<OutputChange> changes = new ArrayList<>();
        for (String name : names) {
            OutputValue recorded = state.outputs().get(name);
            Output configured = mode == PlanMode.DESTROY ? null : config.outputs().get(name);
            Optional<Value> before = Optional.ofNullable(recorded).map(value -> ValueJson.fromJson(value.value()).withSensitive(value.sensitive()));
            Optional<Value> after = Optional.ofNullable(configured).map(output -> output.sensitive() ? output.value().withSensitive(true) : output.value());
            boolean sensitive = (recorded != null && recorded.sensitive()) || (configured != null && configured.sensitive());
            changes.add(new OutputChange(name, action(before, after), before, after, sensitive));
        }
        return changes;
    }

    private static Action action(Optional<Value> before, Optional<Value> after)
    {
        if (before.isEmpty()) {
            return after.isEmpty() ? Action.NO_OP : Action.CREATE;
        }
        if (after.isEmpty()) {
            return Action.DELETE;
        }
        return Values.sameData(before.get(), after.get()) ? Action.NO_OP : Action.UPDATE;
    }
}
