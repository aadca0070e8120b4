package dev.kiln.executors.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.executors.walk.Action;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.plan.ChangeValues;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.AttributePath;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalRecord;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One change as a walker action: journal the intent, call the driver, journal the result (the
 * new attributes, or the error). A change whose planned value waits on values other instances
 * got earlier in this apply is planned again first, and the driver gets that final plan. The
 * driver's progress messages go to the hooks and the last one names the step a failure
 * happened in.
 */
final class ChangeAction
        implements Action<ApplyResponse>
{
    private final ResourceChange change;
    private final Optional<ResourceInstance> prior;
    private final List<ResourceAddress> dependencies;
    private final Driver driver;
    private final ActionLog log;
    private final AppliedChanges applied;

    ChangeAction(ResourceChange change, Optional<ResourceInstance> prior, List<ResourceAddress> dependencies, Driver driver, ActionLog log, AppliedChanges applied)
    {
        this.change = change;
        this.prior = prior;
        this.dependencies = dependencies;
        this.driver = driver;
        this.log = log;
        this.applied = applied;
    }

    @Override
    public ApplyResponse run(ActionContext context)
            throws Exception
    {
        ResourceChange finalChange;
        try {
            finalChange = applied.finalChange(change);
        }
        catch (InconsistentFinalPlanException e) {
            throw new ActionFailedException(change.address(), Optional.empty(), e);
        }
        JournalRecord.Intent intent = log.intent(change.address(), journalAction(), change.provider(), dependencies, planned(finalChange));
        StepTracking tracking = new StepTracking(context);
        ApplyResponse response;
        try {
            response = driver.apply(new ApplyRequest(finalChange, prior), tracking);
        }
        catch (Exception e) {
            if (context.isCancelled()) {
                // Cancelled midway: the intent stays open, so the instance is reconciled by the next plan.
                throw e;
            }
            log.failed(intent, ActionFailedException.message(e), Optional.empty(), List.of());
            throw new ActionFailedException(change.address(), Optional.ofNullable(tracking.lastStep.get()), e);
        }
        if (response.newValue().isPresent() == (journalAction() == JournalAction.DELETE)) {
            String problem = journalAction() == JournalAction.DELETE ? "returned a value after a delete" : "returned no value";
            log.failed(intent, "the driver " + problem, Optional.empty(), List.of());
            throw new ActionFailedException(change.address(), Optional.ofNullable(tracking.lastStep.get()),
                    new IllegalStateException("the driver of " + change.type() + " " + problem));
        }
        Optional<JsonNode> attributes = response.newValue().map(StateValues::attributes);
        List<AttributePath> sensitive = response.newValue().map(StateValues::sensitivePaths).orElse(List.of());
        log.succeeded(intent, attributes, sensitive);
        applied.record(change.address(), response.newValue());
        return response;
    }

    /** A replacement is journaled as a create: its result replaces the recorded instance as a whole. */
    private JournalAction journalAction()
    {
        return switch (change.action()) {
            case CREATE, REPLACE -> JournalAction.CREATE;
            case UPDATE -> JournalAction.UPDATE;
            case DELETE -> JournalAction.DELETE;
            case NO_OP -> throw new IllegalStateException("no action for a no-op change of " + change.address());
        };
    }

    /** The known part of the planned value (after a delete: the value it had), sensitive parts left out. */
    private static JsonNode planned(ResourceChange change)
    {
        Optional<Value> value = change.after().or(change::before);
        return value.map(ChangeValues::knownJson)
                .filter(JsonNode::isObject)
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }

    private static final class StepTracking
            implements ActionContext
    {
        private final ActionContext delegate;
        private final AtomicReference<String> lastStep = new AtomicReference<>();

        private StepTracking(ActionContext delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public CancellationToken cancellation()
        {
            return delegate.cancellation();
        }

        @Override
        public void progress(String message)
        {
            lastStep.set(message);
            delegate.progress(message);
        }
    }
}
