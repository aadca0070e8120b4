package dev.kiln.executors.kube;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** A wait that ran out of time, with what it waited for and the last state it saw (conditions and reasons). */
public class KubeTimeoutException
        extends KubeWaitException
{
    private final String lastSeen;

    public KubeTimeoutException(String waitingFor, Duration timeout, String lastSeen)
    {
        super("timed out after " + KubeWait.describe(timeout) + " waiting for " + waitingFor + "; last seen: " + lastSeen);
        this.lastSeen = requireNonNull(lastSeen, "lastSeen is null");
    }

    public String lastSeen()
    {
        return lastSeen;
    }
}
