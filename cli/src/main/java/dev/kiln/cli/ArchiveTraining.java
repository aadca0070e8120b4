package dev.kiln.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload the {@code ./kiln} launcher runs once after each build to record a class-data
 * archive (CDS or AOT cache): validate, fmt, version and help over a small built-in
 * configuration, so later runs start with those classes already loaded and linked.
 * All output is discarded.
 */
public final class ArchiveTraining
{
    private static final String CONFIGURATION = "training/main.kiln.hcl";

    private ArchiveTraining() {}

    public static void main(String[] args)
            throws IOException
    {
        String source = readConfiguration();
        Path directory = Files.createTempDirectory("kiln-training");
        try {
            Files.writeString(directory.resolve("main.kiln.hcl"), source, StandardCharsets.UTF_8);
            run(directory, InputStream.nullInputStream(), "validate");
            run(directory, InputStream.nullInputStream(), "validate", "-json");
            run(directory, InputStream.nullInputStream(), "fmt", "-check", "-diff");
            run(directory, new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), "fmt", "-");
            run(directory, InputStream.nullInputStream(), "version", "-json");
            run(directory, InputStream.nullInputStream(), "help", "validate");
        }
        finally {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    private static void run(Path directory, InputStream in, String... args)
    {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Main.run(new Invocation(List.of(args), in, discard, discard, Map.of(), directory, false));
    }

    private static String readConfiguration()
    {
        try (InputStream in = ArchiveTraining.class.getResourceAsStream(CONFIGURATION)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CONFIGURATION);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
