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
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.Pair;

/**
 * ANTLR's recovery (single-token insertion and deletion, resynchronisation at what may
 * follow), reporting each error as a {@link Diagnostic} worded for people instead of a
 * console message. Conjured tokens are zero-width at the offending token, so every range
 * stays inside the text.
 */
final class SyntaxErrorStrategy
        extends DefaultErrorStrategy
{
    private final SourcePositions positions;
    private final Diagnostics diagnostics;

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
     * A one-line block with more than its single argument (or broken across lines): report
     * it once, then skip to its closing brace, as HCL does, instead of misreading the rest
     * as new items.
     */
    @Override
    public Token recoverInline(Parser recognizer)
    {
        if (recognizer.getContext() instanceof HclParser.BlockContext block
                && block.blockContent() != null
                && block.blockContent().NEWLINE() == null
                && recognizer.getExpectedTokens().contains(HclLexer.RBRACE)) {
            int distance = distanceToClosingBrace(recognizer);
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

    /** How many tokens ahead the brace closing the current block is (1 = the next token), or 0 if there is none. */
    private static int distanceToClosingBrace(Parser recognizer)
    {
        int depth = 0;
        for (int distance = 1; ; distance++) {
            int type = recognizer.getInputStream().LA(distance);
            switch (type) {
                case Token.EOF -> {
                    return 0;
                }
                case HclLexer.LBRACE, HclLexer.INTERP_OPEN, HclLexer.DIRECTIVE_OPEN -> depth++;
                case HclLexer.RBRACE, HclLexer.STRIP_RBRACE -> {
                    if (depth == 0) {
                        return type == HclLexer.RBRACE ? distance : 0;
                    }
                    depth--;
                }
                default -> { }
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
        SyntaxErrorMessages.Message message = SyntaxErrorMessages.describe(context, offending, expected == null ? new IntervalSet() : expected);
        if (message == SyntaxErrorMessages.Message.NONE) {
            return;
        }
        int start = offending.getType() == Token.EOF ? positions.codePointCount() : offending.getStartIndex();
        int end = offending.getType() == Token.EOF ? start : offending.getStopIndex() + 1;
        if (offending.getType() == HclLexer.HEREDOC_OPEN || offending.getType() == HclLexer.OQUOTE) {
            end = start + (offending.getType() == HclLexer.OQUOTE ? 1 : offending.getText().stripTrailing().length());
        }
        int subjectStart = message.subjectStart().orElse(start);
        diagnostics.add(Diagnostic.error(message.summary(), message.detail(), positions.range(subjectStart, message.subjectStart().isPresent() ? message.subjectEnd() : end)));
    }
}
