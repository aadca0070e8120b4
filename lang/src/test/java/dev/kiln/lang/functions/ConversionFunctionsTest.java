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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("conversion functions give Terraform's documented results")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "tostring | ['hello']                       | 'hello'",
            "tostring | [1]                             | '1'",
            "tostring | [true]                          | 'true'",
            "tostring | [null]                          | null",
            "tonumber | [1]                             | 1",
            "tonumber | ['1']                           | 1",
            "tonumber | ['-2.5']                        | -2.5",
            "tonumber | [null]                          | null",
            "tobool   | [true]                          | true",
            "tobool   | ['false']                       | false",
            "tobool   | [null]                          | null",
            "tolist   | [['a', 'b', 'c']]               | ['a', 'b', 'c']",
            "tolist   | [['a', 'b', 3]]                 | ['a', 'b', '3']",
            "toset    | [['c', 'b', 'b']]               | ['b', 'c']",
            "tomap    | [{'a': 'foo', 'b': true}]       | {'a': 'foo', 'b': 'true'}",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("conversions that cannot succeed say what could not be converted")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "tostring | [['a']]              | cannot convert tuple to string.",
            "tonumber | ['no']               | cannot convert \"no\" to number; given string must be a decimal representation of a number.",
            "tobool   | ['yes']              | cannot convert \"yes\" to bool.",
            "tolist   | ['a']                | cannot convert \"a\" to list*",
            "tomap    | [['a']]              | cannot convert tuple to map*",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("conversions return the target type, unknown when the argument is unknown")
    void types()
            throws FunctionException
    {
        assertEquals(new Type.ListType(Type.STRING), call("tolist", "[['a']]").type());
        assertEquals(new Type.SetType(Type.NUMBER), call("toset", "[[1, 2]]").type());
        assertEquals(new Type.MapType(Type.STRING), call("tomap", "[{'a': 'b'}]").type());
        assertEquals(Value.unknown(Type.STRING), call("tostring", List.of(Value.unknown(Type.DYNAMIC))));
    }

    @Test
    @DisplayName("tolist keeps each element's mark; toset moves element marks to the set, as sets cannot hold marked elements")
    void marks()
            throws FunctionException
    {
        Value elements = Value.tuple(List.of(Value.string("a"), new Value.StringValue("b", true)));
        Value list = call("tolist", List.of(elements));
        assertFalse(list.sensitive());
        assertTrue(((Value.ListValue) list).elements().get(1).sensitive());
        Value set = call("toset", List.of(elements));
        assertTrue(set.sensitive());
        assertFalse(((Value.SetValue) set).elements().stream().anyMatch(Value::sensitive));
    }

    @Test
    @DisplayName("a sensitive value that cannot be converted is not shown")
    void sensitiveNotShown()
    {
        assertFails("cannot convert (sensitive value) to number; given string must be a decimal representation of a number.",
                () -> call("tonumber", List.of(new Value.StringValue("hunter2", true))));
    }
}
