package dev.kiln.executors.kube;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a Kubernetes API server is and how to reach it: a kubeconfig (a file, inline text, or
 * the default $KUBECONFIG / ~/.kube/config), the context to use (empty: the kubeconfig's
 * current one), the namespace objects live in, and how long one request may take. A
 * kubeconfig holds credentials: {@link #toString()} never shows inline text.
 */
public record KubeConnection(Kubeconfig kubeconfig, Optional<String> context, String namespace, Duration requestTimeout)
{
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public KubeConnection
    {
        requireNonNull(kubeconfig, "kubeconfig is null");
        requireNonNull(context, "context is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace is empty");
        }
    }

    public KubeConnection(Kubeconfig kubeconfig, Optional<String> context, String namespace)
    {
        this(kubeconfig, context, namespace, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Where the kubeconfig comes from. */
    public sealed interface Kubeconfig
    {
        /** A kubeconfig file on this machine. */
        record File(Path path)
                implements Kubeconfig
        {
            public File
            {
                requireNonNull(path, "path is null");
            }
        }

        /** A kubeconfig's text, such as another cluster's admin kubeconfig. Sensitive. */
        record Inline(String content)
                implements Kubeconfig
        {
            public Inline
            {
                requireNonNull(content, "content is null");
            }

            @Override
            public String toString()
            {
                return "Inline[(sensitive value)]";
            }
        }

        /** $KUBECONFIG, else ~/.kube/config, as kubectl finds it. */
        record Default()
                implements Kubeconfig {}
    }
}
