package dev.kiln.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of examples/quickstart in a test's directory. */
final class Quickstart
{
    private Quickstart() {}

    static Path source()
    {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("examples/quickstart"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("examples/quickstart not found above " + Path.of("").toAbsolutePath());
        }
        return directory.resolve("examples/quickstart");
    }

    static Path copyTo(Path target)
    {
        try (Stream<Path> files = Files.list(source())) {
            Files.createDirectories(target);
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".kiln.hcl")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
