package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Setting;

import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/** The control plane's {@code endpoint = "host:port"} as Cluster API's {@code controlPlaneEndpoint {host, port}} (port 6443 when not given). */
final class Endpoint
{
    static final int DEFAULT_PORT = 6443;

    private Endpoint() {}

    static Optional<JsonNode> of(Cluster cluster)
    {
        return cluster.controlPlane().endpoint().map(Endpoint::json);
    }

    private static JsonNode json(Setting<String> endpoint)
    {
        if (endpoint.known().isEmpty()) {
            return MarkedValues.unknown();
        }
        String text = endpoint.known().get();
        String host = text;
        int port = DEFAULT_PORT;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon > 0 && (!bracketed || text.lastIndexOf(']') < colon) && (bracketed || text.indexOf(':') == colon)) {
            host = text.substring(0, colon);
            port = Integer.parseInt(text.substring(colon + 1));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        ObjectNode result = NODES.objectNode();
        result.put("host", host);
        result.put("port", port);
        return result;
    }
}
