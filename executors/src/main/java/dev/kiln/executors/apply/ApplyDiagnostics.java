package dev.kiln.executors.apply;

import dev.kiln.executors.walk.Outcome;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.plan.ResourceChange;

import java.util.Optional;

/** The error an unsuccessful change shows: the address, the action, the step it failed in, and why. */
final class ApplyDiagnostics
{
    private ApplyDiagnostics() {}

    static Optional<Diagnostic> of(ResourceChange change, Outcome<ResourceAddress, ApplyResponse> outcome)
    {
        return switch (outcome) {
            case Outcome.Succeeded<ResourceAddress, ApplyResponse> succeeded -> Optional.empty();
            case Outcome.Skipped<ResourceAddress, ApplyResponse> skipped -> Optional.empty();
            case Outcome.NotStarted<ResourceAddress, ApplyResponse> notStarted -> Optional.empty();
            case Outcome.Failed<ResourceAddress, ApplyResponse> failed -> Optional.of(failed(change, failed.exception()));
            case Outcome.Cancelled<ResourceAddress, ApplyResponse> cancelled -> Optional.of(Diagnostic.errorWithoutSource("Action cancelled",
                    "%s: %s was cancelled while it ran. Its resource is marked for reconciliation: the next plan reads it again and finishes the work."
                            .formatted(change.address(), ApplyVerbs.noun(change.action()))));
        };
    }

    private static Diagnostic failed(ResourceChange change, Throwable exception)
    {
        String step = "";
        Throwable cause = exception;
        if (exception instanceof ActionFailedException failure) {
            step = failure.step().map(text -> " during \"" + text + "\"").orElse("");
            cause = failure.getCause();
        }
        return Diagnostic.errorWithoutSource("Failed to apply a change",
                "%s: %s failed%s: %s".formatted(change.address(), ApplyVerbs.noun(change.action()), step, ActionFailedException.message(cause)));
    }
}
