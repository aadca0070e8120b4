package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random expression trees over awkward values: evaluation must never throw and must explain every failure. */
class EvaluatorRobustnessTest
{
    private static final List<String> VARIABLES = List.of("name", "count", "secret", "items", "labels", "tags", "server", "servers", "unknown", "unknown_string", "nothing", "flag", "missing");
    private static final List<String> FUNCTIONS = List.of("upper", "fail", "count_args", "try", "can", "nope");
    private static final Operator[] BINARY = {Operator.ADD, Operator.SUBTRACT, Operator.MULTIPLY, Operator.DIVIDE, Operator.MODULO,
            Operator.EQUAL, Operator.NOT_EQUAL, Operator.LESS_THAN, Operator.GREATER_OR_EQUAL, Operator.AND, Operator.OR};

    @Test
    @DisplayName("evaluating 20000 random expressions never throws, and an unknown of type any always comes with a reason or an unknown input")
    void neverThrows()
    {
        Random random = new Random(20261121);
        EvalContext context = TestContexts.context();
        for (int run = 0; run < 20000; run++) {
            Expression expression = expression(random, 4);
            Diagnostics diagnostics = new Diagnostics();
            Value value = Evaluator.evaluate(expression, context, diagnostics);
            assertNotNull(value, expression::toString);
            assertTrue(diagnostics.toList().stream().allMatch(diagnostic -> diagnostic.subject().isPresent()), expression::toString);
        }
    }

    @Test
    @DisplayName("parsing and applying 20000 random type constraints never throws")
    void typeConstraintsNeverThrow()
    {
        Random random = new Random(1121);
        for (int run = 0; run < 20000; run++) {
            Expression expression = typeExpression(random, 3);
            TypeConstraint constraint = TypeConstraints.parse(expression, new Diagnostics());
            try {
                constraint.apply(Evaluator.evaluate(expression(random, 2), TestContexts.context(), new Diagnostics()));
            }
            catch (ConversionException expected) {
                assertTrue(!expected.getMessage().isBlank());
            }
        }
    }

    private static Expression typeExpression(Random random, int depth)
    {
        List<String> names = List.of("string", "number", "bool", "any", "list", "set", "map", "tuple", "object", "optional", "strng");
        if (depth == 0) {
            return random.nextBoolean() ? Ast.variable(pick(random, names)) : leaf(random);
        }
        return switch (random.nextInt(5)) {
            case 0 -> Ast.variable(pick(random, names));
            case 1 -> new Expression.FunctionCall(pick(random, names), List.of(typeExpressions(random, depth - 1)), false, Ast.RANGE, Ast.RANGE);
            case 2 -> Ast.tuple(typeExpressions(random, depth - 1));
            case 3 -> Ast.object("a", typeExpression(random, depth - 1), "b", Ast.call("optional", typeExpressions(random, depth - 1)));
            default -> leaf(random);
        };
    }

    private static Expression[] typeExpressions(Random random, int depth)
    {
        Expression[] expressions = new Expression[random.nextInt(3)];
        for (int index = 0; index < expressions.length; index++) {
            expressions[index] = random.nextInt(4) == 0 ? expression(random, 1) : typeExpression(random, depth);
        }
        return expressions;
    }

    private static Expression expression(Random random, int depth)
    {
        int kind = depth == 0 ? random.nextInt(3) : random.nextInt(14);
        return switch (kind) {
            case 0 -> leaf(random);
            case 1 -> Ast.variable(pick(random, VARIABLES), steps(random));
            case 2 -> Ast.string(random.nextBoolean() ? "true" : "12");
            case 3 -> Ast.binary(BINARY[random.nextInt(BINARY.length)], expression(random, depth - 1), expression(random, depth - 1));
            case 4 -> Ast.unary(random.nextBoolean() ? Operator.NOT : Operator.NEGATE, expression(random, depth - 1));
            case 5 -> Ast.conditional(expression(random, depth - 1), expression(random, depth - 1), expression(random, depth - 1));
            case 6 -> Ast.tuple(expressions(random, depth - 1));
            case 7 -> Ast.object("a", expression(random, depth - 1), expression(random, depth - 1), expression(random, depth - 1));
            case 8 -> Ast.forTuple(random.nextBoolean() ? keyName(random) : null, "v", expression(random, depth - 1), expression(random, depth - 1), random.nextBoolean() ? null : expression(random, depth - 1));
            case 9 -> Ast.forObject(keyName(random), "v", expression(random, depth - 1), expression(random, depth - 1), expression(random, depth - 1), null, random.nextBoolean());
            case 10 -> Ast.splat(expression(random, depth - 1), Ast.element(steps(random)));
            case 11 -> Ast.index(expression(random, depth - 1), expression(random, depth - 1));
            case 12 -> new Expression.FunctionCall(pick(random, FUNCTIONS), List.of(expressions(random, depth - 1)), random.nextInt(4) == 0, Ast.RANGE, Ast.RANGE);
            default -> Ast.template(templateParts(random, depth - 1));
        };
    }

    private static Expression leaf(Random random)
    {
        return switch (random.nextInt(5)) {
            case 0 -> Ast.number(random.nextInt(5) - 1);
            case 1 -> Ast.number("0.5");
            case 2 -> Ast.bool(random.nextBoolean());
            case 3 -> Ast.nullValue();
            default -> new Expression.Literal(Value.unknown(Type.NUMBER).withSensitive(random.nextBoolean()), Ast.RANGE);
        };
    }

    private static Object[] steps(Random random)
    {
        List<Object> steps = new ArrayList<>();
        for (int index = random.nextInt(3); index > 0; index--) {
            steps.add(switch (random.nextInt(4)) {
                case 0 -> "name";
                case 1 -> random.nextInt(3);
                case 2 -> Value.string("env");
                default -> -1;
            });
        }
        return steps.toArray();
    }

    private static Expression[] expressions(Random random, int depth)
    {
        Expression[] expressions = new Expression[random.nextInt(3)];
        for (int index = 0; index < expressions.length; index++) {
            expressions[index] = expression(random, depth);
        }
        return expressions;
    }

    private static Object[] templateParts(Random random, int depth)
    {
        List<Object> parts = new ArrayList<>();
        parts.add("x");
        parts.add(expression(random, depth));
        if (random.nextBoolean()) {
            parts.add(Ast.ifDirective(expression(random, depth), Ast.parts("a"), Ast.parts(expression(random, depth))));
        }
        else {
            parts.add(Ast.forDirective(keyName(random), "v", expression(random, depth), List.<TemplatePart>of(new TemplatePart.Interpolation(Ast.variable("v"), Ast.RANGE))));
        }
        return parts.toArray();
    }

    private static String keyName(Random random)
    {
        return random.nextInt(8) == 0 ? "v" : "k";
    }

    private static String pick(Random random, List<String> names)
    {
        return names.get(random.nextInt(names.size()));
    }
}
