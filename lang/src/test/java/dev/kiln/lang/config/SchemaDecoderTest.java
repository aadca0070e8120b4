package dev.kiln.lang.config;

import dev.kiln.lang.ast.Block;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDecoderTest
{
    private static final BlockSchema STORE = BlockSchema.builder()
            .attribute(AttributeSchema.required("path", Type.STRING, "where"))
            .build();
    private static final BlockSchema SCHEMA = BlockSchema.builder("name")
            .attribute(AttributeSchema.required("size", Type.NUMBER, "how big"))
            .attribute(AttributeSchema.optional("zone", Type.STRING, Value.string("a"), "where"))
            .attribute(AttributeSchema.optional("token", Type.STRING, "secret").asSensitive())
            .attribute(AttributeSchema.computed("id", Type.STRING, "known after apply"))
            .block("rule", NestedBlockSchema.list(BlockSchema.builder().attribute(AttributeSchema.optional("port", Type.NUMBER, "port")).build(), "rules"))
            .block("pool", NestedBlockSchema.labeled(BlockSchema.builder().build(), "pools"))
            .block("disk", NestedBlockSchema.single(STORE, "disk").inGroup("store").asRequired())
            .block("bucket", NestedBlockSchema.single(STORE, "bucket").inGroup("store").asRequired())
            .build();

    @Test
    @DisplayName("written values are converted, defaults filled, sensitive values marked, nested blocks kept in order")
    void decodes()
    {
        Diagnostics diagnostics = new Diagnostics();
        DecodedBlock decoded = decode("""
                thing "t" {
                  size  = "3"
                  token = var.token
                  rule {
                    port = 80
                  }
                  rule {
                    port = 443
                  }
                  pool "a" {}
                  pool "b" {}
                  disk {
                    path = "/data"
                  }
                }
                """, diagnostics);
        assertTrue(diagnostics.isEmpty(), () -> diagnostics.toList().toString());
        assertEquals(Value.number(3), decoded.attribute("size").orElseThrow().value());
        assertEquals(Value.string("a"), decoded.attribute("zone").orElseThrow().value());
        assertFalse(decoded.attribute("zone").orElseThrow().written());
        assertTrue(decoded.attribute("token").orElseThrow().value().sensitive());
        assertTrue(decoded.attribute("id").isEmpty());
        assertEquals(List.of(Value.number(80), Value.number(443)),
                decoded.blocks("rule").stream().map(rule -> rule.attribute("port").orElseThrow().value()).toList());
        assertEquals(List.of("a", "b"), decoded.blocks("pool").stream().map(pool -> pool.labels().getFirst().value()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            size = 1                                                  | Missing disk or bucket block
            size = 1, disk { path = "a" }, bucket { path = "b" }      | Conflicting configuration blocks
            size = 1, disk { path = "a" }, disk { path = "b" }        | Too many disk blocks
            size = 1, disk { path = "a" }, pool {}                    | Missing name for pool
            size = 1, disk { path = "a" }, pool "x" {}, pool "x" {}   | Duplicate pool block
            size = 1, disk { path = "a" }, id = "x"                   | Invalid argument
            size = 1, disk { path = "a" }, sise = 2                   | Unsupported argument
            size = 1, disk { path = "a" }, rules {}                   | Unsupported block type
            size = [1], disk { path = "a" }                           | Incorrect attribute value type
            disk { path = "a" }                                       | Missing required argument
            size = 1, disk {}                                         | Missing required argument
            """)
    @DisplayName("each structural problem is one diagnostic with a detail")
    void reports(String body, String summary)
    {
        Diagnostics diagnostics = new Diagnostics();
        decode("thing \"t\" {\n  " + body.replace(", ", "\n  ").replace("{ ", "{\n").replace(" }", "\n}") + "\n}\n", diagnostics);
        List<Diagnostic> reported = diagnostics.toList();
        assertEquals(List.of(summary), reported.stream().map(Diagnostic::summary).toList(), reported::toString);
        assertFalse(reported.getFirst().detail().isBlank());
    }

    private static DecodedBlock decode(String source, Diagnostics diagnostics)
    {
        var parsed = Parser.parse("test.kiln.hcl", source);
        assertTrue(parsed.diagnostics().isEmpty(), parsed.diagnostics()::toString);
        Block block = parsed.file().body().blocks().getFirst();
        EvalContext context = EvalContext.of(Map.of("var", Value.object(Map.of("token", Value.string("s3cr3t")))), Map.of());
        return SchemaDecoder.decode(block, SCHEMA, context, diagnostics);
    }
}
