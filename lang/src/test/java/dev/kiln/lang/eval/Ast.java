package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds expression trees by hand for evaluator tests; every node gets the same placeholder range unless one is given. */
final class Ast
{
    static final SourceRange RANGE = SourceRange.synthetic("test.hcl");

    private Ast() {}

    /** A range on line 1 from {@code column} (1-based) spanning {@code length} characters. */
    static SourceRange at(int column, int length)
    {
        return new SourceRange("test.hcl", new Position(1, column, column - 1), new Position(1, column + length, column - 1 + length));
    }

    static Expression number(long value)
    {
        return new Expression.Literal(Value.number(value), RANGE);
    }

    static Expression number(String value)
    {
        return new Expression.Literal(Value.number(new BigDecimal(value)), RANGE);
    }

    static Expression bool(boolean value)
    {
        return new Expression.Literal(Value.bool(value), RANGE);
    }

    static Expression nullValue()
    {
        return new Expression.Literal(Value.nullOf(Type.DYNAMIC), RANGE);
    }

    static Expression string(String text)
    {
        return new Expression.Template(List.of(new TemplatePart.Literal(text, RANGE)), RANGE);
    }

    /** A template: strings become literal parts, expressions interpolations. */
    static Expression template(Object... parts)
    {
        return new Expression.Template(parts(parts), RANGE);
    }

    static List<TemplatePart> parts(Object... parts)
    {
        List<TemplatePart> result = new ArrayList<>();
        for (Object part : parts) {
            result.add(switch (part) {
                case String text -> new TemplatePart.Literal(text, RANGE);
                case Expression expression -> new TemplatePart.Interpolation(expression, RANGE);
                case TemplatePart templatePart -> templatePart;
                default -> throw new IllegalArgumentException(part.toString());
            });
        }
        return result;
    }

    /** {@code root.a[0]...}: strings are attribute steps, numbers index steps. */
    static Expression variable(String root, Object... steps)
    {
        return variableAt(RANGE, root, steps);
    }

    static Expression variableAt(SourceRange range, String root, Object... steps)
    {
        List<Traverser> traversers = new ArrayList<>();
        traversers.add(new Traverser.Root(root, range));
        traversers.addAll(steps(steps));
        return new Expression.ScopeTraversal(new Traversal(traversers), range);
    }

    static List<Traverser> steps(Object... steps)
    {
        List<Traverser> traversers = new ArrayList<>();
        for (Object step : steps) {
            traversers.add(switch (step) {
                case String name -> new Traverser.Attribute(name, RANGE);
                case Integer index -> new Traverser.Index(Value.number(index), RANGE);
                case Value key -> new Traverser.Index(key, RANGE);
                case Traverser traverser -> traverser;
                default -> throw new IllegalArgumentException(step.toString());
            });
        }
        return traversers;
    }

    static Expression relative(Expression source, Object... steps)
    {
        return new Expression.RelativeTraversal(source, new Traversal(steps(steps)), RANGE);
    }

    static Expression index(Expression collection, Expression key)
    {
        return new Expression.Index(collection, key, RANGE);
    }

    static Expression call(String name, Expression... arguments)
    {
        return new Expression.FunctionCall(name, List.of(arguments), false, RANGE, RANGE);
    }

    static Expression callExpanding(String name, Expression... arguments)
    {
        return new Expression.FunctionCall(name, List.of(arguments), true, RANGE, RANGE);
    }

    static Expression binary(Operator operator, Expression left, Expression right)
    {
        return new Expression.Binary(operator, left, right, RANGE);
    }

    static Expression unary(Operator operator, Expression operand)
    {
        return new Expression.Unary(operator, operand, RANGE);
    }

    static Expression conditional(Expression condition, Expression whenTrue, Expression whenFalse)
    {
        return new Expression.Conditional(condition, whenTrue, whenFalse, RANGE);
    }

    static Expression tuple(Expression... elements)
    {
        return new Expression.TupleConstructor(List.of(elements), RANGE);
    }

    /** Alternating keys and values; a String key is a bare name, an Expression key is evaluated. */
    static Expression object(Object... keysAndValues)
    {
        List<ObjectItem> items = new ArrayList<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            Expression value = (Expression) keysAndValues[index + 1];
            items.add(switch (keysAndValues[index]) {
                case String name -> new ObjectItem(variable(name), true, value);
                case Expression key -> new ObjectItem(new Expression.Parenthesized(key, RANGE), false, value);
                default -> throw new IllegalArgumentException(keysAndValues[index].toString());
            });
        }
        return new Expression.ObjectConstructor(items, RANGE);
    }

    static Expression forTuple(String key, String value, Expression collection, Expression result, Expression condition)
    {
        return new Expression.For(Optional.ofNullable(key), value, collection, Optional.empty(), result, Optional.ofNullable(condition), false, RANGE);
    }

    static Expression forObject(String key, String value, Expression collection, Expression keyResult, Expression result, Expression condition, boolean grouping)
    {
        return new Expression.For(Optional.ofNullable(key), value, collection, Optional.of(keyResult), result, Optional.ofNullable(condition), grouping, RANGE);
    }

    static Expression splat(Expression source, Expression each)
    {
        return new Expression.Splat(source, each, RANGE);
    }

    static Expression element(Object... steps)
    {
        Expression element = new Expression.SplatElement(RANGE);
        return steps.length == 0 ? element : relative(element, steps);
    }

    static TemplatePart ifDirective(Expression condition, List<TemplatePart> whenTrue, List<TemplatePart> whenFalse)
    {
        return new TemplatePart.If(condition, whenTrue, whenFalse, RANGE);
    }

    static TemplatePart forDirective(String key, String value, Expression collection, List<TemplatePart> body)
    {
        return new TemplatePart.For(Optional.ofNullable(key), value, collection, body, RANGE);
    }
}
