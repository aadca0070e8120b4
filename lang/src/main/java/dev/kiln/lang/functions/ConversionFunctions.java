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
                conversion("tostring", Type.STRING, true),
                conversion("tonumber", Type.NUMBER, true),
                conversion("tobool", Type.BOOL, true),
                conversion("tolist", new Type.ListType(Type.DYNAMIC), true),
                conversion("toset", new Type.SetType(Type.DYNAMIC), false),
                conversion("tomap", new Type.MapType(Type.DYNAMIC), true));
    }

    /**
     * A conversion to {@code target}. Marks stay where they are ({@code keepMarks}) except in
     * sets, whose elements cannot carry marks: a set of sensitive elements is itself sensitive.
     */
    private static Function conversion(String name, Type target, boolean keepMarks)
    {
        Parameter parameter = Parameter.of("v", Type.DYNAMIC).allowingNull().allowingUnknown();
        return StandardFunction.builder(name)
                .parameter(keepMarks ? parameter.allowingSensitive() : parameter)
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
