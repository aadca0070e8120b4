package dev.kiln.state.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Applies journal records to a state. Results in the order they were written: a successful
 * create or update sets the instance, a successful delete removes it, a failure with a partly
 * made object records it (a failed create as tainted). Every intent without a result is then
 * flagged {@code needs_reconciliation} on its instance, created as a placeholder from the
 * planned attributes when the state does not have it, so it is never forgotten.
 */
public final class JournalFold
{
    private JournalFold() {}

    public static FoldResult fold(State state, JournalContents journal)
    {
        requireNonNull(journal, "journal is null");
        FoldResult result = fold(state, journal.records());
        List<Diagnostic> warnings = new ArrayList<>(journal.warnings());
        warnings.addAll(result.warnings());
        return new FoldResult(result.state(), result.reconciling(), warnings);
    }

    public static FoldResult fold(State state, List<JournalRecord> records)
    {
        requireNonNull(state, "state is null");
        requireNonNull(records, "records is null");
        State.Builder builder = state.toBuilder();
        Map<String, JournalRecord.Intent> open = new LinkedHashMap<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (JournalRecord record : records) {
            switch (record) {
                case JournalRecord.Intent intent -> open.put(key(intent), intent);
                case JournalRecord.Result result -> {
                    JournalRecord.Intent intent = open.remove(key(result));
                    if (intent == null) {
                        warnings.add(new Diagnostic(Severity.WARNING, "Journal result without intent",
                                "Run %s recorded a result for action %d without its intent; the result is ignored."
                                        .formatted(result.runId(), result.sequence()), Optional.empty(), Optional.empty()));
                    }
                    else {
                        apply(builder, intent, result);
                    }
                }
            }
        }
        List<ResourceAddress> reconciling = new ArrayList<>();
        for (JournalRecord.Intent intent : open.values()) {
            builder.putResource(builder.resource(intent.address())
                    .map(instance -> instance.withNeedsReconciliation(true))
                    .orElseGet(() -> placeholder(intent)));
            reconciling.add(intent.address());
        }
        return new FoldResult(builder.build(), reconciling, warnings);
    }

    private static void apply(State.Builder builder, JournalRecord.Intent intent, JournalRecord.Result result)
    {
        Optional<ResourceInstance> prior = builder.resource(intent.address());
        if (result.succeeded() && intent.action() == JournalAction.DELETE) {
            builder.removeResource(intent.address());
            return;
        }
        if (result.attributes().isEmpty()) {
            return;
        }
        JsonNode attributes = result.attributes().get();
        boolean taintedByFailure = !result.succeeded() && intent.action() == JournalAction.CREATE;
        ResourceInstance instance = prior
                .filter(existing -> intent.action() != JournalAction.CREATE)
                .map(existing -> existing.withAttributes(attributes, result.sensitivePaths(), result.at()))
                .orElseGet(() -> new ResourceInstance(intent.address(), intent.provider(), attributes, result.sensitivePaths(),
                        intent.dependencies(), InstanceStatus.READY, false, result.at(), result.at()));
        instance = instance.withDependencies(intent.dependencies()).withNeedsReconciliation(false);
        if (taintedByFailure) {
            instance = instance.withStatus(InstanceStatus.TAINTED, result.at());
        }
        builder.putResource(instance);
    }

    private static ResourceInstance placeholder(JournalRecord.Intent intent)
    {
        return new ResourceInstance(intent.address(), intent.provider(), intent.plannedAttributes(), List.of(),
                intent.dependencies(), InstanceStatus.READY, true, intent.at(), intent.at());
    }

    private static String key(JournalRecord record)
    {
        return record.runId() + "#" + record.sequence();
    }
}
