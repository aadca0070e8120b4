package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Reads type constraints as Terraform writes them: {@code string}, {@code number},
 * {@code bool}, {@code any}, {@code list(T)}, {@code set(T)}, {@code map(T)},
 * {@code tuple([T, ...])}, {@code object({name = T, ...})}, and inside object types
 * {@code optional(T)} or {@code optional(T, default)}. Problems are "Invalid type
 * specification" diagnostics; the partial result uses {@code any} where a part was invalid.
 */
public final class TypeConstraints
{
    private static final String SUMMARY = "Invalid type specification";
    private static final List<String> KEYWORDS = List.of("any", "bool", "number", "string", "list", "map", "set", "object", "tuple", "optional");

    private final Diagnostics diagnostics;

    private TypeConstraints(Diagnostics diagnostics)
    {
        this.diagnostics = diagnostics;
    }

    public static TypeConstraint parse(Expression expression, Diagnostics diagnostics)
    {
        requireNonNull(expression, "expression is null");
        requireNonNull(diagnostics, "diagnostics is null");
        Parsed parsed = new TypeConstraints(diagnostics).type(expression);
        return new TypeConstraint(parsed.type(), parsed.defaults());
    }

    private record Parsed(Type type, TypeDefaults defaults)
    {
        static Parsed of(Type type)
        {
            return new Parsed(type, TypeDefaults.NONE);
        }
    }

    private Parsed type(Expression expression)
    {
        return switch (expression) {
            case Expression.ScopeTraversal traversal -> keyword(traversal);
            case Expression.FunctionCall call -> constructor(call);
            case Expression.Parenthesized parenthesized -> type(parenthesized.inner());
            case Expression.Template template when isPlainString(template) -> {
                error("A type specification is not a string: write it without quotes, like string or list(string).", expression.range());
                yield Parsed.of(Type.DYNAMIC);
            }
            default -> {
                error("A type specification is either a primitive type keyword (bool, number, string), the keyword any, "
                        + "or a complex type constructor call, like list(string).", expression.range());
                yield Parsed.of(Type.DYNAMIC);
            }
        };
    }

    private Parsed keyword(Expression.ScopeTraversal traversal)
    {
        List<Traverser> steps = traversal.traversal().steps();
        String name = traversal.traversal().rootName();
        if (steps.size() > 1) {
            error("A type specification is a keyword such as string or a constructor call such as list(string), not a reference.", traversal.range());
            return Parsed.of(Type.DYNAMIC);
        }
        return switch (name) {
            case "string" -> Parsed.of(Type.STRING);
            case "number" -> Parsed.of(Type.NUMBER);
            case "bool" -> Parsed.of(Type.BOOL);
            case "any" -> Parsed.of(Type.DYNAMIC);
            case "list", "set", "map" -> {
                error("The " + name + " type constructor requires one argument specifying the element type, like " + name + "(string).", traversal.range());
                yield Parsed.of(Type.DYNAMIC);
            }
            case "tuple", "object", "optional" -> {
                error("The " + name + " type constructor must be called with its arguments, like " + example(name) + ".", traversal.range());
                yield Parsed.of(Type.DYNAMIC);
            }
            default -> {
                error("The keyword " + Evaluator.quote(name) + " is not a valid type specification." + DidYouMean.sentence(name, KEYWORDS), traversal.range());
                yield Parsed.of(Type.DYNAMIC);
            }
        };
    }

    private static String example(String name)
    {
        return switch (name) {
            case "tuple" -> "tuple([string, number])";
            case "object" -> "object({ name = string })";
            default -> name + "(string)";
        };
    }

    private Parsed constructor(Expression.FunctionCall call)
    {
        String name = call.name();
        return switch (name) {
            case "list", "set", "map" -> {
                if (!oneArgument(call)) {
                    yield Parsed.of(Type.DYNAMIC);
                }
                Parsed element = type(call.arguments().getFirst());
                Type type = switch (name) {
                    case "list" -> new Type.ListType(element.type());
                    case "set" -> new Type.SetType(element.type());
                    default -> new Type.MapType(element.type());
                };
                yield new Parsed(type, nested("", element.defaults()));
            }
            case "tuple" -> oneArgument(call) ? tuple(call.arguments().getFirst()) : Parsed.of(Type.DYNAMIC);
            case "object" -> oneArgument(call) ? object(call.arguments().getFirst()) : Parsed.of(Type.DYNAMIC);
            case "optional" -> {
                error("Keyword \"optional\" is valid only as a modifier for object type attributes.", call.nameRange());
                yield Parsed.of(Type.DYNAMIC);
            }
            case "string", "number", "bool", "any" -> {
                error("Primitive type keyword " + Evaluator.quote(name) + " does not expect arguments.", call.range());
                yield Parsed.of(Type.DYNAMIC);
            }
            default -> {
                error("Keyword " + Evaluator.quote(name) + " is not a valid type constructor." + DidYouMean.sentence(name, KEYWORDS), call.nameRange());
                yield Parsed.of(Type.DYNAMIC);
            }
        };
    }

    private boolean oneArgument(Expression.FunctionCall call)
    {
        if (call.arguments().size() != 1 || call.expandFinal()) {
            error("The " + call.name() + " type constructor requires exactly one argument, like " + example(call.name()) + ".", call.range());
            return false;
        }
        return true;
    }

    private Parsed tuple(Expression argument)
    {
        if (!(argument instanceof Expression.TupleConstructor elements)) {
            error("The tuple type constructor requires a list of element types, like tuple([string, number]).", argument.range());
            return Parsed.of(Type.DYNAMIC);
        }
        List<Type> types = new ArrayList<>();
        Map<String, TypeDefaults> children = new HashMap<>();
        for (int index = 0; index < elements.elements().size(); index++) {
            Parsed element = type(elements.elements().get(index));
            types.add(element.type());
            if (!element.defaults().isEmpty()) {
                children.put(Integer.toString(index), element.defaults());
            }
        }
        return new Parsed(new Type.TupleType(types), new TypeDefaults(Map.of(), children));
    }

    private Parsed object(Expression argument)
    {
        if (!(argument instanceof Expression.ObjectConstructor items)) {
            error("The object type constructor requires an object of attribute types, like object({ name = string }).", argument.range());
            return Parsed.of(Type.DYNAMIC);
        }
        TreeMap<String, Type> attributes = new TreeMap<>();
        Set<String> optional = new TreeSet<>();
        Map<String, Value> defaults = new TreeMap<>();
        Map<String, TypeDefaults> children = new HashMap<>();
        for (ObjectItem item : items.items()) {
            Optional<String> name = attributeName(item);
            if (name.isEmpty()) {
                continue;
            }
            if (attributes.containsKey(name.get())) {
                error("The object type attribute " + Evaluator.quote(name.get()) + " is defined more than once.", item.key().range());
                continue;
            }
            Parsed attribute = attribute(item.value(), name.get(), optional, defaults);
            attributes.put(name.get(), attribute.type());
            if (!attribute.defaults().isEmpty()) {
                children.put(name.get(), attribute.defaults());
            }
        }
        return new Parsed(new Type.ObjectType(attributes, optional), new TypeDefaults(defaults, children));
    }

    private Optional<String> attributeName(ObjectItem item)
    {
        Expression key = item.key() instanceof Expression.Parenthesized parenthesized ? parenthesized.inner() : item.key();
        if (item.bareKey() && key instanceof Expression.ScopeTraversal traversal) {
            return Optional.of(traversal.traversal().rootName());
        }
        if (key instanceof Expression.Template template && isPlainString(template)) {
            return Optional.of(template.parts().stream().map(part -> ((TemplatePart.Literal) part).text()).reduce("", String::concat));
        }
        error("Object type attribute names must be identifiers or quoted strings.", item.key().range());
        return Optional.empty();
    }

    private Parsed attribute(Expression expression, String name, Set<String> optional, Map<String, Value> defaults)
    {
        if (!(expression instanceof Expression.FunctionCall call) || !call.name().equals("optional")) {
            return type(expression);
        }
        if (call.arguments().isEmpty() || call.arguments().size() > 2 || call.expandFinal()) {
            error("The optional modifier requires the attribute type and may have a default value, like optional(string) or optional(string, \"x\").", call.range());
            return Parsed.of(Type.DYNAMIC);
        }
        optional.add(name);
        Parsed attribute = type(call.arguments().getFirst());
        if (call.arguments().size() == 2) {
            defaultValue(call.arguments().get(1), attribute).ifPresent(value -> defaults.put(name, value));
        }
        return attribute;
    }

    private Optional<Value> defaultValue(Expression expression, Parsed attribute)
    {
        Diagnostics evaluation = new Diagnostics();
        Value value = Evaluator.evaluate(expression, EvalContext.of(Map.of(), Map.of()), evaluation);
        if (evaluation.hasErrors()) {
            diagnostics.addAll(evaluation.toList());
            return Optional.empty();
        }
        try {
            new TypeConstraint(attribute.type(), attribute.defaults()).apply(value);
            return Optional.of(value);
        }
        catch (ConversionException exception) {
            diagnostics.add(Diagnostic.error("Invalid default value for optional attribute",
                    "This default value is not compatible with the attribute's type constraint: " + exception.getMessage() + ".", expression.range()));
            return Optional.empty();
        }
    }

    private static TypeDefaults nested(String key, TypeDefaults child)
    {
        return child.isEmpty() ? TypeDefaults.NONE : new TypeDefaults(Map.of(), Map.of(key, child));
    }

    private static boolean isPlainString(Expression.Template template)
    {
        return template.parts().stream().allMatch(TemplatePart.Literal.class::isInstance);
    }

    private void error(String detail, SourceRange range)
    {
        diagnostics.add(Diagnostic.error(SUMMARY, detail, range));
    }
}
