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
import static org.junit.jupiter.api.Assertions.assertEquals;

class RegexFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("regex, regexall and replace follow Terraform's documented examples")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "regex    | ['[a-z]+', '53453453.345345aaabbbccc23454']                          | 'aaabbbccc'",
            "regex    | ['(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)', '2019-02-01']  | ['2019', '02', '01']",
            "regex    | ['^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/'] | {'authority': 'terraform.io', 'scheme': 'https'}",
            "regex    | ['(?P<host_name>[a-z]+)(?P<port>:\\\\d+)?', 'localhost']          | {'host_name': 'localhost', 'port': ''}",
            "regex    | ['[[:digit:]]+', 'ab12cd']                                         | '12'",
            "regex    | ['[[:^alpha:]]+', 'ab12cd']                                        | '12'",
            "regex    | ['(?i)ABC', 'xabcx']                                               | 'abc'",
            "regex    | ['a.c', 'a\\nc abc']                                               | 'abc'",
            "regexall | ['[a-z]+', '1234abcd5678efgh9']                                    | ['abcd', 'efgh']",
            "regexall | ['a$', 'a\\n']                                                      | []",
            "regexall | ['(?m)a$', 'a\\nb']                                                 | ['a']",
            "regex    | ['\\\\p{Greek}+', 'abc αβγ']                                        | 'αβγ'",
            "regex    | ['\\\\PL+', 'abc123']                                             | '123'",
            "regexall | ['[a-z]+', '123456789']                                            | []",
            "regexall | ['(\\\\w)=(\\\\d)', 'a=1 b=2']                                     | [['a', '1'], ['b', '2']]",
            "replace  | ['1 + 2 + 3', '+', '-']                                            | '1 - 2 - 3'",
            "replace  | ['hello world', '/w.*d/', 'everybody']                             | 'hello everybody'",
            "replace  | ['hello world', '/(h)(e)/', '$2$1']                                | 'ehllo world'",
            "replace  | ['abc', '/(?P<x>b)/', '[${x}]']                                    | 'a[b]c'",
            "replace  | ['abc', '/b/', '$$']                                               | 'a$c'",
            "replace  | ['abc', '/', 'x']                                                  | 'abc'",
            "replace  | ['a/b', '/', '-']                                                  | 'a-b'",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("patterns RE2 rejects and failed matches are errors")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "regex    | ['[a-z]+', '53453453.34534523454']     | pattern did not match any part of the given string",
            "regex    | ['(?P<a>x)(y)', 'xy']                  | invalid regular expression pattern: cannot use both named and unnamed capture groups in the same pattern.",
            "regex    | ['a(?=b)', 'ab']                       | invalid regular expression pattern: invalid or unsupported Perl syntax: `(?=`.",
            "regex    | ['(a)\\\\1', 'aa']                     | invalid regular expression pattern: invalid escape sequence: `\\1`.",
            "regex    | ['a++', 'aa']                          | invalid regular expression pattern: invalid nested repetition operator: `++`.",
            "regexall | ['[a-z', 'x']                          | invalid regular expression pattern: missing closing ]: `[a-z`.",
            "replace  | ['x', '/(/', 'y']                      | invalid regular expression pattern: *",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("a known pattern with an unknown string gives an unknown value of the pattern's result type")
    void unknownString()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.STRING), call("regex", List.of(Value.string("a+"), Value.unknown(Type.STRING))));
        assertEquals(Value.unknown(Type.ObjectType.of(Map.of("x", Type.STRING))), call("regex", List.of(Value.string("(?P<x>a)"), Value.unknown(Type.STRING))));
        assertEquals(Value.unknown(new Type.ListType(new Type.ListType(Type.STRING))), call("regexall", List.of(Value.string("(a)"), Value.unknown(Type.STRING))));
        assertEquals(Value.unknown(Type.DYNAMIC), call("regex", List.of(Value.unknown(Type.STRING), Value.string("a"))));
    }
}
