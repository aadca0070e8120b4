package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.value.Value;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kubernetes node name of each host: written as {@code node_name}, or the one the
 * configuration derives from the node block's name and instance key. A node value inside a
 * cluster carries its address but not its resource address, so names are also kept by host
 * address.
 */
public final class NodeNames
{
    private final Map<String, String> byHost;

    private NodeNames(Map<String, String> byHost)
    {
        this.byHost = Map.copyOf(byHost);
    }

    public static NodeNames of(Iterable<Node> nodes)
    {
        TreeMap<String, String> byHost = new TreeMap<>();
        for (Node node : nodes) {
            node.hostAddress().known().ifPresent(host -> byHost.put(host,
                    node.nodeName().known().orElseGet(() -> derived(node.address()))));
        }
        return new NodeNames(byHost);
    }

    /** The name of the node at {@code address} with resource address {@code resource}. */
    public String name(ResourceAddress resource, Value node)
    {
        return Values.string(node, "node_name")
                .or(() -> Values.string(node, "address").map(byHost::get))
                .orElseGet(() -> derived(resource));
    }

    /** The name of a node value inside a cluster; empty when neither written nor configured (a node no longer in the configuration). */
    public Optional<String> name(Value node)
    {
        return Values.string(node, "node_name")
                .or(() -> Values.string(node, "address").map(byHost::get));
    }

    /**
     * The spec of a node value inside a cluster: its name as above, else its address (the
     * cluster then finds its Node object by InternalIP).
     */
    public Optional<NodeSpec> spec(Value node)
    {
        Optional<String> address = Values.string(node, "address");
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String name = name(node).orElse(address.get());
        return Optional.of(new NodeSpec(address.get(), name, SshSpec.of(node), Values.stringMap(node, "labels"),
                Values.strings(node, "taints"), Values.string(node, "region")));
    }

    /** {@code node.control[0]} → {@code control-0}; {@code node.worker["w1"]} → {@code worker-w1}. */
    public static String derived(ResourceAddress address)
    {
        String suffix = switch (address.key()) {
            case InstanceKey.None ignored -> "";
            case InstanceKey.Index index -> "-" + index.value();
            case InstanceKey.Key key -> "-" + key.value();
        };
        return label(address.name() + suffix);
    }

    static String label(String text)
    {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
        String trimmed = lower.replaceAll("^-|-$", "");
        return trimmed.isEmpty() ? "node" : trimmed;
    }
}
