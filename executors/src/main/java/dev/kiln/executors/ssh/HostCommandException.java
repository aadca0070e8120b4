package dev.kiln.executors.ssh;

import java.util.List;
import java.util.OptionalInt;

/**
 * A remote command that failed: it exited non-zero, timed out, or its connection was lost
 * (then {@link #exitStatus()} is empty). {@link #tail()} holds its last output lines, masked.
 */
public final class HostCommandException
        extends HostException
{
    private final OptionalInt exitStatus;
    private final List<String> tail;

    HostCommandException(String host, String step, OptionalInt exitStatus, List<String> tail, String message, Throwable cause)
    {
        super(host, step, message, cause);
        this.exitStatus = exitStatus;
        this.tail = List.copyOf(tail);
    }

    public OptionalInt exitStatus()
    {
        return exitStatus;
    }

    public List<String> tail()
    {
        return tail;
    }
}
