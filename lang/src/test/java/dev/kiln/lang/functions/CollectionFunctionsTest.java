package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.kiln.lang.functions.FunctionCalls.assertFails;
import static dev.kiln.lang.functions.FunctionCalls.call;
import static dev.kiln.lang.functions.FunctionCalls.expected;
import static dev.kiln.lang.functions.FunctionCalls.json;
import static dev.kiln.lang.functions.FunctionCalls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionFunctionsTest
{
    private static final Type.ListType LIST_OF_STRING = new Type.ListType(Type.STRING);

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("collection functions give Terraform's documented results")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "length       | [[]]                                        | 0",
            "length       | [['a', 'b']]                                | 2",
            "length       | [{'a': 'b'}]                                | 1",
            "length       | ['hello']                                   | 5",
            "length       | ['👾🕹️']                                     | 2",
            "length       | ['']                                        | 0",
            "keys         | [{'a': 1, 'c': 2, 'd': 3}]                  | ['a', 'c', 'd']",
            "values       | [{'a': 3, 'c': 2, 'd': 1}]                  | [3, 2, 1]",
            "lookup       | [{'a': 'ay', 'b': 'bee'}, 'a', 'what?']     | 'ay'",
            "lookup       | [{'a': 'ay', 'b': 'bee'}, 'c', 'what?']     | 'what?'",
            "lookup       | [{'a': 'ay'}, 'a']                          | 'ay'",
            "contains     | [['a', 'b', 'c'], 'a']                      | true",
            "contains     | [['a', 'b', 'c'], 'd']                      | false",
            "contains     | [[1, 2], 2]                                 | true",
            "element      | [['a', 'b', 'c'], 1]                        | 'b'",
            "element      | [['a', 'b', 'c'], 3]                        | 'a'",
            "element      | [['a', 'b', 'c'], -1]                       | 'c'",
            "element      | [['a', 'b', 'c'], -4]                       | 'c'",
            "slice        | [['a', 'b', 'c', 'd'], 1, 3]                | ['b', 'c']",
            "slice        | [['a', 'b'], 2, 2]                          | []",
            "reverse      | [[1, 2, 3]]                                 | [3, 2, 1]",
            "reverse      | [[]]                                        | []",
            "one          | [[]]                                        | null",
            "one          | [['hello']]                                 | 'hello'",
            "concat       | [['a', ''], ['b', 'c']]                     | ['a', '', 'b', 'c']",
            "concat       | [[1], ['x', true]]                          | [1, 'x', true]",
            "merge        | [{'a': 'b', 'c': 'd'}, {'e': 'f', 'c': 'z'}] | {'a': 'b', 'c': 'z', 'e': 'f'}",
            "merge        | [{'a': 'b'}, {'a': [1, 2], 'c': 'z'}, {'d': 3}] | {'a': [1, 2], 'c': 'z', 'd': 3}",
            "merge        | [{'a': 1}, null]                            | {'a': 1}",
            "merge        | []                                          | {}",
            "distinct     | [['a', 'b', 'a', 'c', 'd', 'b']]            | ['a', 'b', 'c', 'd']",
            "flatten      | [[['a', 'b'], [], ['c']]]                   | ['a', 'b', 'c']",
            "flatten      | [[[['a', 'b'], []], ['c']]]                 | ['a', 'b', 'c']",
            "flatten      | [[1, [2, [3]]]]                             | [1, 2, 3]",
            "range        | [3]                                         | [0, 1, 2]",
            "range        | [1, 4]                                      | [1, 2, 3]",
            "range        | [1, 8, 2]                                   | [1, 3, 5, 7]",
            "range        | [1, 4, 0.5]                                 | [1, 1.5, 2, 2.5, 3, 3.5]",
            "range        | [4, 1]                                      | [4, 3, 2]",
            "range        | [10, 5, -2]                                 | [10, 8, 6]",
            "range        | [0]                                         | []",
            "range        | [1, 4, -1]                                  | []",
            "zipmap       | [['a', 'b'], [1, 2]]                        | {'a': 1, 'b': 2}",
            "zipmap       | [['a', 'b'], [1, 'two']]                    | {'a': 1, 'b': 'two'}",
            "setunion     | [['a', 'b'], ['b', 'c'], ['d']]             | ['a', 'b', 'c', 'd']",
            "setunion     | [[], ['a']]                                 | ['a']",
            "setunion     | [[1], ['a']]                                | ['1', 'a']",
            "length       | [{'a': [1, 2], 'b': null}]                  | 2",
            "lookup       | [{'a': 1}, 'b', null]                       | null",
            "contains     | [[], 'a']                                   | false",
            "coalesce     | [null, [], ['a']]                           | []",
            "sort         | [['e', 'd', 'a', 'x']]                      | ['a', 'd', 'e', 'x']",
            "sort         | [['b', 'B', 'a']]                           | ['B', 'a', 'b']",
            "coalescelist | [['a', 'b'], ['c', 'd']]                    | ['a', 'b']",
            "coalescelist | [[], ['c', 'd']]                            | ['c', 'd']",
            "coalesce     | ['a', 'b']                                  | 'a'",
            "coalesce     | ['', 'b']                                   | 'b'",
            "coalesce     | [1, 2]                                      | 1",
            "coalesce     | [null, 2]                                   | 2",
            "coalesce     | [1, 'a']                                    | '1'",
            "alltrue      | [['true', true]]                            | true",
            "alltrue      | [[true, false]]                             | false",
            "alltrue      | [[]]                                        | true",
            "anytrue      | [['true']]                                  | true",
            "anytrue      | [[true, false]]                             | true",
            "anytrue      | [[]]                                        | false",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("collection functions reject invalid arguments with Terraform's messages")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "length       | [1]                             | argument must be a string, a collection type, or a structural type.",
            "length       | [null]                          | argument must not be null.",
            "keys         | [['a']]                         | must have map or object type.",
            "lookup       | [{'a': 1}, 'b']                 | lookup failed to find key \"b\".",
            "lookup       | [{'a': 1}, 'b', 1, 2]           | Too many function arguments: function \"lookup\" expects at most 3 argument(s).",
            "contains     | ['abc', 'a']                    | argument must be list, tuple, or set.",
            "element      | [[], 0]                         | cannot use element function with an empty list",
            "element      | [['a'], 0.5]                    | value must be a whole number.",
            "slice        | [['a', 'b'], -1, 1]             | start index must not be less than zero.",
            "slice        | [['a', 'b'], 1, 3]              | end index must not be greater than the length of the list.",
            "slice        | [['a', 'b'], 2, 1]              | start index must not be greater than end index.",
            "one          | [['a', 'b']]                    | must be a list, set, or tuple value with either zero or one elements.",
            "concat       | [['a'], 'b']                    | all arguments must be lists or tuples; got string.",
            "merge        | [{'a': 1}, 'b']                 | arguments must be maps or objects, got string.",
            "flatten      | ['a']                           | can only flatten lists, sets and tuples.",
            "range        | []                              | Not enough function arguments: function \"range\" expects one, two, or three arguments.",
            "range        | [1, 2, 3, 4]                    | Too many function arguments: function \"range\" expects one, two, or three arguments.",
            "range        | [1, 2, 0]                       | step must not be zero.",
            "range        | [1025]                          | more than 1024 values were generated; either decrease the difference between start and limit or use a larger step value",
            "zipmap       | [['a', 'b'], [1]]               | number of keys (2) does not match number of values (1)",
            "zipmap       | [['a', null], [1, 2]]           | keys list has null value at index 1.",
            "sort         | [['a', null]]                   | given list element 1 is null; a null string cannot be sorted.",
            "coalescelist | [[], []]                        | no non-null arguments",
            "coalescelist | ['a']                           | coalescelist arguments must be lists or tuples, got string.",
            "coalesce     | [null, '']                      | no non-null, non-empty-string arguments",
            "coalesce     | [1, ['a']]                      | all arguments must have the same type",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("range gives exactly 1024 numbers and no more")
    void rangeLimit()
            throws FunctionException
    {
        assertEquals(1024, ((Value.ListValue) call("range", "[1024]")).elements().size());
    }

    @Test
    @DisplayName("results have Terraform's types: lists stay lists, objects give tuples")
    void resultTypes()
            throws FunctionException
    {
        Value list = Value.list(Type.STRING, List.of(Value.string("b"), Value.string("a")));
        Value map = Value.map(Type.NUMBER, Map.of("x", Value.number(1)));
        assertEquals(LIST_OF_STRING, call("keys", List.of(map)).type());
        assertEquals(new Type.TupleType(List.of(Type.STRING, Type.STRING)), call("keys", "[{'a': 1, 'b': 'x'}]").type());
        assertEquals(new Type.ListType(Type.NUMBER), call("values", List.of(map)).type());
        assertEquals(LIST_OF_STRING, call("reverse", List.of(list)).type());
        assertEquals(LIST_OF_STRING, call("concat", List.of(list, list)).type());
        assertEquals(LIST_OF_STRING, call("slice", List.of(list, Value.number(0), Value.number(1))).type());
        assertEquals(new Type.MapType(Type.NUMBER), call("merge", List.of(map, map)).type());
        assertEquals(new Type.MapType(Type.STRING), call("zipmap", List.of(list, list)).type());
        assertEquals(new Type.SetType(Type.STRING), call("setunion", "[['a'], ['b']]").type());
        assertEquals(Value.nullOf(Type.STRING), call("one", List.of(Value.list(Type.STRING, List.of()))));
        assertEquals(new Type.ListType(Type.NUMBER), call("range", "[2]").type());
        Value numbers = Value.map(Type.NUMBER, Map.of("a", Value.number(1)));
        assertEquals(Value.string("1"), call("lookup", List.of(numbers, Value.string("a"), Value.string("none"))));
        assertEquals(Value.string("none"), call("lookup", List.of(numbers, Value.string("b"), Value.string("none"))));
        assertEquals(Value.number(1), call("lookup", List.of(numbers, Value.string("a"), Value.number(0))));
    }

    @Test
    @DisplayName("length of an unknown list is unknown; of an unknown tuple, known from its type")
    void lengthOfUnknown()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.NUMBER), call("length", List.of(Value.unknown(LIST_OF_STRING))));
        assertEquals(Value.number(2), call("length", List.of(Value.unknown(new Type.TupleType(List.of(Type.STRING, Type.BOOL))))));
        assertEquals(Value.number(2), call("length", List.of(Value.tuple(List.of(Value.unknown(Type.STRING), Value.string("a"))))));
    }

    @Test
    @DisplayName("unknown elements propagate only where they decide the result")
    void partialUnknowns()
            throws FunctionException
    {
        Value partly = Value.tuple(List.of(Value.string("a"), Value.unknown(Type.STRING)));
        assertEquals(Value.bool(true), call("contains", List.of(partly, Value.string("a"))));
        assertEquals(Value.unknown(Type.BOOL), call("contains", List.of(partly, Value.string("b"))));
        assertEquals(Value.unknown(Type.BOOL), call("contains", List.of(Value.unknown(LIST_OF_STRING), Value.string("b"))));
        assertEquals(Value.string("a"), call("element", List.of(partly, Value.number(0))));
        assertEquals(Value.unknown(Type.STRING), call("element", List.of(Value.unknown(LIST_OF_STRING), Value.number(0))));
        assertEquals(Value.unknown(Type.STRING), call("element", List.of(Value.list(Type.STRING, List.of(Value.string("a"))), Value.unknown(Type.NUMBER))));
        assertEquals(Value.bool(true), call("anytrue", List.of(Value.tuple(List.of(Value.unknown(Type.BOOL), Value.bool(true))))));
        assertEquals(Value.unknown(Type.BOOL), call("alltrue", List.of(Value.tuple(List.of(Value.unknown(Type.BOOL), Value.bool(true))))));
        assertEquals(Value.unknown(Type.DYNAMIC), call("flatten", List.of(Value.tuple(List.of(Value.string("a"), Value.unknown(LIST_OF_STRING))))));
        assertEquals(partly, call("concat", List.of(partly, Value.tuple(List.of()))));
        assertEquals(Value.unknown(LIST_OF_STRING), call("concat", List.of(Value.unknown(LIST_OF_STRING), Value.list(Type.STRING, List.of()))));
        assertEquals(Value.unknown(Type.DYNAMIC), call("merge", List.of(Value.unknown(Type.DYNAMIC), value("{'a': 1}"))));
        assertEquals(Value.unknown(Type.STRING), call("coalesce", List.of(Value.nullOf(Type.STRING), Value.unknown(Type.STRING), Value.string("x"))));
        assertEquals(Value.string("x"), call("coalesce", List.of(Value.string("x"), Value.unknown(Type.STRING))));
        assertEquals(Value.unknown(LIST_OF_STRING), call("keys", List.of(Value.unknown(new Type.MapType(Type.NUMBER)))));
        Type object = Type.ObjectType.of(Map.of("b", Type.STRING, "a", Type.NUMBER));
        assertEquals(Value.tuple(List.of(Value.string("a"), Value.string("b"))), call("keys", List.of(Value.unknown(object))));
    }

    @Test
    @DisplayName("length and keys of a collection with sensitive elements are not sensitive; of a sensitive collection they are")
    void lengthAndKeysFollowOnlyTheCollectionsOwnMark()
            throws FunctionException
    {
        Value secretInside = Value.object(Map.of("password", new Value.StringValue("hunter2", true)));
        assertFalse(call("length", List.of(secretInside)).sensitive());
        assertFalse(call("keys", List.of(secretInside)).containsSensitive());
        assertTrue(call("length", List.of(secretInside.withSensitive(true))).sensitive());
        assertTrue(call("keys", List.of(secretInside.withSensitive(true))).sensitive());
        assertTrue(call("length", List.of(new Value.StringValue("hunter2", true))).sensitive());
    }

    @Test
    @DisplayName("functions that move elements keep each element's own mark")
    void elementMarksStayInPlace()
            throws FunctionException
    {
        Value secret = new Value.StringValue("hunter2", true);
        Value list = Value.tuple(List.of(Value.string("a"), secret));
        assertEquals(Value.string("a"), call("element", List.of(list, Value.number(0))));
        assertEquals(secret, call("element", List.of(list, Value.number(1))));
        assertEquals(secret, call("lookup", List.of(Value.object(Map.of("k", secret)), Value.string("k"))));
        Value merged = call("merge", List.of(Value.object(Map.of("k", secret)), value("{'a': 1}")));
        assertFalse(merged.sensitive());
        assertTrue(merged.containsSensitive());
        assertFalse(call("concat", List.of(list, list)).sensitive());
    }

    @Test
    @DisplayName("functions that compute from elements mark the whole result when any element is sensitive")
    void computedResultsAreMarked()
            throws FunctionException
    {
        Value list = Value.tuple(List.of(Value.string("b"), new Value.StringValue("a", true)));
        Value sorted = call("sort", List.of(list));
        assertTrue(sorted.sensitive());
        assertFalse(((Value.ListValue) sorted).elements().getFirst().sensitive());
        assertTrue(call("contains", List.of(list, Value.string("b"))).sensitive());
        assertTrue(call("distinct", List.of(list)).sensitive());
    }

    @Test
    @DisplayName("lookup never shows a sensitive key in its message")
    void lookupHidesSensitiveKey()
    {
        assertFails("lookup failed to find key (sensitive value).",
                () -> call("lookup", List.of(value("{'a': 1}"), new Value.StringValue("hunter2", true))));
    }
}
