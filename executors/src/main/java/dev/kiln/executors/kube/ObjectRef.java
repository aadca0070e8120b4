package dev.kiln.executors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One Kubernetes object by apiVersion, kind, namespace and name: what errors, waits and
 * progress lines name. {@code namespace} is empty for cluster-scoped objects.
 */
public record ObjectRef(String apiVersion, String kind, Optional<String> namespace, String name)
        implements Comparable<ObjectRef>
{
    public ObjectRef
    {
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
    }

    public static ObjectRef namespaced(String apiVersion, String kind, String namespace, String name)
    {
        return new ObjectRef(apiVersion, kind, Optional.of(requireNonNull(namespace, "namespace is null")), name);
    }

    public static ObjectRef of(HasMetadata object)
    {
        requireNonNull(object, "object is null");
        return new ObjectRef(object.getApiVersion(), object.getKind(), Optional.ofNullable(object.getMetadata().getNamespace()), object.getMetadata().getName());
    }

    /** The API group: empty for the core group ({@code v1}). */
    public String group()
    {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code KubeadmControlPlane default/prod-control-plane}: how messages name the object. */
    @Override
    public String toString()
    {
        return kind + " " + namespace.map(value -> value + "/").orElse("") + name;
    }

    @Override
    public int compareTo(ObjectRef other)
    {
        return toString().compareTo(other.toString());
    }
}
