package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.syntax.antlr.HclLexer;
import dev.kiln.lang.syntax.antlr.HclParser;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.Pair;

import java.util.Optional;
import java.util.Set;

/**
 * ANTLR's recovery (single-token insertion and deletion, resynchronisation at what may
 * follow), reporting each error as a {@link Diagnostic} worded for people instead of a
 * console message. Conjured tokens are zero-width at the offending token, so every range
 * stays inside the text. After an error, recovery may stumble over the rest of the line:
 * a further error of the same kind on the same line is not reported again.
 */
final class SyntaxErrorStrategy
        extends DefaultErrorStrategy
{
    private final SourcePositions positions;
    private final Diagnostics diagnostics;
    /** Where the last error was reported: recovery can stumble over the rest of a line, and one error per kind and line is enough. */
    private int lastLine = -1;
    private String lastSummary = "";

    SyntaxErrorStrategy(SourcePositions positions, Diagnostics diagnostics)
    {
        this.positions = positions;
        this.diagnostics = diagnostics;
    }

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException error)
    {
        report(recognizer, error.getOffendingToken(), recognizer.getExpectedTokens());
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException error)
    {
        report(recognizer, error.getOffendingToken(), recognizer.getExpectedTokens());
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException error)
    {
        report(recognizer, error.getOffendingToken(), recognizer.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer)
    {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
    }

    @Override
    protected void reportMissingToken(Parser recognizer)
    {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
    }

    /**
     * A newline is never deleted to repair an error: it ends the item, so deleting it would
     * read the next line as part of the broken one ({@code a =} then {@code b = 1} would
     * become {@code a = b} and a second, made-up error).
     */
    @Override
    protected Token singleTokenDeletion(Parser recognizer)
    {
        if (recognizer.getInputStream().LA(1) == HclLexer.NEWLINE) {
            return null;
        }
        return super.singleTokenDeletion(recognizer);
    }

    /**
     * Where a construct has a definite closer, skip to it rather than guessing: a one-line
     * block with more than its single argument (or broken across lines) skips to its
     * closing brace, as HCL does; a broken template skips to its closing quote or heredoc
     * marker, a broken interpolation to its closing brace (both on the same line). The
     * error is reported once and the items after the construct parse normally.
     */
    @Override
    public Token recoverInline(Parser recognizer)
    {
        Optional<Closer> closer = closerFor(recognizer);
        if (closer.isPresent()) {
            int distance = closer.get().distance(recognizer.getInputStream());
            if (distance > 0) {
                if (!inErrorRecoveryMode(recognizer)) {
                    beginErrorCondition(recognizer);
                    report(recognizer, recognizer.getCurrentToken(), recognizer.getExpectedTokens());
                }
                for (int skipped = 1; skipped < distance; skipped++) {
                    recognizer.consume();
                }
                Token closing = recognizer.getCurrentToken();
                reportMatch(recognizer);
                recognizer.consume();
                return closing;
            }
        }
        return super.recoverInline(recognizer);
    }

    private static Optional<Closer> closerFor(Parser recognizer)
    {
        IntervalSet expected = recognizer.getExpectedTokens();
        return switch (recognizer.getContext()) {
            case HclParser.BlockContext block when block.blockContent() != null && block.blockContent().NEWLINE() == null
                    && expected.contains(HclLexer.RBRACE) -> Optional.of(Closer.BRACE);
            case HclParser.QuotedTemplateContext ignored when expected.contains(HclLexer.CQUOTE) -> Optional.of(Closer.QUOTE);
            case HclParser.HeredocTemplateContext ignored when expected.contains(HclLexer.HEREDOC_CLOSE) -> Optional.of(Closer.HEREDOC);
            case HclParser.TemplateCloseContext ignored -> Optional.of(Closer.SEQUENCE);
            default -> Optional.empty();
        };
    }

    /** A closing token to skip to: nesting counted with {@code openers}/{@code closers}, never past a {@code stops} token. */
    private record Closer(Set<Integer> targets, Set<Integer> openers, Set<Integer> closers, Set<Integer> stops, boolean sameLine)
    {
        private static final Set<Integer> BRACE_OPENERS = Set.of(HclLexer.LBRACE, HclLexer.INTERP_OPEN, HclLexer.DIRECTIVE_OPEN);
        private static final Set<Integer> BRACE_CLOSERS = Set.of(HclLexer.RBRACE, HclLexer.STRIP_RBRACE);

        static final Closer BRACE = new Closer(Set.of(HclLexer.RBRACE), BRACE_OPENERS, BRACE_CLOSERS, Set.of(), false);
        static final Closer SEQUENCE = new Closer(BRACE_CLOSERS, BRACE_OPENERS, BRACE_CLOSERS, Set.of(HclLexer.CQUOTE, HclLexer.HEREDOC_CLOSE), true);
        static final Closer QUOTE = new Closer(Set.of(HclLexer.CQUOTE), Set.of(HclLexer.OQUOTE), Set.of(HclLexer.CQUOTE), Set.of(HclLexer.NEWLINE), true);
        static final Closer HEREDOC = new Closer(Set.of(HclLexer.HEREDOC_CLOSE), Set.of(HclLexer.HEREDOC_OPEN), Set.of(HclLexer.HEREDOC_CLOSE), Set.of(), false);

        /** How many tokens ahead the closer is (1 = the next token), or 0 if there is none to skip to. */
        int distance(TokenStream tokens)
        {
            int line = tokens.LT(1).getLine();
            int depth = 0;
            for (int distance = 1; ; distance++) {
                Token token = tokens.LT(distance);
                int type = token.getType();
                if (type == Token.EOF || (sameLine && token.getLine() != line) || (depth == 0 && stops.contains(type))) {
                    return 0;
                }
                if (depth == 0 && targets.contains(type)) {
                    return distance;
                }
                if (openers.contains(type)) {
                    depth++;
                }
                else if (closers.contains(type)) {
                    if (depth == 0) {
                        return 0;
                    }
                    depth--;
                }
            }
        }
    }

    @Override
    protected Token getMissingSymbol(Parser recognizer)
    {
        Token current = recognizer.getCurrentToken();
        int expected = getExpectedTokens(recognizer).getMinElement();
        int start = current.getType() == Token.EOF ? positions.codePointCount() : current.getStartIndex();
        CommonToken token = new CommonToken(
                new Pair<>(current.getTokenSource(), current.getTokenSource().getInputStream()),
                expected,
                Token.DEFAULT_CHANNEL,
                start,
                start - 1);
        token.setText("");
        token.setLine(current.getLine());
        token.setCharPositionInLine(current.getCharPositionInLine());
        return token;
    }

    private void report(Parser recognizer, Token offending, IntervalSet expected)
    {
        ParserRuleContext context = recognizer.getContext();
        SyntaxErrorMessages.Message message = SyntaxErrorMessages.describe(context, offending, recognizer.getInputStream(), expected == null ? new IntervalSet() : expected);
        if (message == SyntaxErrorMessages.Message.NONE) {
            return;
        }
        int start = offending.getType() == Token.EOF ? positions.codePointCount() : offending.getStartIndex();
        int end = offending.getType() == Token.EOF ? start : offending.getStopIndex() + 1;
        if (offending.getType() == HclLexer.HEREDOC_OPEN || offending.getType() == HclLexer.OQUOTE) {
            end = start + (offending.getType() == HclLexer.OQUOTE ? 1 : offending.getText().stripTrailing().length());
        }
        int subjectStart = message.subjectStart().orElse(start);
        int line = positions.at(subjectStart).line();
        if (line == lastLine && message.summary().equals(lastSummary)) {
            return;
        }
        lastLine = line;
        lastSummary = message.summary();
        diagnostics.add(Diagnostic.error(message.summary(), message.detail(), positions.range(subjectStart, message.subjectStart().isPresent() ? message.subjectEnd() : end)));
    }
}
