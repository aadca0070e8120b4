package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * One Kubernetes object Kiln renders for a Cluster API cluster. {@code body} is the whole
 * manifest ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec} or
 * {@code stringData}), in the shape fabric8's {@code GenericKubernetesResource} reads.
 * {@code sensitivePaths} are JSON pointers into {@code body} of values that must never be
 * shown (the body holds the real values, for applying); {@code unknownPaths} point at values
 * only known after apply, rendered as {@value #UNKNOWN_TEXT}: such an object is not ready
 * to apply.
 */
public record RenderedObject(
        ObjectRole role,
        String apiVersion,
        String kind,
        String name,
        String namespace,
        ObjectNode body,
        SortedSet<String> sensitivePaths,
        SortedSet<String> unknownPaths)
{
    public static final String UNKNOWN_TEXT = "(known after apply)";
    public static final String SENSITIVE_TEXT = "(sensitive value)";

    public RenderedObject
    {
        requireNonNull(role, "role is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
        body = body.deepCopy();
        sensitivePaths = Collections.unmodifiableSortedSet(new TreeSet<>(sensitivePaths));
        unknownPaths = Collections.unmodifiableSortedSet(new TreeSet<>(unknownPaths));
    }

    /**
     * An object from a manifest built with {@link MarkedValues}: its identity is read from
     * the manifest (an identity part not known yet, such as a generic infrastructure's
     * {@code api_version}, counts as unknown), and marked values become plain values whose
     * paths are recorded.
     */
    static RenderedObject of(ObjectRole role, ObjectNode manifest)
    {
        ObjectNode body = manifest.deepCopy();
        TreeSet<String> sensitive = new TreeSet<>();
        TreeSet<String> unknown = new TreeSet<>();
        MarkedValues.unmark(body, "", sensitive, unknown);
        for (String identity : List.of("/apiVersion", "/kind", "/metadata/name", "/metadata/namespace")) {
            if (body.at(identity).asText().equals(UNKNOWN_TEXT)) {
                unknown.add(identity);
            }
        }
        JsonNode metadata = body.path("metadata");
        return new RenderedObject(
                role,
                body.path("apiVersion").asText(),
                body.path("kind").asText(),
                metadata.path("name").asText(),
                metadata.path("namespace").asText(),
                body,
                sensitive,
                unknown);
    }

    /** A copy of the manifest; changing it does not change this object. */
    @Override
    public ObjectNode body()
    {
        return body.deepCopy();
    }

    /** The API group: {@code cluster.x-k8s.io}, or {@code ""} for the core group ({@code v1}). */
    public String apiGroup()
    {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Whether every value is known, so the object can be applied. */
    public boolean isComplete()
    {
        return unknownPaths.isEmpty();
    }

    /** Whether some value must not be shown. */
    public boolean hasSensitiveValues()
    {
        return !sensitivePaths.isEmpty();
    }

    /** The manifest as it may be shown: every sensitive value replaced by {@value #SENSITIVE_TEXT}. */
    public ObjectNode redactedBody()
    {
        ObjectNode copy = body.deepCopy();
        for (String path : sensitivePaths) {
            MarkedValues.replace(copy, path, SENSITIVE_TEXT);
        }
        return copy;
    }

    /** {@code KubeadmControlPlane clusters/prod-control-plane}, for messages. */
    public String describe()
    {
        return kind + " " + namespace + "/" + name;
    }

    /** Whether both name the same API object: group, kind, namespace and name. */
    public boolean sameObject(RenderedObject other)
    {
        return apiGroup().equals(other.apiGroup()) && kind.equals(other.kind) && namespace.equals(other.namespace) && name.equals(other.name);
    }
}
