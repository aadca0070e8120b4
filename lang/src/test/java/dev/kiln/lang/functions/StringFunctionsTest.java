package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kiln.lang.functions.FunctionCalls.call;
import static dev.kiln.lang.functions.FunctionCalls.expected;
import static dev.kiln.lang.functions.FunctionCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("string functions give Terraform's documented results")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "join        | ['-', ['foo', 'bar', 'baz']]           | 'foo-bar-baz'",
            "join        | [', ', ['foo', 'bar', 'baz']]          | 'foo, bar, baz'",
            "join        | [', ', ['foo']]                        | 'foo'",
            "join        | [',', ['a'], [], ['b', 'c']]           | 'a,b,c'",
            "join        | [',', [1, true]]                       | '1,true'",
            "split       | [',', 'foo']                           | ['foo']",
            "split       | [',', 'foo,bar,baz']                   | ['foo', 'bar', 'baz']",
            "split       | [',', '']                              | ['']",
            "split       | ['', 'ab']                             | ['a', 'b']",
            "lower       | ['HELLO']                              | 'hello'",
            "lower       | ['АЛЛО!']                              | 'алло!'",
            "upper       | ['hello']                              | 'HELLO'",
            "upper       | ['алло!']                              | 'АЛЛО!'",
            "title       | ['hello world']                        | 'Hello World'",
            "title       | ['hello-world, foo_bar']               | 'Hello-World, Foo_bar'",
            "trim        | ['?!hello?!', '!?']                    | 'hello'",
            "trim        | ['foobar', 'far']                      | 'oob'",
            "trim        | ['   hello! world.!  ', '! ']          | 'hello! world.'",
            "trimspace   | ['  hello\\n\\n']                      | 'hello'",
            "trimspace   | ['\\u00a0x\\t']                        | 'x'",
            "trimprefix  | ['helloworld', 'hello']                | 'world'",
            "trimprefix  | ['helloworld', 'cat']                  | 'helloworld'",
            "trimsuffix  | ['helloworld', 'world']                | 'hello'",
            "trimsuffix  | ['helloworld', 'cat']                  | 'helloworld'",
            "substr      | ['hello world', 1, 4]                  | 'ello'",
            "substr      | ['🤔🤷', 0, 1]                          | '🤔'",
            "substr      | ['hello world', -5, -1]                | 'world'",
            "substr      | ['hello world', 6, 10]                 | 'world'",
            "substr      | ['hello', 10, 2]                       | ''",
            "substr      | ['hello', -10, 2]                      | 'he'",
            "substr      | ['hello', 1, 0]                        | ''",
            "substr      | ['hello', 1, 1e12]                     | 'ello'",
            "startswith  | ['hello world', 'hello']               | true",
            "startswith  | ['hello world', 'world']               | false",
            "endswith    | ['hello world', 'world']               | true",
            "endswith    | ['hello world', 'hello']               | false",
            "strcontains | ['hello world', 'wor']                 | true",
            "strcontains | ['hello world', 'wod']                 | false",
            "indent      | [2, 'a\\nb\\nc']                        | 'a\\n  b\\n  c'",
            "indent      | [0, 'a\\nb']                            | 'a\\nb'",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("string functions reject invalid arguments with a message naming the parameter")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "join   | [',']                 | Not enough function arguments: function \"join\" expects at least one list to join.",
            "join   | [',', ['a', null]]    | element 1 is null.",
            "join   | [',', 'a']            | *",
            "lower  | []                    | Not enough function arguments: function \"lower\" expects 1 argument(s). Missing value for \"str\".",
            "lower  | ['a', 'b']            | Too many function arguments: function \"lower\" expects only 1 argument(s).",
            "lower  | [null]                | argument must not be null.",
            "lower  | [['a']]               | *",
            "substr | ['abc', 1.5, 1]       | value must be a whole number.",
            "indent | [-1, 'a']             | must not be negative.",
    })
    void errors(String name, String arguments, String message)
    {
        FunctionCalls.assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("split returns a list of strings")
    void splitType()
            throws FunctionException
    {
        assertEquals(new Type.ListType(Type.STRING), call("split", "[',', 'a,b']").type());
    }

    @Test
    @DisplayName("an unknown argument gives an unknown result of the declared type")
    void unknownArgument()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.STRING), call("upper", List.of(Value.unknown(Type.DYNAMIC))));
        assertEquals(Value.unknown(Type.STRING), call("join", List.of(Value.string(","), Value.tuple(List.of(Value.string("a"), Value.unknown(Type.STRING))))));
        assertEquals(Value.unknown(new Type.ListType(Type.STRING)), call("split", List.of(Value.string(","), Value.unknown(Type.STRING))));
    }

    @Test
    @DisplayName("a sensitive argument makes the result sensitive")
    void sensitiveArgument()
            throws FunctionException
    {
        assertEquals(new Value.StringValue("SECRET", true), call("upper", List.of(new Value.StringValue("secret", true))));
        Value joined = call("join", List.of(Value.string(","), Value.tuple(List.of(Value.string("a"), new Value.StringValue("b", true)))));
        assertEquals(new Value.StringValue("a,b", true), joined);
    }
}
