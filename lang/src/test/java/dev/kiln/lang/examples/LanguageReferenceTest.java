package dev.kiln.lang.examples;

import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.BlockSchema;
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
 * headed by its path ({@code cluster.network.cni}, {@code provider.capi}), whose argument table lists
 * exactly the arguments the schema declares and which names every nested block.
 */
class LanguageReferenceTest
{
    private static final Path REFERENCE = Path.of("..", "docs", "language.md");
    private static final Pattern HEADING = Pattern.compile("^#{2,6} .*$", Pattern.MULTILINE);
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

    private static void assertDocumented(String reference, String path, BlockSchema schema)
    {
        String section = section(reference, path);
        Set<String> documented = new TreeSet<>();
        Matcher row = ARGUMENT_ROW.matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(new TreeSet<>(schema.attributes().keySet()), documented, "arguments documented for " + path);
        for (String block : schema.blocks().keySet()) {
            assertTrue(section.contains("`" + path + "." + block + "`"), () -> "the section of " + path + " names its block " + path + "." + block);
        }
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
