package dev.kiln.cli;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.Output;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.state.OutputValue;
import dev.kiln.state.State;

import java.util.TreeMap;

/**
 * The root outputs to record after an apply: the configuration evaluated again against the
 * new state, so outputs see what was just created. Outputs still unknown are left out; a
 * destroy records none.
 */
final class RecordedOutputs
{
    private RecordedOutputs() {}

    static State withOutputs(State state, Workspace workspace, VariableInputs inputs, PlanMode mode)
    {
        TreeMap<String, OutputValue> outputs = new TreeMap<>();
        if (mode == PlanMode.NORMAL) {
            LoadResult loaded = ConfigLoader.load(workspace.directory(), inputs, KilnProviders.recordedValues(state));
            if (loaded.config().isEmpty()) {
                return state;
            }
            for (Output output : loaded.config().get().outputs().values()) {
                if (output.value().isWhollyKnown()) {
                    outputs.put(output.name(), new OutputValue(StateValues.attributes(output.value()), output.sensitive() || output.value().sensitive()));
                }
            }
        }
        return state.toBuilder().replaceOutputs(outputs).build();
    }
}
