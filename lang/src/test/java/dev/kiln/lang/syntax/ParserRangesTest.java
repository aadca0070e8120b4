package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ParserRangesTest
{
    private static final String SOURCE = "ü = \"ä${x}\"\nb \"l\" {\n  c = f(x.y[0])\n}\n";

    @Test
    @DisplayName("AST ranges count columns in code points and offsets in UTF-8 bytes, end exclusive")
    void rangesUseCodePointsAndBytes()
    {
        Parser.ParseResult result = Parser.parse("main.kiln.hcl", SOURCE);
        assertFalse(result.hasErrors(), result.diagnostics()::toString);

        Attribute attribute = result.file().body().attributes().getFirst();
        assertEquals("1:1@0-1:2@2", render(attribute.nameRange()));
        assertEquals("1:1@0-1:12@13", render(attribute.range()));
        Expression.Template template = (Expression.Template) attribute.expression();
        assertEquals("1:5@5-1:12@13", render(template.range()));
        assertEquals("1:6@6-1:7@8", render(template.parts().get(0).range()));
        TemplatePart.Interpolation interpolation = (TemplatePart.Interpolation) template.parts().get(1);
        assertEquals("1:7@8-1:11@12", render(interpolation.range()));
        assertEquals("1:9@10-1:10@11", render(interpolation.expression().range()));

        Block block = result.file().body().blocks().getFirst();
        assertEquals("2:1@14-2:2@15", render(block.typeRange()));
        assertEquals("2:1@14-2:6@19", render(block.headerRange()));
        assertEquals("2:3@16-2:6@19", render(block.labels().getFirst().range()));
        assertEquals("2:1@14-4:2@39", render(block.range()));

        Attribute call = block.body().attributes().getFirst();
        assertEquals("3:3@24-3:16@37", render(call.range()));
        Expression.FunctionCall function = (Expression.FunctionCall) call.expression();
        assertEquals("3:7@28-3:8@29", render(function.nameRange()));
        Expression.ScopeTraversal traversal = (Expression.ScopeTraversal) function.arguments().getFirst();
        assertEquals("3:9@30-3:15@36", render(traversal.range()));
        assertEquals("3:12@33-3:15@36", render(traversal.traversal().steps().getLast().range()));
    }

    @Test
    @DisplayName("diagnostic ranges after non-ASCII text are byte-exact")
    void diagnosticRangesAfterNonAsciiText()
    {
        Diagnostic error = Parser.parse("main.kiln.hcl", "ä = \"€\" 😀\n").diagnostics().getFirst();
        assertEquals("Invalid character", error.summary());
        assertEquals("1:9@11-1:10@15", render(error.subject().orElseThrow()));
    }

    private static String render(SourceRange range)
    {
        return range.start().line() + ":" + range.start().column() + "@" + range.start().byteOffset()
                + "-" + range.end().line() + ":" + range.end().column() + "@" + range.end().byteOffset();
    }
}
