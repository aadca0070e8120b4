package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.kiln.lang.functions.FunctionCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StandardFunctionsTest
{
    private static final Set<String> EXPECTED = new TreeSet<>(List.of(
            "format", "formatlist", "join", "split", "lower", "upper", "title", "replace", "regex", "regexall",
            "trim", "trimspace", "trimprefix", "trimsuffix", "substr", "startswith", "endswith", "strcontains", "indent",
            "length", "concat", "merge", "lookup", "keys", "values", "contains", "distinct", "flatten", "range", "element",
            "slice", "zipmap", "setunion", "sort", "reverse", "coalescelist", "one", "alltrue", "anytrue",
            "tolist", "toset", "tomap", "tostring", "tonumber", "tobool",
            "min", "max", "abs", "ceil", "floor", "parseint",
            "jsonencode", "jsondecode", "yamlencode", "yamldecode", "base64encode", "base64decode", "urlencode",
            "file", "fileexists", "abspath",
            "cidrhost", "cidrsubnet", "cidrsubnets", "cidrnetmask", "cidrcontains",
            "sha256", "sha1", "md5",
            "coalesce", "sensitive", "nonsensitive"));

    @Test
    @DisplayName("the library holds every standard function under its own name, and nothing time- or randomness-based")
    void names()
    {
        Map<String, Function> functions = StandardFunctions.create(Path.of("."));
        Set<String> withoutTemplates = new TreeSet<>(functions.keySet());
        withoutTemplates.remove("templatefile");
        assertEquals(EXPECTED, withoutTemplates);
        functions.forEach((name, function) -> assertEquals(name, function.name()));
        for (String forbidden : List.of("timestamp", "uuid", "uuidv5", "bcrypt", "plantimestamp")) {
            assertEquals(false, functions.containsKey(forbidden), forbidden);
        }
    }

    @Test
    @DisplayName("the returned map is immutable")
    void immutable()
    {
        Map<String, Function> functions = StandardFunctions.create(Path.of("."));
        assertThrows(UnsupportedOperationException.class, () -> functions.remove("upper"));
    }

    @ParameterizedTest(name = "{0}({1}) is the same on every call")
    @DisplayName("functions are deterministic: the same arguments give the same result every time")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "toset        | [['z', 'a', 'm', 'a']]",
            "setunion     | [['b', 'a'], ['d', 'c']]",
            "keys         | [{'z': 1, 'a': 2}]",
            "jsonencode   | [{'z': 1, 'a': [true, null]}]",
            "yamlencode   | [{'z': 1, 'a': [true, null]}]",
            "merge        | [{'b': 1}, {'a': 2}]",
            "sha256       | ['kiln']",
            "cidrsubnets  | ['10.0.0.0/16', 8, 8]",
    })
    void deterministic(String name, String arguments)
            throws FunctionException
    {
        Value first = call(name.strip(), arguments);
        for (int run = 0; run < 5; run++) {
            assertEquals(first, call(name.strip(), arguments));
            assertEquals(FunctionCalls.json(first), FunctionCalls.json(StandardFunctions.create(Path.of("/")).get(name.strip()).call(FunctionCalls.arguments(arguments))));
        }
    }
}
