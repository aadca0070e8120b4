package dev.kiln.cli;

import java.util.concurrent.Callable;

import dev.kiln.cli.view.JsonView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static java.util.Objects.requireNonNull;

@Command(name = "version", description = "Print Kiln's version, platform and Java runtime.")
final class VersionCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Option(names = {"-json", "--json"}, description = "Print the version as a JSON object.")
    private boolean json;

    VersionCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
    {
        Version version = Version.current();
        if (json) {
            var object = JsonView.object()
                    .put("kiln_version", version.kiln())
                    .put("platform", version.platform())
                    .put("java_version", version.java());
            JsonView.print(invocation.out(), object);
        }
        else {
            invocation.out().println("Kiln v" + version.kiln());
            invocation.out().println("on " + version.platform() + ", Java " + version.java());
        }
        return ExitCodes.OK;
    }
}
