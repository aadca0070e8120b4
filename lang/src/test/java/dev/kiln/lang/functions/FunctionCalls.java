package dev.kiln.lang.functions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls standard functions with arguments written as JSON with single quotes
 * ({@code ['a', 1, {'k': true}]}: objects, tuples, strings, exact numbers), for tables.
 */
final class FunctionCalls
{
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES)
            .build();

    static final Map<String, Function> FUNCTIONS = StandardFunctions.create(Path.of("."));

    private FunctionCalls() {}

    static Value value(String json)
    {
        try {
            return ValueJson.fromJson(LENIENT.readTree(json));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Value> arguments(String json)
    {
        return ((Value.TupleValue) value(json)).elements();
    }

    static Value call(String name, String argumentsJson)
            throws FunctionException
    {
        return call(name, arguments(argumentsJson));
    }

    static Value call(String name, List<Value> arguments)
            throws FunctionException
    {
        Function function = FUNCTIONS.get(name);
        assertNotNull(function, "function " + name);
        return function.call(arguments);
    }

    /** The result as JSON, to compare with an expected value written in the same notation as the arguments. */
    static String json(Value value)
    {
        return ValueJson.encode(value);
    }

    interface Invocation
    {
        Value invoke()
                throws FunctionException;
    }

    /** Asserts the call fails with {@code message}; a message ending in {@code *} is a prefix. */
    static FunctionException assertFails(String message, Invocation invocation)
    {
        FunctionException exception = assertThrows(FunctionException.class, invocation::invoke);
        String wanted = message.strip();
        if (wanted.endsWith("*")) {
            assertTrue(exception.getMessage().startsWith(wanted.substring(0, wanted.length() - 1)), exception.getMessage());
        }
        else {
            assertEquals(wanted, exception.getMessage());
        }
        return exception;
    }

    static String expected(String json)
    {
        return ValueJson.encode(value(json));
    }
}
