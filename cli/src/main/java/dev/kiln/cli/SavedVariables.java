package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.planfile.SavedPlan;

import java.util.Map;
import java.util.TreeMap;

/**
 * The variables' values a plan file holds (every one, and the sensitive ones too when the file
 * is encrypted), given to the configuration when the plan is applied, below everything the user
 * gives: {@code kiln apply PLANFILE} evaluates the configuration (outputs, sensitive values the
 * file left out) with the values the plan was made with, and needs none of them again. They
 * enter as {@code KILN_VAR_*} entries, so the environment and {@code -var} options still win.
 */
final class SavedVariables
{
    private SavedVariables() {}

    static VariableInputs under(VariableInputs inputs, SavedPlan saved)
    {
        Map<String, String> environment = new TreeMap<>();
        saved.plan().variables().forEach((name, value) -> {
            if (value.isWhollyKnown() && !value.isNull() && !saved.sensitiveVariables().contains(name)) {
                environment.put(VariableInputs.ENVIRONMENT_PREFIX + name, text(value.unmarkedDeep()));
            }
        });
        if (environment.isEmpty()) {
            return inputs;
        }
        environment.putAll(inputs.environment());
        return new VariableInputs(inputs.commandLine(), environment, inputs.unsetAllowed());
    }

    /** A value as a variable reads it from the environment: primitives as their text, others as an HCL expression. */
    private static String text(Value value)
    {
        return switch (value) {
            case Value.StringValue string -> string.value();
            case Value.NumberValue number -> number.value().toPlainString();
            case Value.BoolValue bool -> Boolean.toString(bool.value());
            default -> value.toSourceForm();
        };
    }
}
