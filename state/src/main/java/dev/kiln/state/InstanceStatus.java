package dev.kiln.state;

import java.util.Arrays;
import java.util.Optional;

/** Whether a recorded resource instance is usable, or must be replaced on the next apply. */
public enum InstanceStatus
{
    READY("ready"),
    TAINTED("tainted");

    private final String label;

    InstanceStatus(String label)
    {
        this.label = label;
    }

    /** The spelling in the state file. */
    public String label()
    {
        return label;
    }

    public static Optional<InstanceStatus> fromLabel(String label)
    {
        return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst();
    }
}
