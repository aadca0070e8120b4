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

class FormatFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("format and formatlist render Terraform's verbs")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "format     ; ['Hello, %s!', 'Ander']                         ; 'Hello, Ander!'",
            "format     ; ['There are %d lights', 4]                      ; 'There are 4 lights'",
            "format     ; ['%d%%', 50]                                    ; '50%'",
            "format     ; ['%s', 1.5]                                     ; '1.5'",
            "format     ; ['%v', true]                                    ; 'true'",
            "format     ; ['%v', [1, 'a']]                                ; '[1,\"a\"]'",
            "format     ; ['%#v', 'a']                                    ; '\"a\"'",
            "format     ; ['%v', {'b': 1, 'a': [true]}]                   ; '{\"a\":[true],\"b\":1}'",
            "format     ; ['%t', 'true']                                  ; 'true'",
            "format     ; ['%q', 'a\"b']                                  ; '\"a\\\\\"b\"'",
            "format     ; ['%.2f', 3.14159]                               ; '3.14'",
            "format     ; ['%f', 2]                                       ; '2.000000'",
            "format     ; ['%8.3f|', -3.14159]                            ; '  -3.142|'",
            "format     ; ['%-8.3f|', 3.14159]                            ; '3.142   |'",
            "format     ; ['%05d', 12]                                    ; '00012'",
            "format     ; ['%05d', -12]                                   ; '-0012'",
            "format     ; ['%+d', 5]                                      ; '+5'",
            "format     ; ['%x %X %o %b', 255, 255, 8, 5]                 ; 'ff FF 10 101'",
            "format     ; ['%#x', 255]                                    ; '0xff'",
            "format     ; ['%e', 1234.5678]                               ; '1.234568e+03'",
            "format     ; ['%.2E', 0.000123]                              ; '1.23E-04'",
            "format     ; ['%g', 1234567]                                 ; '1.234567e+06'",
            "format     ; ['%g', 100000]                                  ; '100000'",
            "format     ; ['%g', 0.5]                                     ; '0.5'",
            "format     ; ['%g', 0.00001]                                 ; '1e-05'",
            "format     ; ['%.3g', 3.14159]                               ; '3.14'",
            "format     ; ['%5s|%-5s|', 'ab', 'cd']                       ; '   ab|cd   |'",
            "format     ; ['%.2s', 'hello']                               ; 'he'",
            "format     ; ['%[2]s %[1]s', 'a', 'b']                       ; 'b a'",
            "format     ; ['%s', 'no verbs']                              ; 'no verbs'",
            "format     ; ['%d', '42']                                    ; '42'",
            "formatlist ; ['Hello, %s!', ['Valentina', 'Ander']]          ; ['Hello, Valentina!', 'Hello, Ander!']",
            "formatlist ; ['%s, %s!', 'Salutations', ['Valentina', 'Ander']] ; ['Salutations, Valentina!', 'Salutations, Ander!']",
            "formatlist ; ['%s=%d', ['a', 'b'], [1, 2]]                   ; ['a=1', 'b=2']",
            "formatlist ; ['%s', 'one']                                   ; ['one']",
            "formatlist ; ['%s', []]                                      ; []",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("format reports bad verbs and arguments with their offset")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "format     ; ['%s %s', 'a']                  ; not enough arguments for \"%s\" at 3: need index 2 but have 1 total",
            "format     ; ['%d', 1.5]                     ; unsupported value for \"%d\" at 0: integer required",
            "format     ; ['%d', 'x']                     ; unsupported value for \"%d\" at 0: number required",
            "format     ; ['%s', ['a']]                   ; unsupported value for \"%s\" at 0: string required",
            "format     ; ['%t', 1]                       ; unsupported value for \"%t\" at 0: bool required",
            "format     ; ['%s', null]                    ; unsupported value for \"%s\" at 0: null value cannot be formatted",
            "format     ; ['%z', 1]                       ; unrecognized format character 'z' at offset 1.",
            "format     ; ['abc %', 1]                    ; unterminated format verb at offset 4.",
            "formatlist ; ['%s%s', ['a', 'b'], ['c']]     ; argument 2 has length 1, which is inconsistent with argument 1 of length 2",
            "formatlist ; ['%d', ['a']]                   ; error on format iteration 0: unsupported value for \"%d\" at 0: number required",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("format rejects arguments its verbs do not use")
    void tooManyArguments()
    {
        assertFails("too many arguments; only 1 used by format string", () -> call("format", "['%s', 'a', 'b']"));
    }

    @Test
    @DisplayName("an unknown argument makes the formatted string unknown; a sensitive one makes it sensitive")
    void unknownAndSensitive()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.STRING), call("format", List.of(Value.string("%s"), Value.unknown(Type.STRING))));
        assertEquals(Value.unknown(new Type.ListType(Type.STRING)), call("formatlist", List.of(Value.string("%s"), Value.unknown(new Type.ListType(Type.STRING)))));
        Value formatted = call("format", List.of(Value.string("password=%s"), new Value.StringValue("hunter2", true)));
        assertEquals(new Value.StringValue("password=hunter2", true), formatted);
        assertFalse(call("format", List.of(Value.string("%s"), Value.string("a"))).sensitive());
    }

    @Test
    @DisplayName("an error about a sensitive argument does not show it")
    void errorsHideSensitiveValues()
    {
        FunctionException exception = assertFails("unsupported value for \"%d\" at 0: number required",
                () -> call("format", List.of(Value.string("%d"), new Value.StringValue("hunter2", true))));
        assertTrue(!exception.getMessage().contains("hunter2"));
    }
}
