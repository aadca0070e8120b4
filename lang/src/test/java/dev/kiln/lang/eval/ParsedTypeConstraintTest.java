package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Type constraints as written in {@code variable} blocks, parsed and applied to values. */
class ParsedTypeConstraintTest
{
    @ParameterizedTest(name = "{0} gives {1}")
    @DisplayName("type constraints parse to the types they name")
    @CsvSource(delimiterString = "=>>", textBlock = """
            string                                                  =>> string
            list(map(number))                                       =>> list(map(number))
            set(any)                                                =>> set(any)
            tuple([string, bool])                                   =>> tuple([string, bool])
            object({ name = string, port = optional(number, 80) })  =>> object({name=string, port=optional(number)})
            object({ "quoted" = string })                           =>> object({quoted=string})
            """)
    void types(String source, String friendlyName)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraint constraint = TypeConstraints.parse(parse(source), diagnostics);
        assertEquals("", diagnostics.toList().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        assertEquals(friendlyName, constraint.type().friendlyName());
    }

    @ParameterizedTest(name = "{0} applied to {1} is {2}")
    @DisplayName("applying a constraint converts the value and fills optional defaults")
    @CsvSource(delimiterString = "=>>", textBlock = """
            number                                                         =>> "42"                          =>> 42
            list(string)                                                   =>> [1, true]                     =>> ["1", "true"]
            map(number)                                                    =>> {a = "1"}                     =>> {"a" = 1}
            object({ name = string, port = optional(number, 80) })         =>> {name = "web"}                =>> {"name" = "web", "port" = 80}
            object({ name = string, port = optional(number, 80) })         =>> {name = "web", port = null}   =>> {"name" = "web", "port" = 80}
            object({ name = string, tags = optional(list(string)) })       =>> {name = "web", extra = 1}     =>> {"name" = "web", "tags" = null}
            map(object({ size = optional(number, 1) }))                    =>> {a = {}, b = {size = 3}}      =>> {"a" = {"size" = 1}, "b" = {"size" = 3}}
            object({ inner = optional(object({ x = optional(string, "d") }), {}) }) =>> {}                     =>> {"inner" = {"x" = "d"}}
            """)
    void apply(String type, String value, String expected)
            throws ConversionException
    {
        assertEquals(expected, constraint(type).apply(evaluate(value)).toSourceForm());
    }

    @ParameterizedTest(name = "{0} rejects {1}: {2}")
    @DisplayName("values that do not fit a constraint are rejected with the path to the problem")
    @CsvSource(delimiterString = "=>>", textBlock = """
            number                                        =>> "x"                         =>> a number is required
            list(number)                                  =>> [1, "two"]                  =>> element 1: a number is required
            object({ name = string })                     =>> {}                          =>> attribute "name" is required
            list(object({ port = number }))               =>> [{port = 1}, {port = {}}]   =>> element 1: attribute "port": a number is required
            """)
    void reject(String type, String value, String message)
    {
        assertEquals(message, assertThrows(ConversionException.class, () -> constraint(type).apply(evaluate(value))).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("invalid type constraints are reported with a suggestion where one is close")
    @CsvSource(delimiterString = "=>>", textBlock = """
            strin                                  =>> The keyword "strin" is not a valid type specification. Did you mean "string"?
            lsit(string)                           =>> Keyword "lsit" is not a valid type constructor. Did you mean "list"?
            optional(string)                       =>> Keyword "optional" is valid only as a modifier for object type attributes.
            """)
    void invalid(String source, String detail)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraints.parse(parse(source), diagnostics);
        assertEquals("Invalid type specification", diagnostics.toList().getFirst().summary());
        assertEquals(detail, diagnostics.toList().getFirst().detail());
    }

    private static TypeConstraint constraint(String source)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraint constraint = TypeConstraints.parse(parse(source), diagnostics);
        assertEquals("", diagnostics.toList().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        return constraint;
    }

    private static Value evaluate(String source)
    {
        Diagnostics diagnostics = new Diagnostics();
        Value value = Evaluator.evaluate(parse(source), EvalContext.of(Map.of(), Map.of()), diagnostics);
        assertEquals("", diagnostics.toList().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        return value;
    }

    private static Expression parse(String source)
    {
        Parser.ExpressionResult result = Parser.parseExpression("test.hcl", source);
        assertEquals("", result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        return result.expression().orElseThrow();
    }
}
