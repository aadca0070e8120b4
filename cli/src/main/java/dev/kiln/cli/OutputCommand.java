package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.cli.view.JsonValueText;
import dev.kiln.cli.view.JsonView;
import dev.kiln.cli.view.OutputsView;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.OutputValue;
import dev.kiln.state.State;
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

@Command(name = "output",
        description = {
                "Show the root outputs recorded by the last apply.",
                "Sensitive outputs show as <sensitive>, except when one is asked for by NAME with -raw or -json."
        })
final class OutputCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Option(names = {"-json", "--json"}, description = "Print JSON.")
    private boolean json;

    @Option(names = {"-raw", "--raw"}, description = "Print one string, number or bool output's value as it is, for scripts.")
    private boolean raw;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show only this output.")
    private String name;

    OutputCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        if (!ConfiguredEncryption.configure(workspace)) {
            return ExitCodes.ERROR;
        }
        State state = workspace.readState();
        if (name == null) {
            if (raw) {
                workspace.show(List.of(Diagnostic.errorWithoutSource("Output name required", "-raw prints one output: give its NAME, as in kiln output -raw endpoint.")));
                return ExitCodes.ERROR;
            }
            if (json) {
                ObjectNode document = JsonView.object();
                state.outputs().forEach((output, value) -> {
                    ObjectNode entry = document.putObject(output);
                    entry.put("sensitive", value.sensitive());
                    if (!value.sensitive()) {
                        entry.set("value", value.value());
                    }
                });
                JsonView.print(invocation.out(), document);
            }
            else if (state.outputs().isEmpty()) {
                invocation.err().println("Warning: No outputs found. The state has no outputs: apply a configuration that declares some.");
            }
            else {
                OutputsView.render(invocation.out(), state.outputs());
            }
            return ExitCodes.OK;
        }
        OutputValue output = state.outputs().get(name);
        if (output == null) {
            workspace.show(List.of(Diagnostic.errorWithoutSource("Output not found",
                    "The state has no output \"" + name + "\"; the configuration may not declare it, or it was not applied yet."
                            + DidYouMean.sentence(name, List.copyOf(state.outputs().keySet())))));
            return ExitCodes.ERROR;
        }
        if (json) {
            JsonView.print(invocation.out(), output.value());
        }
        else if (raw) {
            if (output.value().isContainerNode()) {
                workspace.show(List.of(Diagnostic.errorWithoutSource("Unsupported value for raw output",
                        "The output \"" + name + "\" is not a string, number or bool; -raw cannot print it. Use -json.")));
                return ExitCodes.ERROR;
            }
            invocation.out().print(output.value().isTextual() ? output.value().textValue() : output.value().toString());
        }
        else {
            invocation.out().println(output.sensitive() ? "<sensitive>" : JsonValueText.render(output.value()));
        }
        return ExitCodes.OK;
    }
}
