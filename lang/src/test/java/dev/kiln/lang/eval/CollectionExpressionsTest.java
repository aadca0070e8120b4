package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kiln.lang.eval.Ast.binary;
import static dev.kiln.lang.eval.Ast.element;
import static dev.kiln.lang.eval.Ast.forDirective;
import static dev.kiln.lang.eval.Ast.forObject;
import static dev.kiln.lang.eval.Ast.forTuple;
import static dev.kiln.lang.eval.Ast.ifDirective;
import static dev.kiln.lang.eval.Ast.nullValue;
import static dev.kiln.lang.eval.Ast.number;
import static dev.kiln.lang.eval.Ast.parts;
import static dev.kiln.lang.eval.Ast.splat;
import static dev.kiln.lang.eval.Ast.string;
import static dev.kiln.lang.eval.Ast.template;
import static dev.kiln.lang.eval.Ast.tuple;
import static dev.kiln.lang.eval.Ast.variable;
import static dev.kiln.lang.eval.TestContexts.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionExpressionsTest
{
    @Test
    @DisplayName("tuple for expressions map and filter in order")
    void forTuples()
    {
        Value value = evaluate(forTuple("i", "v", variable("items"), template(variable("i"), "=", variable("v")), binary(Operator.NOT_EQUAL, variable("v"), string("b")))).value();
        assertEquals(Value.tuple(List.of(Value.string("0=a"), Value.string("2=c"))), value);
        Value fromMap = evaluate(forTuple("k", "v", variable("tags"), variable("k"), null)).value();
        assertEquals(Value.tuple(List.of(Value.string("env"), Value.string("team"))), fromMap);
        Value fromSet = evaluate(forTuple(null, "v", variable("labels"), variable("v"), null)).value();
        assertEquals(Value.tuple(List.of(Value.string("x"), Value.string("y"))), fromSet);
    }

    @Test
    @DisplayName("object for expressions build objects, group with ... and reject duplicate keys without it")
    void forObjects()
    {
        Value value = evaluate(forObject(null, "s", variable("servers"), variable("s", "name"), variable("s", "port"), null, false)).value();
        assertEquals(Value.object(Map.of("a", Value.number(1), "b", Value.number(2).withSensitive(true))), value);
        Value grouped = evaluate(forObject(null, "v", tuple(string("a"), string("b"), string("a")), variable("v"), variable("v"), null, true)).value();
        assertEquals(Value.object(Map.of("a", Value.tuple(List.of(Value.string("a"), Value.string("a"))), "b", Value.tuple(List.of(Value.string("b"))))), grouped);
        TestContexts.Result duplicate = evaluate(forObject(null, "v", tuple(string("a"), string("a")), variable("v"), variable("v"), null, false));
        assertEquals(List.of("Duplicate object key"), duplicate.summaries());
        assertEquals(Value.unknown(Type.DYNAMIC), duplicate.value());
    }

    @Test
    @DisplayName("for expressions over null, non-iterable, unknown and sensitive collections")
    void forSpecialCollections()
    {
        assertEquals(List.of("Iteration over null value"), evaluate(forTuple(null, "v", nullValue(), variable("v"), null)).summaries());
        assertEquals(List.of("Iteration over non-iterable value"), evaluate(forTuple(null, "v", number(1), variable("v"), null)).summaries());
        assertEquals(Value.unknown(Type.DYNAMIC), evaluate(forTuple(null, "v", variable("unknown"), variable("v"), null)).value());
        Value secret = evaluate(forTuple(null, "v", tuple(variable("secret")), variable("v"), null)).value();
        assertEquals(Value.tuple(List.of(Value.string("hunter2").withSensitive(true))), secret);
        assertEquals(List.of("Invalid 'for' expression"), evaluate(forTuple("v", "v", variable("items"), variable("v"), null)).summaries());
        assertEquals(List.of("Invalid 'for' condition"), evaluate(forTuple(null, "v", variable("items"), variable("v"), string("maybe"))).summaries());
    }

    @Test
    @DisplayName("splats apply to each element; a single value becomes a one-element tuple and null an empty one")
    void splats()
    {
        assertEquals(Value.tuple(List.of(Value.string("a"), Value.string("b"))), evaluate(splat(variable("servers"), element("name"))).value());
        assertEquals(Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b"), Value.string("c"))), evaluate(splat(variable("items"), element())).value());
        assertEquals(Value.tuple(List.of(Value.string("s1"))), evaluate(splat(variable("server"), element("name"))).value());
        assertEquals(Value.tuple(List.of()), evaluate(splat(variable("nothing"), element("name"))).value());
        assertEquals(Value.unknown(Type.DYNAMIC), evaluate(splat(variable("unknown"), element("name"))).value());
        assertEquals(List.of("Unsupported attribute"), evaluate(splat(variable("unknown_string"), element("name"))).summaries());
        Expression nullList = new Expression.Literal(Value.nullOf(new Type.ListType(Type.STRING)), Ast.RANGE);
        assertEquals(List.of("Splat of null value"), evaluate(splat(nullList, element())).summaries());
    }

    @Test
    @DisplayName("template directives choose and repeat text")
    void templateDirectives()
    {
        Value chosen = evaluate(template(ifDirective(variable("flag"), parts("yes"), parts("no")), "!")).value();
        assertEquals(Value.string("yes!"), chosen);
        Value repeated = evaluate(template(forDirective("i", "v", variable("items"), parts(variable("i"), ":", variable("v"), ";")))).value();
        assertEquals(Value.string("0:a;1:b;2:c;"), repeated);
        TestContexts.Result nullInterpolation = evaluate(template("a", nullValue()));
        assertEquals(List.of("Invalid template interpolation value"), nullInterpolation.summaries());
        assertEquals(List.of("Invalid template interpolation value"), evaluate(template("a", tuple())).summaries());
        assertEquals(Value.string("n=3"), evaluate(template("n=", variable("count"))).value());
        assertEquals(List.of("Invalid template directive"), evaluate(template(forDirective("v", "v", variable("items"), parts(variable("v"))))).summaries());
        assertTrue(evaluate(template("n=", variable("count"))).diagnostics().isEmpty());
    }
}
