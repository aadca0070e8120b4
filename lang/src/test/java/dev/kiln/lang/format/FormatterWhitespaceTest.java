package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Token;
import dev.kiln.lang.syntax.TokenKind;
import dev.kiln.lang.syntax.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The layout depends only on the tokens and the line breaks, never on the whitespace the
 * author typed: every golden output and example, with its spaces, tabs, indentation,
 * trailing blanks and line endings scrambled (seeded, so failures reproduce), formats to
 * the same text as the original.
 */
class FormatterWhitespaceTest
{
    private static final int SEEDS_PER_FILE = 4;

    @TestFactory
    @DisplayName("scrambling the whitespace of a file does not change how it formats")
    Stream<DynamicTest> layoutIgnoresWhitespace()
            throws IOException
    {
        List<Path> files = new ArrayList<>(FormatterIdempotenceTest.filesEndingWith(FormatterGoldenTest.GOLDEN_DIRECTORY, ".out.kiln.hcl"));
        if (Files.isDirectory(FormatterIdempotenceTest.EXAMPLES_DIRECTORY)) {
            files.addAll(FormatterIdempotenceTest.filesEndingWith(FormatterIdempotenceTest.EXAMPLES_DIRECTORY, ".kiln.hcl"));
        }
        return files.stream().flatMap(file -> IntStream.range(0, SEEDS_PER_FILE)
                .mapToObj(seed -> dynamicTest(file.getFileName() + " seed " + seed, () -> assertScrambledFormatsTheSame(file, seed))));
    }

    private static void assertScrambledFormatsTheSame(Path file, int seed)
            throws IOException
    {
        String source = Files.readString(file);
        String scrambled = scramble(Tokens.lex(file.toString(), source), new Random(seed));
        assertEquals(Formatter.format(file.toString(), source).formatted(), Formatter.format(file.toString(), scrambled).formatted(), () -> "scrambled input:\n" + scrambled);
    }

    /** Rewrites whitespace only: never removes the last blank between two tokens, never touches heredocs. */
    private static String scramble(List<Token> tokens, Random random)
    {
        StringBuilder text = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            switch (token.kind()) {
                case WHITESPACE -> text.append(blanks(random, 1));
                case NEWLINE -> {
                    if (previous != null && previous.kind() != TokenKind.HEREDOC && previous.kind() != TokenKind.WHITESPACE) {
                        text.append(blanks(random, 0));
                    }
                    text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
                    text.append(blanks(random, 0));
                }
                default -> {
                    if (previous != null && previous.kind() != TokenKind.WHITESPACE && previous.kind() != TokenKind.NEWLINE) {
                        text.append(blanks(random, 0));
                    }
                    text.append(token.text());
                }
            }
            previous = token;
        }
        return text.toString();
    }

    private static String blanks(Random random, int minimum)
    {
        StringBuilder blanks = new StringBuilder();
        int count = minimum + random.nextInt(3);
        for (int index = 0; index < count; index++) {
            blanks.append(random.nextBoolean() ? ' ' : '\t');
        }
        return blanks.toString();
    }
}
