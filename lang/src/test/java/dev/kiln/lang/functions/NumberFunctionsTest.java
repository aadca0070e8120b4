package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kiln.lang.functions.FunctionCalls.assertFails;
import static dev.kiln.lang.functions.FunctionCalls.call;
import static dev.kiln.lang.functions.FunctionCalls.expected;
import static dev.kiln.lang.functions.FunctionCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("number functions give Terraform's documented results")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "min      | [12, 54, 3]                 | 3",
            "max      | [12, 54, 3]                 | 54",
            "max      | ['7', 2.5]                  | 7",
            "min      | [-0.5, 0.25]                | -0.5",
            "abs      | [23]                        | 23",
            "abs      | [0]                         | 0",
            "abs      | [-12.4]                     | 12.4",
            "ceil     | [5]                         | 5",
            "ceil     | [5.1]                       | 6",
            "ceil     | [-5.1]                      | -5",
            "floor    | [5]                         | 5",
            "floor    | [4.9]                       | 4",
            "floor    | [-4.1]                      | -5",
            "parseint | ['100', 10]                 | 100",
            "parseint | ['FF', 16]                  | 255",
            "parseint | ['-10', 16]                 | -16",
            "parseint | ['1011111011101111', 2]     | 48879",
            "parseint | ['aA', 62]                  | 656",
            "parseint | ['zz', 36]                  | 1295",
            "parseint | ['123456789012345678901234567890', 10] | 123456789012345678901234567890",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("number functions reject invalid arguments")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "min      | []                | Not enough function arguments: function \"min\" must be given at least one number.",
            "max      | [1, 'x']          | *",
            "abs      | [null]            | argument must not be null.",
            "parseint | ['12', 2]         | cannot parse \"12\" as a base 2 integer.",
            "parseint | ['', 10]          | cannot parse \"\" as a base 10 integer.",
            "parseint | ['1', 1]          | base must be a whole number between 2 and 62 inclusive.",
            "parseint | ['1', 63]         | base must be a whole number between 2 and 62 inclusive.",
            "parseint | ['1', 2.5]        | base must be a whole number between 2 and 62 inclusive.",
            "parseint | [10, 10]          | first argument must be a string, not number.",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("an unknown number gives an unknown result; a sensitive one a sensitive result")
    void unknownAndSensitive()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.NUMBER), call("max", List.of(Value.number(1), Value.unknown(Type.NUMBER))));
        assertEquals(new Value.NumberValue(java.math.BigDecimal.valueOf(3), true), call("abs", List.of(new Value.NumberValue(java.math.BigDecimal.valueOf(-3), true))));
        FunctionException exception = assertFails("cannot parse (sensitive value) as a base 10 integer.",
                () -> call("parseint", List.of(new Value.StringValue("hunter2", true), Value.number(10))));
        assertEquals(0, exception.argumentIndex().orElseThrow());
    }
}
