package dev.kiln.lang.syntax;

import dev.kiln.lang.syntax.antlr.HclLexer;
import dev.kiln.lang.syntax.antlr.HclParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words a syntax error the way HCL does: a fixed summary naming the construct, and a
 * detail saying what was expected in terms people use ("an expression", "a newline"),
 * never grammar token names.
 */
final class SyntaxErrorMessages
{
    private SyntaxErrorMessages() {}

    /** {@code subjectStart}/{@code subjectEnd} (code points) override the offending token's range. */
    record Message(String summary, String detail, Optional<Integer> subjectStart, int subjectEnd)
    {
        /** An error not worth reporting: it only repeats one reported already. */
        static final Message NONE = new Message("", "", Optional.empty(), 0);

        static Message of(String summary, String detail)
        {
            return new Message(summary, detail, Optional.empty(), 0);
        }
    }

    static Message describe(ParserRuleContext context, Token offending, TokenStream tokens, IntervalSet expected)
    {
        int found = offending.getType();
        if (found == HclLexer.DIRECTIVE_OPEN && isTemplateEnd(expected)) {
            return strayDirective(following(tokens, offending));
        }
        if (expected.contains(HclLexer.CQUOTE) && (found == HclLexer.NEWLINE || found == Token.EOF)) {
            return unterminatedString(context, offending);
        }
        if (expected.contains(HclLexer.HEREDOC_CLOSE) && found == Token.EOF) {
            return unclosedHeredoc(context);
        }
        if (needsExpression(expected)) {
            return found == Token.EOF
                    ? Message.of("Missing expression", "Expected the start of an expression, but found the end of the file.")
                    : Message.of("Invalid expression", "Expected the start of an expression, but found " + describe(offending) + ".");
        }
        for (ParserRuleContext current = context; current != null; current = current.getParent()) {
            Optional<Message> message = describeIn(current, offending, tokens, expected);
            if (message.isPresent()) {
                return message.get();
            }
        }
        return invalidSyntax(expected, offending);
    }

    private static Message invalidSyntax(IntervalSet expected, Token offending)
    {
        return Message.of("Invalid syntax", "Expected " + describe(expected) + ", but found " + describe(offending) + ".");
    }

    private static Optional<Message> describeIn(ParserRuleContext context, Token offending, TokenStream tokens, IntervalSet expected)
    {
        int found = offending.getType();
        return Optional.ofNullable(switch (context) {
            case HclParser.BlockContext block when found == Token.EOF && expected.contains(HclLexer.RBRACE) && block.LBRACE() != null -> unclosedBlock(block.LBRACE().getSymbol());
            case HclParser.BlockContext block when isOneLine(block.blockContent()) && expected.contains(HclLexer.RBRACE) -> oneLineBlock(found);
            case HclParser.BodyContext body when found == Token.EOF && expected.contains(HclLexer.RBRACE) && body.getParent() instanceof HclParser.BlockContentContext content
                    && content.getParent() instanceof HclParser.BlockContext block && block.LBRACE() != null -> unclosedBlock(block.LBRACE().getSymbol());
            case HclParser.OneLineNestedBlockContext ignored when expected.contains(HclLexer.RBRACE) -> oneLineBlock(found);
            case HclParser.OneLineAttributeContext ignored when expected.contains(HclLexer.RBRACE) -> oneLineBlock(found);
            case HclParser.TerminatorContext ignored when context.getParent() instanceof HclParser.BlockContext -> Message.of(
                    "Missing newline after block definition", "A block definition must end with a newline.");
            case HclParser.TerminatorContext ignored -> missingNewline();
            case HclParser.AttributeContext ignored when expected.contains(HclLexer.NEWLINE) -> missingNewline();
            case HclParser.ConditionalExpressionContext ignored when expected.contains(HclLexer.COLON) -> Message.of(
                    "Missing false expression in conditional",
                    "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
            case HclParser.AttributeContext ignored -> invalidSyntax(expected, offending);
            case HclParser.OneLineAttributeContext ignored -> invalidSyntax(expected, offending);
            case HclParser.BlockContext block -> invalidBlock(block, offending, tokens);
            case HclParser.BodyItemContext item -> invalidBlock(item, offending, tokens);
            case HclParser.BodyContext ignored -> argumentOrBlockRequired(offending);
            case HclParser.ConfigFileContext ignored -> argumentOrBlockRequired(offending);
            case HclParser.ObjectItemContext ignored when expected.contains(HclLexer.ASSIGN) || expected.contains(HclLexer.COLON) -> Message.of(
                    "Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.");
            case HclParser.ObjectContext ignored when found == Token.EOF -> Message.of(
                    "Unclosed object constructor", "The file ends before this object's closing brace (\"}\").");
            case HclParser.ObjectContext ignored -> Message.of(
                    "Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.");
            case HclParser.TupleContext ignored when found == Token.EOF -> Message.of(
                    "Unclosed tuple constructor", "The file ends before this tuple's closing bracket (\"]\").");
            case HclParser.TupleContext ignored -> Message.of(
                    "Missing item separator", "Expected a comma to mark the beginning of the next item.");
            case HclParser.ArgumentsContext ignored -> missingArgumentSeparator(found);
            case HclParser.FunctionCallContext ignored -> missingArgumentSeparator(found);
            case HclParser.ForIntroContext ignored -> invalidFor(expected, offending);
            case HclParser.ForTupleContext ignored -> invalidFor(expected, offending);
            case HclParser.ForObjectContext ignored -> invalidFor(expected, offending);
            case HclParser.ParenthesizedContext ignored -> Message.of(
                    "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.");
            case HclParser.IndexContext ignored -> Message.of(
                    "Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").");
            case HclParser.FullSplatContext ignored -> Message.of(
                    "Missing close bracket on splat", "The splat operator \"[*]\" must end with a closing bracket (\"]\").");
            case HclParser.GetAttributeContext ignored -> Message.of(
                    "Invalid attribute name", "An attribute name is required after a dot.");
            case HclParser.PostfixContext postfix -> postfix(postfix, offending);
            case HclParser.TemplateInterpolationContext ignored -> Message.of(
                    "Extra characters after interpolation expression",
                    "Expected a closing brace to end the interpolation expression, but found " + describe(offending) + ".");
            case HclParser.TemplateIfContext ignored -> templateDirective("if", "endif", expected, offending);
            case HclParser.TemplateForContext ignored -> templateDirective("for", "endfor", expected, offending);
            case HclParser.StandaloneExpressionContext ignored -> Message.of(
                    "Extra characters after expression", "Expected the end of the expression, but found " + describe(offending) + ".");
            case HclParser.StandaloneTemplateContext ignored -> Message.of(
                    "Invalid template", "Expected template text, an interpolation or a directive, but found " + describe(offending) + ".");
            default -> null;
        });
    }

    private static boolean isTemplateEnd(IntervalSet expected)
    {
        return expected.contains(HclLexer.CQUOTE) || expected.contains(HclLexer.HEREDOC_CLOSE) || expected.contains(Token.EOF)
                || expected.contains(HclLexer.ENDIF) || expected.contains(HclLexer.ENDFOR) || expected.contains(HclLexer.ELSE);
    }

    private static Message strayDirective(Token keyword)
    {
        String detail = switch (keyword.getType()) {
            case HclLexer.ELSE -> "There is no open %{ if } directive for this %{ else } to belong to.";
            case HclLexer.ENDIF -> "There is no open %{ if } directive for this %{ endif } to close.";
            case HclLexer.ENDFOR -> "There is no open %{ for } directive for this %{ endfor } to close.";
            default -> "A template directive must be %{ if CONDITION }, %{ else }, %{ endif }, %{ for NAME in COLLECTION } or %{ endfor }.";
        };
        return Message.of("Invalid template directive", detail);
    }

    private static Message postfix(HclParser.PostfixContext postfix, Token offending)
    {
        if (postfix.getStart().getType() == HclLexer.DOT) {
            return Message.of("Invalid attribute name", "An attribute name is required after a dot.");
        }
        return offending.getType() == Token.EOF
                ? Message.of("Missing expression", "Expected the start of an expression, but found the end of the file.")
                : Message.of("Invalid index", "Expected an index expression or \"*\" between the brackets, but found " + describe(offending) + ".");
    }

    private static boolean isOneLine(HclParser.BlockContentContext content)
    {
        return content != null && content.NEWLINE() == null;
    }

    private static Message oneLineBlock(int found)
    {
        String detail = switch (found) {
            case HclLexer.NEWLINE, Token.EOF -> "The closing brace for a single-line block definition must be on the same line.";
            case HclLexer.COMMA -> "A single-line block definition can contain only a single argument. Put each argument on its own line.";
            default -> "A single-line block definition must end with a closing brace immediately after its single argument definition.";
        };
        return Message.of("Invalid single-argument block definition", detail);
    }

    private static Message unclosedBlock(Token openBrace)
    {
        if (openBrace.getStopIndex() < openBrace.getStartIndex()) {
            return Message.NONE;
        }
        return new Message(
                "Unclosed configuration block",
                "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                Optional.of(openBrace.getStartIndex()),
                openBrace.getStopIndex() + 1);
    }

    private static Message missingNewline()
    {
        return Message.of("Missing newline after argument", "An argument definition must end with a newline.");
    }

    private static Message argumentOrBlockRequired(Token offending)
    {
        String detail = offending.getType() == HclLexer.RBRACE
                ? "An argument or block definition is required here; this closing brace has no matching opening brace."
                : "An argument or block definition is required here.";
        return Message.of("Argument or block definition required", detail);
    }

    /** An item that starts with a name but is neither {@code name = value} nor {@code name labels { }}. */
    private static Message invalidBlock(ParserRuleContext item, Token offending, TokenStream tokens)
    {
        int before = significantTokensBetween(tokens, item.getStart(), offending);
        if (before == 0) {
            return argumentOrBlockRequired(offending);
        }
        boolean endsAfterName = offending.getType() == HclLexer.NEWLINE || offending.getType() == Token.EOF;
        if (before == 1 && endsAfterName) {
            return Message.of("Argument or block definition required",
                    "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.");
        }
        if (endsAfterName) {
            return Message.of("Invalid block definition",
                    "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.");
        }
        return Message.of("Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.");
    }

    /** How many tokens on the parser's channel lie from {@code first} up to (not including) {@code last}. */
    private static int significantTokensBetween(TokenStream tokens, Token first, Token last)
    {
        if (first == null || first.getTokenIndex() < 0 || last.getTokenIndex() < 0) {
            return 0;
        }
        int count = 0;
        for (int index = first.getTokenIndex(); index < last.getTokenIndex() && index < tokens.size(); index++) {
            if (tokens.get(index).getChannel() == Token.DEFAULT_CHANNEL) {
                count++;
            }
        }
        return count;
    }

    /** The first token on the parser's channel after {@code token}. */
    private static Token following(TokenStream tokens, Token token)
    {
        if (token.getType() == Token.EOF || token.getTokenIndex() < 0) {
            return token;
        }
        for (int index = token.getTokenIndex() + 1; index < tokens.size(); index++) {
            Token candidate = tokens.get(index);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                return candidate;
            }
        }
        return token;
    }

    private static Message missingArgumentSeparator(int found)
    {
        return found == Token.EOF
                ? Message.of("Unterminated function call", "The file ends before the closing parenthesis of this function call.")
                : Message.of("Missing argument separator", "A comma is required to separate each function argument from the next.");
    }

    private static Message invalidFor(IntervalSet expected, Token offending)
    {
        return Message.of("Invalid for expression", "Expected " + describe(expected) + ", but found " + describe(offending) + ".");
    }

    private static Message templateDirective(String directive, String end, IntervalSet expected, Token offending)
    {
        if (expected.contains(HclLexer.DIRECTIVE_OPEN) && (offending.getType() == HclLexer.CQUOTE || offending.getType() == HclLexer.HEREDOC_CLOSE
                || offending.getType() == Token.EOF)) {
            return Message.of("Unterminated template directive",
                    "This template ends before the %{ " + end + " } that closes the %{ " + directive + " } directive.");
        }
        if (offending.getType() == HclLexer.ELSE || offending.getType() == HclLexer.ENDIF || offending.getType() == HclLexer.ENDFOR) {
            String closers = directive.equals("if") ? "%{ else } or %{ endif }" : "%{ endfor }";
            return Message.of("Invalid template directive",
                    "This %{ " + offending.getText() + " } does not match the open %{ " + directive + " } directive, which needs " + closers + " here.");
        }
        return Message.of("Invalid template directive", "Expected " + describe(expected) + ", but found " + describe(offending) + ".");
    }

    private static Message unterminatedString(ParserRuleContext context, Token offending)
    {
        for (ParseTree current = context; current != null; current = current.getParent()) {
            if (current instanceof HclParser.QuotedTemplateContext quoted && quoted.OQUOTE() != null) {
                int start = quoted.OQUOTE().getSymbol().getStartIndex();
                int end = offending.getType() == Token.EOF ? Integer.MAX_VALUE : offending.getStartIndex();
                return new Message("Unterminated template string", "No closing marker was found for the string.", Optional.of(start), end);
            }
        }
        return Message.of("Unterminated template string", "No closing marker was found for the string.");
    }

    private static Message unclosedHeredoc(ParserRuleContext context)
    {
        for (ParseTree current = context; current != null; current = current.getParent()) {
            if (current instanceof HclParser.HeredocTemplateContext heredoc && heredoc.HEREDOC_OPEN() != null) {
                Token open = heredoc.HEREDOC_OPEN().getSymbol();
                String opener = open.getText().stripTrailing();
                String marker = opener.substring(opener.startsWith("<<-") ? 3 : 2);
                return new Message("Unclosed heredoc",
                        "The heredoc introduced here has no closing marker: end it with a line holding only \"" + marker + "\".",
                        Optional.of(open.getStartIndex()),
                        open.getStartIndex() + opener.codePointCount(0, opener.length()));
            }
        }
        return Message.of("Unclosed heredoc", "The heredoc has no closing marker before the end of the file.");
    }

    private static boolean needsExpression(IntervalSet expected)
    {
        return expected.contains(HclLexer.NUMBER) && expected.contains(HclLexer.OQUOTE) && expected.contains(HclLexer.LPAREN)
                && !expected.contains(HclLexer.NEWLINE) && !expected.contains(HclLexer.RBRACE) && !expected.contains(HclLexer.RBRACKET)
                && !expected.contains(HclLexer.RPAREN);
    }

    static String describe(Token token)
    {
        return switch (token.getType()) {
            case Token.EOF -> "the end of the file";
            case HclLexer.NEWLINE -> "a newline";
            case HclLexer.OQUOTE -> "a quoted string";
            case HclLexer.HEREDOC_OPEN -> "a heredoc";
            case HclLexer.NUMBER -> "the number " + token.getText();
            case HclLexer.IDENTIFIER, HclLexer.FOR, HclLexer.IN, HclLexer.IF, HclLexer.ELSE, HclLexer.ENDIF, HclLexer.ENDFOR,
                 HclLexer.TRUE, HclLexer.FALSE, HclLexer.NULL -> "the name \"" + shorten(token.getText()) + "\"";
            case HclLexer.INTERP_OPEN -> "an interpolation (\"${\")";
            case HclLexer.DIRECTIVE_OPEN -> "a template directive (\"%{\")";
            case HclLexer.QUOTED_LITERAL, HclLexer.HEREDOC_LITERAL, HclLexer.TEMPLATE_LITERAL -> "template text";
            default -> "\"" + shorten(token.getText()) + "\"";
        };
    }

    private static String shorten(String text)
    {
        return text.length() > 24 ? text.substring(0, 24) + "…" : text;
    }

    static String describe(IntervalSet expected)
    {
        List<String> names = new ArrayList<>();
        if (expected.contains(HclLexer.NUMBER) && expected.contains(HclLexer.OQUOTE)) {
            names.add("an expression");
        }
        else if (expected.contains(HclLexer.IDENTIFIER)) {
            names.add("a name");
        }
        if (!expected.contains(HclLexer.IDENTIFIER)) {
            addIf(names, expected, HclLexer.ELSE, "\"else\"");
            addIf(names, expected, HclLexer.ENDIF, "\"endif\"");
            addIf(names, expected, HclLexer.ENDFOR, "\"endfor\"");
        }
        addIf(names, expected, HclLexer.ASSIGN, "an equals sign (\"=\")");
        addIf(names, expected, HclLexer.COLON, "a colon (\":\")");
        addIf(names, expected, HclLexer.FAT_ARROW, "an arrow (\"=>\")");
        addIf(names, expected, HclLexer.IN, "the keyword \"in\"");
        addIf(names, expected, HclLexer.IF, "the keyword \"if\"");
        addIf(names, expected, HclLexer.COMMA, "a comma");
        addIf(names, expected, HclLexer.LBRACE, "an opening brace (\"{\")");
        addIf(names, expected, HclLexer.RBRACE, "a closing brace (\"}\")");
        addIf(names, expected, HclLexer.RBRACKET, "a closing bracket (\"]\")");
        addIf(names, expected, HclLexer.RPAREN, "a closing parenthesis (\")\")");
        addIf(names, expected, HclLexer.CQUOTE, "a closing quote");
        addIf(names, expected, HclLexer.DIRECTIVE_OPEN, "a template directive");
        addIf(names, expected, HclLexer.NEWLINE, "a newline");
        addIf(names, expected, Token.EOF, "the end of the file");
        if (names.isEmpty()) {
            return "something else";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    private static void addIf(List<String> names, IntervalSet expected, int type, String name)
    {
        if (expected.contains(type)) {
            names.add(name);
        }
    }
}
