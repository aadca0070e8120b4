package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.kiln.lang.eval.Ast.call;
import static dev.kiln.lang.eval.Ast.number;
import static dev.kiln.lang.eval.Ast.object;
import static dev.kiln.lang.eval.Ast.string;
import static dev.kiln.lang.eval.Ast.tuple;
import static dev.kiln.lang.eval.Ast.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeConstraintsTest
{
    @Test
    @DisplayName("keywords and constructors build types")
    void types()
    {
        assertEquals(Type.STRING, parse(variable("string")).type());
        assertEquals(Type.DYNAMIC, parse(variable("any")).type());
        assertEquals(new Type.ListType(new Type.MapType(Type.NUMBER)), parse(call("list", call("map", variable("number")))).type());
        assertEquals(new Type.SetType(Type.BOOL), parse(call("set", variable("bool"))).type());
        assertEquals(new Type.TupleType(List.of(Type.STRING, Type.NUMBER)), parse(call("tuple", tuple(variable("string"), variable("number")))).type());
        assertEquals(Type.ObjectType.of(Map.of("name", Type.STRING, "tags", new Type.ListType(Type.STRING))),
                parse(call("object", object("name", variable("string"), "tags", call("list", variable("string"))))).type());
    }

    @Test
    @DisplayName("optional attributes are marked and their defaults kept")
    void optional()
    {
        TypeConstraint constraint = parse(call("object", object("name", variable("string"), "port", call("optional", variable("number"), number(80)), "note", call("optional", variable("string")))));
        assertEquals(new Type.ObjectType(new TreeMap<>(Map.of("name", Type.STRING, "port", Type.NUMBER, "note", Type.STRING)), Set.of("port", "note")), constraint.type());
        assertEquals(Map.of("port", Value.number(80)), constraint.defaults().attributes());
    }

    @Test
    @DisplayName("apply converts and fills defaults of absent or null optional attributes, also inside collections")
    void apply()
            throws ConversionException
    {
        Expression server = call("object", object("name", variable("string"), "port", call("optional", variable("number"), string("8080")), "note", call("optional", variable("string"))));
        TypeConstraint constraint = parse(call("list", server));
        Value given = Value.tuple(List.of(
                Value.object(Map.of("name", Value.string("a"))),
                Value.object(Map.of("name", Value.string("b"), "port", Value.string("22")))));
        Value applied = constraint.apply(given);
        Type element = Type.ObjectType.of(Map.of("name", Type.STRING, "port", Type.NUMBER, "note", Type.STRING));
        assertEquals(Value.list(element, List.of(
                Value.object(Map.of("name", Value.string("a"), "port", Value.number(8080), "note", Value.nullOf(Type.STRING))),
                Value.object(Map.of("name", Value.string("b"), "port", Value.number(22), "note", Value.nullOf(Type.STRING))))), applied);
        assertEquals("element 0: attribute \"name\" is required", assertThrows(ConversionException.class, () -> constraint.apply(Value.tuple(List.of(Value.object(Map.of()))))).getMessage());
    }

    @Test
    @DisplayName("misspelt and misplaced keywords are invalid type specifications with suggestions")
    void invalid()
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraints.parse(variable("strng"), diagnostics);
        assertEquals(List.of("Invalid type specification"), diagnostics.toList().stream().map(Diagnostic::summary).toList());
        assertTrue(diagnostics.toList().getFirst().detail().endsWith("Did you mean \"string\"?"));
        assertEquals(1, errors(call("list")));
        assertEquals(1, errors(variable("list")));
        assertEquals(1, errors(call("optional", variable("string"))));
        assertEquals(1, errors(string("string")));
        assertEquals(1, errors(call("lsit", variable("string"))));
        assertEquals(1, errors(call("object", object("a", call("optional", variable("number"), string("x"))))));
    }

    private static int errors(Expression expression)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraints.parse(expression, diagnostics);
        return diagnostics.toList().size();
    }

    private static TypeConstraint parse(Expression expression)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraint constraint = TypeConstraints.parse(expression, diagnostics);
        assertEquals(List.of(), diagnostics.toList());
        return constraint;
    }
}
