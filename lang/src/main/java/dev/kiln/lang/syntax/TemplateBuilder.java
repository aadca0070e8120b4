package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.syntax.antlr.HclLexer;
import dev.kiln.lang.syntax.antlr.HclParser;
import org.antlr.v4.runtime.Token;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds templates: literal text with escapes decoded (backslash escapes in quoted
 * strings only), flush-heredoc indentation removed, strip markers applied to adjacent
 * literal text, adjacent literal tokens merged, NFC normalization as HCL does.
 */
final class TemplateBuilder
{
    enum Flavor
    {
        QUOTED,
        HEREDOC,
        FLUSH_HEREDOC,
        STANDALONE,
    }

    private final AstBuilder builder;
    private final LiteralText literals;
    // Small to start with: most templates are one quoted literal, and there is one builder per template.
    private final List<Token> sequence = new ArrayList<>(4);
    private final Map<Token, Integer> sequenceIndex = new IdentityHashMap<>(4);
    private final Map<Token, String> texts = new IdentityHashMap<>(4);

    private TemplateBuilder(AstBuilder builder, LiteralText literals)
    {
        this.builder = builder;
        this.literals = literals;
    }

    static Expression quoted(AstBuilder builder, LiteralText literals, HclParser.QuotedTemplateContext context)
    {
        return new TemplateBuilder(builder, literals).build(context.templateContent(), Flavor.QUOTED, builder.range(context));
    }

    static Expression heredoc(AstBuilder builder, LiteralText literals, HclParser.HeredocTemplateContext context)
    {
        boolean flush = context.HEREDOC_OPEN().getText().startsWith("<<-");
        return new TemplateBuilder(builder, literals)
                .build(context.templateContent(), flush ? Flavor.FLUSH_HEREDOC : Flavor.HEREDOC, builder.range(context));
    }

    static Expression standalone(AstBuilder builder, LiteralText literals, HclParser.StandaloneTemplateContext context)
    {
        return new TemplateBuilder(builder, literals).build(context.templateContent(), Flavor.STANDALONE, builder.range(context));
    }

    /** The string a quoted template holds when it is literal text only (block labels, keys). */
    static Optional<String> literalValue(Expression expression)
    {
        if (!(expression instanceof Expression.Template template)) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (TemplatePart part : template.parts()) {
            if (!(part instanceof TemplatePart.Literal literal)) {
                return Optional.empty();
            }
            text.append(literal.text());
        }
        return Optional.of(text.toString());
    }

    private Expression build(HclParser.TemplateContentContext content, Flavor flavor, SourceRange range)
    {
        if (content == null) {
            return new Expression.Template(List.of(), range);
        }
        List<HclParser.TemplateItemContext> items = content.templateItem();
        if (items.size() == 1 && items.getFirst() instanceof HclParser.TemplateInterpolationContext interpolation) {
            return new Expression.TemplateWrap(builder.expression(interpolation.expression(), interpolation), range);
        }
        collect(content);
        for (Token token : sequence) {
            if (isLiteral(token)) {
                texts.put(token, literals.decode(token, flavor == Flavor.QUOTED));
            }
        }
        if (flavor == Flavor.FLUSH_HEREDOC) {
            flushIndentation();
        }
        return new Expression.Template(parts(content), range);
    }

    private void collect(HclParser.TemplateContentContext content)
    {
        if (content == null) {
            return;
        }
        for (HclParser.TemplateItemContext item : content.templateItem()) {
            switch (item) {
                case HclParser.TemplateLiteralContext literal -> add(literal.getStart());
                case HclParser.TemplateInterpolationContext interpolation -> {
                    add(interpolation.INTERP_OPEN().getSymbol());
                    add(interpolation.templateClose());
                }
                case HclParser.TemplateIfItemContext ifItem -> {
                    HclParser.TemplateIfContext directive = ifItem.templateIf();
                    add(directive.ifOpen);
                    add(directive.ifClose);
                    collect(directive.whenTrue);
                    add(directive.elseOpen);
                    add(directive.elseClose);
                    collect(directive.whenFalse);
                    add(directive.endOpen);
                    add(directive.endClose);
                }
                case HclParser.TemplateForItemContext forItem -> {
                    HclParser.TemplateForContext directive = forItem.templateFor();
                    add(directive.forOpen);
                    add(directive.forClose);
                    collect(directive.templateContent());
                    add(directive.endOpen);
                    add(directive.endClose);
                }
                default -> { }
            }
        }
    }

    private void add(HclParser.TemplateCloseContext close)
    {
        if (close != null) {
            add(close.getStart());
        }
    }

    private void add(Token token)
    {
        if (token != null && token.getStartIndex() >= 0) {
            sequenceIndex.put(token, sequence.size());
            sequence.add(token);
        }
    }

    /** Removes the smallest indentation of the line-leading literals from each of them (blank lines aside). */
    private void flushIndentation()
    {
        int minimum = Integer.MAX_VALUE;
        List<Token> adjusted = new ArrayList<>();
        boolean lineStart = true;
        for (Token token : sequence) {
            if (lineStart) {
                if (isLiteral(token)) {
                    String text = texts.get(token);
                    int spaces = leadingSpaces(text);
                    boolean blank = text.endsWith("\n") && LiteralText.stripLeading(text).isEmpty();
                    if (!blank) {
                        minimum = Math.min(minimum, spaces);
                        adjusted.add(token);
                    }
                }
                else {
                    minimum = 0;
                }
            }
            lineStart = isLiteral(token) && texts.get(token).endsWith("\n");
        }
        if (minimum == Integer.MAX_VALUE || minimum == 0) {
            return;
        }
        for (Token token : adjusted) {
            String text = texts.get(token);
            texts.put(token, text.substring(text.offsetByCodePoints(0, minimum)));
        }
    }

    private static int leadingSpaces(String text)
    {
        int count = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            if (codePoint == '\n' || codePoint == '\r' || !LiteralText.isSpace(codePoint)) {
                break;
            }
            count++;
            index += Character.charCount(codePoint);
        }
        return count;
    }

    private List<TemplatePart> parts(HclParser.TemplateContentContext content)
    {
        List<TemplatePart> parts = new ArrayList<>();
        if (content == null) {
            return parts;
        }
        List<Token> run = new ArrayList<>();
        for (HclParser.TemplateItemContext item : content.templateItem()) {
            if (item instanceof HclParser.TemplateLiteralContext literal) {
                run.add(literal.getStart());
                continue;
            }
            flushRun(run, parts);
            switch (item) {
                case HclParser.TemplateInterpolationContext interpolation -> parts.add(new TemplatePart.Interpolation(
                        builder.expression(interpolation.expression(), interpolation), builder.range(interpolation)));
                case HclParser.TemplateIfItemContext ifItem -> parts.add(ifPart(ifItem.templateIf()));
                case HclParser.TemplateForItemContext forItem -> parts.add(forPart(forItem.templateFor()));
                default -> { }
            }
        }
        flushRun(run, parts);
        return parts;
    }

    private TemplatePart ifPart(HclParser.TemplateIfContext directive)
    {
        return new TemplatePart.If(
                builder.expression(directive.expression(), directive),
                parts(directive.whenTrue),
                parts(directive.whenFalse),
                builder.range(directive));
    }

    private TemplatePart forPart(HclParser.TemplateForContext directive)
    {
        Optional<String> key = directive.second == null ? Optional.empty() : Optional.of(builder.name(directive.first));
        String value = builder.name(directive.second == null ? directive.first : directive.second);
        return new TemplatePart.For(
                key,
                value,
                builder.expression(directive.expression(), directive),
                parts(directive.templateContent()),
                builder.range(directive));
    }

    private void flushRun(List<Token> run, List<TemplatePart> parts)
    {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Token token : run) {
            text.append(texts.getOrDefault(token, ""));
        }
        String value = text.toString();
        if (strips(run.getFirst(), -1)) {
            value = LiteralText.stripLeading(value);
        }
        if (strips(run.getLast(), 1)) {
            value = LiteralText.stripTrailing(value);
        }
        if (!value.isEmpty()) {
            SourceRange range = builder.range(run.getFirst(), run.getLast());
            parts.add(new TemplatePart.Literal(Normalizer.normalize(value, Normalizer.Form.NFC), range));
        }
        run.clear();
    }

    /** Whether the template sequence next to {@code token} (before: -1, after: +1) carries a strip marker toward it. */
    private boolean strips(Token token, int direction)
    {
        Integer index = sequenceIndex.get(token);
        if (index == null || index + direction < 0 || index + direction >= sequence.size()) {
            return false;
        }
        Token neighbour = sequence.get(index + direction);
        return direction < 0
                ? neighbour.getType() == HclLexer.STRIP_RBRACE
                : (neighbour.getType() == HclLexer.INTERP_OPEN || neighbour.getType() == HclLexer.DIRECTIVE_OPEN) && neighbour.getText().endsWith("~");
    }

    private static boolean isLiteral(Token token)
    {
        int type = token.getType();
        return type == HclLexer.QUOTED_LITERAL || type == HclLexer.HEREDOC_LITERAL || type == HclLexer.TEMPLATE_LITERAL;
    }
}
