package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/** Taints written {@code key=value:Effect} or {@code key:Effect}, as kubeadm's node registration takes them. */
final class Taints
{
    private Taints() {}

    static ArrayNode json(List<String> taints)
    {
        ArrayNode array = NODES.arrayNode();
        taints.forEach(taint -> array.add(json(taint)));
        return array;
    }

    static ObjectNode json(String taint)
    {
        ObjectNode result = NODES.objectNode();
        int colon = taint.lastIndexOf(':');
        String keyValue = colon < 0 ? taint : taint.substring(0, colon);
        int equals = keyValue.indexOf('=');
        result.put("key", equals < 0 ? keyValue : keyValue.substring(0, equals));
        if (equals >= 0) {
            result.put("value", keyValue.substring(equals + 1));
        }
        result.put("effect", colon < 0 ? "NoSchedule" : taint.substring(colon + 1));
        return result;
    }
}
