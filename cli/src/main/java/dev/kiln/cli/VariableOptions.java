package dev.kiln.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kiln.lang.config.VariableInputs;
import picocli.CommandLine.Option;

/**
 * {@code -var NAME=VALUE} and {@code -var-file FILE}, shared by every command that loads a
 * configuration. Both keep their command-line order, since a later value wins.
 */
final class VariableOptions
{
    private sealed interface Input
    {
        record Assignment(String text)
                implements Input {}

        record File(String path)
                implements Input {}
    }

    private final List<Input> inputs = new ArrayList<>();

    @Option(names = {"-var", "--var"}, paramLabel = "NAME=VALUE",
            description = "Set an input variable (repeatable; a later value wins).")
    void variable(String assignment)
    {
        inputs.add(new Input.Assignment(assignment));
    }

    @Option(names = {"-var-file", "--var-file"}, paramLabel = "FILE",
            description = "Read input variables from an HCL file of NAME = VALUE lines (repeatable).")
    void variableFile(String path)
    {
        inputs.add(new Input.File(path));
    }

    /** The inputs and the environment's {@code KILN_VAR_*}; files relative to {@code workingDirectory}. */
    VariableInputs inputs(Invocation invocation, Path workingDirectory)
    {
        VariableInputs.Builder builder = VariableInputs.builder().environment(invocation.environment());
        for (Input input : inputs) {
            switch (input) {
                case Input.Assignment assignment -> builder.variable(assignment.text());
                case Input.File file -> builder.variableFile(shownPath(workingDirectory, file.path()));
            }
        }
        return builder.build();
    }

    /**
     * The file as a path the loader can open from the process's own directory, kept relative
     * (as users like to read it in messages) unless that would climb out with "..".
     */
    private static Path shownPath(Path workingDirectory, String given)
    {
        Path resolved = workingDirectory.resolve(given).normalize();
        Path processDirectory = Path.of("").toAbsolutePath();
        if (!resolved.startsWith(processDirectory)) {
            return resolved;
        }
        Path relative = processDirectory.relativize(resolved);
        return relative.toString().isEmpty() ? resolved : relative;
    }
}
