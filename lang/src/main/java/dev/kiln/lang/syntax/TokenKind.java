package dev.kiln.lang.syntax;

/** Coarse token kinds for tools: a whole quoted template or heredoc is one token. */
public enum TokenKind
{
    IDENTIFIER,
    NUMBER,
    /** A whole quoted string or template, quotes and interpolations included. */
    STRING,
    /** A whole heredoc: the {@code <<EOF} opener through the closing marker (not its newline). */
    HEREDOC,
    /** {@code #} or {@code //} through the end of the line, newline excluded. */
    LINE_COMMENT,
    /** {@code /* ... *}{@code /}, possibly spanning lines. */
    BLOCK_COMMENT,
    NEWLINE,
    /** Spaces and tabs. */
    WHITESPACE,
    OPEN_BRACE,
    CLOSE_BRACE,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    OPEN_PARENTHESIS,
    CLOSE_PARENTHESIS,
    EQUALS,
    COMMA,
    COLON,
    QUESTION,
    DOT,
    ELLIPSIS,
    FAT_ARROW,
    /** {@code + - * / % == != < > <= >= && || !} */
    OPERATOR,
    /** Text the lexer could not make sense of. */
    INVALID,
}
