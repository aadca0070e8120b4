package dev.kiln.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static java.util.Objects.requireNonNull;

@Command(name = "completion",
        description = {
                "Print a shell completion script for kiln.",
                "bash: source <(kiln completion bash)",
                "zsh:  source <(kiln completion zsh)"
        })
final class CompletionCommand
        implements Callable<Integer>
{
    enum Shell
    {
        BASH, ZSH
    }

    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    private Shell shell;

    CompletionCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
    {
        // picocli's script is written for bash and also runs in zsh once bashcompinit is loaded.
        String script = AutoComplete.bash("kiln", spec.root().commandLine());
        if (shell == Shell.ZSH) {
            invocation.out().println("autoload -U +X compinit && compinit");
            invocation.out().println("autoload -U +X bashcompinit && bashcompinit");
        }
        invocation.out().print(script);
        invocation.out().flush();
        return ExitCodes.OK;
    }
}
