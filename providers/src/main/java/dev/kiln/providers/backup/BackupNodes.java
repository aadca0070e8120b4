package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.executors.ssh.NodeSshConfigs;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.ssh.SshSession;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.BackupPoint;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.ResourceReference;
import dev.kiln.state.blob.BlobStore;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * How Kiln reaches the backup points that live on a node ({@code fs { node, path }}): over
 * SSH, with the node's {@code ssh} settings from the configuration and the host key state
 * recorded for it under trust on first use (else the one recorded in the point's own node
 * value). The node is the one the configured point names; a point no longer configured is
 * matched to a configured node by its recorded address.
 */
public final class BackupNodes
{
    private static final String STEP = "backup point";

    private final Optional<Config> config;
    private final Function<ResourceAddress, Optional<String>> hostKeys;

    private BackupNodes(Optional<Config> config, Function<ResourceAddress, Optional<String>> hostKeys)
    {
        this.config = config;
        this.hostKeys = hostKeys;
    }

    /** No configuration: a point on a node cannot be reached. */
    public static BackupNodes none()
    {
        return new BackupNodes(Optional.empty(), address -> Optional.empty());
    }

    /** Nodes of {@code config}; {@code hostKeys} gives the host key state recorded for a node, if any. */
    public static BackupNodes of(Config config, Function<ResourceAddress, Optional<String>> hostKeys)
    {
        return new BackupNodes(Optional.of(requireNonNull(config, "config is null")), requireNonNull(hostKeys, "hostKeys is null"));
    }

    /** The store of {@code point}'s directory {@code path} on its node; {@code prepare} creates the directory. Closing it closes the connection. */
    BlobStore open(String point, String path, JsonNode recordedNode, boolean prepare)
            throws IOException
    {
        if (!path.startsWith("/")) {
            throw new IOException(point + ": the directory of a backup point on a node is an absolute path, not " + path);
        }
        Map.Entry<ResourceAddress, Node> node = node(point, recordedNode);
        Optional<String> hostKey = hostKeys.apply(node.getKey()).or(() -> text(recordedNode.path("facts").path("host_key")));
        SshHosts hosts = SshHosts.open(SshOptions.defaults());
        try {
            SshSession session = hosts.session(NodeSshConfigs.fromNode(node.getValue(), hostKey));
            SshBlobStore store = new SshBlobStore(session, path, hosts::close);
            if (prepare) {
                session.execute(STEP, SshBlobStore.command(session, "mkdir -p -- " + ShellWords.quote(path)));
            }
            return store;
        }
        catch (RuntimeException e) {
            hosts.close();
            throw new IOException(point + ": reaching its directory " + path + " on " + node.getKey() + " failed: " + e.getMessage(), e);
        }
    }

    private Map.Entry<ResourceAddress, Node> node(String point, JsonNode recordedNode)
            throws IOException
    {
        if (config.isEmpty()) {
            throw new IOException(point + " lives on a node, and Kiln has no configuration here to reach that node with");
        }
        Map<ResourceAddress, Node> nodes = config.get().model().nodes();
        Optional<ResourceAddress> configured = config.get().model().backupPoints().entrySet().stream()
                .filter(entry -> entry.getKey().toString().equals(point))
                .flatMap(entry -> entry.getValue().store().stream())
                .filter(BackupPoint.FileSystemStore.class::isInstance)
                .flatMap(store -> ((BackupPoint.FileSystemStore) store).node().stream())
                .map(ResourceReference::target)
                .filter(nodes::containsKey)
                .findFirst();
        Optional<String> address = text(recordedNode.path("address"));
        Optional<ResourceAddress> found = configured.or(() -> nodes.entrySet().stream()
                .filter(entry -> address.isPresent() && entry.getValue().hostAddress().known().equals(address))
                .map(Map.Entry::getKey)
                .findFirst());
        ResourceAddress target = found.orElseThrow(() -> new IOException(point + " lives on node " + address.orElse("(unknown)")
                + ", which is not in the configuration; Kiln needs its ssh settings to reach it. Add the node back, or remove the point with kiln state rm " + point + "."));
        return Map.entry(target, nodes.get(target));
    }

    private static Optional<String> text(JsonNode value)
    {
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
