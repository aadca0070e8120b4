package dev.kiln.executors.kube;

/** A wait whose condition can no longer come true: a machine failed, a cluster reports a failure. */
public class KubeWaitException
        extends RuntimeException
{
    public KubeWaitException(String message)
    {
        super(message);
    }
}
