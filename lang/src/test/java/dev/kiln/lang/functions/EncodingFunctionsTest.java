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

class EncodingFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("encoding and hashing functions give Terraform's documented results")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jsonencode   | [{'hello': 'world'}]                    | '{\"hello\":\"world\"}'",
            "jsonencode   | [[1, 2.5, true, null]]                  | '[1,2.5,true,null]'",
            "jsonencode   | ['<a&b>']                               | '\"\\\\u003ca\\\\u0026b\\\\u003e\"'",
            "jsonencode   | [null]                                  | 'null'",
            "jsonencode   | ['\\b\\f\\\\b\\n']                 | '\"\\\\u0008\\\\u000c\\\\\\\\b\\\\n\"'",
            "jsonencode   | [123456789012345678901234567890.5]      | '123456789012345678901234567890.5'",
            "jsondecode   | ['{\"hello\": \"world\"}']              | {'hello': 'world'}",
            "jsondecode   | ['true']                                | true",
            "jsondecode   | ['[1, \"a\", null]']                    | [1, 'a', null]",
            "jsondecode   | ['0.1']                                 | 0.1",
            "yamlencode   | [{'a': 'b', 'c': 'd'}]                  | '\"a\": \"b\"\\n\"c\": \"d\"\\n'",
            "yamlencode   | [{'foo': [1, 2, 3], 'bar': 'baz'}]      | '\"bar\": \"baz\"\\n\"foo\":\\n- 1\\n- 2\\n- 3\\n'",
            "yamlencode   | [{'foo': [1, {'a': 'b', 'c': 'd'}, 3], 'bar': 'baz'}] | '\"bar\": \"baz\"\\n\"foo\":\\n- 1\\n- \"a\": \"b\"\\n  \"c\": \"d\"\\n- 3\\n'",
            "yamlencode   | [{'a': {'b': {'c': 1}}, 'e': []}]       | '\"a\":\\n  \"b\":\\n    \"c\": 1\\n\"e\": []\\n'",
            "yamlencode   | [[[1, 2], [3]]]                         | '- - 1\\n  - 2\\n- - 3\\n'",
            "yamlencode   | ['a\\nb\\t\"c\"']                        | '\"a\\\\nb\\\\t\\\\\"c\\\\\"\"\\n'",
            "yamlencode   | [null]                                  | 'null\\n'",
            "yamlencode   | [{}]                                    | '{}\\n'",
            "yamldecode   | ['hello: world']                        | {'hello': 'world'}",
            "yamldecode   | ['true']                                | true",
            "yamldecode   | ['- 1\\n- 2.50\\n- a']                   | [1, 2.5, 'a']",
            "yamldecode   | ['a: &x [1, 2]\\nb: *x']                 | {'a': [1, 2], 'b': [1, 2]}",
            "yamldecode   | ['']                                    | null",
            "base64encode | ['Hello World']                         | 'SGVsbG8gV29ybGQ='",
            "base64decode | ['SGVsbG8gV29ybGQ=']                    | 'Hello World'",
            "base64decode | ['4pyT']                                | '✓'",
            "urlencode    | ['Hello World!']                        | 'Hello+World%21'",
            "urlencode    | ['☃']                                   | '%E2%98%83'",
            "urlencode    | ['foo:bar@localhost?foo=bar&bar=baz']   | 'foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz'",
            "urlencode    | ['a-b_c.d~e']                           | 'a-b_c.d~e'",
            "sha256       | ['hello world']                         | 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'",
            "sha1         | ['hello world']                         | '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed'",
            "md5          | ['hello world']                         | '5eb63bbbe01eeed093cb22bb8f5acdc3'",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("decoders reject malformed text")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jsondecode   | ['{']                   | invalid JSON: *",
            "jsondecode   | ['1 2']                 | invalid JSON: *",
            "jsondecode   | ['{\"a\": 1, \"a\": 2}']  | invalid JSON: Duplicate field 'a'*",
            "jsondecode   | ['']                    | invalid JSON: no value.",
            "yamldecode   | ['a: [1']               | invalid YAML: *",
            "yamldecode   | ['a: 1\\n---\\nb: 2']    | invalid YAML: only one document is supported, but the text holds more than one.",
            "base64decode | ['not base64!']         | failed to decode base64 data \"not base64!\".",
            "base64decode | ['SGk']                 | failed to decode base64 data \"SGk\".",
            "base64decode | ['/w==']                | the result of decoding the provided string is not valid UTF-8.",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("jsondecode types objects as objects, arrays as tuples and keeps numbers exact")
    void decodedTypes()
            throws FunctionException
    {
        Value decoded = call("jsondecode", List.of(Value.string("{\"a\": [1, \"x\"], \"n\": 0.30000000000000000001}")));
        assertEquals(Type.ObjectType.of(java.util.Map.of(
                "a", new Type.TupleType(List.of(Type.NUMBER, Type.STRING)),
                "n", Type.NUMBER)), decoded.type());
        assertEquals(new java.math.BigDecimal("0.30000000000000000001"), ((Value.NumberValue) ((Value.ObjectValue) decoded).attributes().get("n")).value());
    }

    @Test
    @DisplayName("encoding a value that is not wholly known gives an unknown string")
    void unknownEncodes()
            throws FunctionException
    {
        Value partly = Value.tuple(List.of(Value.string("a"), Value.unknown(Type.STRING)));
        assertEquals(Value.unknown(Type.STRING), call("jsonencode", List.of(partly)));
        assertEquals(Value.unknown(Type.STRING), call("yamlencode", List.of(partly)));
        assertEquals(Value.unknown(Type.DYNAMIC), call("jsondecode", List.of(Value.unknown(Type.STRING))));
    }

    @Test
    @DisplayName("a sensitive argument makes the result sensitive and stays out of error messages")
    void sensitive()
            throws FunctionException
    {
        Value secret = new Value.StringValue("{\"password\": \"hunter2\"}", true);
        Value decoded = call("jsondecode", List.of(secret));
        assertTrue(decoded.sensitive());
        assertTrue(call("jsonencode", List.of(Value.tuple(List.of(new Value.StringValue("x", true))))).sensitive());
        assertTrue(call("sha256", List.of(new Value.StringValue("x", true))).sensitive());
        FunctionException json = assertFails("*", () -> call("jsondecode", List.of(new Value.StringValue("{hunter2", true))));
        assertFalse(json.getMessage().contains("hunter2"), json.getMessage());
        FunctionException base64 = assertFails("*", () -> call("base64decode", List.of(new Value.StringValue("hunter2!", true))));
        assertFalse(base64.getMessage().contains("hunter2"), base64.getMessage());
    }
}
