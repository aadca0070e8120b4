package dev.kiln.cli;

import dev.kiln.executors.apply.FinalPlanner;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.ResourceValues;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.FinalPlans;
import dev.kiln.planner.graph.GraphInput;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.State;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans a change again during apply, once the instances it references have been applied: the
 * configuration is loaded again with their new values (the recorded attributes for the rest)
 * and the instance's diff rule asked again. One load serves every change whose applied
 * dependencies it already saw, so a wave of instances waiting on the same resources costs one
 * load, and instances whose configured arguments were all known at plan time cost nothing.
 */
final class FinalPlanning
        implements FinalPlanner
{
    private final Path directory;
    private final VariableInputs inputs;
    private final Planning planning;
    private final PlanGraph graph;
    private Map<ResourceAddress, DecodedInstance> planned;
    private Loaded loaded;

    private record Loaded(Map<ResourceAddress, Value> applied, Map<ResourceAddress, DecodedInstance> instances) {}

    FinalPlanning(Path directory, VariableInputs inputs, Planning planning, PlanGraph graph)
    {
        this.directory = directory;
        this.inputs = inputs;
        this.planning = planning;
        this.graph = graph;
    }

    @Override
    public boolean needsFinalPlan(ResourceChange change)
    {
        if (change.after().isEmpty() || change.after().get().isWhollyKnown()) {
            return false;
        }
        DecodedInstance configured = plannedInstances().get(change.address());
        return configured != null && FinalPlans.waitsOnUnknowns(configured);
    }

    @Override
    public ResourceChange finalChange(ResourceChange change, Map<ResourceAddress, Value> applied)
    {
        DecodedInstance configured = current(change.address(), applied).instances().get(change.address());
        if (configured == null) {
            throw new IllegalStateException(change.address() + " is no longer in the configuration");
        }
        return FinalPlans.replan(change, configured, planning.state().resource(change.address()), planning.providers().resourceTypes());
    }

    private synchronized Map<ResourceAddress, DecodedInstance> plannedInstances()
    {
        if (planned == null) {
            planned = instances(new GraphInput(planning.config(), planning.state(), false));
        }
        return planned;
    }

    /** A load that saw every applied instance {@code address} depends on, loading again only when the last one did not. */
    private synchronized Loaded current(ResourceAddress address, Map<ResourceAddress, Value> applied)
    {
        if (loaded == null || !sawAppliedDependencies(loaded, address, applied)) {
            loaded = load(Map.copyOf(applied));
        }
        return loaded;
    }

    private boolean sawAppliedDependencies(Loaded candidate, ResourceAddress address, Map<ResourceAddress, Value> applied)
    {
        if (!graph.contains(address)) {
            return false;
        }
        return graph.dependencies(address).stream()
                .filter(applied::containsKey)
                .allMatch(candidate.applied()::containsKey);
    }

    private Loaded load(Map<ResourceAddress, Value> applied)
    {
        ResourceValues recorded = KilnProviders.recordedValues(planning.state());
        ResourceValues values = address -> Optional.ofNullable(applied.get(address)).or(() -> recorded.instance(address));
        LoadResult result = ConfigLoader.load(directory, inputs, values);
        if (result.hasErrors() || result.config().isEmpty()) {
            throw new IllegalStateException("the configuration no longer loads with the values known after apply: "
                    + result.diagnostics().stream().filter(Diagnostic::isError).map(error -> error.summary() + " (" + error.detail() + ")").collect(Collectors.joining("; ")));
        }
        return new Loaded(applied, instances(new GraphInput(result.config().get(), planning.state(), false)));
    }

    private static Map<ResourceAddress, DecodedInstance> instances(GraphInput input)
    {
        Map<ResourceAddress, DecodedInstance> instances = new HashMap<>();
        input.instances().forEach(instance -> instances.put(instance.address(), instance));
        return instances;
    }
}
