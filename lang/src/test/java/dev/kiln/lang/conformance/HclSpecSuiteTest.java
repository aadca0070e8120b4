package dev.kiln.lang.conformance;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.TypeConstraint;
import dev.kiln.lang.eval.TypeConstraints;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs HCL's specification suite ({@code hashicorp/hcl} {@code specsuite/tests}): each
 * {@code X.hcl} is parsed, decoded by its {@code X.hcldec} spec, and compared with the
 * {@code result}, {@code result_type} and expected {@code diagnostics} of {@code X.t}.
 * The suite directory defaults to {@code ../../shared/conformance/hcl-specsuite} from the
 * module directory (or the nearest enclosing directory's {@code shared/conformance/hcl-specsuite},
 * for worktrees nested deeper); set {@code -Dhcl.specsuite=DIR} to run another copy.
 */
class HclSpecSuiteTest
{
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger TOTAL = new AtomicInteger();

    @TestFactory
    @DisplayName("every case of the HCL specification suite decodes to its expected result or diagnostics")
    Stream<DynamicTest> specificationSuite()
            throws IOException
    {
        Path root = suiteDirectory();
        assertTrue(Files.isDirectory(root), "HCL specification suite not found at " + root);
        List<Path> cases;
        try (Stream<Path> files = Files.walk(root)) {
            cases = files.filter(path -> path.getFileName().toString().endsWith(".t")).sorted().toList();
        }
        assertTrue(!cases.isEmpty(), "no cases under " + root);
        return cases.stream().map(testFile -> {
            String name = root.relativize(testFile).toString().replaceAll("\\.t$", "");
            return DynamicTest.dynamicTest(name, () -> {
                TOTAL.incrementAndGet();
                runCase(root, testFile);
                PASSED.incrementAndGet();
            });
        });
    }

    /** {@code -Dhcl.specsuite}, else {@code shared/conformance/hcl-specsuite} beside the repository ({@code ../../shared/...} from the module) or beside any enclosing directory. */
    private static Path suiteDirectory()
    {
        String configured = System.getProperty("hcl.specsuite");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path fallback = Path.of("../../shared/conformance/hcl-specsuite").toAbsolutePath().normalize();
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared/conformance/hcl-specsuite");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fallback;
    }

    @AfterAll
    static void printPassCount()
    {
        System.out.println("HCL specification suite: " + PASSED.get() + " of " + TOTAL.get() + " cases passed");
    }

    private static void runCase(Path root, Path testFile)
    {
        String base = testFile.toString().replaceAll("\\.t$", "");
        Body expectations = parse(root, testFile);
        DecodeSpecReader.SpecFile spec = DecodeSpecReader.read(parse(root, Path.of(base + ".hcldec")));
        Path input = Path.of(base + ".hcl");
        Parser.ParseResult parsed = Parser.parse(root.relativize(input).toString(), read(input));

        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(parsed.diagnostics());
        Value value = parsed.hasErrors()
                ? Value.nullOf(Type.DYNAMIC)
                : new SpecDecoder(EvalContext.of(spec.variables(), Map.of()), diagnostics).decode(parsed.file().body(), spec.root());

        Optional<Block> expectedDiagnostics = expectations.blocks().stream().filter(block -> block.type().equals("diagnostics")).findFirst();
        if (expectedDiagnostics.isPresent()) {
            assertEquals(expectedRanges(expectedDiagnostics.get()), actualRanges(diagnostics.toList()), "diagnostics: " + diagnostics.toList());
            return;
        }
        assertTrue(!diagnostics.hasErrors(), "unexpected diagnostics: " + diagnostics.toList());
        Optional<Type> resultType = attribute(expectations, "result_type").map(HclSpecSuiteTest::type);
        resultType.ifPresent(type -> assertEquals(type, value.type(), "result type"));
        Optional<Value> expected = attribute(expectations, "result").map(DecodeSpecReader::constant);
        if (expected.isPresent()) {
            Value wanted = convert(expected.get(), resultType.orElse(value.type()));
            if (!SuiteValues.equivalent(wanted, value)) {
                fail("expected " + wanted.toSourceForm() + "\n but was " + value.toSourceForm());
            }
        }
    }

    private static List<String> expectedRanges(Block diagnostics)
    {
        List<String> ranges = new ArrayList<>();
        for (Block diagnostic : diagnostics.body().blocks()) {
            Block from = diagnostic.body().blocks().stream().filter(block -> block.type().equals("from")).findFirst().orElseThrow();
            Block to = diagnostic.body().blocks().stream().filter(block -> block.type().equals("to")).findFirst().orElseThrow();
            ranges.add(diagnostic.type() + " " + position(from.body()) + "-" + position(to.body()));
        }
        return ranges.stream().sorted().toList();
    }

    private static String position(Body body)
    {
        return integer(body, "line") + ":" + integer(body, "column") + "@" + integer(body, "byte");
    }

    private static int integer(Body body, String name)
    {
        return ((Value.NumberValue) DecodeSpecReader.constant(attribute(body, name).orElseThrow())).value().intValueExact();
    }

    private static List<String> actualRanges(List<Diagnostic> diagnostics)
    {
        return diagnostics.stream()
                .map(diagnostic -> (diagnostic.isError() ? "error" : "warning") + " " + diagnostic.subject()
                        .map(range -> position(range.start()) + "-" + position(range.end())).orElse("(no range)"))
                .sorted()
                .toList();
    }

    private static String position(Position position)
    {
        return position.line() + ":" + position.column() + "@" + position.byteOffset();
    }

    private static Optional<Attribute> attribute(Body body, String name)
    {
        return body.attributes().stream().filter(attribute -> attribute.name().equals(name)).findFirst();
    }

    private static Type type(Attribute attribute)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraint constraint = TypeConstraints.parse(attribute.expression(), diagnostics);
        assertTrue(!diagnostics.hasErrors(), "invalid result_type: " + diagnostics.toList());
        return constraint.type();
    }

    private static Value convert(Value value, Type type)
    {
        try {
            return Conversion.convert(value, type);
        }
        catch (ConversionException exception) {
            throw new AssertionError("expected result does not fit type " + type.friendlyName() + ": " + exception.getMessage(), exception);
        }
    }

    private static Body parse(Path root, Path file)
    {
        Parser.ParseResult parsed = Parser.parse(root.relativize(file).toString(), read(file));
        assertTrue(!parsed.hasErrors(), "cannot parse " + file + ": " + parsed.diagnostics());
        return parsed.file().body();
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
