package dev.kiln.state.encryption;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an envelope holds. It is part of the authenticated header, so a journal record cannot
 * be passed off as a state, nor a state as a plan.
 */
public enum Content
{
    STATE("state", "a state", "Restore the previous version (kiln.state.backup, or one listed by the backend's history)."),
    JOURNAL_RECORD("journal_record", "a journal record", "Move the journal aside to continue without the records of the interrupted run; their resources are then read again by refresh."),
    PLAN("plan", "a saved plan", "Make a new plan with kiln plan -out.");

    private final String label;
    private final String noun;
    private final String recovery;

    Content(String label, String noun, String recovery)
    {
        this.label = label;
        this.noun = noun;
        this.recovery = recovery;
    }

    /** What it is, for messages: "a state". */
    String noun()
    {
        return noun;
    }

    /** What to do when it cannot be read. */
    String recovery()
    {
        return recovery;
    }

    public String label()
    {
        return label;
    }

    static Optional<Content> fromLabel(String label)
    {
        return Arrays.stream(values()).filter(content -> content.label.equals(label)).findFirst();
    }
}
