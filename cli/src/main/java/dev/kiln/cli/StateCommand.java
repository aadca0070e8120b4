package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "state",
        synopsisSubcommandLabel = "COMMAND",
        description = "Read and edit the recorded state: list, show, rm, mv, pull, push.",
        subcommands = {
                StateListCommand.class,
                StateShowCommand.class,
                StateRemoveCommand.class,
                StateMoveCommand.class,
                StatePullCommand.class,
                StatePushCommand.class,
        })
final class StateCommand
        implements Callable<Integer>
{
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    Path workingDirectory(CommandSpec command)
    {
        return kiln.workingDirectory(command);
    }
}
