package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Token;
import dev.kiln.lang.syntax.TokenKind;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;

/**
 * One line of output: its tokens without whitespace, and the spaces to write before each
 * (before the first one, that is the indentation). A multi-line token (a heredoc, a block
 * comment) belongs whole to the line it starts on.
 *
 * <p>As in {@code terraform fmt}, a line has up to three cells: the <em>lead</em>; the
 * <em>assign</em> cell, from an attribute's {@code =} to the end of its single-line value;
 * and the <em>comment</em> cell, a line comment that ends a line holding other tokens. The
 * assign and comment cells of neighbouring lines are aligned.
 */
final class Line
{
    private static final int NONE = -1;

    private final List<Token> tokens;
    private final int[] spacesBefore;
    private final int assignStart;
    private final int commentStart;

    private Line(List<Token> tokens)
    {
        this.tokens = List.copyOf(tokens);
        this.spacesBefore = new int[this.tokens.size()];
        this.commentStart = findComment(this.tokens);
        this.assignStart = findAssign(this.tokens, codeEnd(this.tokens.size(), commentStart));
    }

    static Line of(List<Token> tokens)
    {
        return new Line(tokens);
    }

    boolean isBlank()
    {
        return tokens.isEmpty();
    }

    List<Token> tokens()
    {
        return tokens;
    }

    boolean hasAssign()
    {
        return assignStart != NONE;
    }

    boolean hasComment()
    {
        return commentStart != NONE;
    }

    /** Index of the first token after the lead cell. */
    int leadEnd()
    {
        return hasAssign() ? assignStart : codeEnd();
    }

    /** Index of the {@code =} that starts the assign cell; only when {@link #hasAssign()}. */
    int assignStart()
    {
        return assignStart;
    }

    /** Index of the end-of-line comment, or the token count when there is none. */
    int codeEnd()
    {
        return codeEnd(tokens.size(), commentStart);
    }

    /** Opening minus closing brackets, braces and parentheses on this line, comments aside. */
    int bracketChange()
    {
        int change = 0;
        for (Token token : tokens.subList(0, codeEnd())) {
            change += bracketChange(token);
        }
        return change;
    }

    void setSpacesBefore(int index, int spaces)
    {
        spacesBefore[index] = spaces;
    }

    /**
     * The display column (0-based, counting user-perceived characters) just after the token
     * before {@code end}. After a multi-line token, counting restarts on its last line.
     */
    int columnAt(int end)
    {
        int column = 0;
        for (int index = 0; index < end; index++) {
            String text = tokens.get(index).text();
            int newline = text.lastIndexOf('\n');
            if (newline >= 0) {
                column = width(text.substring(newline + 1));
            }
            else {
                column += spacesBefore[index] + width(text);
            }
        }
        return column;
    }

    String render()
    {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < tokens.size(); index++) {
            text.repeat(' ', spacesBefore[index]).append(tokens.get(index).text());
        }
        return text.toString();
    }

    static int bracketChange(Token token)
    {
        return switch (token.kind()) {
            case OPEN_BRACE, OPEN_BRACKET, OPEN_PARENTHESIS -> 1;
            case CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PARENTHESIS -> -1;
            default -> 0;
        };
    }

    @Override
    public String toString()
    {
        return render() + " " + Arrays.toString(spacesBefore);
    }

    private static int findComment(List<Token> tokens)
    {
        int last = tokens.size() - 1;
        return last > 0 && tokens.get(last).kind() == TokenKind.LINE_COMMENT ? last : NONE;
    }

    /** The first {@code =} after the first token, when the value after it closes every bracket it opens. */
    private static int findAssign(List<Token> tokens, int end)
    {
        for (int index = 1; index < end; index++) {
            if (tokens.get(index).kind() == TokenKind.EQUALS) {
                int change = 0;
                for (Token token : tokens.subList(index, end)) {
                    change += bracketChange(token);
                }
                return change == 0 ? index : NONE;
            }
        }
        return NONE;
    }

    private static int codeEnd(int size, int commentStart)
    {
        return commentStart == NONE ? size : commentStart;
    }

    private static int width(String text)
    {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int count = 0;
        while (characters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
