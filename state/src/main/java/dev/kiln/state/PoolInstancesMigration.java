package dev.kiln.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Format 1 → 2: worker pools become resource instances of their own. Format 1 recorded a
 * cluster's pools inside its attributes ({@code "worker_pool": {"a": {...}}}); format 2
 * records each as the {@code worker_pool} instance {@code cluster.prod.pool["a"]}, with the
 * pool's attributes, the Kubernetes version its cluster recorded ({@code kubernetes_version},
 * {@code current_version}) and status, the cluster's provider, times, status and
 * reconciliation flag, its sensitive paths (moved from the cluster's), and a dependency on
 * its cluster and on everything the cluster depended on.
 */
final class PoolInstancesMigration
        implements StateMigration
{
    private static final String POOLS = ChildKind.WORKER_POOL.block();

    @Override
    public int fromVersion()
    {
        return 1;
    }

    @Override
    public ObjectNode migrate(ObjectNode document)
            throws MalformedDocumentException
    {
        JsonNode resources = document.path("resources");
        if (!resources.isArray()) {
            return document;
        }
        List<ObjectNode> pools = new ArrayList<>();
        for (int index = 0; index < resources.size(); index++) {
            JsonNode resource = resources.get(index);
            if (resource.isObject() && ChildKind.WORKER_POOL.parentType().equals(resource.path("type").asText())
                    && resource.path("attributes").path(POOLS).isObject()) {
                pools.addAll(split((ObjectNode) resource, "resources[" + index + "]"));
            }
        }
        pools.forEach(((ArrayNode) resources)::add);
        return document;
    }

    private static List<ObjectNode> split(ObjectNode cluster, String where)
            throws MalformedDocumentException
    {
        ResourceAddress address = ResourceAddressParser.parse(cluster.path("address").asText(), where, new Diagnostics())
                .orElseThrow(() -> new MalformedDocumentException(where + ".address", "\"" + cluster.path("address").asText() + "\" is not a resource address"));
        ObjectNode attributes = (ObjectNode) cluster.get("attributes");
        ObjectNode recorded = (ObjectNode) attributes.remove(POOLS);
        JsonNode sensitive = cluster.path("sensitive_attributes");
        ArrayNode clusterSensitive = cluster.arrayNode();
        List<ObjectNode> pools = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = recorded.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isObject()) {
                throw new MalformedDocumentException(where + ".attributes." + POOLS + "." + entry.getKey(), "expected an object");
            }
            pools.add(pool(cluster, address, entry.getKey(), (ObjectNode) entry.getValue(), attributes, sensitive));
        }
        for (JsonNode path : sensitive) {
            if (!isUnderPools(path)) {
                clusterSensitive.add(path);
            }
        }
        if (cluster.has("sensitive_attributes")) {
            cluster.set("sensitive_attributes", clusterSensitive);
        }
        return pools;
    }

    private static ObjectNode pool(ObjectNode cluster, ResourceAddress clusterAddress, String name, ObjectNode recorded, ObjectNode clusterAttributes, JsonNode sensitive)
    {
        ObjectNode attributes = recorded.deepCopy();
        JsonNode version = clusterAttributes.path("kubernetes_version");
        if (version.isTextual()) {
            attributes.set("kubernetes_version", version);
        }
        JsonNode current = clusterAttributes.path("current_version");
        attributes.set("current_version", current.isTextual() ? current : version.isTextual() ? version : attributes.nullNode());
        JsonNode status = clusterAttributes.path("status");
        attributes.set("status", status.isTextual() ? status : attributes.nullNode());
        ObjectNode pool = cluster.deepCopy();
        pool.put("address", clusterAddress.child(ChildKind.WORKER_POOL, new InstanceKey.Key(name)).toString());
        pool.put("type", ChildKind.WORKER_POOL.type());
        pool.set("attributes", attributes);
        ArrayNode dependencies = pool.putArray("dependencies");
        dependencies.add(clusterAddress.toString());
        cluster.path("dependencies").forEach(dependencies::add);
        ArrayNode poolSensitive = pool.putArray("sensitive_attributes");
        for (JsonNode path : sensitive) {
            if (isUnderPools(path) && path.size() > 2 && name.equals(path.get(1).path("key").asText(null))) {
                ArrayNode rest = poolSensitive.addArray();
                for (int step = 2; step < path.size(); step++) {
                    rest.add(path.get(step));
                }
            }
        }
        return pool;
    }

    private static boolean isUnderPools(JsonNode path)
    {
        return path.isArray() && !path.isEmpty() && POOLS.equals(path.get(0).path("attribute").asText(null));
    }
}
