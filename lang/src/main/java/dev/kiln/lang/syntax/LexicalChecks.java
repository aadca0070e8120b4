package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.syntax.antlr.HclLexer;
import org.antlr.v4.runtime.Token;

import java.util.List;

/** Problems the lexer finds on its own: characters outside the language, unterminated comments. */
final class LexicalChecks
{
    private LexicalChecks() {}

    static void report(List<Token> tokens, SourcePositions positions, Diagnostics diagnostics)
    {
        int index = 0;
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            if (token.getType() == HclLexer.INVALID) {
                int end = index;
                while (end + 1 < tokens.size() && tokens.get(end + 1).getType() == HclLexer.INVALID) {
                    end++;
                }
                diagnostics.add(invalidCharacter(token, tokens.get(end), positions));
                index = end + 1;
                continue;
            }
            if (token.getType() == HclLexer.BLOCK_COMMENT && !isClosed(token.getText())) {
                diagnostics.add(Diagnostic.error(
                        "Unterminated comment",
                        "There is no \"*/\" closing this multi-line comment before the end of the file.",
                        positions.range(token.getStartIndex(), token.getStartIndex() + 2)));
            }
            index++;
        }
    }

    private static boolean isClosed(String comment)
    {
        return comment.length() >= 4 && comment.endsWith("*/");
    }

    private static Diagnostic invalidCharacter(Token first, Token last, SourcePositions positions)
    {
        int codePoint = first.getText().codePointAt(0);
        String detail;
        if (codePoint == 0xFEFF) {
            detail = "A byte order mark (U+FEFF) is not allowed in configuration files. Save the file as UTF-8 without a byte order mark.";
        }
        else if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint) || Character.isSurrogate((char) Math.min(codePoint, 0xFFFF))) {
            detail = "The character U+%04X is not used within the language.".formatted(codePoint);
        }
        else if (codePoint == '\'') {
            detail = "Single quotes are not valid. Use double quotes (\") to enclose strings.";
        }
        else {
            detail = "The character \"" + first.getText() + "\" is not used within the language.";
        }
        return Diagnostic.error("Invalid character", detail, positions.range(first.getStartIndex(), last.getStopIndex() + 1));
    }
}
