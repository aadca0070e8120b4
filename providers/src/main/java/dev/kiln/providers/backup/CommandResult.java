package dev.kiln.providers.backup;

import static java.util.Objects.requireNonNull;

/** A finished shell command: its exit code and what it printed (small outputs only; files are streamed). */
public record CommandResult(int exitCode, String output, String error)
{
    public CommandResult
    {
        requireNonNull(output, "output is null");
        requireNonNull(error, "error is null");
    }
}
