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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityFunctionsTest
{
    private static final Value SECRET = new Value.StringValue("hunter2", true);

    @Test
    @DisplayName("sensitive marks the value and keeps it unchanged otherwise, null and unknown included")
    void sensitive()
            throws FunctionException
    {
        assertEquals(SECRET, call("sensitive", List.of(Value.string("hunter2"))));
        assertEquals(new Value.Null(Type.STRING, true), call("sensitive", List.of(Value.nullOf(Type.STRING))));
        assertEquals(new Value.Unknown(Type.NUMBER, true), call("sensitive", List.of(Value.unknown(Type.NUMBER))));
        assertEquals(SECRET, call("sensitive", List.of(SECRET)));
    }

    @Test
    @DisplayName("nonsensitive removes every sensitive mark, nested ones included")
    void nonsensitive()
            throws FunctionException
    {
        assertEquals(Value.string("hunter2"), call("nonsensitive", List.of(SECRET)));
        Value nested = Value.object(Map.of("password", SECRET, "user", Value.string("admin")));
        Value cleared = call("nonsensitive", List.of(nested));
        assertFalse(cleared.containsSensitive());
        assertEquals(Value.object(Map.of("password", Value.string("hunter2"), "user", Value.string("admin"))), cleared);
        assertEquals(Value.unknown(Type.STRING), call("nonsensitive", List.of(new Value.Unknown(Type.STRING, true))));
    }

    @Test
    @DisplayName("nonsensitive of a value that is not sensitive is an error, as in Terraform")
    void nonsensitiveOfPlainValue()
            throws FunctionException
    {
        assertFails("the given value is not sensitive, so this call is redundant.", () -> call("nonsensitive", List.of(Value.string("a"))));
        assertEquals(Value.unknown(Type.STRING), call("nonsensitive", List.of(Value.unknown(Type.STRING))));
    }

    @Test
    @DisplayName("a function whose parameters do not take marks returns a sensitive result for a deeply sensitive argument")
    void deepMarksMarkTheResult()
            throws FunctionException
    {
        Value list = Value.tuple(List.of(Value.string("a"), Value.tuple(List.of(SECRET))));
        Value encoded = call("jsonencode", List.of(list));
        assertEquals(new Value.StringValue("[\"a\",[\"hunter2\"]]", true), encoded);
        assertTrue(call("flatten", List.of(list)).sensitive());
    }
}
