package dev.kiln.cli;

import dev.kiln.lang.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "force-unlock",
        description = {"Release a state lock that its run left behind, by the LOCK_ID the lock error printed.",
                "Only for a run that is gone: releasing the lock of a run that still writes the state can corrupt it."})
final class ForceUnlockCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Option(names = {"-force", "--force"}, description = "Do not ask for confirmation.")
    private boolean force;

    @Parameters(index = "0", paramLabel = "LOCK_ID")
    private String lockId;

    ForceUnlockCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        if (!force) {
            if (!invocation.terminal()) {
                workspace.show(List.of(Diagnostic.errorWithoutSource("No terminal to confirm on",
                        "kiln force-unlock asks for confirmation on a terminal, and standard output is not one. Pass -force to release the lock without asking.")));
                return ExitCodes.ERROR;
            }
            boolean yes = Approval.ask(invocation, "Do you really want to force-unlock?",
                    "Kiln will remove the lock on the state. This allows other Kiln commands to write it, even though the run that took the lock may still use it.");
            if (!yes) {
                invocation.err().println("Error: Force-unlock cancelled.");
                return ExitCodes.ERROR;
            }
        }
        workspace.backend().forceUnlock(lockId);
        invocation.out().println(workspace.styles().green("Kiln state has been successfully unlocked!"));
        return ExitCodes.OK;
    }
}
