package dev.kiln.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/** The working directory of a {@code kiln backup} subcommand: {@code -chdir} of {@code kiln}, two levels up. */
final class BackupCommands
{
    private BackupCommands() {}

    static Path workingDirectory(CommandSpec subcommand)
    {
        KilnCommand kiln = (KilnCommand) subcommand.parent().parent().userObject();
        return kiln.workingDirectory(subcommand);
    }
}
