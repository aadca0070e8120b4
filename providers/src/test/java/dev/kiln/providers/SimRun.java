package dev.kiln.providers;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Plans and applies a configuration directory against the simulator the way the engine
 * will: load with recorded values, plan with the providers' types and refresher, carry out
 * each change through its driver (deletions in reverse), record the results.
 */
public final class SimRun
{
    private static final Map<String, Integer> ORDER = Map.of("backup_point", 0, "registry", 1, "node", 2, "cluster", 3, "worker_pool", 4, "cluster_backup", 5);
    private static final Instant TIME = Instant.parse("2026-11-21T10:00:00Z");

    private final Path directory;
    private State state = State.create("0.1.0");

    public SimRun(Path directory)
    {
        this.directory = directory;
    }

    public State state()
    {
        return state;
    }

    public PlanResult plan(VariableInputs inputs, PlanOptions options)
    {
        LoadResult loaded = ConfigLoader.load(directory, inputs, Providers.recordedValues(state));
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics().toString());
        Config config = loaded.config().orElseThrow();
        Providers providers = Providers.of(config, directory);
        return Planner.plan(new PlanRequest(config, state, providers.resourceTypes(), options, providers.refresher()));
    }

    public Plan applicablePlan(VariableInputs inputs)
    {
        return applicablePlan(inputs, PlanOptions.DEFAULT);
    }

    public Plan applicablePlan(VariableInputs inputs, PlanOptions options)
    {
        PlanResult result = plan(inputs, options);
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        return result.plan().orElseThrow();
    }

    /** Applies every change of the plan; returns the plan. */
    public Plan apply(VariableInputs inputs)
            throws Exception
    {
        return apply(inputs, PlanOptions.DEFAULT);
    }

    public Plan apply(VariableInputs inputs, PlanOptions options)
            throws Exception
    {
        Plan plan = applicablePlan(inputs, options);
        LoadResult loaded = ConfigLoader.load(directory, inputs, Providers.recordedValues(state));
        Providers providers = Providers.of(loaded.config().orElseThrow(), directory);
        List<ResourceChange> changes = new ArrayList<>(plan.changes().stream().filter(change -> change.action() != Action.NO_OP).toList());
        List<ResourceChange> deletions = changes.stream().filter(change -> change.action() == Action.DELETE)
                .sorted(Comparator.comparing((ResourceChange change) -> -ORDER.get(change.type())).thenComparing(ResourceChange::address))
                .toList();
        List<ResourceChange> others = changes.stream().filter(change -> change.action() != Action.DELETE)
                .sorted(Comparator.comparing((ResourceChange change) -> ORDER.get(change.type())).thenComparing(ResourceChange::address))
                .toList();
        for (ResourceChange change : deletions) {
            record(change, providers.driver(change.provider(), change.type()).apply(new ApplyRequest(change, state.resource(change.address())), new TestContext()));
        }
        for (ResourceChange change : others) {
            record(change, providers.driver(change.provider(), change.type()).apply(new ApplyRequest(change, state.resource(change.address())), new TestContext()));
        }
        return plan;
    }

    private void record(ResourceChange change, ApplyResponse response)
    {
        if (response.newValue().isEmpty()) {
            state = state.withoutResource(change.address());
            return;
        }
        Value value = response.newValue().get();
        state = state.withResource(new ResourceInstance(change.address(), change.provider(), StateValues.attributes(value), StateValues.sensitivePaths(value),
                List.of(), InstanceStatus.READY, false, TIME, TIME));
    }
}
