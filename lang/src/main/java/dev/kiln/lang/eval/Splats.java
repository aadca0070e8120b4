package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Types;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code source[*].each} and {@code source.*.each}: the {@code each} part applied to every
 * element of a list, set or tuple (a list for lists and sets, a tuple for tuples). Any other
 * value counts as a one-element tuple and null as an empty one (a null list, set or tuple is an
 * error). The source's sensitive mark
 * applies to the result.
 */
final class Splats
{
    private Splats() {}

    static Value evaluate(Evaluator evaluator, Expression.Splat splat, Evaluator.Scope scope)
    {
        Value source = evaluator.evaluate(splat.source(), scope);
        boolean sensitive = source.sensitive();
        if (source.isNull()) {
            if (source.type() instanceof Type.ListType || source.type() instanceof Type.SetType || source.type() instanceof Type.TupleType) {
                evaluator.error("Splat of null value", "Splat expressions (with the * symbol) cannot be applied to null sequences.", splat.source().range(), splat.range());
                return Evaluator.failed();
            }
            return Evaluator.mark(Value.tuple(List.of()), sensitive);
        }
        Value result = switch (source) {
            case Value.Unknown unknown -> unknownSource(evaluator, splat, scope, unknown.type());
            case Value.ListValue list -> asList(each(evaluator, splat, scope, list.elements()));
            case Value.SetValue set -> asList(each(evaluator, splat, scope, set.elements()));
            case Value.TupleValue tuple -> Value.tuple(each(evaluator, splat, scope, tuple.elements()));
            default -> Value.tuple(each(evaluator, splat, scope, List.of(source.withSensitive(false))));
        };
        return Evaluator.mark(result, sensitive);
    }

    /**
     * The result for an unknown source: unknown too, but typed by applying {@code each} to an
     * unknown element, which also reports steps no element could take.
     */
    private static Value unknownSource(Evaluator evaluator, Expression.Splat splat, Evaluator.Scope scope, Type type)
    {
        return switch (type) {
            case Type.Dynamic ignored -> Value.unknown(Type.DYNAMIC);
            case Type.ListType list -> Value.unknown(new Type.ListType(eachType(evaluator, splat, scope, list.element())));
            case Type.SetType set -> Value.unknown(new Type.ListType(eachType(evaluator, splat, scope, set.element())));
            case Type.TupleType tuple -> Value.unknown(new Type.TupleType(tuple.elements().stream().map(element -> eachType(evaluator, splat, scope, element)).toList()));
            default -> Value.tuple(each(evaluator, splat, scope, List.of(Value.unknown(type))));
        };
    }

    private static Type eachType(Evaluator evaluator, Expression.Splat splat, Evaluator.Scope scope, Type element)
    {
        return evaluator.evaluate(splat.each(), scope.withSplatElement(Value.unknown(element))).type();
    }

    private static List<Value> each(Evaluator evaluator, Expression.Splat splat, Evaluator.Scope scope, List<Value> elements)
    {
        List<Value> results = new ArrayList<>();
        for (Value element : elements) {
            results.add(evaluator.evaluate(splat.each(), scope.withSplatElement(element)));
        }
        return results;
    }

    private static Value asList(List<Value> results)
    {
        if (results.isEmpty()) {
            return Value.list(Type.DYNAMIC, List.of());
        }
        Optional<Type> element = Types.unify(results.stream().map(Value::type).toList());
        if (element.isEmpty()) {
            return Value.tuple(results);
        }
        List<Value> converted = new ArrayList<>();
        for (Value result : results) {
            try {
                converted.add(Conversion.convert(result, element.get()));
            }
            catch (ConversionException exception) {
                return Value.tuple(results);
            }
        }
        return Value.list(element.get(), converted);
    }
}
