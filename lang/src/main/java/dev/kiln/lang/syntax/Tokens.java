package dev.kiln.lang.syntax;

import dev.kiln.lang.syntax.antlr.HclLexer;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The lossless token view of a source file, for tools such as the formatter: every
 * character belongs to exactly one token, and a whole quoted string or heredoc is one token.
 */
public final class Tokens
{
    private Tokens() {}

    /** Never throws: text the lexer cannot make sense of becomes {@link TokenKind#INVALID} tokens. */
    public static List<Token> lex(String filename, String source)
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(source, "source is null");
        SourcePositions positions = new SourcePositions(filename, source);
        List<org.antlr.v4.runtime.Token> raw = SourceLexer.lex(source, false);
        List<Token> tokens = new ArrayList<>();
        int index = 0;
        while (index < raw.size() && raw.get(index).getType() != org.antlr.v4.runtime.Token.EOF) {
            org.antlr.v4.runtime.Token token = raw.get(index);
            int type = token.getType();
            if (type == HclLexer.OQUOTE || type == HclLexer.HEREDOC_OPEN) {
                int end = endOfTemplate(raw, index);
                org.antlr.v4.runtime.Token last = raw.get(end);
                int stop = last.getType() == org.antlr.v4.runtime.Token.EOF ? positions.codePointCount() : last.getStopIndex() + 1;
                TokenKind kind = type == HclLexer.OQUOTE ? TokenKind.STRING : TokenKind.HEREDOC;
                tokens.add(token(kind, source, positions, token.getStartIndex(), stop));
                index = last.getType() == org.antlr.v4.runtime.Token.EOF ? end : end + 1;
                continue;
            }
            tokens.add(token(kindOf(type), source, positions, token.getStartIndex(), token.getStopIndex() + 1));
            index++;
        }
        return List.copyOf(tokens);
    }

    /** The index of the token closing the template opened at {@code start}, or of EOF. */
    private static int endOfTemplate(List<org.antlr.v4.runtime.Token> raw, int start)
    {
        int depth = 0;
        for (int index = start; index < raw.size(); index++) {
            int type = raw.get(index).getType();
            if (type == HclLexer.OQUOTE || type == HclLexer.HEREDOC_OPEN) {
                depth++;
            }
            else if (type == HclLexer.CQUOTE || type == HclLexer.HEREDOC_CLOSE) {
                depth--;
            }
            else if (type == HclLexer.QUOTED_NEWLINE) {
                depth--;
                if (depth == 0) {
                    return index - 1;
                }
            }
            else if (type == org.antlr.v4.runtime.Token.EOF) {
                return index;
            }
            if (depth == 0) {
                return index;
            }
        }
        return raw.size() - 1;
    }

    private static Token token(TokenKind kind, String source, SourcePositions positions, int start, int end)
    {
        return new Token(kind, source.substring(positions.charIndex(start), positions.charIndex(end)), positions.range(start, end));
    }

    static TokenKind kindOf(int type)
    {
        return switch (type) {
            case HclLexer.NUMBER -> TokenKind.NUMBER;
            case HclLexer.IDENTIFIER, HclLexer.FOR, HclLexer.IN, HclLexer.IF, HclLexer.ELSE, HclLexer.ENDIF,
                 HclLexer.ENDFOR, HclLexer.TRUE, HclLexer.FALSE, HclLexer.NULL -> TokenKind.IDENTIFIER;
            case HclLexer.LINE_COMMENT -> TokenKind.LINE_COMMENT;
            case HclLexer.BLOCK_COMMENT -> TokenKind.BLOCK_COMMENT;
            case HclLexer.NEWLINE, HclLexer.QUOTED_NEWLINE -> TokenKind.NEWLINE;
            case HclLexer.WHITESPACE -> TokenKind.WHITESPACE;
            case HclLexer.LBRACE -> TokenKind.OPEN_BRACE;
            case HclLexer.RBRACE -> TokenKind.CLOSE_BRACE;
            case HclLexer.LBRACKET -> TokenKind.OPEN_BRACKET;
            case HclLexer.RBRACKET -> TokenKind.CLOSE_BRACKET;
            case HclLexer.LPAREN -> TokenKind.OPEN_PARENTHESIS;
            case HclLexer.RPAREN -> TokenKind.CLOSE_PARENTHESIS;
            case HclLexer.ASSIGN -> TokenKind.EQUALS;
            case HclLexer.COMMA -> TokenKind.COMMA;
            case HclLexer.COLON -> TokenKind.COLON;
            case HclLexer.QUESTION -> TokenKind.QUESTION;
            case HclLexer.DOT -> TokenKind.DOT;
            case HclLexer.ELLIPSIS -> TokenKind.ELLIPSIS;
            case HclLexer.FAT_ARROW -> TokenKind.FAT_ARROW;
            case HclLexer.EQUAL, HclLexer.NOT_EQUAL, HclLexer.LESS_OR_EQUAL, HclLexer.GREATER_OR_EQUAL, HclLexer.AND,
                 HclLexer.OR, HclLexer.LESS, HclLexer.GREATER, HclLexer.PLUS, HclLexer.MINUS, HclLexer.STAR,
                 HclLexer.SLASH, HclLexer.PERCENT, HclLexer.BANG -> TokenKind.OPERATOR;
            default -> TokenKind.INVALID;
        };
    }
}
