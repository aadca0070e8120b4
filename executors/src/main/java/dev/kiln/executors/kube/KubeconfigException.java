package dev.kiln.executors.kube;

/** A kubeconfig that cannot be used: unreadable, not a kubeconfig, or without the context asked for. Says which, never what it holds. */
public class KubeconfigException
        extends RuntimeException
{
    public KubeconfigException(String message)
    {
        super(message);
    }
}
