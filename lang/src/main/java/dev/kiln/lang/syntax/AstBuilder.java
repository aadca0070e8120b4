package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.BodyItem;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.syntax.antlr.HclLexer;
import dev.kiln.lang.syntax.antlr.HclParser;
import dev.kiln.lang.syntax.antlr.HclParserBaseVisitor;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parse tree into Kiln's AST in one pass. Where the parser recovered from an
 * error, missing pieces become unknown-value placeholders so the partial tree stays usable
 * (the diagnostics already say what is wrong).
 */
final class AstBuilder
        extends HclParserBaseVisitor<Expression>
{
    private final SourcePositions positions;
    private final Diagnostics diagnostics;
    private final LiteralText literals;
    private final TermBuilder terms;

    AstBuilder(SourcePositions positions, Diagnostics diagnostics)
    {
        this.positions = positions;
        this.diagnostics = diagnostics;
        this.literals = new LiteralText(positions, diagnostics);
        this.terms = new TermBuilder(this);
    }

    Body configFile(HclParser.ConfigFileContext context)
    {
        for (TerminalNode stray : context.RBRACE()) {
            diagnostics.add(Diagnostic.error(
                    "Argument or block definition required",
                    "An argument or block definition is required here; this closing brace has no matching opening brace.",
                    range(stray.getSymbol(), stray.getSymbol())));
        }
        List<BodyItem> items = new ArrayList<>();
        for (HclParser.BodyContext body : context.body()) {
            items.addAll(items(body));
        }
        return new Body(withoutRedefinitions(items), positions.range(0, positions.codePointCount()));
    }

    Expression standaloneTemplate(HclParser.StandaloneTemplateContext context)
    {
        return TemplateBuilder.standalone(this, literals, context);
    }

    private List<BodyItem> items(HclParser.BodyContext body)
    {
        List<BodyItem> items = new ArrayList<>();
        if (body == null) {
            return items;
        }
        for (HclParser.BodyItemContext item : body.bodyItem()) {
            if (item.attribute() != null && item.attribute().name != null) {
                HclParser.AttributeContext attribute = item.attribute();
                items.add(attribute(attribute.name, attribute.expression(), attribute));
            }
            else if (item.block() != null && item.block().type != null) {
                HclParser.BlockContext block = item.block();
                items.add(block(block.type, block.blockLabel(), block.LBRACE(), block.blockContent(), block.RBRACE(), block));
            }
        }
        return items;
    }

    /** Reports every argument set a second time in one body, and keeps only the first. */
    private List<BodyItem> withoutRedefinitions(List<BodyItem> items)
    {
        Map<String, Attribute> seen = new HashMap<>();
        List<BodyItem> kept = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Attribute attribute) {
                Attribute first = seen.putIfAbsent(attribute.name(), attribute);
                if (first != null) {
                    diagnostics.add(Diagnostic.error(
                            "Attribute redefined",
                            "The argument \"" + attribute.name() + "\" was already set at " + first.nameRange() + ". Each argument may be set only once.",
                            attribute.nameRange()));
                    continue;
                }
            }
            kept.add(item);
        }
        return kept;
    }

    private Attribute attribute(HclParser.IdentifierContext name, HclParser.ExpressionContext value, ParserRuleContext context)
    {
        Expression expression = expression(value, context);
        return new Attribute(name(name), expression, range(name), range(name).through(expression.range()));
    }

    private Block block(
            HclParser.IdentifierContext type,
            List<HclParser.BlockLabelContext> labelContexts,
            TerminalNode open,
            HclParser.BlockContentContext content,
            TerminalNode close,
            ParserRuleContext context)
    {
        List<Block.Label> labels = new ArrayList<>();
        for (HclParser.BlockLabelContext label : labelContexts) {
            labels.add(label(label));
        }
        SourceRange typeRange = range(type);
        SourceRange headerRange = labels.isEmpty() ? typeRange : typeRange.through(labels.getLast().range());
        SourceRange end = close != null && close.getSymbol().getStartIndex() >= 0 ? range(close.getSymbol(), close.getSymbol()) : range(context);
        SourceRange bodyRange = open != null ? range(open.getSymbol(), open.getSymbol()).through(end) : end;
        Body body = new Body(withoutRedefinitions(blockItems(content)), bodyRange);
        return new Block(name(type), labels, body, typeRange, headerRange, typeRange.through(end));
    }

    private List<BodyItem> blockItems(HclParser.BlockContentContext content)
    {
        if (content == null) {
            return List.of();
        }
        if (content.NEWLINE() != null) {
            return items(content.body());
        }
        return switch (content.oneLineItem()) {
            case null -> List.of();
            case HclParser.OneLineAttributeContext attribute when attribute.name != null ->
                    List.of(attribute(attribute.name, attribute.expression(), attribute));
            case HclParser.OneLineNestedBlockContext nested when nested.type != null -> {
                diagnostics.add(Diagnostic.error(
                        "Invalid single-argument block definition",
                        "A single-line block definition cannot contain another block definition. Put the nested block on its own line.",
                        nested.LBRACE() == null ? range(nested.type) : range(nested.type.getStart(), nested.LBRACE().getSymbol())));
                yield List.of(block(nested.type, nested.blockLabel(), nested.LBRACE(), nested.blockContent(), nested.RBRACE(), nested));
            }
            default -> List.of();
        };
    }

    private Block.Label label(HclParser.BlockLabelContext label)
    {
        if (label.identifier() != null) {
            return new Block.Label(name(label.identifier()), range(label));
        }
        Expression template = TemplateBuilder.quoted(this, literals, label.quotedTemplate());
        String value = TemplateBuilder.literalValue(template).orElseGet(() -> {
            diagnostics.add(Diagnostic.error(
                    "Invalid block label",
                    "A block label must be a literal string: template sequences (\"${\" or \"%{\") are not allowed here."
                            + " To include a literal \"${\", write \"$${\".",
                    range(label)));
            return "";
        });
        return new Block.Label(value, range(label));
    }

    /** The expression for {@code context}, or a placeholder at {@code enclosing} when the parser lost it. */
    Expression expression(HclParser.ExpressionContext context, ParserRuleContext enclosing)
    {
        if (context == null) {
            return placeholder(enclosing == null ? positions.range(positions.codePointCount(), positions.codePointCount()) : end(enclosing));
        }
        Expression expression = context.accept(this);
        return expression != null ? expression : placeholder(range(context));
    }

    Expression expression(HclParser.ExpressionContext context)
    {
        return expression(context, context);
    }

    @Override
    public Expression visitTermExpression(HclParser.TermExpressionContext context)
    {
        return context.exprTerm() == null ? placeholder(range(context)) : terms.term(context.exprTerm());
    }

    @Override
    public Expression visitUnaryExpression(HclParser.UnaryExpressionContext context)
    {
        Operator operator = context.operator != null && context.operator.getType() == HclLexer.BANG ? Operator.NOT : Operator.NEGATE;
        return new Expression.Unary(operator, expression(context.expression(), context), range(context));
    }

    @Override
    public Expression visitBinaryExpression(HclParser.BinaryExpressionContext context)
    {
        Deque<HclParser.BinaryExpressionContext> spine = new ArrayDeque<>();
        HclParser.ExpressionContext current = context;
        while (current instanceof HclParser.BinaryExpressionContext binary) {
            spine.push(binary);
            current = binary.left;
        }
        Expression result = expression(current, spine.peek());
        while (!spine.isEmpty()) {
            HclParser.BinaryExpressionContext binary = spine.pop();
            Expression right = expression(binary.right, binary);
            result = binary.operator == null
                    ? placeholder(result.range().through(right.range()))
                    : new Expression.Binary(operator(binary.operator), result, right, result.range().through(right.range()));
        }
        return result;
    }

    @Override
    public Expression visitConditionalExpression(HclParser.ConditionalExpressionContext context)
    {
        return new Expression.Conditional(
                expression(context.condition, context),
                expression(context.whenTrue, context),
                expression(context.whenFalse, context),
                range(context));
    }

    private static Operator operator(Token token)
    {
        return switch (token.getType()) {
            case HclLexer.STAR -> Operator.MULTIPLY;
            case HclLexer.SLASH -> Operator.DIVIDE;
            case HclLexer.PERCENT -> Operator.MODULO;
            case HclLexer.PLUS -> Operator.ADD;
            case HclLexer.MINUS -> Operator.SUBTRACT;
            case HclLexer.LESS -> Operator.LESS_THAN;
            case HclLexer.LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
            case HclLexer.GREATER -> Operator.GREATER_THAN;
            case HclLexer.GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
            case HclLexer.EQUAL -> Operator.EQUAL;
            case HclLexer.NOT_EQUAL -> Operator.NOT_EQUAL;
            case HclLexer.AND -> Operator.AND;
            default -> Operator.OR;
        };
    }

    Expression quotedTemplate(HclParser.QuotedTemplateContext context)
    {
        return TemplateBuilder.quoted(this, literals, context);
    }

    Expression heredocTemplate(HclParser.HeredocTemplateContext context)
    {
        return TemplateBuilder.heredoc(this, literals, context);
    }

    /**
     * Reports a problem found while building the tree, unless the parser's recovery already
     * reported one of the same kind on the same line: both would be about one mistake.
     */
    void report(Diagnostic diagnostic)
    {
        if (diagnostic.subject().isPresent() && sameKindOnLine(diagnostic)) {
            return;
        }
        diagnostics.add(diagnostic);
    }

    private boolean sameKindOnLine(Diagnostic diagnostic)
    {
        int line = diagnostic.subject().get().start().line();
        return diagnostics.toList().stream().anyMatch(reported -> reported.summary().equals(diagnostic.summary())
                && reported.subject().isPresent()
                && reported.subject().get().start().line() == line);
    }

    Expression placeholder(SourceRange range)
    {
        return new Expression.Literal(Value.unknown(Type.DYNAMIC), range);
    }

    String name(ParserRuleContext identifier)
    {
        return identifier == null || identifier.getStart().getStartIndex() < 0 ? "" : identifier.getText();
    }

    SourceRange range(ParserRuleContext context)
    {
        int start = startOf(context.getStart());
        int end = context.getStop() == null ? start : endOf(context.getStop());
        return positions.range(start, Math.max(start, end));
    }

    SourceRange range(Token first, Token last)
    {
        int start = startOf(first);
        return positions.range(start, Math.max(start, endOf(last)));
    }

    private SourceRange end(ParserRuleContext context)
    {
        SourceRange range = range(context);
        return new SourceRange(range.filename(), range.end(), range.end());
    }

    private int startOf(Token token)
    {
        return token.getType() == Token.EOF || token.getStartIndex() < 0 ? positions.codePointCount() : token.getStartIndex();
    }

    private int endOf(Token token)
    {
        return token.getType() == Token.EOF || token.getStopIndex() < 0 ? positions.codePointCount() : token.getStopIndex() + 1;
    }
}
