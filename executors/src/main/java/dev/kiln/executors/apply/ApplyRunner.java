package dev.kiln.executors.apply;

import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Action;
import dev.kiln.executors.walk.Bound;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.executors.walk.WalkControl;
import dev.kiln.executors.walk.WalkGraph;
import dev.kiln.executors.walk.WalkResult;
import dev.kiln.executors.walk.Walker;
import dev.kiln.executors.walk.WorkItem;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.journal.FoldResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Carries out a plan. Every change becomes a walker work item that waits for the changes the
 * plan graph orders before it (deletions come out of the graph already reversed) and holds
 * the bounds its driver names; no-op instances are items that do nothing, so order still flows
 * through them. Each action is journaled before and after its driver runs; at the end the
 * recorded results are folded into the prior state, which the caller writes once.
 */
public final class ApplyRunner
{
    private ApplyRunner() {}

    public static ApplyResult apply(ApplyJob job, WalkHook<ResourceAddress> hook, WalkControl control)
            throws IOException
    {
        requireNonNull(job, "job is null");
        requireNonNull(hook, "hook is null");
        requireNonNull(control, "control is null");
        Map<ResourceAddress, ResourceChange> changes = new LinkedHashMap<>();
        job.plan().changes().forEach(change -> changes.put(change.address(), change));
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<ResourceAddress, Driver> drivers = drivers(job, diagnostics);
        if (!diagnostics.isEmpty()) {
            return new ApplyResult(job.log().fold(job.prior()), new LinkedHashMap<>(), diagnostics, new ApplyResult.ApplyCounts(0, 0, 0), Duration.ZERO);
        }
        AppliedChanges applied = new AppliedChanges(job.finalPlanner());
        List<WorkItem<ResourceAddress, ApplyResponse>> items = new ArrayList<>();
        for (ResourceChange change : changes.values()) {
            items.add(item(job, change, changes.keySet(), Optional.ofNullable(drivers.get(change.address())), applied));
        }
        Set<ResourceAddress> changing = drivers.keySet();
        WalkResult<ResourceAddress, ApplyResponse> walked = Walker.walk(WalkGraph.of(items), job.options().walkOptions(), new ChangeHook(hook, changing), control);
        FoldResult folded = job.log().fold(job.prior());
        SequencedMap<ResourceAddress, Outcome<ResourceAddress, ApplyResponse>> outcomes = new LinkedHashMap<>();
        walked.outcomes().forEach((address, outcome) -> {
            if (changing.contains(address)) {
                outcomes.put(address, outcome);
            }
        });
        outcomes.forEach((address, outcome) -> ApplyDiagnostics.of(changes.get(address), outcome).ifPresent(diagnostics::add));
        walked.hookFailure().ifPresent(failure -> diagnostics.add(Diagnostic.errorWithoutSource("Progress display failed",
                "Showing the apply's progress failed (" + ActionFailedException.message(failure) + "); the apply itself went on.")));
        return new ApplyResult(folded, outcomes, diagnostics, counts(changes, outcomes), walked.makespan());
    }

    private static Map<ResourceAddress, Driver> drivers(ApplyJob job, List<Diagnostic> diagnostics)
    {
        Map<ResourceAddress, Driver> drivers = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (ResourceChange change : job.plan().changes()) {
            if (!change.action().isChange()) {
                continue;
            }
            Optional<Driver> driver = job.drivers().driver(change.provider(), change.type());
            if (driver.isPresent()) {
                drivers.put(change.address(), driver.get());
            }
            else if (missing.add(change.provider() + " " + change.type())) {
                diagnostics.add(Diagnostic.errorWithoutSource("Missing driver",
                        "No driver of provider \"%s\" applies resources of type \"%s\" (needed by %s). Configure the provider, or use one that supports the type."
                                .formatted(change.provider(), change.type(), change.address())));
            }
        }
        return drivers;
    }

    private static WorkItem<ResourceAddress, ApplyResponse> item(ApplyJob job, ResourceChange change, Set<ResourceAddress> planned, Optional<Driver> driver, AppliedChanges applied)
    {
        ResourceAddress address = change.address();
        Set<ResourceAddress> dependsOn = new HashSet<>();
        List<ResourceAddress> references = new ArrayList<>();
        if (job.graph().contains(address)) {
            job.graph().predecessors(address).stream().filter(planned::contains).forEach(dependsOn::add);
            references.addAll(job.graph().dependencies(address));
        }
        if (driver.isEmpty()) {
            Action<ApplyResponse> nothing = context -> null;
            return new WorkItem<>(address, dependsOn, Set.of(), nothing);
        }
        Set<Bound> bounds = driver.get().bounds(change);
        ChangeAction action = new ChangeAction(change, job.prior().resource(address), references, driver.get(), job.log(), applied);
        return new WorkItem<>(address, dependsOn, bounds, action);
    }

    private static ApplyResult.ApplyCounts counts(Map<ResourceAddress, ResourceChange> changes, Map<ResourceAddress, Outcome<ResourceAddress, ApplyResponse>> outcomes)
    {
        int added = 0;
        int changed = 0;
        int destroyed = 0;
        for (Map.Entry<ResourceAddress, Outcome<ResourceAddress, ApplyResponse>> entry : outcomes.entrySet()) {
            if (!(entry.getValue() instanceof Outcome.Succeeded<ResourceAddress, ApplyResponse>)) {
                continue;
            }
            switch (changes.get(entry.getKey()).action()) {
                case CREATE -> added++;
                case UPDATE -> changed++;
                case DELETE -> destroyed++;
                case REPLACE -> {
                    added++;
                    destroyed++;
                }
                case NO_OP -> {
                }
            }
        }
        return new ApplyResult.ApplyCounts(added, changed, destroyed);
    }
}
