package dev.kiln.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Everything one run of the command line sees of the outside world: its arguments, streams,
 * environment and working directory. Commands read these instead of {@code System.*}, so a
 * test can run the whole CLI in-process.
 *
 * @param terminal whether standard output is an interactive terminal (colors are used only then)
 */
public record Invocation(
        List<String> arguments,
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> environment,
        Path workingDirectory,
        boolean terminal)
{
    public Invocation
    {
        arguments = List.copyOf(arguments);
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Colors only on a terminal, and never when {@code NO_COLOR} is set to a non-empty value. */
    public boolean color()
    {
        String noColor = environment.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }
}
