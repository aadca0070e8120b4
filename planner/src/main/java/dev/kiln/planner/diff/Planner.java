package dev.kiln.planner.diff;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.Variable;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.graph.GraphInput;
import dev.kiln.planner.graph.GraphResult;
import dev.kiln.planner.graph.InstanceProviders;
import dev.kiln.planner.graph.PlanGraphBuilder;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.PriorState;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Computes a plan: refresh the recorded instances, build the graph, select the targeted
 * instances, ask each resource type how its instances change, replace the children of
 * replaced instances, and plan the outputs.
 */
public final class Planner
{
    private Planner() {}

    public static PlanResult plan(PlanRequest request)
    {
        requireNonNull(request, "request is null");
        List<Diagnostic> diagnostics = new ArrayList<>();
        PlanOptions options = request.options();
        boolean destroy = options.mode() == PlanMode.DESTROY;
        InstanceProviders providers = InstanceProviders.of(request.config(), request.state());
        Refresh.Outcome refreshed = Refresh.run(request.state(), providers, request.types(), request.refresher(), options.refresh(), diagnostics);
        GraphInput input = new GraphInput(request.config(), request.state(), destroy);
        GraphResult graph = PlanGraphBuilder.build(input);
        diagnostics.addAll(graph.diagnostics());
        if (graph.hasErrors()) {
            return new PlanResult(Optional.empty(), Optional.of(graph.graph()), diagnostics);
        }
        Set<ResourceAddress> selected = Targeting.select(graph.graph(), options);
        List<Diagnostic> warnings = Targeting.warnings(graph.graph(), options);
        diagnostics.addAll(warnings);
        Map<ResourceAddress, DecodedInstance> configured = new HashMap<>();
        input.instances().forEach(instance -> configured.put(instance.address(), instance));
        List<ResourceChange> changes = new ArrayList<>();
        for (ResourceAddress address : selected) {
            Optional<ResourceType> type = request.types().find(address.type());
            Optional<DecodedInstance> instance = Optional.ofNullable(configured.get(address));
            if (type.isEmpty()) {
                instance.ifPresent(found -> diagnostics.add(unsupportedType(found, request.types().names())));
                continue;
            }
            Optional<ResourceInstance> recorded = request.state().resource(address);
            InstancePlanner.Subject subject = new InstancePlanner.Subject(address, type.get(), instance, recorded,
                    Optional.ofNullable(refreshed.prior().get(address)), graph.graph().deletes(address), providers.provider(address));
            InstancePlanner.plan(subject, options, diagnostics).ifPresent(changes::add);
        }
        Plan plan = new Plan(
                options.mode(),
                ParentReplacements.cascade(changes, request.types()),
                OutputPlanner.plan(request.config(), request.state(), options.mode()),
                refreshed.drift(),
                options.targets(),
                warnings,
                new PriorState(request.state().lineage(), request.state().serial()),
                request.config().sourceHash(),
                variables(request.config()));
        return new PlanResult(Optional.of(plan), Optional.of(graph.graph()), diagnostics);
    }

    private static Diagnostic unsupportedType(DecodedInstance instance, List<String> known)
    {
        String type = instance.address().type();
        return Diagnostic.error(
                "Unsupported resource type",
                "No provider of this Kiln plans resources of type \"" + type + "\"." + DidYouMean.sentence(type, known),
                instance.block().typeRange());
    }

    private static TreeMap<String, Value> variables(Config config)
    {
        TreeMap<String, Value> values = new TreeMap<>();
        for (Variable variable : config.variables().values()) {
            values.put(variable.name(), variable.sensitive() ? variable.value().withSensitive(true) : variable.value());
        }
        return values;
    }
}
