package dev.kiln.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.kiln.cli.view.ValidateView;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import static java.util.Objects.requireNonNull;

@Command(name = "validate",
        customSynopsis = "kiln validate [-json] [-var NAME=VALUE]... [-var-file FILE]... [-chdir=DIR]",
        description = {
                "Check the configuration in the working directory.",
                "Parses every *.kiln.hcl file, evaluates variables, locals and expressions, and checks types, "
                        + "references and the rules for clusters, nodes, networks and backups. Touches no state and no host."
        },
        footer = {"", "Exit status: 0 when the configuration is valid (warnings allowed), 1 otherwise."})
final class ValidateCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Mixin
    private VariableOptions variables;

    @Option(names = {"-json", "--json"}, description = "Print the result as JSON (Terraform's validate format).")
    private boolean json;

    ValidateCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
    {
        Path directory = kiln.workingDirectory(spec);
        LoadResult result = ConfigLoader.load(directory, variables.inputs(invocation, directory).withUnsetAllowed());
        ValidateView view = new ValidateView(invocation.out(), invocation.err(), invocation.color());
        if (json) {
            view.renderJson(result.diagnostics(), result.sources());
        }
        else {
            view.renderText(result.diagnostics(), result.sources());
        }
        boolean valid = result.diagnostics().stream().noneMatch(Diagnostic::isError);
        return valid ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
