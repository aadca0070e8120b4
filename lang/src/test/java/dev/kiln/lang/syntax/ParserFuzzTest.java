package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutates real configurations (the HCL spec suite, Kiln's examples, and a few seeds of
 * every construct) with a fixed seed and checks that the parser never throws, never
 * hangs, keeps every diagnostic inside the text, and reports an error for every mutation
 * that is invalid by construction. {@code -Dfuzz.iterations=N} runs more mutations.
 */
class ParserFuzzTest
{
    private static final long SEED = 20261121L;
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 4000);
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private static final List<String> SEEDS = List.of(
            "a = \"x${y}z %{ if c }t%{ else }f%{ endif }\"\nb = <<-EOT\n  ${q}\n  %{ for k, v in m ~}\n  ${k}\n  %{ endfor }\n  EOT\n",
            "r \"l\" m {\n  x = [for i, v in xs : v.a[0] if i < 2]\n  y = {for k, v in m : k => v... }\n  z = a[*].b.c + f(x...) * -2\n  w = a.*.b ? {p = 1, \"q\": 2} : null\n}\n",
            "o { p = 1 }\n# c\n// d\n/* e */ q = (1 + 2) * 3 % 4 == 5 != !true || false && 6 >= 7\n");
    private static final String[] INSERTIONS = {
            "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "<<EOT\n", "\nEOT\n", "\\", "=", ",", ":", "?", "...", "=>",
            "\n", " ", "#", "/*", "*/", "for", "if", "in", "0.0", "1e9999999999", "é", "😀", "\u0000", "\u0007", "\u001b", "\u007f", "\uFEFF"};

    private static List<String> corpus;

    @BeforeAll
    static void loadCorpus()
            throws IOException
    {
        List<String> sources = new ArrayList<>(SEEDS);
        sources.addAll(read(SpecSuiteSyntaxTest.suite(), ".hcl"));
        sources.addAll(read(Path.of("../examples"), ".kiln.hcl"));
        corpus = List.copyOf(sources);
    }

    private static List<String> read(Path directory, String suffix)
            throws IOException
    {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).sorted().toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        }
    }

    @Test
    @DisplayName("random token deletions, duplications, swaps, insertions and truncations never break the parser")
    void randomMutationsAreSafe()
    {
        Random random = new Random(SEED);
        List<BiFunction<String, Random, String>> mutations = List.of(
                ParserFuzzTest::deleteToken, ParserFuzzTest::duplicateToken, ParserFuzzTest::swapTokens,
                ParserFuzzTest::insertText, ParserFuzzTest::truncate);
        inBatches(ITERATIONS, () -> {
            String source = corpus.get(random.nextInt(corpus.size()));
            int rounds = 1 + random.nextInt(3);
            for (int round = 0; round < rounds; round++) {
                source = mutations.get(random.nextInt(mutations.size())).apply(source, random);
            }
            return source;
        }, ignored -> { });
    }

    static Stream<String> invalidMutations()
    {
        return Stream.of("unbalanced brace", "control character", "truncated block");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMutations")
    @DisplayName("mutations that are invalid by construction always produce an error with a range")
    void invalidMutationsAreReported(String kind)
    {
        Random random = new Random(SEED + kind.hashCode());
        List<String> valid = corpus.stream().filter(source -> !Parser.parse("valid.hcl", source).hasErrors()).toList();
        assertFalse(valid.isEmpty(), "no valid input in the corpus");
        inBatches(Math.max(200, ITERATIONS / 5), () -> {
            String source = valid.get(random.nextInt(valid.size()));
            String mutated = switch (kind) {
                case "unbalanced brace" -> unbalanceBrace(source, random);
                case "control character" -> insertControlCharacter(source, random);
                default -> truncateInsideBraces(source, random);
            };
            return mutated == null ? source + "\n}" : mutated;
        }, result -> assertTrue(
                result.diagnostics().stream().anyMatch(diagnostic -> diagnostic.isError() && diagnostic.subject().isPresent()),
                "expected an error"));
    }

    static Stream<String> pathologicalInputs()
    {
        return Stream.of(
                "a = " + "(".repeat(10_000) + "1" + ")".repeat(10_000),
                "a = " + "[".repeat(20_000),
                "a = " + "{".repeat(20_000),
                "{".repeat(20_000),
                "a = " + "!".repeat(100_000) + "x",
                "a = " + "-".repeat(100_000) + "x",
                "a = " + "1 + ".repeat(50_000) + "1",
                "a = " + "x ? 1 : ".repeat(5_000) + "2",
                "a = " + "\"${".repeat(5_000),
                "a = " + "x.".repeat(50_000) + "y",
                "a = x" + "[0]".repeat(20_000) + "[*].b".repeat(5_000),
                "a = [" + "1,".repeat(100_000) + "]",
                "a = 1\n".repeat(50_000),
                "b {\n".repeat(5_000),
                "a = <<EOT\n".repeat(5_000),
                "/*" + "x".repeat(1_000_000),
                "a = \"" + "x".repeat(1_000_000) + "\"",
                "a = \"" + "\\u".repeat(100_000) + "\"",
                "\u0000".repeat(100_000));
    }

    @ParameterizedTest
    @MethodSource("pathologicalInputs")
    @DisplayName("pathological inputs (deep nesting, long chains, huge tokens) parse quickly without throwing")
    void pathologicalInputsAreSafe(String source)
    {
        inBatches(1, () -> source, ignored -> { });
    }

    private static void inBatches(int count, java.util.function.Supplier<String> inputs, java.util.function.Consumer<Parser.ParseResult> check)
    {
        int batch = 100;
        for (int start = 0; start < count; start += batch) {
            int size = Math.min(batch, count - start);
            assertTimeoutPreemptively(PER_INPUT.multipliedBy(size), () -> {
                for (int index = 0; index < size; index++) {
                    String source = inputs.get();
                    long began = System.nanoTime();
                    Parser.ParseResult result = parseSafely(source);
                    Duration took = Duration.ofNanos(System.nanoTime() - began);
                    assertTrue(took.compareTo(PER_INPUT) < 0, () -> "took " + took + " for " + excerpt(source));
                    checkRanges(source, result.diagnostics());
                    assertEquals(source, Tokens.lex("fuzz.hcl", source).stream().map(Token::text).collect(Collectors.joining()));
                    try {
                        check.accept(result);
                    }
                    catch (AssertionError failure) {
                        fail(failure.getMessage() + " for " + excerpt(source) + ", got " + result.diagnostics());
                    }
                }
            });
        }
    }

    private static Parser.ParseResult parseSafely(String source)
    {
        try {
            return Parser.parse("fuzz.hcl", source);
        }
        catch (RuntimeException | StackOverflowError failure) {
            throw new AssertionError("parser threw on " + excerpt(source), failure);
        }
    }

    private static void checkRanges(String source, List<Diagnostic> diagnostics)
    {
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        long lines = source.chars().filter(character -> character == '\n').count() + 1;
        for (Diagnostic diagnostic : diagnostics) {
            assertFalse(diagnostic.summary().equals(SyntaxRun.INTERNAL_ERROR), () -> diagnostic + " for " + excerpt(source));
            SourceRange subject = diagnostic.subject().orElseThrow(() -> new AssertionError("no subject: " + diagnostic));
            assertTrue(subject.start().byteOffset() >= 0 && subject.end().byteOffset() <= bytes
                            && subject.start().line() <= lines && subject.end().line() <= lines,
                    () -> "range " + subject + " outside the text: " + diagnostic + " in " + excerpt(source));
        }
    }

    private static String excerpt(String source)
    {
        String escaped = source.replace("\n", "\\n");
        return "\"" + (escaped.length() > 300 ? escaped.substring(0, 300) + "…" : escaped) + "\"";
    }

    private static List<String> texts(String source)
    {
        return new ArrayList<>(Tokens.lex("fuzz.hcl", source).stream().map(Token::text).toList());
    }

    private static String deleteToken(String source, Random random)
    {
        List<String> texts = texts(source);
        if (!texts.isEmpty()) {
            texts.remove(random.nextInt(texts.size()));
        }
        return String.join("", texts);
    }

    private static String duplicateToken(String source, Random random)
    {
        List<String> texts = texts(source);
        if (!texts.isEmpty()) {
            int index = random.nextInt(texts.size());
            texts.add(index, texts.get(index));
        }
        return String.join("", texts);
    }

    private static String swapTokens(String source, Random random)
    {
        List<String> texts = texts(source);
        if (texts.size() > 1) {
            int index = random.nextInt(texts.size() - 1);
            texts.set(index, texts.set(index + 1, texts.get(index)));
        }
        return String.join("", texts);
    }

    private static String insertText(String source, Random random)
    {
        int at = random.nextInt(source.length() + 1);
        if (at > 0 && at < source.length() && Character.isLowSurrogate(source.charAt(at))) {
            at--;
        }
        return source.substring(0, at) + INSERTIONS[random.nextInt(INSERTIONS.length)] + source.substring(at);
    }

    private static String truncate(String source, Random random)
    {
        int at = random.nextInt(source.length() + 1);
        if (at > 0 && at < source.length() && Character.isLowSurrogate(source.charAt(at))) {
            at--;
        }
        return source.substring(0, at);
    }

    /** Deletes or duplicates one brace token (never one inside a string, heredoc or comment). */
    private static String unbalanceBrace(String source, Random random)
    {
        List<Token> tokens = Tokens.lex("fuzz.hcl", source);
        List<Integer> braces = new ArrayList<>();
        for (int index = 0; index < tokens.size(); index++) {
            if (tokens.get(index).kind() == TokenKind.OPEN_BRACE || tokens.get(index).kind() == TokenKind.CLOSE_BRACE) {
                braces.add(index);
            }
        }
        if (braces.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>(tokens.stream().map(Token::text).toList());
        int chosen = braces.get(random.nextInt(braces.size()));
        if (random.nextBoolean()) {
            texts.remove(chosen);
        }
        else {
            texts.add(chosen, texts.get(chosen));
        }
        return String.join("", texts);
    }

    /** Inserts a control character at a token boundary outside strings, heredocs and comments. */
    private static String insertControlCharacter(String source, Random random)
    {
        List<Token> tokens = Tokens.lex("fuzz.hcl", source);
        List<Integer> boundaries = new ArrayList<>();
        int offset = 0;
        for (int index = 0; index <= tokens.size(); index++) {
            // after a line comment the character would join the comment; after a heredoc it would
            // spoil the closing marker's line and so join the heredoc's text
            boolean joinsPrevious = index > 0
                    && (tokens.get(index - 1).kind() == TokenKind.LINE_COMMENT || tokens.get(index - 1).kind() == TokenKind.HEREDOC);
            if (!joinsPrevious) {
                boundaries.add(offset);
            }
            if (index < tokens.size()) {
                offset += tokens.get(index).text().length();
            }
        }
        int at = boundaries.get(random.nextInt(boundaries.size()));
        char control = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f".charAt(random.nextInt(9));
        return source.substring(0, at) + control + source.substring(at);
    }

    /** Cuts the text somewhere between an opening brace and its closing brace. */
    private static String truncateInsideBraces(String source, Random random)
    {
        List<Token> tokens = Tokens.lex("fuzz.hcl", source);
        List<int[]> spans = new ArrayList<>();
        List<Integer> openOffsets = new ArrayList<>();
        int offset = 0;
        for (Token token : tokens) {
            if (token.kind() == TokenKind.OPEN_BRACE) {
                openOffsets.add(offset + 1);
            }
            else if (token.kind() == TokenKind.CLOSE_BRACE && !openOffsets.isEmpty()) {
                spans.add(new int[] {openOffsets.removeLast(), offset});
            }
            offset += token.text().length();
        }
        if (spans.isEmpty()) {
            return null;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        int at = span[0] + random.nextInt(span[1] - span[0] + 1);
        if (at > 0 && at < source.length() && Character.isLowSurrogate(source.charAt(at))) {
            at--;
        }
        return source.substring(0, at);
    }
}
