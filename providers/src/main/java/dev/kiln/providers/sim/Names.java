package dev.kiln.providers.sim;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;

import java.util.Locale;

/** Names the simulator derives: a node's host name from its address, as Kiln derives Kubernetes node names. */
final class Names
{
    private Names() {}

    /** {@code node.control[0]} → {@code control-0}; {@code node.worker["w1"]} → {@code worker-w1}; lower case, DNS-label characters. */
    static String hostname(ResourceAddress address)
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
