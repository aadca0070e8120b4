package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An HCL native-syntax expression, as written. Evaluation lives in {@code lang.eval};
 * every node keeps the source range it was parsed from.
 */
public sealed interface Expression
{
    SourceRange range();

    /** A number, {@code true}, {@code false} or {@code null}. */
    record Literal(Value value, SourceRange range)
            implements Expression
    {
        public Literal
        {
            requireNonNull(value, "value is null");
            requireNonNull(range, "range is null");
        }
    }

    /**
     * A quoted string or heredoc: literal text, interpolations and directives. Strip markers
     * ({@code ~}) and heredoc indentation are already applied to the literal parts.
     */
    record Template(List<TemplatePart> parts, SourceRange range)
            implements Expression
    {
        public Template
        {
            parts = List.copyOf(parts);
            requireNonNull(range, "range is null");
        }
    }

    /**
     * A template that is exactly one interpolation, {@code "${x}"}: it evaluates to the
     * value of {@code x} unchanged (not converted to a string), as HCL specifies.
     */
    record TemplateWrap(Expression wrapped, SourceRange range)
            implements Expression
    {
        public TemplateWrap
        {
            requireNonNull(wrapped, "wrapped is null");
            requireNonNull(range, "range is null");
        }
    }

    /**
     * A static reference: a root variable name followed by attribute names and literal
     * indexes, {@code var.x}, {@code node.w[0].address}, {@code each.value}.
     */
    record ScopeTraversal(Traversal traversal, SourceRange range)
            implements Expression
    {
        public ScopeTraversal
        {
            requireNonNull(traversal, "traversal is null");
            requireNonNull(range, "range is null");
        }
    }

    /** {@code name(args)}; {@code expandFinal} when the last argument ends with {@code ...}. */
    record FunctionCall(String name, List<Expression> arguments, boolean expandFinal, SourceRange nameRange, SourceRange range)
            implements Expression
    {
        public FunctionCall
        {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(arguments);
            requireNonNull(nameRange, "nameRange is null");
            requireNonNull(range, "range is null");
        }
    }

    record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, SourceRange range)
            implements Expression
    {
        public Conditional
        {
            requireNonNull(condition, "condition is null");
            requireNonNull(whenTrue, "whenTrue is null");
            requireNonNull(whenFalse, "whenFalse is null");
            requireNonNull(range, "range is null");
        }
    }

    record Binary(Operator operator, Expression left, Expression right, SourceRange range)
            implements Expression
    {
        public Binary
        {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(range, "range is null");
        }
    }

    /** {@code !x} or {@code -x}. */
    record Unary(Operator operator, Expression operand, SourceRange range)
            implements Expression
    {
        public Unary
        {
            requireNonNull(operator, "operator is null");
            requireNonNull(operand, "operand is null");
            requireNonNull(range, "range is null");
        }
    }

    record TupleConstructor(List<Expression> elements, SourceRange range)
            implements Expression
    {
        public TupleConstructor
        {
            elements = List.copyOf(elements);
            requireNonNull(range, "range is null");
        }
    }

    record ObjectConstructor(List<ObjectItem> items, SourceRange range)
            implements Expression
    {
        public ObjectConstructor
        {
            items = List.copyOf(items);
            requireNonNull(range, "range is null");
        }
    }

    /**
     * {@code [for k, v in coll : value if cond]} (tuple form, no {@code keyResult}) or
     * {@code {for k, v in coll : key => value... if cond}} (object form). {@code keyVariable}
     * is empty when only one iteration variable is declared.
     */
    record For(
            Optional<String> keyVariable,
            String valueVariable,
            Expression collection,
            Optional<Expression> keyResult,
            Expression valueResult,
            Optional<Expression> condition,
            boolean grouping,
            SourceRange range)
            implements Expression
    {
        public For
        {
            requireNonNull(keyVariable, "keyVariable is null");
            requireNonNull(valueVariable, "valueVariable is null");
            requireNonNull(collection, "collection is null");
            requireNonNull(keyResult, "keyResult is null");
            requireNonNull(valueResult, "valueResult is null");
            requireNonNull(condition, "condition is null");
            requireNonNull(range, "range is null");
        }

        public boolean isObjectForm()
        {
            return keyResult.isPresent();
        }
    }

    /** {@code collection[key]} where the key is not a literal (literal keys make a traversal). */
    record Index(Expression collection, Expression key, SourceRange range)
            implements Expression
    {
        public Index
        {
            requireNonNull(collection, "collection is null");
            requireNonNull(key, "key is null");
            requireNonNull(range, "range is null");
        }
    }

    /** Attribute access or literal index steps applied to a non-variable source, {@code f(x).a[0]}. */
    record RelativeTraversal(Expression source, Traversal steps, SourceRange range)
            implements Expression
    {
        public RelativeTraversal
        {
            requireNonNull(source, "source is null");
            requireNonNull(steps, "steps is null");
            requireNonNull(range, "range is null");
        }
    }

    /**
     * {@code source[*].a.b} (full splat) or {@code source.*.a} (attribute-only splat):
     * {@code each} is evaluated once per element with {@link SplatElement} standing for it.
     */
    record Splat(Expression source, Expression each, SourceRange range)
            implements Expression
    {
        public Splat
        {
            requireNonNull(source, "source is null");
            requireNonNull(each, "each is null");
            requireNonNull(range, "range is null");
        }
    }

    /** The current element inside a {@link Splat}'s {@code each}. */
    record SplatElement(SourceRange range)
            implements Expression
    {
        public SplatElement
        {
            requireNonNull(range, "range is null");
        }
    }

    /** {@code ( expr )}: kept so object keys in parentheses are expressions, not names. */
    record Parenthesized(Expression inner, SourceRange range)
            implements Expression
    {
        public Parenthesized
        {
            requireNonNull(inner, "inner is null");
            requireNonNull(range, "range is null");
        }
    }
}
