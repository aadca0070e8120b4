package dev.kiln.lang.syntax;

import dev.kiln.lang.syntax.antlr.HclLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/** Runs the generated lexer over a whole source text, every channel included, EOF last. */
final class SourceLexer
{
    private SourceLexer() {}

    static List<Token> lex(String source, boolean standaloneTemplate)
    {
        HclLexer lexer = new HclLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        if (standaloneTemplate) {
            lexer.startInTemplateMode();
        }
        List<Token> tokens = new ArrayList<>(source.length() / 4 + 16);
        while (true) {
            Token token = lexer.nextToken();
            tokens.add(token);
            if (token.getType() == Token.EOF) {
                return tokens;
            }
        }
    }
}
