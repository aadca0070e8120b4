package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.kiln.lang.eval.Ast.at;
import static dev.kiln.lang.eval.Ast.binary;
import static dev.kiln.lang.eval.Ast.bool;
import static dev.kiln.lang.eval.Ast.call;
import static dev.kiln.lang.eval.Ast.callExpanding;
import static dev.kiln.lang.eval.Ast.conditional;
import static dev.kiln.lang.eval.Ast.index;
import static dev.kiln.lang.eval.Ast.nullValue;
import static dev.kiln.lang.eval.Ast.number;
import static dev.kiln.lang.eval.Ast.object;
import static dev.kiln.lang.eval.Ast.string;
import static dev.kiln.lang.eval.Ast.tuple;
import static dev.kiln.lang.eval.Ast.unary;
import static dev.kiln.lang.eval.Ast.variable;
import static dev.kiln.lang.eval.Ast.variableAt;
import static dev.kiln.lang.eval.TestContexts.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest
{
    @Test
    @DisplayName("traversals read variables, attributes, map keys and positions")
    void traversals()
    {
        assertEquals(Value.string("s1"), evaluate(variable("server", "name")).value());
        assertEquals(Value.string("b"), evaluate(variable("items", 1)).value());
        assertEquals(Value.string("prod"), evaluate(variable("tags", "env")).value());
        assertEquals(Value.string("core"), evaluate(variable("tags", Value.string("team"))).value());
        assertEquals(Value.string("b"), evaluate(variable("servers", 1, "name")).value());
        assertEquals(Value.string("c"), evaluate(index(variable("items"), binary(Operator.SUBTRACT, variable("count"), number(1)))).value());
    }

    @Test
    @DisplayName("an unknown variable is reported on the root name with a suggestion, and yields an unknown")
    void unknownVariable()
    {
        TestContexts.Result result = evaluate(variableAt(at(1, 6), "servr", "name"));
        assertEquals(List.of("Unknown variable"), result.summaries());
        assertEquals("There is no variable named \"servr\". Did you mean \"server\"?", result.details());
        assertEquals(at(1, 6), result.diagnostics().getFirst().subject().orElseThrow());
        assertEquals(Value.unknown(Type.DYNAMIC), result.value());
    }

    @Test
    @DisplayName("bad attribute and index steps are reported with HCL's summaries")
    void badSteps()
    {
        assertEquals(List.of("Unsupported attribute"), evaluate(variable("server", "nmae")).summaries());
        assertTrue(evaluate(variable("server", "nmae")).details().endsWith("Did you mean \"name\"?"));
        assertEquals(List.of("Invalid index"), evaluate(variable("items", 5)).summaries());
        assertEquals(List.of("Missing map element"), evaluate(variable("tags", "owner")).summaries());
        assertEquals(List.of("Attempt to get attribute from null value"), evaluate(variable("nothing", "a")).summaries());
        assertEquals(List.of("Attempt to index null value"), evaluate(variable("nothing", 0)).summaries());
        assertEquals(List.of("Invalid index"), evaluate(variable("labels", 0)).summaries());
        assertEquals(List.of("Unsupported attribute"), evaluate(variable("items", "name")).summaries());
    }

    @Test
    @DisplayName("every problem in an expression is reported, not only the first")
    void allErrors()
    {
        TestContexts.Result result = evaluate(tuple(variable("missing_a"), variable("server", "nope"), binary(Operator.ADD, string("x"), number(1))));
        assertEquals(List.of("Invalid operand", "Unknown variable", "Unsupported attribute"), result.summaries().stream().sorted().toList());
        assertEquals(3, result.diagnostics().size());
    }

    @Test
    @DisplayName("arithmetic has arbitrary precision and exact decimal results")
    void arithmetic()
    {
        assertEquals(Value.number(new BigDecimal("0.1")), evaluate(binary(Operator.DIVIDE, number(1), number(10))).value());
        assertEquals(Value.number(new BigDecimal("5.5")), evaluate(binary(Operator.ADD, number(2), number("3.5"))).value());
        assertEquals(Value.number(1), evaluate(binary(Operator.MODULO, number(11), number(5))).value());
        assertEquals(Value.number(new BigDecimal("0.8")), evaluate(binary(Operator.MODULO, number(11), number("5.1"))).value());
        assertEquals(Value.number(-4), evaluate(unary(Operator.NEGATE, binary(Operator.MULTIPLY, number(2), number(2)))).value());
        assertEquals(Value.number(4), evaluate(binary(Operator.ADD, string("1"), number(3))).value());
        assertEquals(List.of("Operation failed"), evaluate(binary(Operator.DIVIDE, number(1), number(0))).summaries());
        assertEquals(List.of("Operation failed"), evaluate(binary(Operator.MULTIPLY, number("1e-2000000000"), number("1e-2000000000"))).summaries());
        Value third = evaluate(binary(Operator.DIVIDE, number(1), number(3))).value();
        assertEquals(160, ((Value.NumberValue) third).value().precision());
    }

    @Test
    @DisplayName("unsuitable operands are reported on the operand")
    void invalidOperand()
    {
        TestContexts.Result result = evaluate(new Expression.Binary(Operator.MULTIPLY, variableAt(at(1, 4), "name"), number(2), at(1, 8)));
        assertEquals(List.of("Invalid operand"), result.summaries());
        assertEquals("Unsuitable value for left operand: a number is required.", result.details());
        assertEquals(at(1, 4), result.diagnostics().getFirst().subject().orElseThrow());
        assertEquals(List.of("Invalid operand"), evaluate(binary(Operator.AND, bool(true), number(1))).summaries());
        assertEquals(List.of("Invalid operand"), evaluate(binary(Operator.ADD, nullValue(), number(1))).summaries());
    }

    @Test
    @DisplayName("comparison, equality and logic follow HCL")
    void comparisonAndLogic()
    {
        assertEquals(Value.bool(true), evaluate(binary(Operator.LESS_THAN, number(1), number(2))).value());
        assertEquals(Value.bool(true), evaluate(binary(Operator.GREATER_OR_EQUAL, number(2), number("2.0"))).value());
        assertEquals(Value.bool(false), evaluate(binary(Operator.EQUAL, string("1"), number(1))).value());
        assertEquals(Value.bool(true), evaluate(binary(Operator.NOT_EQUAL, string("true"), bool(true))).value());
        assertEquals(Value.bool(true), evaluate(binary(Operator.EQUAL, nullValue(), variable("nothing"))).value());
        assertEquals(Value.bool(false), evaluate(binary(Operator.AND, bool(true), bool(false))).value());
        assertEquals(Value.bool(true), evaluate(binary(Operator.OR, bool(false), bool(true))).value());
        assertEquals(Value.bool(false), evaluate(unary(Operator.NOT, bool(true))).value());
        assertEquals(Value.bool(false), evaluate(binary(Operator.AND, bool(false), variable("unknown"))).value());
        assertEquals(Value.unknown(Type.BOOL), evaluate(binary(Operator.AND, bool(true), variable("unknown"))).value());
    }

    @Test
    @DisplayName("&& and || short-circuit: the side that does not decide the result reports no problems")
    void shortCircuit()
    {
        TestContexts.Result guarded = evaluate(binary(Operator.AND, binary(Operator.NOT_EQUAL, variable("nothing"), nullValue()), variable("nothing", "enabled")));
        assertEquals(Value.bool(false), guarded.value());
        assertTrue(guarded.diagnostics().isEmpty());
        TestContexts.Result either = evaluate(binary(Operator.OR, binary(Operator.EQUAL, variable("nothing"), nullValue()), variable("nothing", "enabled")));
        assertEquals(Value.bool(true), either.value());
        assertTrue(either.diagnostics().isEmpty());
        TestContexts.Result unguarded = evaluate(binary(Operator.AND, bool(true), variable("nothing", "enabled")));
        assertEquals(List.of("Attempt to get attribute from null value"), unguarded.summaries());
        assertEquals(Value.unknown(Type.BOOL), unguarded.value());
        assertEquals(List.of("Unknown variable", "Unknown variable"), evaluate(binary(Operator.OR, variableAt(at(1, 1), "a"), variableAt(at(6, 1), "b"))).summaries());
        assertEquals(List.of("Invalid operand"), evaluate(binary(Operator.AND, bool(false), number(1))).summaries());
    }

    @Test
    @DisplayName("operations on unknowns give unknowns of the result type")
    void unknowns()
    {
        assertEquals(Value.unknown(Type.NUMBER), evaluate(binary(Operator.ADD, variable("unknown"), number(1))).value());
        assertEquals(Value.unknown(Type.BOOL), evaluate(binary(Operator.EQUAL, variable("unknown"), number(1))).value());
        assertEquals(Value.unknown(Type.BOOL), evaluate(unary(Operator.NOT, variable("unknown"))).value());
        assertEquals(Value.unknown(Type.DYNAMIC), evaluate(variable("unknown", "a", 0)).value());
        assertEquals(Value.unknown(Type.STRING), evaluate(conditional(variable("unknown"), string("a"), string("b"))).value());
        assertEquals(Value.unknown(Type.STRING), evaluate(Ast.template("x-", variable("unknown_string"))).value());
        assertTrue(evaluate(binary(Operator.ADD, variable("unknown"), number(1))).diagnostics().isEmpty());
        Value unknownObject = Value.unknown(Type.ObjectType.of(Map.of("port", Type.NUMBER)));
        EvalContext context = EvalContext.of(Map.of("o", unknownObject), Map.of());
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(Value.unknown(Type.NUMBER), Evaluator.evaluate(variable("o", "port"), context, diagnostics));
        assertEquals(Value.unknown(Type.NUMBER), Evaluator.evaluate(variable("o", Value.string("port")), context, diagnostics));
        assertTrue(diagnostics.isEmpty());
        Evaluator.evaluate(variable("o", "prot"), context, diagnostics);
        assertEquals("This object does not have an attribute named \"prot\". Did you mean \"port\"?", diagnostics.toList().getFirst().detail());
    }

    @Test
    @DisplayName("sensitive marks reach every result derived from a sensitive value")
    void sensitive()
    {
        assertEquals(Value.string("x-hunter2").withSensitive(true), evaluate(Ast.template("x-", variable("secret"))).value());
        assertEquals(Value.bool(false).withSensitive(true), evaluate(binary(Operator.EQUAL, variable("secret"), string("a"))).value());
        assertEquals(Value.string("a").withSensitive(true), evaluate(conditional(binary(Operator.EQUAL, variable("secret"), string("x")), string("b"), string("a"))).value());
        assertEquals(Value.number(3).withSensitive(true), evaluate(binary(Operator.ADD, variable("servers", 1, "port"), number(1))).value());
        assertEquals(Value.string("HUNTER2").withSensitive(true), evaluate(call("upper", variable("secret"))).value());
        Value tuple = evaluate(tuple(variable("secret"), string("plain"))).value();
        assertEquals(Value.tuple(List.of(Value.string("hunter2").withSensitive(true), Value.string("plain"))), tuple);
    }

    @Test
    @DisplayName("a container's sensitive mark applies to what is read from it")
    void sensitiveContainer()
    {
        Value secretObject = Value.object(Map.of("a", Value.string("x"))).withSensitive(true);
        EvalContext context = EvalContext.of(Map.of("o", secretObject), Map.of());
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(Value.string("x").withSensitive(true), Evaluator.evaluate(variable("o", "a"), context, diagnostics));
        assertTrue(diagnostics.isEmpty());
    }

    @Test
    @DisplayName("conditionals unify their branches and check the condition")
    void conditionals()
    {
        assertEquals(Value.string("1"), evaluate(conditional(bool(true), number(1), string("b"))).value());
        assertEquals(Value.nullOf(Type.STRING), evaluate(conditional(bool(false), string("a"), nullValue())).value());
        assertEquals(Value.nullOf(Type.DYNAMIC), evaluate(conditional(binary(Operator.EQUAL, variable("nothing"), nullValue()), nullValue(), variable("nothing", "a"))).value());
        assertEquals(Value.nullOf(new Type.TupleType(List.of(Type.STRING))), evaluate(conditional(bool(true), nullValue(), tuple(string("a")))).value());
        assertEquals(Value.tuple(List.of(Value.string("a"))), evaluate(conditional(bool(true), tuple(string("a")), variable("unknown"))).value());
        assertEquals(Value.unknown(Type.DYNAMIC), evaluate(conditional(bool(false), tuple(string("a")), variable("unknown"))).value());
        assertEquals(List.of("Incorrect condition type"), evaluate(conditional(string("yes"), number(1), number(2))).summaries());
        assertEquals(List.of("Null condition"), evaluate(conditional(nullValue(), number(1), number(2))).summaries());
        assertEquals(List.of("Inconsistent conditional result types"), evaluate(conditional(bool(true), tuple(), object("a", number(1)))).summaries());
    }

    @Test
    @DisplayName("object constructors take bare keys as strings and evaluate parenthesized keys")
    void objects()
    {
        Value value = evaluate(object("name", number(1), variable("name"), number(2))).value();
        assertEquals(Value.object(Map.of("name", Value.number(1), "web", Value.number(2))), value);
        assertEquals(List.of("Null value as key"), evaluate(object(nullValue(), number(1))).summaries());
        assertEquals(List.of("Incorrect key type"), evaluate(object(tuple(), number(1))).summaries());
        assertEquals(Value.unknown(Type.DYNAMIC), evaluate(object(variable("unknown"), number(1))).value());
    }

    @Test
    @DisplayName("function calls expand a final ... argument and report function errors")
    void functions()
    {
        assertEquals(Value.number(4), evaluate(callExpanding("count_args", number(1), variable("items"))).value());
        assertEquals(Value.number(2), evaluate(callExpanding("count_args", variable("labels"))).value());
        assertEquals(List.of("Invalid expanding argument value"), evaluate(callExpanding("count_args", string("x"))).summaries());
        TestContexts.Result unknownFunction = evaluate(call("uper", string("a")));
        assertEquals(List.of("Call to unknown function"), unknownFunction.summaries());
        assertEquals("There is no function named \"uper\". Did you mean \"upper\"?", unknownFunction.details());
        TestContexts.Result badArgument = evaluate(new Expression.FunctionCall("upper", List.of(new Expression.Literal(Value.number(1), at(7, 1))), false, at(1, 5), at(1, 8)));
        assertEquals(List.of("Invalid function argument"), badArgument.summaries());
        assertEquals(at(7, 1), badArgument.diagnostics().getFirst().subject().orElseThrow());
        assertEquals("Invalid value for \"str\" parameter: a string is required.", badArgument.details());
        assertEquals(List.of("Error in function call"), evaluate(call("fail")).summaries());
        assertEquals("Call to function \"fail\" failed: it always fails.", evaluate(call("fail")).details());
        assertEquals(List.of("Not enough function arguments"), evaluate(call("upper")).summaries());
        assertEquals("Function \"upper\" expects 1 argument(s). Missing value for \"str\".", evaluate(call("upper")).details());
        assertEquals(List.of("Too many function arguments"), evaluate(call("upper", string("a"), string("b"))).summaries());
        assertEquals(List.of("Unknown variable"), evaluate(call("upper", variable("nope"))).summaries());
    }

    @Test
    @DisplayName("try returns the first argument without errors; can says whether there are none")
    void tryAndCan()
    {
        assertEquals(Value.string("fallback"), evaluate(call("try", variable("server", "missing"), string("fallback"))).value());
        assertEquals(Value.string("s1"), evaluate(call("try", variable("server", "name"), string("fallback"))).value());
        assertTrue(evaluate(call("try", variable("server", "missing"), string("fallback"))).diagnostics().isEmpty());
        assertEquals(List.of("Error in function call"), evaluate(call("try", variable("server", "missing"))).summaries());
        assertEquals(Value.bool(false), evaluate(call("can", variable("items", 9))).value());
        assertEquals(Value.bool(true), evaluate(call("can", variable("items", 0))).value());
        assertEquals(Value.unknown(Type.BOOL), evaluate(call("can", variable("unknown", "x"))).value());
        assertEquals(Value.unknown(Type.DYNAMIC), evaluate(call("try", variable("unknown"), string("x"))).value());
        assertEquals(List.of("Not enough function arguments"), evaluate(call("try")).summaries());
    }
}
