package dev.kiln.providers.kubeadm.remote;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A finished command: its exit code, standard output and standard error. */
public record Result(int exitCode, String output, String errorOutput)
{
    private static final int TAIL_LINES = 8;

    public Result
    {
        requireNonNull(output, "output is null");
        requireNonNull(errorOutput, "errorOutput is null");
    }

    public boolean succeeded()
    {
        return exitCode == 0;
    }

    /** The last lines of standard error, else of standard output, for an error message. */
    public String tail()
    {
        String text = errorOutput.isBlank() ? output : errorOutput;
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
