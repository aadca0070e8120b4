package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kiln.lang.functions.FunctionCalls.assertFails;
import static dev.kiln.lang.functions.FunctionCalls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateFileFunctionTest
{
    private static final Value BACKENDS = value("{'port': 8080, 'ip_addrs': ['10.0.0.1', '10.0.0.2']}");

    @TempDir
    Path directory;

    private Map<String, Function> functions;

    @BeforeEach
    void setUp()
            throws IOException
    {
        write("backends.tftpl", "%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n");
        write("config.tftpl", "${jsonencode({\"backends\": [for addr in ip_addrs : \"${addr}:${port}\"]})}");
        write("single.tftpl", "${port}");
        write("missing.tftpl", "first line\nport ${prot}\n");
        write("broken.tftpl", "value ${\n");
        write("recursive.tftpl", "${templatefile(\"single.tftpl\", {port = 1})}");
        functions = StandardFunctions.create(directory);
    }

    private void write(String name, String content)
            throws IOException
    {
        Files.writeString(directory.resolve(name), content);
    }

    private Value render(String name, Value vars)
            throws FunctionException
    {
        return functions.get("templatefile").call(List.of(Value.string(name), vars));
    }

    @Test
    @DisplayName("templatefile renders directives and interpolations with the given variables, as in Terraform's examples")
    void documentedExamples()
            throws FunctionException
    {
        assertEquals(Value.string("backend 10.0.0.1:8080\nbackend 10.0.0.2:8080\n"), render("backends.tftpl", BACKENDS));
        assertEquals(Value.string("{\"backends\":[\"10.0.0.1:8080\",\"10.0.0.2:8080\"]}"), render("config.tftpl", BACKENDS));
    }

    @Test
    @DisplayName("a template that is one interpolation yields that value unchanged")
    void singleInterpolation()
            throws FunctionException
    {
        assertEquals(Value.number(8080), render("single.tftpl", BACKENDS));
    }

    @Test
    @DisplayName("problems inside the template name the template file, line and column")
    void templateErrors()
    {
        FunctionException unknown = assertFails("error in template \"missing.tftpl\": missing.tftpl:2:*", () -> render("missing.tftpl", BACKENDS));
        assertTrue(unknown.getMessage().contains("prot"), unknown.getMessage());
        assertFails("error in template \"broken.tftpl\": broken.tftpl:*", () -> render("broken.tftpl", BACKENDS));
        assertFails("no file exists at \"nope.tftpl\"; *", () -> render("nope.tftpl", BACKENDS));
    }

    @Test
    @DisplayName("a template cannot call templatefile")
    void noRecursion()
    {
        FunctionException exception = assertFails("error in template \"recursive.tftpl\": *", () -> render("recursive.tftpl", BACKENDS));
        assertTrue(exception.getMessage().contains("templatefile"), exception.getMessage());
    }

    @Test
    @DisplayName("vars must be a map or object with identifier keys")
    void invalidVars()
    {
        assertFails("invalid vars value: must be a map or an object, not tuple.", () -> render("single.tftpl", value("[1]")));
        assertFails("invalid template variable name \"not valid\": *", () -> render("single.tftpl", value("{'not valid': 1}")));
    }

    @Test
    @DisplayName("sensitive variables make the parts rendered from them sensitive; unknown variables make the result unknown")
    void marksAndUnknowns()
            throws FunctionException
    {
        Value secret = Value.object(Map.of("port", new Value.NumberValue(java.math.BigDecimal.ONE, true), "ip_addrs", Value.tuple(List.of())));
        assertTrue(render("single.tftpl", secret).containsSensitive());
        assertFalse(render("config.tftpl", value("{'port': 1, 'ip_addrs': []}")).containsSensitive());
        assertEquals(Value.unknown(Type.DYNAMIC), render("single.tftpl", Value.unknown(Type.DYNAMIC)));
        Value unknownPort = Value.object(Map.of("port", Value.unknown(Type.NUMBER), "ip_addrs", value("['a']")));
        assertFalse(render("backends.tftpl", unknownPort).isKnown());
    }
}
