package dev.kiln.state.journal;

import java.util.Arrays;
import java.util.Optional;

/** What an action does to a resource instance; a replacement is a delete and a create. */
public enum JournalAction
{
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String label;

    JournalAction(String label)
    {
        this.label = label;
    }

    public String label()
    {
        return label;
    }

    public static Optional<JournalAction> fromLabel(String label)
    {
        return Arrays.stream(values()).filter(action -> action.label.equals(label)).findFirst();
    }
}
