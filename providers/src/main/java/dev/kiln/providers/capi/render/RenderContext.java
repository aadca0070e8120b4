package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Setting;

import java.util.Map;
import java.util.TreeMap;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;
import static java.util.Objects.requireNonNull;

/**
 * One cluster being rendered: its model, object name, namespace and API version, and the
 * shapes that differ between v1beta1 and v1beta2 (references, extra arguments).
 */
record RenderContext(Cluster cluster, String clusterName, String namespace, CapiApiVersion version, RenderInputs inputs)
{
    static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
    static final String CLUSTER_GROUP = "cluster.x-k8s.io";
    static final String BOOTSTRAP_GROUP = "bootstrap.cluster.x-k8s.io";
    static final String CONTROL_PLANE_GROUP = "controlplane.cluster.x-k8s.io";
    static final String INFRASTRUCTURE_GROUP = "infrastructure.cluster.x-k8s.io";

    RenderContext
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(version, "version is null");
        requireNonNull(inputs, "inputs is null");
    }

    /** {@code group/v1beta1} or {@code group/v1beta2}: the API version of a core Cluster API group. */
    String core(String group)
    {
        return group + "/" + version.label();
    }

    /** {@code <cluster>-<role>}. */
    String name(String role)
    {
        return ObjectNames.role(clusterName, role);
    }

    /** A manifest with its identity and the cluster's labels; the caller adds the rest. */
    ObjectNode manifest(String apiVersion, String kind, String name)
    {
        ObjectNode manifest = NODES.objectNode();
        manifest.put("apiVersion", apiVersion);
        manifest.put("kind", kind);
        ObjectNode metadata = manifest.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.set("labels", labels());
        return manifest;
    }

    /** The cluster-name label and the cluster's own {@code labels}, ordered by key; the unknown mark while they are unknown. */
    JsonNode labels()
    {
        Setting<Map<String, String>> labels = cluster.labels();
        if (labels instanceof Setting.Unknown) {
            return MarkedValues.unknown();
        }
        ObjectNode result = NODES.objectNode();
        TreeMap<String, String> known = new TreeMap<>(labels.known().orElse(Map.of()));
        known.put(CLUSTER_NAME_LABEL, clusterName);
        known.forEach(result::put);
        return result;
    }

    /**
     * A reference to another object of the cluster: {@code apiVersion}, {@code kind},
     * {@code name}, {@code namespace} on v1beta1; {@code apiGroup}, {@code kind}, {@code name}
     * on v1beta2.
     */
    ObjectNode reference(String apiVersion, String kind, String name)
    {
        ObjectNode reference = NODES.objectNode();
        if (version == CapiApiVersion.V1BETA1) {
            reference.put("apiVersion", apiVersion);
            reference.put("kind", kind);
            reference.put("name", name);
            reference.put("namespace", namespace);
        }
        else {
            reference.put("apiGroup", apiVersion.substring(0, apiVersion.indexOf('/')));
            reference.put("kind", kind);
            reference.put("name", name);
        }
        return reference;
    }

    /** Extra command-line arguments: a map on v1beta1, a list of {@code name}/{@code value} on v1beta2. */
    JsonNode extraArguments(Map<String, String> arguments)
    {
        if (version == CapiApiVersion.V1BETA1) {
            ObjectNode map = NODES.objectNode();
            new TreeMap<>(arguments).forEach(map::put);
            return map;
        }
        ArrayNode list = NODES.arrayNode();
        new TreeMap<>(arguments).forEach((name, value) -> list.addObject().put("name", name).put("value", value));
        return list;
    }
}
