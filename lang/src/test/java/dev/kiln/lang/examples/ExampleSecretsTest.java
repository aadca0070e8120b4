package dev.kiln.lang.examples;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.syntax.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Examples are copied into real configurations, so they must not teach writing secrets into
 * files: every sensitive argument (a password, a key, a kubeconfig) is an expression, never a
 * literal string, and every sensitive variable is left without a default so a value must
 * come from outside ({@code KILN_VAR_name}, {@code -var-file}).
 */
class ExampleSecretsTest
{
    @Test
    @DisplayName("no example writes a secret as a literal or gives a sensitive variable a default")
    void noLiteralSecrets()
            throws IOException
    {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path directory : ExamplesTest.exampleDirectories()) {
            for (Path file : ExamplesTest.configurationFiles(directory)) {
                Body body = Parser.parse(file.toString(), Files.readString(file)).file().body();
                for (Block block : body.blocks()) {
                    checked += check(file, block, problems);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 8, "every example has secrets to check, found " + checked);
    }

    /** Checks one top-level block; returns how many sensitive arguments and variables it checked. */
    private static int check(Path file, Block block, List<String> problems)
    {
        if (block.type().equals("variable")) {
            return checkVariable(file, block, problems);
        }
        List<String> labels = block.labels().stream().map(Block.Label::value).toList();
        return KilnSchemas.topLevel(block.type(), labels)
                .map(schema -> checkArguments(file, block.body(), schema, problems))
                .orElse(0);
    }

    private static int checkVariable(Path file, Block variable, List<String> problems)
    {
        boolean sensitive = variable.body().attributes().stream()
                .anyMatch(attribute -> attribute.name().equals("sensitive")
                        && attribute.expression() instanceof Expression.Literal literal
                        && literal.value().toSourceForm().equals("true"));
        if (!sensitive) {
            return 0;
        }
        if (variable.body().attributes().stream().anyMatch(attribute -> attribute.name().equals("default"))) {
            problems.add(file + ": sensitive variable \"" + variable.labels().getFirst().value() + "\" has a default");
        }
        return 1;
    }

    private static int checkArguments(Path file, Body body, BlockSchema schema, List<String> problems)
    {
        int checked = 0;
        for (Attribute attribute : body.attributes()) {
            AttributeSchema argument = schema.attributes().get(attribute.name());
            if (argument != null && argument.sensitive()) {
                checked++;
                if (isLiteralText(attribute.expression())) {
                    problems.add(attribute.range() + ": sensitive argument \"" + attribute.name() + "\" is written as a literal");
                }
            }
        }
        for (Block nested : body.blocks()) {
            NestedBlockSchema nestedSchema = schema.blocks().get(nested.type());
            if (nestedSchema != null) {
                checked += checkArguments(file, nested.body(), nestedSchema.schema(), problems);
            }
        }
        return checked;
    }

    private static boolean isLiteralText(Expression expression)
    {
        if (expression instanceof Expression.Literal) {
            return true;
        }
        return expression instanceof Expression.Template template && template.parts().stream().allMatch(TemplatePart.Literal.class::isInstance);
    }
}
