package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;

/** {@code sensitive} adds the sensitive mark to a value; {@code nonsensitive} removes every sensitive mark from it. */
final class SensitivityFunctions
{
    private SensitivityFunctions() {}

    static List<Function> all()
    {
        return List.of(sensitive(), nonsensitive());
    }

    private static Parameter anyValue()
    {
        return Parameter.of("value", Type.DYNAMIC).allowingNull().allowingUnknown().allowingSensitive();
    }

    private static Function sensitive()
    {
        return StandardFunction.builder("sensitive")
                .parameter(anyValue())
                .returns(call -> call.argument(0).type())
                .ownsMarks()
                .implementation(call -> call.argument(0).withSensitive(true));
    }

    private static Function nonsensitive()
    {
        return StandardFunction.builder("nonsensitive")
                .parameter(anyValue())
                .returns(call -> call.argument(0).type())
                .ownsMarks()
                .implementation(call -> {
                    Value value = call.argument(0);
                    if (value.isKnown() && !value.containsSensitive()) {
                        throw new FunctionException(0, "the given value is not sensitive, so this call is redundant.");
                    }
                    return value.unmarkedDeep();
                });
    }
}
