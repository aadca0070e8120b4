package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.kiln.lang.config.model.TestBlock.block;

/** A configuration assembled from {@link TestBlock}s, with the diagnostic it is expected to produce (or none). */
public final class Scenario
{
    private final List<TestBlock> providers = new ArrayList<>();
    private final List<TestBlock> resources = new ArrayList<>();
    private Optional<TestBlock> kiln = Optional.empty();
    private Optional<String> expectedSummary = Optional.empty();
    private Optional<SourceRange> expectedRange = Optional.empty();

    public static Scenario of(TestBlock... resources)
    {
        Scenario scenario = new Scenario();
        scenario.resources.addAll(List.of(resources));
        return scenario;
    }

    /** A node at {@code address}. */
    public static TestBlock node(String name, String address)
    {
        return block("node", name).set("address", address);
    }

    /** A kubeadm cluster on Kubernetes v1.30.4 with the given nested blocks (a control_plane among them). */
    public static TestBlock cluster(String name, TestBlock... nested)
    {
        TestBlock cluster = block("cluster", name).set("kubernetes_version", "v1.30.4");
        for (TestBlock block : nested) {
            cluster.block(block);
        }
        return cluster;
    }

    /** {@code control_plane { nodes = [node.A, ...] }}. */
    public static TestBlock controlPlane(String... nodes)
    {
        return block("control_plane").references("nodes", nodes.length, prefixed(nodes));
    }

    public static TestBlock pool(String name, String... nodes)
    {
        return block("worker_pool", name).references("nodes", nodes.length, prefixed(nodes));
    }

    private static String[] prefixed(String[] nodes)
    {
        String[] targets = new String[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            targets[i] = "node." + nodes[i];
        }
        return targets;
    }

    public Scenario with(TestBlock... more)
    {
        resources.addAll(List.of(more));
        return this;
    }

    public Scenario provider(TestBlock provider)
    {
        providers.add(provider);
        return this;
    }

    public Scenario kiln(TestBlock block)
    {
        kiln = Optional.of(block);
        return this;
    }

    public Scenario expect(String summary, SourceRange range)
    {
        expectedSummary = Optional.of(summary);
        expectedRange = Optional.of(range);
        return this;
    }

    public Optional<String> expectedSummary()
    {
        return expectedSummary;
    }

    public Optional<SourceRange> expectedRange()
    {
        return expectedRange;
    }

    public Result build()
    {
        Diagnostics diagnostics = new Diagnostics();
        List<DecodedBlock> providerBlocks = providers.stream().map(TestBlock::build).toList();
        List<DecodedInstance> instances = resources.stream().map(TestBlock::instance).toList();
        Model model = ModelBuilder.build(kiln.map(TestBlock::build), providerBlocks, instances, diagnostics);
        return new Result(model, diagnostics.toList());
    }

    public record Result(Model model, List<Diagnostic> diagnostics) {}
}
