package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The names of a cluster's objects. The Cluster and its infrastructure cluster take the
 * cluster's name; every other object is {@code <cluster>-<role>}, so a cluster named
 * {@code global} gives {@code global} and {@code global-*} names by construction. Machine
 * and bootstrap templates are immutable in Cluster API: their name ends in a hash of their
 * content, so a changed template is a new object and the control plane or machine
 * deployment is pointed at it.
 */
final class ObjectNames
{
    static final int HASH_LENGTH = 8;
    static final String CONTROL_PLANE = "control-plane";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ObjectNames() {}

    /**
     * The Cluster object's name: the block's name, with the instance key appended for
     * {@code count} and {@code for_each} ({@code cluster.service["a"]} → {@code service-a}),
     * lower case, with characters a DNS label cannot hold replaced by {@code -}.
     */
    static String cluster(ResourceAddress address)
    {
        String suffix = switch (address.key()) {
            case InstanceKey.None ignored -> "";
            case InstanceKey.Index index -> "-" + index.value();
            case InstanceKey.Key key -> "-" + key.value();
        };
        return label(address.name() + suffix);
    }

    /** {@code <cluster>-<role>}. */
    static String role(String cluster, String role)
    {
        return cluster + "-" + label(role);
    }

    /** {@code <base>-<hash>}: the hash covers the template's content, so a changed template gets a new name. */
    static String template(String base, JsonNode content)
    {
        return base + "-" + hash(content);
    }

    /** The first {@value #HASH_LENGTH} hex digits of the SHA-256 of the content's canonical JSON (object keys sorted). */
    static String hash(JsonNode content)
    {
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(sorted(content));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("template content could not be written as JSON", e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static JsonNode sorted(JsonNode node)
    {
        if (node instanceof ObjectNode object) {
            ObjectNode result = MarkedValues.NODES.objectNode();
            new TreeMap<String, JsonNode>(object.properties().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .forEach((name, value) -> result.set(name, sorted(value)));
            return result;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode result = MarkedValues.NODES.arrayNode();
            array.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }

    private static String label(String text)
    {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
        String trimmed = lower.replaceAll("^-|-$", "");
        return trimmed.isEmpty() ? "cluster" : trimmed;
    }
}
