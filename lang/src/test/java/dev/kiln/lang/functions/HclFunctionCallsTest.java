package dev.kiln.lang.functions;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Function calls written in HCL, parsed and evaluated end to end with the standard library. */
class HclFunctionCallsTest
{
    private static final EvalContext CONTEXT = EvalContext.of(
            Map.of("var", Value.object(Map.of(
                    "password", new Value.StringValue("hunter2", true),
                    "pending", Value.unknown(Type.STRING),
                    "nodes", Value.tuple(List.of(Value.string("w1"), Value.string("w2")))))),
            StandardFunctions.create(Path.of(".")));

    private record Result(Value value, List<Diagnostic> diagnostics) {}

    private static Result evaluate(String source)
    {
        Parser.ExpressionResult parsed = Parser.parseExpression("test.kiln.hcl", source);
        assertFalse(parsed.hasErrors(), () -> source + ": " + parsed.diagnostics());
        Diagnostics diagnostics = new Diagnostics();
        Value value = Evaluator.evaluate(parsed.expression().orElseThrow(), CONTEXT, diagnostics);
        return new Result(value, diagnostics.toList());
    }

    private static Value value(String source)
    {
        Result result = evaluate(source);
        assertTrue(result.diagnostics().isEmpty(), () -> source + ": " + result.diagnostics());
        return result.value();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @DisplayName("Terraform's documented examples evaluate to the documented results")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "join(\", \", [\"foo\", \"bar\", \"baz\"])                       | \"foo, bar, baz\"",
            "split(\",\", \"foo,bar,baz\")                                   | [\"foo\", \"bar\", \"baz\"]",
            "format(\"Hello, %s!\", \"Ander\")                                | \"Hello, Ander!\"",
            "formatlist(\"%s, %s!\", \"Salutations\", [\"Valentina\", \"Ander\"]) | [\"Salutations, Valentina!\", \"Salutations, Ander!\"]",
            "replace(\"hello world\", \"/w.*d/\", \"everybody\")              | \"hello everybody\"",
            "regex(\"^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?\", \"https://terraform.io/docs/\") | {authority = \"terraform.io\", scheme = \"https\"}",
            "substr(\"hello world\", -5, -1)                                   | \"world\"",
            "length(var.nodes)                                               | 2",
            "concat([\"a\", \"\"], [\"b\", \"c\"])                            | [\"a\", \"\", \"b\", \"c\"]",
            "merge({a = \"b\", c = \"d\"}, {e = \"f\", c = \"z\"})            | {a = \"b\", c = \"z\", e = \"f\"}",
            "lookup({a = \"ay\", b = \"bee\"}, \"c\", \"what?\")              | \"what?\"",
            "element([\"a\", \"b\", \"c\"], -1)                               | \"c\"",
            "flatten([[\"a\", \"b\"], [], [\"c\"]])                           | [\"a\", \"b\", \"c\"]",
            "range(1, 8, 2)                                                  | [1, 3, 5, 7]",
            "zipmap([\"a\", \"b\"], [1, 2])                                  | {a = 1, b = 2}",
            "sort([\"e\", \"d\", \"a\", \"x\"])                              | [\"a\", \"d\", \"e\", \"x\"]",
            "max([12, 54, 3]...)                                             | 54",
            "min(12, 54, 3)                                                  | 3",
            "parseint(\"FF\", 16)                                            | 255",
            "jsondecode(jsonencode({a = [1, true, null]}))                   | {a = [1, true, null]}",
            "yamldecode(\"hello: world\")                                    | {hello = \"world\"}",
            "base64decode(base64encode(\"Hello World\"))                     | \"Hello World\"",
            "cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)                        | [\"10.1.0.0/20\", \"10.1.16.0/20\", \"10.1.32.0/24\", \"10.1.48.0/20\"]",
            "cidrhost(\"10.12.112.0/20\", 16)                                | \"10.12.112.16\"",
            "sha256(\"hello world\")                                         | \"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"",
            "coalesce(\"\", \"b\")                                           | \"b\"",
            "one([])                                                         | null",
            "try(regex(\"[0-9]+\", \"abc\"), \"none\")                        | \"none\"",
            "can(cidrhost(\"10.0.0.0/30\", 9))                               | false",
    })
    void documentedExamples(String expression, String expected)
    {
        assertEquals(ValueJson.encode(value(expected)), ValueJson.encode(value(expression)));
    }

    @Test
    @DisplayName("an invalid argument becomes an \"Invalid function argument\" diagnostic on that argument")
    void argumentDiagnostic()
    {
        Result result = evaluate("substr(\"abc\", 1.5, 1)");
        assertEquals(1, result.diagnostics().size());
        Diagnostic diagnostic = result.diagnostics().getFirst();
        assertEquals("Invalid function argument", diagnostic.summary());
        assertTrue(diagnostic.detail().contains("value must be a whole number"), diagnostic.detail());
        assertEquals(15, diagnostic.subject().orElseThrow().start().column());
    }

    @Test
    @DisplayName("a failed call becomes an \"Error in function call\" diagnostic")
    void callDiagnostic()
    {
        Result result = evaluate("zipmap([\"a\"], [])");
        assertEquals("Error in function call", result.diagnostics().getFirst().summary());
        assertTrue(result.diagnostics().getFirst().detail().contains("number of keys (1) does not match number of values (0)"));
    }

    @Test
    @DisplayName("sensitive values stay marked through calls and out of diagnostics; unknown values stay unknown")
    void sensitiveAndUnknown()
    {
        assertTrue(value("upper(var.password)").sensitive());
        assertFalse(value("nonsensitive(upper(var.password))").sensitive());
        assertTrue(value("length(var.password)").sensitive());
        assertEquals(Value.unknown(Type.STRING), value("upper(var.pending)"));
        Result failed = evaluate("parseint(var.password, 10)");
        assertFalse(failed.diagnostics().isEmpty());
        assertFalse(failed.diagnostics().toString().contains("hunter2"), failed.diagnostics().toString());
    }
}
