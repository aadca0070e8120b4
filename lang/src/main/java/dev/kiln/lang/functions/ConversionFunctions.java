package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;

/** {@code tostring}, {@code tonumber}, {@code tobool}, {@code tolist}, {@code toset}, {@code tomap}: explicit type conversions. */
final class ConversionFunctions
{
    private ConversionFunctions() {}

    static List<Function> all()
    {
        return List.of(
                conversion("tostring", Type.STRING),
                conversion("tonumber", Type.NUMBER),
                conversion("tobool", Type.BOOL),
                conversion("tolist", new Type.ListType(Type.DYNAMIC)),
                conversion("toset", new Type.SetType(Type.DYNAMIC)),
                conversion("tomap", new Type.MapType(Type.DYNAMIC)));
    }

    private static Function conversion(String name, Type target)
    {
        return StandardFunction.builder(name)
                .parameter(Parameter.of("v", Type.DYNAMIC).allowingNull().allowingUnknown().allowingSensitive())
                .returns(target)
                .implementation(call -> {
                    Value value = call.argument(0);
                    try {
                        return Conversion.convert(value, target);
                    }
                    catch (ConversionException failure) {
                        String subject = value.type() instanceof Type.Primitive ? call.show(0) : Containers.describe(value.type());
                        String detail = target == Type.NUMBER && value.type() == Type.STRING ? "; given string must be a decimal representation of a number" : "";
                        String reason = target instanceof Type.Primitive ? "" : " (" + failure.getMessage() + ")";
                        throw call.error(0, "cannot convert " + subject + " to " + Containers.describe(target).replace(" of dynamic value", "") + detail + reason);
                    }
                });
    }
}
