package dev.kiln.cli;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.providers.capi.render.CapiApiVersion;
import dev.kiln.providers.capi.render.CapiRenderer;
import dev.kiln.providers.capi.render.CapiYaml;
import dev.kiln.providers.capi.render.RenderInputs;
import dev.kiln.providers.capi.render.RenderedCluster;
import dev.kiln.providers.capi.render.RenderedPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "render",
        customSynopsis = "kiln render [-api-version VERSION] [-var NAME=VALUE]... [-var-file FILE]... [-chdir=DIR] [ADDR]",
        description = {
                "Print the Cluster API objects of the capi clusters as a multi-document YAML stream.",
                "Every cluster with provider = capi, or only ADDR: cluster.NAME (every instance), cluster.NAME[KEY] (one instance) "
                        + "or cluster.NAME.pool[\"POOL\"] (one worker pool's templates and MachineDeployment), "
                        + "in the order Kiln applies them, for review or for kubectl apply -f -. Values known only after apply are shown "
                        + "as (known after apply) with a comment above their object; sensitive values are never printed. "
                        + "Reads the configuration and the recorded state; contacts no management cluster."
        },
        footer = {"", "Exit status: 0 when every requested cluster rendered, 1 otherwise."})
final class RenderCommand
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

    @Option(names = {"-api-version", "--api-version"}, paramLabel = "VERSION",
            description = "The Cluster API version of the core objects: v1beta1 (the default) or v1beta2.")
    private String apiVersion = CapiApiVersion.DEFAULT.label();

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR", description = "Render only this cluster or pool: cluster.NAME, cluster.NAME[KEY], cluster.NAME.pool[\"POOL\"].")
    private String address;

    RenderCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        CapiApiVersion version = CapiApiVersion.fromLabel(apiVersion).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "-api-version must be v1beta1 or v1beta2, not \"" + apiVersion + "\""));
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec), true);
        if (!ConfiguredEncryption.configure(workspace, variables.inputs(invocation, workspace.directory()))) {
            return ExitCodes.ERROR;
        }
        LoadResult loaded = ConfigLoader.load(workspace.directory(), variables.inputs(invocation, workspace.directory()),
                KilnProviders.recordedValues(workspace.readState()));
        workspace.show(loaded.diagnostics(), loaded.sources());
        if (loaded.hasErrors() || loaded.config().isEmpty()) {
            return ExitCodes.ERROR;
        }
        Model model = loaded.config().get().model();
        Diagnostics diagnostics = new Diagnostics();
        StringBuilder output = new StringBuilder();
        for (RenderTargets.Target target : RenderTargets.select(model, Optional.ofNullable(address), diagnostics)) {
            render(model, target, version, diagnostics).ifPresent(output::append);
        }
        workspace.show(diagnostics.toList(), loaded.sources());
        if (diagnostics.hasErrors()) {
            return ExitCodes.ERROR;
        }
        invocation.out().print(output);
        return ExitCodes.OK;
    }

    /** The target's YAML, or empty with the reasons in {@code diagnostics}. */
    private static Optional<String> render(Model model, RenderTargets.Target target, CapiApiVersion version, Diagnostics diagnostics)
    {
        Cluster cluster = target.cluster();
        Optional<ProviderSettings.Capi> provider = CapiRenderer.provider(model, cluster);
        if (provider.isEmpty()) {
            String name = cluster.provider().orElse(ProviderType.CAPI.label());
            diagnostics.add(Diagnostic.error("Provider not configured",
                    cluster.address() + " uses provider " + name + ", which the configuration does not define. Add a provider \"capi\" block"
                            + (name.contains(".") ? " with alias = \"" + name.substring(name.indexOf('.') + 1) + "\"" : "")
                            + " with the management cluster's kubeconfig.",
                    cluster.nameRange()));
            return Optional.empty();
        }
        if (cluster.infrastructure().isEmpty()) {
            diagnostics.addAll(CapiRenderer.check(cluster, provider.get()));
            return Optional.empty();
        }
        RenderedCluster rendered = CapiRenderer.render(cluster, provider.get(), version, RenderInputs.of(model, cluster));
        List<Diagnostic> problems = CapiRenderer.check(cluster, rendered);
        diagnostics.addAll(problems);
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return Optional.empty();
        }
        if (target.pool().isPresent()) {
            RenderedPool pool = rendered.pool(target.pool().get().name()).orElseThrow();
            return Optional.of(CapiYaml.objects(target.title(), version, rendered.namespace(), pool.objects()));
        }
        return Optional.of(CapiYaml.objects(target.title(), version, rendered.namespace(), rendered.objects()));
    }
}
