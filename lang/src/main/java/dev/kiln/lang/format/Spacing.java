package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Token;
import dev.kiln.lang.syntax.TokenKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * The spaces between the tokens of a line, {@code terraform fmt}'s rules: one space between
 * most tokens (around binary operators, {@code =}, {@code =>}, and a conditional's
 * {@code ?} and {@code :}); none around {@code .}, before {@code ,} and {@code ...}, inside
 * {@code ()} and {@code []}, between a function name and its {@code (}, before an index's
 * {@code [}, after {@code !} and after a negating {@code -}; one inside non-empty braces.
 *
 * <p>A few corners differ from {@code terraform fmt}, each for readability without any
 * change in meaning: a trailing comma hugs the {@code ]} or {@code )} after it
 * ({@code [a, b,]}); a string indexed directly ({@code "ab"[0]}) keeps its {@code [} close;
 * a {@code -} after {@code =>} negates ({@code k => -v}); and the {@code in} and {@code if}
 * keywords of a {@code for} expression are followed by a space even before {@code (}.
 */
final class Spacing
{
    /** Tokens after which a {@code -} negates rather than subtracts. */
    private static final Set<TokenKind> NEGATION_CONTEXT = EnumSet.of(
            TokenKind.OPEN_BRACE,
            TokenKind.OPEN_BRACKET,
            TokenKind.OPEN_PARENTHESIS,
            TokenKind.EQUALS,
            TokenKind.COLON,
            TokenKind.COMMA,
            TokenKind.QUESTION,
            TokenKind.FAT_ARROW,
            TokenKind.OPERATOR);

    /** Tokens that can end an expression, so a following {@code in} or {@code if} is a keyword. */
    private static final Set<TokenKind> EXPRESSION_END = EnumSet.of(
            TokenKind.IDENTIFIER,
            TokenKind.NUMBER,
            TokenKind.STRING,
            TokenKind.CLOSE_BRACE,
            TokenKind.CLOSE_BRACKET,
            TokenKind.CLOSE_PARENTHESIS);

    private Spacing() {}

    /** Sets the spaces between the tokens of each cell; a cell after the lead starts after one space. */
    static void space(Line line)
    {
        spaceCell(line, 0, line.leadEnd());
        if (line.hasAssign()) {
            line.setSpacesBefore(line.assignStart(), 1);
            spaceCell(line, line.assignStart(), line.codeEnd());
        }
        if (line.hasComment()) {
            line.setSpacesBefore(line.codeEnd(), 1);
        }
    }

    private static void spaceCell(Line line, int start, int end)
    {
        Token before = null;
        for (int index = start + 1; index < end; index++) {
            Token subject = line.tokens().get(index - 1);
            Token after = line.tokens().get(index);
            line.setSpacesBefore(index, spaceAfter(before, subject, after) ? 1 : 0);
            if (!isComment(subject)) {
                before = subject;
            }
        }
    }

    /**
     * Whether {@code subject} is followed by a space when {@code after} comes next;
     * {@code before} is the code token before the subject in the same cell, or null.
     */
    static boolean spaceAfter(Token before, Token subject, Token after)
    {
        TokenKind kind = subject.kind();
        TokenKind next = after.kind();
        if (next == TokenKind.COMMA || next == TokenKind.ELLIPSIS) {
            return false;
        }
        if (kind == TokenKind.COMMA) {
            return next != TokenKind.CLOSE_BRACKET && next != TokenKind.CLOSE_PARENTHESIS;
        }
        if (isKeyword(before, subject)) {
            return true;
        }
        if (kind == TokenKind.DOT || next == TokenKind.DOT) {
            return false;
        }
        if (next == TokenKind.OPEN_PARENTHESIS && kind == TokenKind.IDENTIFIER) {
            return false;
        }
        if (next == TokenKind.OPEN_BRACKET && EXPRESSION_END.contains(kind)) {
            return false;
        }
        if (isOperator(subject, "!")) {
            return false;
        }
        if (isOperator(subject, "-")) {
            return !isNegation(before);
        }
        if (kind == TokenKind.OPEN_BRACE) {
            return next != TokenKind.CLOSE_BRACE;
        }
        if (next == TokenKind.CLOSE_BRACE) {
            return true;
        }
        return Line.bracketChange(subject) <= 0 && Line.bracketChange(after) >= 0;
    }

    private static boolean isKeyword(Token before, Token subject)
    {
        boolean keywordName = subject.kind() == TokenKind.IDENTIFIER && (subject.text().equals("in") || subject.text().equals("if"));
        return keywordName && before != null && EXPRESSION_END.contains(before.kind());
    }

    private static boolean isNegation(Token before)
    {
        return before == null || NEGATION_CONTEXT.contains(before.kind());
    }

    private static boolean isOperator(Token token, String symbol)
    {
        return token.kind() == TokenKind.OPERATOR && token.text().equals(symbol);
    }

    private static boolean isComment(Token token)
    {
        return token.kind() == TokenKind.LINE_COMMENT || token.kind() == TokenKind.BLOCK_COMMENT;
    }
}
