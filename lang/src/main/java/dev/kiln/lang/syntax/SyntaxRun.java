package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.syntax.antlr.HclLexer;
import dev.kiln.lang.syntax.antlr.HclParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One parse of one text: lexing, lexical checks, newline filtering, two-stage prediction
 * (SLL, then full LL with error recovery only when SLL fails), and the AST build.
 */
final class SyntaxRun
{
    static final String INTERNAL_ERROR = "Internal parser error";
    private static final int MAXIMUM_NESTING = 100;

    private final SourcePositions positions;
    private final List<Token> tokens;
    private final Diagnostics diagnostics;

    SyntaxRun(String filename, String source, NewlineFilter.Start start, Diagnostics diagnostics)
    {
        this.positions = new SourcePositions(filename, source);
        this.diagnostics = diagnostics;
        this.tokens = SourceLexer.lex(source, start == NewlineFilter.Start.TEMPLATE);
        LexicalChecks.report(tokens, positions, diagnostics);
        NewlineFilter.apply(tokens, start);
    }

    Body body()
    {
        Body empty = new Body(List.of(), positions.range(0, positions.codePointCount()));
        return parse(HclParser::configFile)
                .map(tree -> build(builder -> builder.configFile(tree)).orElse(empty))
                .orElse(empty);
    }

    /** Empty when not even the start of an expression could be parsed. */
    Optional<Expression> expression()
    {
        return parse(HclParser::standaloneExpression)
                .flatMap(tree -> build(builder -> builder.expression(tree.expression(), tree)))
                .filter(expression -> !(expression instanceof Expression.Literal literal && !literal.value().isKnown()));
    }

    Optional<Expression> template()
    {
        return parse(HclParser::standaloneTemplate)
                .flatMap(tree -> build(builder -> builder.standaloneTemplate(tree)));
    }

    /**
     * Builds the AST. A failure here is a bug in Kiln, not in the file; it still becomes a
     * diagnostic (callers rely on the parser never throwing) that names the failure.
     */
    private <T> Optional<T> build(Function<AstBuilder, T> step)
    {
        try {
            return Optional.ofNullable(step.apply(new AstBuilder(positions, diagnostics)));
        }
        catch (StackOverflowError error) {
            diagnostics.add(tooDeep());
            return Optional.empty();
        }
        catch (RuntimeException failure) {
            diagnostics.add(Diagnostic.error(
                    INTERNAL_ERROR,
                    "Kiln could not build the syntax tree of this file (" + failure + "). This is a bug in Kiln; please report it with the file.",
                    positions.range(0, 0)));
            return Optional.empty();
        }
    }

    private <T extends ParserRuleContext> Optional<T> parse(Function<HclParser, T> rule)
    {
        if (nestingDepth() > MAXIMUM_NESTING) {
            diagnostics.add(tooDeep());
            return Optional.empty();
        }
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
        HclParser parser = new HclParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return Optional.of(rule.apply(parser));
        }
        catch (ParseCancellationException bail) {
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrorStrategy(positions, diagnostics));
            try {
                return Optional.of(rule.apply(parser));
            }
            catch (StackOverflowError error) {
                diagnostics.add(tooDeep());
                return Optional.empty();
            }
        }
        catch (StackOverflowError error) {
            diagnostics.add(tooDeep());
            return Optional.empty();
        }
    }

    private int nestingDepth()
    {
        int depth = 0;
        int maximum = 0;
        int unaryRun = 0;
        for (Token token : tokens) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            switch (token.getType()) {
                case HclLexer.LBRACE, HclLexer.LBRACKET, HclLexer.LPAREN, HclLexer.INTERP_OPEN, HclLexer.DIRECTIVE_OPEN,
                     HclLexer.OQUOTE, HclLexer.HEREDOC_OPEN -> depth++;
                case HclLexer.RBRACE, HclLexer.STRIP_RBRACE, HclLexer.RBRACKET, HclLexer.RPAREN, HclLexer.CQUOTE,
                     HclLexer.HEREDOC_CLOSE -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            boolean unary = token.getType() == HclLexer.MINUS || token.getType() == HclLexer.BANG;
            unaryRun = unary ? unaryRun + 1 : 0;
            maximum = Math.max(maximum, depth + unaryRun);
        }
        return maximum;
    }

    private Diagnostic tooDeep()
    {
        return Diagnostic.error(
                "Configuration too deeply nested",
                "This file nests brackets, braces, strings or operators more than " + MAXIMUM_NESTING
                        + " levels deep, which Kiln does not parse. Split the expression with locals.",
                positions.range(0, 0));
    }
}
