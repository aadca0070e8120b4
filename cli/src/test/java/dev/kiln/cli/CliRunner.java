package dev.kiln.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the whole CLI in-process with captured output, a given environment and directory. */
final class CliRunner
{
    record Result(int exitCode, String out, String err) {}

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final boolean terminal;
    private final String standardInput;

    private CliRunner(Path workingDirectory, Map<String, String> environment, boolean terminal, String standardInput)
    {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.terminal = terminal;
        this.standardInput = standardInput;
    }

    static CliRunner in(Path workingDirectory)
    {
        return new CliRunner(workingDirectory, Map.of(), false, "");
    }

    CliRunner environment(Map<String, String> environment)
    {
        return new CliRunner(workingDirectory, environment, terminal, standardInput);
    }

    /** Pretend standard output is a terminal, so colors are on unless NO_COLOR is set. */
    CliRunner terminal()
    {
        return new CliRunner(workingDirectory, environment, true, standardInput);
    }

    CliRunner standardInput(String text)
    {
        return new CliRunner(workingDirectory, environment, terminal, text);
    }

    Result run(String... args)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(new Invocation(
                List.of(args),
                new ByteArrayInputStream(standardInput.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment,
                workingDirectory,
                terminal));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
