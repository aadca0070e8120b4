package dev.kiln.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Configuration directories under {@code src/test/resources/fixtures/}, copied where a test changes them. */
final class Fixtures
{
    static final Path ROOT = Path.of("src", "test", "resources", "fixtures").toAbsolutePath();

    private Fixtures() {}

    static Path directory(String name)
    {
        return ROOT.resolve(name);
    }

    /** Copies the fixture {@code name} (with its subdirectories) into {@code target}. */
    static Path copy(String name, Path target)
    {
        Path source = directory(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
