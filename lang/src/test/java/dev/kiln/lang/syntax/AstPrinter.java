package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.BodyItem;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.stream.Collectors;

/** A canonical one-line rendering of the AST, for tests. */
final class AstPrinter
{
    private AstPrinter() {}

    static String print(Body body)
    {
        return body.items().stream().map(AstPrinter::print).collect(Collectors.joining("; "));
    }

    static String print(BodyItem item)
    {
        return switch (item) {
            case Attribute attribute -> attribute.name() + " = " + print(attribute.expression());
            case Block block -> block.type()
                    + block.labels().stream().map(label -> " " + quote(label.value())).collect(Collectors.joining())
                    + " { " + print(block.body()) + (block.body().items().isEmpty() ? "}" : " }");
        };
    }

    static String print(Expression expression)
    {
        return switch (expression) {
            case Expression.Literal literal -> value(literal.value());
            case Expression.Template template -> "template(" + parts(template.parts()) + ")";
            case Expression.TemplateWrap wrap -> "wrap(" + print(wrap.wrapped()) + ")";
            case Expression.ScopeTraversal traversal -> "ref(" + traversal(traversal.traversal()) + ")";
            case Expression.RelativeTraversal relative -> "rel(" + print(relative.source()) + ", " + traversal(relative.steps()) + ")";
            case Expression.FunctionCall call -> call.name() + "(" + list(call.arguments()) + (call.expandFinal() ? "..." : "") + ")";
            case Expression.Conditional conditional -> "(" + print(conditional.condition()) + " ? " + print(conditional.whenTrue())
                    + " : " + print(conditional.whenFalse()) + ")";
            case Expression.Binary binary -> "(" + print(binary.left()) + " " + binary.operator().symbol() + " " + print(binary.right()) + ")";
            case Expression.Unary unary -> "(" + unary.operator().symbol() + print(unary.operand()) + ")";
            case Expression.TupleConstructor tuple -> "[" + list(tuple.elements()) + "]";
            case Expression.ObjectConstructor object -> "{" + object.items().stream().map(AstPrinter::item).collect(Collectors.joining(", ")) + "}";
            case Expression.For forExpression -> forExpression(forExpression);
            case Expression.Index index -> "index(" + print(index.collection()) + ", " + print(index.key()) + ")";
            case Expression.Splat splat -> "splat(" + print(splat.source()) + ", " + print(splat.each()) + ")";
            case Expression.SplatElement ignored -> "@";
            case Expression.Parenthesized parenthesized -> "paren(" + print(parenthesized.inner()) + ")";
        };
    }

    private static String forExpression(Expression.For expression)
    {
        String variables = expression.keyVariable().map(key -> key + ", ").orElse("") + expression.valueVariable();
        String result = expression.keyResult().map(key -> print(key) + " => ").orElse("") + print(expression.valueResult())
                + (expression.grouping() ? "..." : "");
        String condition = expression.condition().map(filter -> " if " + print(filter)).orElse("");
        String body = "for " + variables + " in " + print(expression.collection()) + ": " + result + condition;
        return expression.isObjectForm() ? "{" + body + "}" : "[" + body + "]";
    }

    private static String item(ObjectItem item)
    {
        String key = item.bareKey() ? ((Expression.ScopeTraversal) item.key()).traversal().rootName() : "<" + print(item.key()) + ">";
        return key + " = " + print(item.value());
    }

    private static String parts(List<TemplatePart> parts)
    {
        return parts.stream().map(AstPrinter::part).collect(Collectors.joining(", "));
    }

    private static String part(TemplatePart part)
    {
        return switch (part) {
            case TemplatePart.Literal literal -> quote(literal.text());
            case TemplatePart.Interpolation interpolation -> "${" + print(interpolation.expression()) + "}";
            case TemplatePart.If directive -> "%if(" + print(directive.condition()) + "){" + parts(directive.whenTrue()) + "}{"
                    + parts(directive.whenFalse()) + "}";
            case TemplatePart.For directive -> "%for(" + directive.keyVariable().map(key -> key + ", ").orElse("") + directive.valueVariable()
                    + " in " + print(directive.collection()) + "){" + parts(directive.body()) + "}";
        };
    }

    private static String traversal(Traversal traversal)
    {
        return traversal.steps().stream().map(step -> switch (step) {
            case Traverser.Root root -> root.name();
            case Traverser.Attribute attribute -> "." + attribute.name();
            case Traverser.Index index -> "[" + value(index.key()) + "]";
        }).collect(Collectors.joining());
    }

    private static String list(List<Expression> expressions)
    {
        return expressions.stream().map(AstPrinter::print).collect(Collectors.joining(", "));
    }

    private static String value(Value value)
    {
        return switch (value) {
            case Value.NumberValue number -> number.value().toPlainString();
            case Value.StringValue string -> quote(string.value());
            case Value.BoolValue bool -> Boolean.toString(bool.value());
            case Value.Null ignored -> "null";
            case Value.Unknown ignored -> "<invalid>";
            default -> value.toString();
        };
    }

    static String quote(String text)
    {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }
}
