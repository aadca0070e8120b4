package dev.kiln.lang.examples;

import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.syntax.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Keeps {@code docs/language.md} true to the schemas: every block Kiln accepts has a section
 * headed by its path ({@code cluster.network.cni}, {@code provider.capi}), whose argument table has
 * exactly one row per argument the schema declares, with its type, use, default and
 * description as the schema states them, with an example, and which names every nested block; and every HCL
 * example in it parses. A failure shows the row as it should read.
 */
class LanguageReferenceTest
{
    private static final Path REFERENCE = Path.of("..", "docs", "language.md");
    private static final Pattern HEADING = Pattern.compile("^#{2,6} .*$", Pattern.MULTILINE);
    private static final Pattern HCL_EXAMPLE = Pattern.compile("^```hcl\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern ARGUMENT_ROW = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    @TestFactory
    @DisplayName("docs/language.md documents every block and exactly its arguments")
    List<DynamicTest> everyBlockIsDocumented()
    {
        String reference = read(REFERENCE);
        List<DynamicTest> tests = new ArrayList<>();
        documentedBlocks().forEach((path, schema) -> tests.add(dynamicTest(path, () -> assertDocumented(reference, path, schema))));
        return tests;
    }

    @TestFactory
    @DisplayName("every HCL example in docs/language.md parses without a diagnostic")
    List<DynamicTest> everyExampleParses()
    {
        String reference = read(REFERENCE);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher example = HCL_EXAMPLE.matcher(reference);
        while (example.find()) {
            int line = lineOf(reference, example.start(1));
            String source = example.group(1);
            tests.add(dynamicTest("example at line " + line, () -> {
                List<Diagnostic> diagnostics = Parser.parse("language.md:" + line, source).diagnostics();
                assertEquals(List.of(), diagnostics, () -> "the example at docs/language.md line " + line + " does not parse");
            }));
        }
        assertTrue(tests.size() >= 30, "the reference has an example for every block");
        return tests;
    }

    private static int lineOf(String text, int offset)
    {
        return (int) text.substring(0, offset).chars().filter(character -> character == '\n').count() + 1;
    }

    private static void assertDocumented(String reference, String path, BlockSchema schema)
    {
        String section = section(reference, path);
        Set<String> documented = new TreeSet<>();
        Matcher row = ARGUMENT_ROW.matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(new TreeSet<>(schema.attributes().keySet()), documented, "arguments documented for " + path);
        for (AttributeSchema attribute : schema.attributes().values()) {
            String expected = row(attribute);
            assertTrue(section.contains("\n" + expected + "\n"), () -> "the row of " + path + "." + attribute.name() + " should read\n" + expected);
        }
        assertTrue(section.contains("```hcl\n"), () -> "the section of " + path + " has an example");
        for (String block : schema.blocks().keySet()) {
            assertTrue(section.contains("`" + path + "." + block + "`"), () -> "the section of " + path + " names its block " + path + "." + block);
        }
    }

    /** An argument's table row: name, type, use (required, optional or computed; sensitive), default, description. */
    static String row(AttributeSchema attribute)
    {
        String use = attribute.required() ? "required" : attribute.computed() ? "computed" : "optional";
        if (attribute.sensitive()) {
            use += ", sensitive";
        }
        String defaultValue = attribute.defaultValue().map(value -> "`" + value.toSourceForm() + "`").orElse("");
        return "| `" + attribute.name() + "` | " + attribute.type().friendlyName() + " | " + use + " | " + defaultValue + " | "
                + attribute.description().replace("|", "\\|") + " |";
    }

    /** The text from the heading naming {@code `path`} to the next heading. */
    private static String section(String reference, String path)
    {
        Matcher heading = HEADING.matcher(reference);
        while (heading.find()) {
            if (heading.group().contains("`" + path + "`")) {
                int start = heading.end();
                int end = heading.find() ? heading.start() : reference.length();
                return reference.substring(start, end);
            }
        }
        throw new AssertionError("docs/language.md has no heading naming `" + path + "`");
    }

    /** Every block schema by the first path it is reachable at; a schema shared by two blocks is documented once. */
    private static Map<String, BlockSchema> documentedBlocks()
    {
        Map<String, BlockSchema> blocks = new LinkedHashMap<>();
        Map<BlockSchema, String> seen = new IdentityHashMap<>();
        visit(KilnSchemas.KILN, KilnSchemas.topLevel(KilnSchemas.KILN, List.of()).orElseThrow(), blocks, seen);
        for (String type : KilnSchemas.providerTypes()) {
            visit(KilnSchemas.PROVIDER + "." + type, KilnSchemas.topLevel(KilnSchemas.PROVIDER, List.of(type)).orElseThrow(), blocks, seen);
        }
        for (String type : KilnSchemas.resourceTypes()) {
            visit(type, KilnSchemas.topLevel(type, List.of("example")).orElseThrow(), blocks, seen);
        }
        return blocks;
    }

    private static void visit(String path, BlockSchema schema, Map<String, BlockSchema> blocks, Map<BlockSchema, String> seen)
    {
        if (seen.putIfAbsent(schema, path) != null) {
            return;
        }
        blocks.put(path, schema);
        schema.blocks().forEach((type, nested) -> visit(path + "." + type, nested.schema(), blocks, seen));
    }

    private static String read(Path path)
    {
        try {
            return Files.readString(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
