package dev.kiln.lang.syntax;

import dev.kiln.lang.syntax.antlr.HclLexer;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Decides which newlines the grammar sees, following HCL's rules: a newline ends an
 * attribute or block in a body; inside parentheses, brackets, interpolations, directives
 * and {@code for} expressions newlines are whitespace; inside an object constructor a
 * newline separates items unless the item obviously continues (after an operator,
 * {@code =}, {@code :}, a comma or the opening brace, or before the closing brace).
 * Insignificant newlines move to the hidden channel; a newline that ends an unterminated
 * quoted string becomes an ordinary newline.
 */
final class NewlineFilter
{
    enum Start
    {
        BODY,
        EXPRESSION,
        TEMPLATE,
    }

    private enum Kind
    {
        BODY,
        OBJECT,
        NESTED,
        QUOTED,
        HEREDOC,
    }

    private static final Set<Integer> CONTINUING = Set.of(
            HclLexer.LBRACE, HclLexer.COMMA, HclLexer.ASSIGN, HclLexer.COLON, HclLexer.FAT_ARROW, HclLexer.QUESTION,
            HclLexer.EQUAL, HclLexer.NOT_EQUAL, HclLexer.LESS_OR_EQUAL, HclLexer.GREATER_OR_EQUAL, HclLexer.AND,
            HclLexer.OR, HclLexer.LESS, HclLexer.GREATER, HclLexer.PLUS, HclLexer.MINUS, HclLexer.STAR,
            HclLexer.SLASH, HclLexer.PERCENT, HclLexer.BANG, HclLexer.DOT, HclLexer.NEWLINE);

    private final List<Token> tokens;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int previousType = HclLexer.NEWLINE;

    private NewlineFilter(List<Token> tokens, Start start)
    {
        this.tokens = tokens;
        frames.push(new Frame(switch (start) {
            case BODY -> Kind.BODY;
            case EXPRESSION -> Kind.NESTED;
            case TEMPLATE -> Kind.HEREDOC;
        }, -1));
    }

    static void apply(List<Token> tokens, Start start)
    {
        new NewlineFilter(tokens, start).run();
    }

    private void run()
    {
        for (int index = 0; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = token.getType();
            if (type == HclLexer.QUOTED_NEWLINE) {
                ((CommonToken) token).setType(HclLexer.NEWLINE);
                type = HclLexer.NEWLINE;
                if (frames.peek().kind == Kind.QUOTED) {
                    frames.pop();
                }
            }
            if (type == HclLexer.NEWLINE) {
                if (!newlineMatters(index)) {
                    ((CommonToken) token).setChannel(Token.HIDDEN_CHANNEL);
                    continue;
                }
            }
            else {
                track(type, index);
            }
            previousType = type;
        }
    }

    private boolean newlineMatters(int index)
    {
        Frame frame = frames.peek();
        return switch (frame.kind) {
            case BODY -> {
                frame.inExpression = false;
                yield true;
            }
            case OBJECT -> !CONTINUING.contains(previousType) && !continuesAfter(index);
            case NESTED -> false;
            case QUOTED, HEREDOC -> true;
        };
    }

    private boolean continuesAfter(int index)
    {
        int next = nextSignificant(index + 1);
        return next == HclLexer.RBRACE || next == HclLexer.COMMA || next == HclLexer.NEWLINE;
    }

    private int nextSignificant(int from)
    {
        for (int index = from; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token.getType();
            }
        }
        return Token.EOF;
    }

    private void track(int type, int index)
    {
        Frame frame = frames.peek();
        switch (type) {
            case HclLexer.LBRACE -> {
                if (frame.kind == Kind.BODY && !frame.inExpression) {
                    frames.push(new Frame(Kind.BODY, HclLexer.RBRACE));
                }
                else {
                    boolean forExpression = nextSignificantSkippingNewlines(index + 1) == HclLexer.FOR;
                    frames.push(new Frame(forExpression ? Kind.NESTED : Kind.OBJECT, HclLexer.RBRACE));
                }
            }
            case HclLexer.LPAREN -> frames.push(new Frame(Kind.NESTED, HclLexer.RPAREN));
            case HclLexer.LBRACKET -> frames.push(new Frame(Kind.NESTED, HclLexer.RBRACKET));
            case HclLexer.INTERP_OPEN, HclLexer.DIRECTIVE_OPEN -> frames.push(new Frame(Kind.NESTED, HclLexer.RBRACE));
            case HclLexer.OQUOTE -> frames.push(new Frame(Kind.QUOTED, HclLexer.CQUOTE));
            case HclLexer.HEREDOC_OPEN -> frames.push(new Frame(Kind.HEREDOC, HclLexer.HEREDOC_CLOSE));
            case HclLexer.RBRACE, HclLexer.STRIP_RBRACE -> close(HclLexer.RBRACE);
            case HclLexer.RPAREN, HclLexer.RBRACKET, HclLexer.CQUOTE, HclLexer.HEREDOC_CLOSE -> close(type);
            case HclLexer.ASSIGN -> {
                if (frame.kind == Kind.BODY) {
                    frame.inExpression = true;
                }
            }
            default -> { }
        }
    }

    private void close(int closer)
    {
        if (frames.size() > 1 && frames.peek().closer == closer) {
            Frame closed = frames.pop();
            if (closed.kind == Kind.BODY) {
                frames.peek().inExpression = false;
            }
        }
    }

    private int nextSignificantSkippingNewlines(int from)
    {
        for (int index = from; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.getChannel() == Token.DEFAULT_CHANNEL && token.getType() != HclLexer.NEWLINE) {
                return token.getType();
            }
        }
        return Token.EOF;
    }

    private static final class Frame
    {
        private final Kind kind;
        private final int closer;
        private boolean inExpression;

        private Frame(Kind kind, int closer)
        {
            this.kind = kind;
            this.closer = closer;
        }
    }
}
