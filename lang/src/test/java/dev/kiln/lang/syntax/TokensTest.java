package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Position;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TokensTest
{
    static Stream<org.junit.jupiter.params.provider.Arguments> cases()
    {
        return Stream.of(
                arguments("a = 1\n", "IDENTIFIER:a WHITESPACE:␠ EQUALS:= WHITESPACE:␠ NUMBER:1 NEWLINE:⏎"),
                arguments("x=\"a${b}c\"#c", "IDENTIFIER:x EQUALS:= STRING:\"a${b}c\" LINE_COMMENT:#c"),
                arguments("x = \"a${\"}\"}\"", "IDENTIFIER:x WHITESPACE:␠ EQUALS:= WHITESPACE:␠ STRING:\"a${\"}\"}\""),
                arguments("h = <<EOT\n  a\n  EOT\n", "IDENTIFIER:h WHITESPACE:␠ EQUALS:= WHITESPACE:␠ HEREDOC:<<EOT⏎␠␠a⏎␠␠EOT NEWLINE:⏎"),
                arguments("h = <<-EOT\nEOTX\nEOT", "IDENTIFIER:h WHITESPACE:␠ EQUALS:= WHITESPACE:␠ HEREDOC:<<-EOT⏎EOTX⏎EOT"),
                arguments("a = \"open\nb", "IDENTIFIER:a WHITESPACE:␠ EQUALS:= WHITESPACE:␠ STRING:\"open NEWLINE:⏎ IDENTIFIER:b"),
                arguments("/* x\n */ // y\r\n", "BLOCK_COMMENT:/*␠x⏎␠*/ WHITESPACE:␠ LINE_COMMENT://␠y NEWLINE:\r⏎"),
                arguments("b \"l\" { x = [1, 2.5e3] }", "IDENTIFIER:b WHITESPACE:␠ STRING:\"l\" WHITESPACE:␠ OPEN_BRACE:{ WHITESPACE:␠ IDENTIFIER:x WHITESPACE:␠ EQUALS:= WHITESPACE:␠ OPEN_BRACKET:[ NUMBER:1 COMMA:, WHITESPACE:␠ NUMBER:2.5e3 CLOSE_BRACKET:] WHITESPACE:␠ CLOSE_BRACE:}"),
                arguments("a...b=>c?d:e.f", "IDENTIFIER:a ELLIPSIS:... IDENTIFIER:b FAT_ARROW:=> IDENTIFIER:c QUESTION:? IDENTIFIER:d COLON:: IDENTIFIER:e DOT:. IDENTIFIER:f"),
                arguments("!a&&b||c<=d>=e==f!=g%h", "OPERATOR:! IDENTIFIER:a OPERATOR:&& IDENTIFIER:b OPERATOR:|| IDENTIFIER:c OPERATOR:<= IDENTIFIER:d OPERATOR:>= IDENTIFIER:e OPERATOR:== IDENTIFIER:f OPERATOR:!= IDENTIFIER:g OPERATOR:% IDENTIFIER:h"),
                arguments("for-each über_1", "IDENTIFIER:for-each WHITESPACE:␠ IDENTIFIER:über_1"),
                arguments("a @\u0001", "IDENTIFIER:a WHITESPACE:␠ INVALID:@ INVALID:\u0001"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    @DisplayName("lexes every construct into coarse tokens, whole strings and heredocs as one token")
    void lexesTokens(String source, String expected)
    {
        List<Token> tokens = Tokens.lex("test.hcl", source);
        String rendered = tokens.stream()
                .map(token -> token.kind() + ":" + token.text().replace(' ', '␠').replace('\n', '⏎'))
                .collect(Collectors.joining(" "));
        assertEquals(expected, rendered);
        assertEquals(source, tokens.stream().map(Token::text).collect(Collectors.joining()));
    }

    @Test
    @DisplayName("token ranges count columns in code points and offsets in UTF-8 bytes")
    void rangesCountCodePointsAndBytes()
    {
        List<Token> tokens = Tokens.lex("test.hcl", "ü = \"👩\"\nb = 1");
        Token string = tokens.get(4);
        assertEquals(TokenKind.STRING, string.kind());
        assertEquals(new Position(1, 5, 5), string.range().start());
        assertEquals(new Position(1, 8, 11), string.range().end());
        Token second = tokens.get(6);
        assertEquals(new Position(2, 1, 12), second.range().start());
    }

    @Test
    @DisplayName("lexing is lossless for unterminated strings, heredocs and comments")
    void losslessOnBrokenInput()
    {
        for (String source : List.of("a = \"abc", "a = <<EOT\nabc\n", "/* open", "a = \"${", "x = \"\\", "a = \"${\"\n}\"", "\r", "${}}}{{")) {
            assertEquals(source, Tokens.lex("t", source).stream().map(Token::text).collect(Collectors.joining()), source);
        }
    }
}
