package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.remote.StepFailedException;

/**
 * One small, re-entrant piece of host work: observe whether its result is already there,
 * act only when it is not, then observe again — the step has succeeded only when its result
 * is visible on the host, whatever the commands' exit codes said.
 */
public interface Step
{
    /** What the step does, in words an operator reads: "turn swap off". */
    String title();

    /** Whether the step's result is already on the host. */
    boolean done(Remote host);

    /** Makes the result; may assume {@link #done} was false. */
    void act(Remote host);

    /** Fails, naming the host and step, when the result is not on the host after {@link #act}. */
    default void verify(Remote host)
    {
        if (!done(host)) {
            throw new StepFailedException(host.host(), title(), "the step's commands finished, but " + missing());
        }
    }

    /** What is missing when {@link #verify} fails: "swap is still on". */
    String missing();
}
