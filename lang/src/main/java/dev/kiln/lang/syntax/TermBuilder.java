package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.syntax.antlr.HclLexer;
import dev.kiln.lang.syntax.antlr.HclParser;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import org.antlr.v4.runtime.tree.ParseTree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds expression terms: literals, collections, {@code for} expressions, calls, and the
 * postfix chain after them. Static steps (attribute names, literal indexes) gather into
 * traversals; a non-literal index or a splat closes the chain. A full splat {@code [*]}
 * takes every following step into its per-element expression; an attribute-only splat
 * {@code .*} takes only the attribute accesses (and legacy {@code .0} indexes) right after it.
 */
final class TermBuilder
{
    private final AstBuilder builder;

    TermBuilder(AstBuilder builder)
    {
        this.builder = builder;
    }

    Expression term(HclParser.ExprTermContext context)
    {
        if (context.primary() == null) {
            return builder.placeholder(builder.range(context));
        }
        HclParser.PrimaryContext primary = context.primary();
        Chain chain = primary instanceof HclParser.VariableContext variable
                ? Chain.scope(new Traverser.Root(builder.name(variable.variableName()), builder.range(variable)))
                : Chain.relative(primary(primary));
        return postfixes(chain, context.postfix());
    }

    private Expression postfixes(Chain chain, List<HclParser.PostfixContext> postfixes)
    {
        for (int index = 0; index < postfixes.size(); index++) {
            HclParser.PostfixContext postfix = postfixes.get(index);
            SourceRange range = builder.range(postfix);
            switch (postfix) {
                case HclParser.GetAttributeContext attribute -> chain.add(new Traverser.Attribute(builder.name(attribute.identifier()), range));
                case HclParser.LegacyIndexContext legacy -> chain.add(new Traverser.Index(legacyIndex(legacy, range), range));
                case HclParser.IndexContext indexStep -> {
                    Expression key = builder.expression(indexStep.expression(), indexStep);
                    Optional<Value> literal = literalKey(key);
                    if (literal.isPresent()) {
                        chain.add(new Traverser.Index(literal.get(), range));
                    }
                    else {
                        Expression collection = chain.expression();
                        chain = Chain.relative(new Expression.Index(collection, key, collection.range().through(range)));
                    }
                }
                case HclParser.FullSplatContext ignored -> {
                    Expression source = chain.expression();
                    Expression each = postfixes(Chain.relative(new Expression.SplatElement(range)), postfixes.subList(index + 1, postfixes.size()));
                    return new Expression.Splat(source, each, source.range().through(range).through(each.range()));
                }
                case HclParser.AttributeSplatContext ignored -> {
                    Expression source = chain.expression();
                    int end = index + 1;
                    while (end < postfixes.size()
                            && (postfixes.get(end) instanceof HclParser.GetAttributeContext || postfixes.get(end) instanceof HclParser.LegacyIndexContext)) {
                        end++;
                    }
                    Expression each = postfixes(Chain.relative(new Expression.SplatElement(range)), postfixes.subList(index + 1, end));
                    chain = Chain.relative(new Expression.Splat(source, each, source.range().through(range).through(each.range())));
                    index = end - 1;
                }
                default -> { }
            }
        }
        return chain.expression();
    }

    private Value legacyIndex(HclParser.LegacyIndexContext legacy, SourceRange range)
    {
        String digits = legacy.NUMBER().getText();
        if (!digits.chars().allMatch(Character::isDigit)) {
            builder.report(Diagnostic.error(
                    "Invalid legacy index",
                    "A legacy index such as \".0\" must be a whole number, and legacy indexes cannot be chained (\".0.0\"). Use brackets instead: [0][0].",
                    range));
            return Value.number(0);
        }
        return Value.number(new BigDecimal(digits));
    }

    private static Optional<Value> literalKey(Expression key)
    {
        if (key instanceof Expression.Literal literal && (literal.value() instanceof Value.NumberValue || literal.value() instanceof Value.StringValue)) {
            return Optional.of(literal.value());
        }
        return TemplateBuilder.literalValue(key).map(Value::string);
    }

    private Expression primary(HclParser.PrimaryContext context)
    {
        SourceRange range = builder.range(context);
        return switch (context) {
            case HclParser.NumberLiteralContext number -> number(number.NUMBER().getText(), range);
            case HclParser.KeywordLiteralContext keyword -> new Expression.Literal(switch (keyword.keyword.getType()) {
                case HclLexer.TRUE -> Value.bool(true);
                case HclLexer.FALSE -> Value.bool(false);
                default -> Value.nullOf(Type.DYNAMIC);
            }, range);
            case HclParser.FunctionCallContext call -> functionCall(call, range);
            case HclParser.QuotedTemplateExpressionContext quoted -> builder.quotedTemplate(quoted.quotedTemplate());
            case HclParser.HeredocExpressionContext heredoc -> builder.heredocTemplate(heredoc.heredocTemplate());
            case HclParser.ForTupleContext forTuple -> forExpression(forTuple.forIntro(), Optional.empty(), forTuple.value, false, forTuple.forCondition(), range, forTuple);
            case HclParser.ForObjectContext forObject -> forExpression(
                    forObject.forIntro(),
                    Optional.of(builder.expression(forObject.key, forObject)),
                    forObject.value,
                    forObject.ELLIPSIS() != null,
                    forObject.forCondition(),
                    range,
                    forObject);
            case HclParser.TupleContext tuple -> {
                if (!tuple.expression().isEmpty()) {
                    rejectLeadingFor(tuple.expression().getFirst());
                }
                yield new Expression.TupleConstructor(tuple.expression().stream().map(builder::expression).toList(), range);
            }
            case HclParser.ObjectContext object -> {
                if (!object.objectItem().isEmpty()) {
                    rejectLeadingFor(object.objectItem().getFirst().key);
                }
                yield new Expression.ObjectConstructor(objectItems(object), range);
            }
            case HclParser.ParenthesizedContext parenthesized -> new Expression.Parenthesized(
                    builder.expression(parenthesized.expression(), parenthesized), range);
            default -> builder.placeholder(range);
        };
    }

    /** HCL reads a tuple or object starting with a bare {@code for} as a for expression, so the other reading is an error. */
    private void rejectLeadingFor(HclParser.ExpressionContext first)
    {
        if (first instanceof HclParser.TermExpressionContext term
                && term.exprTerm() != null
                && term.exprTerm().primary() instanceof HclParser.VariableContext variable
                && variable.variableName().FOR() != null) {
            builder.report(Diagnostic.error(
                    "Invalid for expression",
                    "A tuple or object starting with the name \"for\" is read as a for expression. To use a variable named \"for\","
                            + " put it in parentheses: (for); for an object key named \"for\", quote it: \"for\".",
                    builder.range(variable)));
        }
    }

    private List<ObjectItem> objectItems(HclParser.ObjectContext object)
    {
        List<ObjectItem> items = new ArrayList<>();
        boolean separatorReported = false;
        for (ParseTree child : object.children) {
            if (child instanceof HclParser.ObjectItemContext item) {
                items.add(objectItem(item));
            }
            else if (child instanceof HclParser.UnseparatedObjectItemContext item && item.key != null) {
                // Once per object, as HCL skips the rest of an object after a missing separator.
                if (!separatorReported) {
                    builder.report(Diagnostic.error(
                            "Missing attribute separator",
                            "Expected a newline or comma to mark the beginning of the next attribute.",
                            builder.range(item.getStart(), item.getStart())));
                    separatorReported = true;
                }
                SourceRange keyRange = builder.range(item.key);
                Traversal name = new Traversal(List.of(new Traverser.Root(builder.name(item.key), keyRange)));
                items.add(new ObjectItem(new Expression.ScopeTraversal(name, keyRange), true, builder.expression(item.value, item)));
            }
        }
        return items;
    }

    private Expression number(String text, SourceRange range)
    {
        try {
            return new Expression.Literal(Value.number(new BigDecimal(text)), range);
        }
        catch (NumberFormatException | ArithmeticException tooLarge) {
            builder.report(Diagnostic.error(
                    "Invalid number literal",
                    "The number " + text + " is out of the range Kiln can represent: its exponent is too large.",
                    range));
            return builder.placeholder(range);
        }
    }

    private Expression functionCall(HclParser.FunctionCallContext call, SourceRange range)
    {
        List<Expression> arguments = new ArrayList<>();
        boolean expandFinal = false;
        if (call.arguments() != null) {
            arguments.addAll(call.arguments().expression().stream().map(builder::expression).toList());
            expandFinal = call.arguments().ELLIPSIS() != null;
        }
        SourceRange nameRange = call.name == null ? range : builder.range(call.name);
        return new Expression.FunctionCall(builder.name(call.name), arguments, expandFinal, nameRange, range);
    }

    private Expression forExpression(
            HclParser.ForIntroContext intro,
            Optional<Expression> keyResult,
            HclParser.ExpressionContext value,
            boolean grouping,
            HclParser.ForConditionContext condition,
            SourceRange range,
            HclParser.PrimaryContext context)
    {
        Optional<String> keyVariable = Optional.empty();
        String valueVariable = "";
        Expression collection = builder.placeholder(range);
        if (intro != null) {
            keyVariable = intro.second == null ? Optional.empty() : Optional.of(builder.name(intro.first));
            valueVariable = builder.name(intro.second == null ? intro.first : intro.second);
            collection = builder.expression(intro.collection, intro);
        }
        Optional<Expression> filter = condition == null ? Optional.empty() : Optional.of(builder.expression(condition.expression(), condition));
        return new Expression.For(keyVariable, valueVariable, collection, keyResult, builder.expression(value, context), filter, grouping, range);
    }

    private ObjectItem objectItem(HclParser.ObjectItemContext item)
    {
        Expression value = builder.expression(item.value, item);
        if (item.key instanceof HclParser.TermExpressionContext term
                && term.exprTerm() != null
                && term.exprTerm().postfix().isEmpty()
                && (term.exprTerm().primary() instanceof HclParser.VariableContext || term.exprTerm().primary() instanceof HclParser.KeywordLiteralContext)) {
            SourceRange range = builder.range(term);
            Traversal name = new Traversal(List.of(new Traverser.Root(term.getText(), range)));
            return new ObjectItem(new Expression.ScopeTraversal(name, range), true, value);
        }
        return new ObjectItem(builder.expression(item.key, item), false, value);
    }

    /** Static steps gathered so far, from a root variable (scope) or from a source expression (relative). */
    private static final class Chain
    {
        private final Expression source;
        private final List<Traverser> steps = new ArrayList<>();

        private Chain(Expression source)
        {
            this.source = source;
        }

        static Chain scope(Traverser.Root root)
        {
            Chain chain = new Chain(null);
            chain.steps.add(root);
            return chain;
        }

        static Chain relative(Expression source)
        {
            return new Chain(source);
        }

        void add(Traverser step)
        {
            steps.add(step);
        }

        Expression expression()
        {
            if (source == null) {
                SourceRange range = steps.getFirst().range().through(steps.getLast().range());
                return new Expression.ScopeTraversal(new Traversal(steps), range);
            }
            if (steps.isEmpty()) {
                return source;
            }
            return new Expression.RelativeTraversal(source, new Traversal(steps), source.range().through(steps.getLast().range()));
        }
    }
}
