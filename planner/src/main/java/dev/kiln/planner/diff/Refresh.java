package dev.kiln.planner.diff;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.graph.InstanceProviders;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The prior values a plan starts from: each recorded instance decoded with its type's schema
 * and, when refresh is on (always for instances that need reconciliation), read again
 * through the refresher, which is told the provider the planner decided the instance uses.
 * What was recorded sensitive stays marked in what the refresher read. Differences refresh
 * found are the drift: objects changed or deleted outside of Kiln.
 */
final class Refresh
{
    record Outcome(Map<ResourceAddress, Value> prior, List<ResourceChange> drift) {}

    private Refresh() {}

    static Outcome run(State state, InstanceProviders providers, ResourceTypes types, Refresher refresher, boolean refresh, List<Diagnostic> diagnostics)
    {
        Map<ResourceAddress, Value> prior = new HashMap<>();
        List<ResourceChange> drift = new ArrayList<>();
        TreeSet<String> unsupported = new TreeSet<>();
        for (ResourceInstance recorded : state.resources().values()) {
            Optional<ResourceType> type = types.find(recorded.type());
            if (type.isEmpty()) {
                unsupported.add(recorded.type());
                continue;
            }
            Value value;
            try {
                value = StateValues.decode(recorded, type.get().schema());
            }
            catch (ValueJson.DecodeException e) {
                diagnostics.add(Diagnostic.errorWithoutSource(
                        "Recorded attributes do not fit the resource type",
                        "The attributes recorded for " + recorded.address() + " do not match the schema of resource type \"" + recorded.type()
                                + "\" (" + e.getMessage() + "). Upgrade Kiln to the version that wrote the state, or remove the instance with kiln state rm."));
                continue;
            }
            if (!refresh && !recorded.needsReconciliation()) {
                prior.put(recorded.address(), value);
                continue;
            }
            String provider = providers.provider(recorded.address());
            RefreshResponse response = refresher.read(new RefreshRequest(recorded.address(), provider, type.get(), value));
            diagnostics.addAll(response.diagnostics());
            Optional<Value> observed = response.observed().map(read -> StateValues.marked(read, recorded.sensitivePaths()));
            observed.ifPresent(read -> prior.put(recorded.address(), read));
            drifted(recorded.address(), provider, value, observed).ifPresent(drift::add);
        }
        for (String type : unsupported) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Unsupported resource type",
                    "The state records instances of resource type \"" + type + "\", which no provider of this Kiln supports. "
                            + "Use the Kiln version that created them, or remove them with kiln state rm."));
        }
        return new Outcome(prior, drift);
    }

    private static Optional<ResourceChange> drifted(ResourceAddress address, String provider, Value before, Optional<Value> observed)
    {
        if (observed.isPresent() && ValueChanges.changedPaths(before, observed.get()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResourceChange(
                address,
                provider,
                observed.isPresent() ? Action.UPDATE : Action.DELETE,
                Optional.empty(),
                Optional.of(before),
                observed,
                List.of(),
                List.of(),
                Optional.empty()));
    }
}
