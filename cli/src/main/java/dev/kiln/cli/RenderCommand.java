package dev.kiln.cli;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.providers.capi.render.CapiApiVersion;
import dev.kiln.providers.capi.render.CapiRenderer;
import dev.kiln.providers.capi.render.CapiYaml;
import dev.kiln.providers.capi.render.RenderInputs;
import dev.kiln.providers.capi.render.RenderedCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

@Command(name = "render",
        customSynopsis = "kiln render [-api-version VERSION] [-var NAME=VALUE]... [-var-file FILE]... [-chdir=DIR] [ADDR]",
        description = {
                "Print the Cluster API objects of the capi clusters as a multi-document YAML stream.",
                "Every cluster with provider = capi, or only the one at ADDR (cluster.NAME, or cluster.NAME[KEY] for one instance), "
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR", description = "Render only this cluster: cluster.NAME or cluster.NAME[KEY].")
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
        List<Cluster> clusters = selected(model, diagnostics);
        StringBuilder output = new StringBuilder();
        for (Cluster cluster : clusters) {
            render(model, cluster, version, diagnostics).ifPresent(rendered -> output.append(CapiYaml.cluster(cluster.address().toString(), rendered)));
        }
        workspace.show(diagnostics.toList(), loaded.sources());
        if (diagnostics.hasErrors()) {
            return ExitCodes.ERROR;
        }
        invocation.out().print(output);
        return ExitCodes.OK;
    }

    private List<Cluster> selected(Model model, Diagnostics diagnostics)
    {
        if (address == null) {
            return model.clusters().values().stream().filter(cluster -> cluster.providerType() == ProviderType.CAPI).toList();
        }
        Optional<ResourceAddress> parsed = ResourceAddressParser.parse(address, "kiln render", diagnostics);
        if (parsed.isEmpty()) {
            return List.of();
        }
        ResourceAddress target = parsed.get();
        List<Cluster> matching = model.clusters().values().stream()
                .filter(cluster -> cluster.address().equals(target)
                        || (target.key() instanceof InstanceKey.None && cluster.address().withoutKey().equals(target)))
                .toList();
        if (matching.isEmpty()) {
            List<String> known = model.clusters().keySet().stream()
                    .flatMap(cluster -> Stream.of(cluster, cluster.withoutKey()))
                    .map(ResourceAddress::toString)
                    .distinct()
                    .toList();
            String what = target.type().equals("cluster") ? "The configuration has no cluster at " + address + "."
                    : address + " is not a cluster: kiln render prints the Cluster API objects of clusters.";
            diagnostics.add(Diagnostic.errorWithoutSource("No such cluster", what + DidYouMean.sentence(address, known)));
            return List.of();
        }
        List<Cluster> capi = new ArrayList<>();
        for (Cluster cluster : matching) {
            if (cluster.providerType() == ProviderType.CAPI) {
                capi.add(cluster);
                continue;
            }
            diagnostics.add(Diagnostic.error("Not a Cluster API cluster",
                    cluster.address() + " uses the " + cluster.providerType().label() + " provider, so Kiln makes it without Cluster API "
                            + "objects. kiln render prints objects only for clusters with provider = capi.",
                    cluster.provider().isPresent() ? cluster.nameRange() : cluster.range()));
        }
        return capi;
    }

    private static Optional<RenderedCluster> render(Model model, Cluster cluster, CapiApiVersion version, Diagnostics diagnostics)
    {
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
        List<Diagnostic> problems = CapiRenderer.check(cluster, provider.get());
        diagnostics.addAll(problems);
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return Optional.empty();
        }
        return Optional.of(CapiRenderer.render(cluster, provider.get(), version, RenderInputs.of(model, cluster)));
    }
}
