package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FormatterTest
{
    static Stream<Arguments> singleLines()
    {
        return Stream.of(
                arguments("a=1", "a = 1"),
                arguments("a   =   b.c", "a = b.c"),
                arguments("a=b [c]", "a = b[c]"),
                arguments("a=b()[c]", "a = b()[c]"),
                arguments("a=[\"hello\"][0]", "a = [\"hello\"][0]"),
                arguments("a=( x+2 )", "a = (x + 2)"),
                arguments("a=( x*-2 )", "a = (x * -2)"),
                arguments("a=(-2+1)", "a = (-2 + 1)"),
                arguments("a=f(1, -2,x*y, y,z)", "a = f(1, -2, x * y, y, z)"),
                arguments("a = f (1)", "a = f(1)"),
                arguments("a = x ? - 1 : -2", "a = x ? -1 : -2"),
                arguments("a = ! b", "a = !b"),
                arguments("a = x -y", "a = x - y"),
                arguments("a = node-1", "a = node-1"),
                arguments("a=[ [ ] ]", "a = [[]]"),
                arguments("a=[for x in y: x]", "a = [for x in y : x]"),
                arguments("a=[for x in [y]: x]", "a = [for x in [y] : x]"),
                arguments("a={for k,v in m: k=>v...}", "a = { for k, v in m : k => v... }"),
                arguments("a=[for x in y: x if(x>1)]", "a = [for x in y : x if (x > 1)]"),
                arguments("a={for k, v in m : k => - v}", "a = { for k, v in m : k => -v }"),
                arguments("a = \"ab\" [0]", "a = \"ab\"[0]"),
                arguments("a=f(xs...)", "a = f(xs...)"),
                arguments("a=[x , y ,]", "a = [x, y,]"),
                arguments("a=f(x ,)", "a = f(x,)"),
                arguments("a={b = 1,}", "a = { b = 1, }"),
                arguments("a=x.*.y", "a = x.*.y"),
                arguments("a=x[ * ].y", "a = x[*].y"),
                arguments("b{}", "b {}"),
                arguments("b { }", "b {}"),
                arguments("b {a = 1}", "b { a = 1 }"),
                arguments("b \"l\"{a={c=1}}", "b \"l\" { a = { c = 1 } }"),
                arguments("a = \"hello ${ name }\"", "a = \"hello ${ name }\""),
                arguments("a = 1 # note   ", "a = 1 # note"),
                arguments("a = 1// note", "a = 1 // note"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleLines")
    @DisplayName("spaces the tokens of a line by terraform fmt's rules")
    void spacesTokens(String input, String expected)
    {
        assertEquals(expected + "\n", format(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cluster \"a\" {\n  x = 1\n",
            "x = \n",
            "x = [1, 2\n",
            "x = \"unterminated\n",
            "a = 1 +\n",
            "a = 1 @\n",
            "  badly   =  \"formatted\"\nbroken {\n"})
    @DisplayName("returns a file with syntax errors unchanged, with the parser's diagnostics")
    void leavesBrokenFileUnchanged(String source)
    {
        FormatResult result = Formatter.format("broken.kiln.hcl", source);
        assertEquals(source, result.formatted());
        assertTrue(result.hasErrors());
        assertEquals(Parser.parse("broken.kiln.hcl", source).diagnostics(), result.diagnostics());
    }

    @Test
    @DisplayName("normalises Windows line endings to \\n")
    void normalisesLineEndings()
    {
        assertEquals(
                "cluster \"a\" {\n  x = 1 # one\n\n  yy = 2\n}\n",
                format("cluster \"a\" {\r\n x=1 # one\r\n\r\n   yy=2\r\n}\r\n"));
    }

    @Test
    @DisplayName("normalises Windows line endings inside heredocs and block comments too")
    void normalisesLineEndingsInsideMultiLineTokens()
    {
        String source = "motd = <<EOT\r\n  hello\r\n  world\r\nEOT\r\n/* one\r\n   two */\r\n";
        String formatted = format(source);
        assertEquals("motd = <<EOT\n  hello\n  world\nEOT\n/* one\n   two */\n", formatted);
        assertEquals(AstShape.of("crlf.kiln.hcl", source.replace("\r\n", "\n")), AstShape.of("crlf.kiln.hcl", formatted));
    }

    @Test
    @DisplayName("an empty or blank file formats to an empty file")
    void emptyFile()
    {
        assertEquals("", format(""));
        assertEquals("", format("\n \n\t\n"));
    }

    @Test
    @DisplayName("a comment-only file keeps its comments and ends with one newline")
    void commentOnlyFile()
    {
        assertEquals("# one\n\n// two\n", format("  # one\n\n// two"));
    }

    @Test
    @DisplayName("a heredoc that ends the file gets the final newline after its closing marker")
    void heredocAtEndOfFile()
    {
        assertEquals("a = <<EOT\n  x\nEOT\n", format("a=<<EOT\n  x\nEOT"));
    }

    @Test
    @DisplayName("counts wide characters as one column when aligning")
    void alignsByCharacters()
    {
        assertEquals(
                "\uD835\uDC9C" + " ".repeat(6) + "= 1" + " ".repeat(9) + "# foo\n"
                        + "bungle = \"\uD83C\uDDEC\uD83C\uDDE7\"" + " ".repeat(7) + "# baz\n"
                        + "zebra  = \"striped\" # baz\n",
                format("\uD835\uDC9C = 1 # foo\nbungle = \"\uD83C\uDDEC\uD83C\uDDE7\" # baz\nzebra = \"striped\" # baz\n"));
    }

    @Test
    @DisplayName("a formatted file passes through unchanged, with no diagnostics")
    void formattedFileUnchanged()
    {
        String source = "cluster \"prod\" {\n  kubernetes_version = \"v1.29.1\"\n  control_plane { nodes = [node.m1] }\n}\n";
        FormatResult result = Formatter.format("prod.kiln.hcl", source);
        assertEquals(source, result.formatted());
        assertFalse(result.hasErrors());
    }

    private static String format(String source)
    {
        FormatResult result = Formatter.format("test.kiln.hcl", source);
        assertFalse(result.hasErrors(), () -> "unexpected errors: " + result.diagnostics());
        return result.formatted();
    }
}
