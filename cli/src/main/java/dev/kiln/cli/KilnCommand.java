package dev.kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.kiln.cli.sim.SimCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code kiln} command: global options and the list of subcommands. */
@Command(
        name = "kiln",
        synopsisSubcommandLabel = "COMMAND",
        description = "Plans and applies the lifecycle of Kubernetes clusters described in *.kiln.hcl files.",
        subcommands = {
                InitCommand.class,
                ValidateCommand.class,
                PlanCommand.class,
                ApplyCommand.class,
                DestroyCommand.class,
                ShowCommand.class,
                OutputCommand.class,
                StatusCommand.class,
                RefreshCommand.class,
                ImportCommand.class,
                GraphCommand.class,
                RenderCommand.class,
                StateCommand.class,
                ForceUnlockCommand.class,
                BackupCommand.class,
                SimCommand.class,
                FmtCommand.class,
                VersionCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class,
        },
        footer = {
                "",
                "Options take one dash or two (-json or --json) and their value after '=' or a space.",
                "Run 'kiln help COMMAND' for the options of a command."
        },
        usageHelpAutoWidth = true)
final class KilnCommand
        implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-chdir", "--chdir"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Switch to DIR before running the command (accepted before or after the command name).")
    private String chdir;

    @Mixin
    private HelpOption help;

    @Option(names = {"-version", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    static CommandLine commandLine(Invocation invocation)
    {
        CommandLine commandLine = new CommandLine(KilnCommand.class, new CommandFactory(invocation));
        ExitCodes exitCodes = new ExitCodes(invocation);
        commandLine.setOut(new PrintWriter(invocation.out(), true));
        commandLine.setErr(new PrintWriter(invocation.err(), true));
        commandLine.setColorScheme(Help.defaultColorScheme(invocation.color() ? Help.Ansi.ON : Help.Ansi.OFF));
        commandLine.setPosixClusteredShortOptionsAllowed(false);
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(exitCodes);
        commandLine.setExecutionExceptionHandler(exitCodes);
        commandLine.setExitCodeExceptionMapper(exitCodes);
        commandLine.getCommandSpec().versionProvider(() -> new String[] {"Kiln v" + Version.current().kiln()});
        return commandLine;
    }

    /** Without a command: print the overview of commands. */
    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * The directory a command works in: the invocation's working directory, or {@code -chdir}
     * resolved against it. A missing directory is a usage error of {@code command}.
     */
    Path workingDirectory(CommandSpec command)
    {
        Path base = ((CommandFactory) spec.commandLine().getFactory()).invocation().workingDirectory();
        if (chdir == null) {
            return base;
        }
        Path directory = base.resolve(chdir).normalize();
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(command.commandLine(),
                    "Invalid -chdir option: the directory \"" + chdir + "\" does not exist.");
        }
        return directory;
    }
}
