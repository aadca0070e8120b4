package dev.kiln.executors.apply;

import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.executors.walk.WalkControl;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.FinalPlans;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.planner.diff.RecordedResourceValues;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes whose planned values reference attributes known only after apply are planned again before their drivers run. */
class FinalPlanTest
{
    private static final String CONFIG = """
            provider "sim" {}

            node "a" {
              address = "10.0.0.10"
            }

            node "b" {
              address = "10.0.0.11"
              labels  = { peer = node.a.hostname }
            }

            node "c" {
              address = "10.0.0.12"
              labels  = { peer = node.b.labels["peer"] }
            }

            node "plain" {
              address = "10.0.0.13"
            }
            """;

    @TempDir
    Path directory;

    private final RecordingDriver driver = new RecordingDriver();
    private final Map<ResourceAddress, ResourceChange> received = new ConcurrentHashMap<>();
    private final AtomicInteger finalPlans = new AtomicInteger();

    @Test
    @DisplayName("A chain of references to computed attributes reaches each driver with the values the instances before it got, planning only what waits on them")
    void chainGetsAppliedValues()
            throws IOException
    {
        ApplyResult result = apply(types(UnaryOperator.identity()));
        assertTrue(result.succeeded(), result.diagnostics().toString());
        Value peer = Value.string("known");
        assertEquals(Optional.of(peer), label(received.get(address("node.b"))));
        assertEquals(Optional.of(peer), label(received.get(address("node.c"))));
        assertEquals(2, finalPlans.get(), "only node.b and node.c wait on values known after apply");
    }

    @Test
    @DisplayName("A diff rule that changes a value known at plan time fails that instance with an inconsistent final plan naming the attribute; its dependents never start")
    void inconsistentFinalPlan()
            throws IOException
    {
        ApplyResult result = apply(types(planned -> labelKnown(planned) ? withAttribute(planned, "address", Value.string("10.9.9.9")) : planned));
        assertFalse(result.succeeded());
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        String detail = errors.getFirst().detail();
        assertTrue(detail.startsWith("node.b: Creation failed: Provider produced inconsistent final plan: when planning node.b again"), detail);
        assertTrue(detail.contains("attribute \"address\" was planned as \"10.0.0.11\", but is now \"10.9.9.9\""), detail);
        assertFalse(driver.calls.contains(address("node.b")), "the driver never saw node.b");
        assertInstanceOf(Outcome.Skipped.class, result.outcomes().get(address("node.c")));
        assertTrue(driver.calls.contains(address("node.plain")));
    }

    private ApplyResult apply(ResourceTypes types)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), CONFIG);
        State empty = State.create("0.1.0");
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), new RecordedResourceValues(empty, types));
        PlanResult planned = Planner.plan(new PlanRequest(loaded.config().orElseThrow(), empty, types, PlanOptions.DEFAULT, Refresher.NONE));
        assertFalse(planned.hasErrors(), planned.diagnostics().toString());
        Driver recording = (request, context) -> {
            received.put(request.change().address(), request.change());
            return driver.apply(request, context);
        };
        ApplyJob job = new ApplyJob(planned.plan().orElseThrow(), planned.graph().orElseThrow(), empty, (provider, type) -> Optional.of(recording),
                ActionLog.inMemory("run"), ApplyOptions.defaults(), reloading(types, empty));
        return ApplyRunner.apply(job, WalkHook.none(), new WalkControl());
    }

    /** Loads the configuration again with this run's values over the recorded ones, as the CLI does. */
    private FinalPlanner reloading(ResourceTypes types, State state)
    {
        return new FinalPlanner()
        {
            @Override
            public boolean needsFinalPlan(ResourceChange change)
            {
                return configured(change.address(), Map.of(), types, state).map(FinalPlans::waitsOnUnknowns).orElse(false);
            }

            @Override
            public ResourceChange finalChange(ResourceChange planned, Map<ResourceAddress, Value> applied)
            {
                finalPlans.incrementAndGet();
                DecodedInstance configured = configured(planned.address(), applied, types, state).orElseThrow();
                return FinalPlans.replan(planned, configured, state.resource(planned.address()), types);
            }
        };
    }

    private Optional<DecodedInstance> configured(ResourceAddress address, Map<ResourceAddress, Value> applied, ResourceTypes types, State state)
    {
        RecordedResourceValues recorded = new RecordedResourceValues(state, types);
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), reference -> Optional.ofNullable(applied.get(reference)).or(() -> recorded.instance(reference)));
        return loaded.config().orElseThrow().resources().stream().filter(instance -> instance.address().equals(address)).findFirst();
    }

    /** Kiln's schemas with the standard diff, whose planned node values pass through {@code tamper} first. */
    private static ResourceTypes types(UnaryOperator<Value> tamper)
    {
        return ResourceTypes.of(KilnSchemas.resourceTypes().stream()
                .map(type -> new ResourceType(type, ResourceSchema.of(KilnSchemas.topLevel(type, List.of("x")).orElseThrow()), type.equals("node") ? tampering(tamper) : StandardDiffRule.INSTANCE))
                .toList());
    }

    private static DiffRule tampering(UnaryOperator<Value> tamper)
    {
        return request -> switch (StandardDiffRule.INSTANCE.diff(request)) {
            case DiffResponse.Create create -> new DiffResponse.Create(tamper.apply(create.planned()), create.steps(), create.diagnostics());
            case DiffResponse other -> other;
        };
    }

    private static boolean labelKnown(Value planned)
    {
        return planned.asMapping().map(attributes -> attributes.get("labels")).flatMap(Value::asMapping)
                .map(labels -> !labels.isEmpty() && labels.values().stream().allMatch(Value::isWhollyKnown)).orElse(false);
    }

    private static Value withAttribute(Value object, String name, Value value)
    {
        TreeMap<String, Value> attributes = new TreeMap<>(object.asMapping().orElseThrow());
        attributes.put(name, value);
        return new Value.ObjectValue(attributes, object.sensitive());
    }

    private static Optional<Value> label(ResourceChange change)
    {
        return change.after().flatMap(Value::asMapping).map(attributes -> attributes.get("labels")).flatMap(Value::asMapping).map(labels -> labels.get("peer"));
    }

    private static ResourceAddress address(String text)
    {
        return ResourceAddressParser.parse(text, "test", new Diagnostics()).orElseThrow(() -> new IllegalArgumentException(text));
    }
}
