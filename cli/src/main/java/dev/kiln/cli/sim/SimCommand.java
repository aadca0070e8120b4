package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kiln sim}: looks at and changes the simulated datacenter behind Kiln's back, so a
 * refresh has drift to find.
 */
@Command(name = "sim",
        synopsisSubcommandLabel = "COMMAND",
        description = {
                "Inspect the simulated datacenter of provider \"sim\", or change it behind Kiln's back.",
                "The datacenter lives under .kiln/sim in the working directory. Changes made here are what a real datacenter "
                        + "does on its own — a machine dies, someone upgrades a cluster by hand — so the next plan shows them as drift."
        },
        subcommands = {
                SimListCommand.class,
                SimRemoveNodeCommand.class,
                SimSetVersionCommand.class,
                SimFailCommand.class,
                SimRecoverCommand.class,
                SimAdvanceCommand.class,
        })
public final class SimCommand
        implements Callable<Integer>
{
    private final Optional<Invocation> invocation;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public SimCommand()
    {
        this.invocation = Optional.empty();
    }

    public SimCommand(Invocation invocation)
    {
        this.invocation = Optional.of(invocation);
    }

    /** Without a subcommand: the list of subcommands. */
    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
