package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expressions as users write them, parsed and evaluated against {@link TestContexts#context()}. */
class ParsedExpressionTest
{
    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("expressions evaluate to the values HCL gives them")
    @CsvSource(delimiterString = "=>>", quoteCharacter = '\'', textBlock = """
            1 + 2 * 3                                        =>> 7
            (1 + 2) * 3                                      =>> 9
            7 / 2                                            =>> 3.5
            -7 % 3                                           =>> -1
            10 - 2 - 3                                       =>> 5
            1 < 2 && 2 <= 2                                  =>> true
            !flag || false                                   =>> false
            "a" == "a"                                       =>> true
            [1, "a"] == [1, "a"]                             =>> true
            {a = 1} != {a = 2}                               =>> true
            "x-${name}-${count + 1}"                         =>> "x-web-4"
            "${count}"                                       =>> 3
            "%{ if flag }yes%{ else }no%{ endif }"           =>> "yes"
            "%{ for i, v in items }${i}${v},%{ endfor }"     =>> "0a,1b,2c,"
            "a ${~ " b " ~} c"                               =>> "a b c"
            server.name                                      =>> "s1"
            server["port"]                                   =>> 80
            items[1]                                         =>> "b"
            items.1                                          =>> "b"
            servers[1].name                                  =>> "b"
            servers[*].name                                  =>> ["a", "b"]
            servers.*.name                                   =>> ["a", "b"]
            server[*].name                                   =>> ["s1"]
            nothing[*]                                       =>> []
            tags.env                                         =>> "prod"
            [for v in items : upper(v)]                      =>> ["A", "B", "C"]
            [for i, v in items : v if i != 1]                =>> ["a", "c"]
            {for k, v in tags : v => k}                      =>> {"core" = "team", "prod" = "env"}
            {for v in ["a", "b", "a"] : v => v...}           =>> {"a" = ["a", "a"], "b" = ["b"]}
            [for k, v in {b = 2, a = 1} : k]                 =>> ["a", "b"]
            {(name) = 1, plain = 2}                          =>> {"plain" = 2, "web" = 1}
            flag ? "yes" : "no"                              =>> "yes"
            flag ? 1 : "no"                                  =>> "1"
            !flag ? null : "x"                               =>> "x"
            count_args(items...)                             =>> 3
            count_args(1, items...)                          =>> 4
            try(server.missing, "fallback")                  =>> "fallback"
            can(items[5])                                    =>> false
            can(items[0])                                    =>> true
            unknown.x.y                                      =>> (known after apply)
            {a = {b = 1}}.a.b                                =>> 1
            [{name = "x"}, {name = "y"}].*.name[0]           =>> "x"
            [["a"], ["b", "c"]].*.0                          =>> ["a", "b"]
            [{n = ["x"]}, {n = ["y"]}][*].n[0]               =>> ["x", "y"]
            [[{n = "x"}], [{n = "y"}]][*][*].n               =>> [["x"], ["y"]]
            ["hello"]["0"]                                   =>> "hello"
            {true: "yes", 15: "no"}                          =>> {"15" = "no", "true" = "yes"}
            true ? ["a", "b"] : null                         =>> ["a", "b"]
            false ? null : null                              =>> null
            unknown + 1                                      =>> (known after apply)
            """)
    void values(String source, String expected)
    {
        Diagnostics diagnostics = new Diagnostics();
        Value value = Evaluator.evaluate(parse(source), TestContexts.context(), diagnostics);
        assertEquals("", diagnostics.toList().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        assertEquals(expected, value.toSourceForm());
    }

    @ParameterizedTest(name = "{0} reports {1}")
    @DisplayName("invalid expressions report HCL's diagnostics at the offending part")
    @CsvSource(delimiterString = "=>>", quoteCharacter = '\'', textBlock = """
            servr.name                           =>> Unknown variable                         =>> 1:1
            server.nmae                          =>> Unsupported attribute                    =>> 1:7
            items[5]                             =>> Invalid index                            =>> 1:6
            name * 2                             =>> Invalid operand                          =>> 1:1
            2 * name                             =>> Invalid operand                          =>> 1:5
            "a" ? 1 : 2                          =>> Incorrect condition type                 =>> 1:1
            true ? [] : {a = 1}                  =>> Inconsistent conditional result types    =>> 1:8
            "x${items}"                          =>> Invalid template interpolation value     =>> 1:5
            [for v in nothing : v]               =>> Iteration over null value                =>> 1:11
            {for v in ["a", "a"] : v => 1}       =>> Duplicate object key                     =>> 1:24
            uper("a")                            =>> Call to unknown function                 =>> 1:1
            upper(1)                             =>> Invalid function argument                =>> 1:7
            fail()                               =>> Error in function call                   =>> 1:1
            count_args("a"...)                   =>> Invalid expanding argument value         =>> 1:12
            {server.name = 1}                    =>> Ambiguous attribute key                  =>> 1:2
            nothing.a                            =>> Attempt to get attribute from null value =>> 1:8
            """)
    void diagnostics(String source, String summary, String position)
    {
        Diagnostics diagnostics = new Diagnostics();
        Evaluator.evaluate(parse(source), TestContexts.context(), diagnostics);
        Diagnostic diagnostic = diagnostics.toList().getFirst();
        assertEquals(summary, diagnostic.summary(), diagnostics.toList().toString());
        assertEquals(position, diagnostic.subject().orElseThrow().start().toString());
    }

    private static Expression parse(String source)
    {
        Parser.ExpressionResult result = Parser.parseExpression("test.hcl", source);
        assertEquals("", result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        return result.expression().orElseThrow();
    }
}
