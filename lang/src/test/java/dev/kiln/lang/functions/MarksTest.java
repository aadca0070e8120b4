package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kiln.lang.functions.FunctionCalls.assertFails;
import static dev.kiln.lang.functions.FunctionCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class MarksTest
{
    @Test
    @DisplayName("a message quoting a sensitive argument, even one nested in a sensitive collection, is redacted")
    void redactsSensitiveTexts()
    {
        List<Value> arguments = List.of(
                Value.string("public"),
                Value.object(Map.of("password", new Value.StringValue("hunter2", true))),
                new Value.ListValue(Type.STRING, List.of(Value.string("token-abc")), true));
        FunctionException redacted = Marks.redact(new FunctionException(1, "cannot use \"hunter2\" or token-abc with public"), arguments);
        assertEquals("cannot use \"(sensitive value)\" or (sensitive value) with public", redacted.getMessage());
        assertEquals(1, redacted.argumentIndex().orElseThrow());
    }

    @Test
    @DisplayName("a message without sensitive text is left as it is")
    void leavesOtherMessages()
    {
        FunctionException exception = new FunctionException("nothing secret here");
        assertSame(exception, Marks.redact(exception, List.of(new Value.StringValue("hunter2", true))));
    }

    @Test
    @DisplayName("an invalid sensitive regular expression is not quoted")
    void sensitivePattern()
    {
        FunctionException exception = assertFails("invalid regular expression pattern (details hidden: the pattern is sensitive).",
                () -> call("regex", List.of(new Value.StringValue("[hunter2", true), Value.string("x"))));
        assertFalse(exception.getMessage().contains("hunter2"));
    }

    @Test
    @DisplayName("Value.unmarkedDeep removes marks at every depth and keeps the value")
    void unmarkDeep()
    {
        Value marked = new Value.TupleValue(List.of(new Value.MapValue(Type.STRING, new java.util.TreeMap<>(Map.of("k", new Value.StringValue("v", true))), true)), true);
        Value plain = marked.unmarkedDeep();
        assertFalse(plain.containsSensitive());
        assertEquals(Value.tuple(List.of(Value.map(Type.STRING, Map.of("k", Value.string("v"))))), plain);
    }
}
