package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.state.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The etcd keyspace of a simulated cluster: keys, values and a revision that every change
 * raises, kept in the simulated datacenter's directory ({@code etcd/<cluster>.json}, written
 * atomically). Its JSON document is what a simulated snapshot holds.
 */
public final class SimKeyspace
{
    static final String DIRECTORY = "etcd";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final TreeMap<String, String> keys;
    private long revision;

    private SimKeyspace(Path file, TreeMap<String, String> keys, long revision)
    {
        this.file = file;
        this.keys = keys;
        this.revision = revision;
    }

    /** The keyspace of {@code cluster} in the datacenter at {@code datacenterDirectory}; empty at revision 1 when it has none yet. */
    public static SimKeyspace open(Path datacenterDirectory, String cluster)
            throws IOException
    {
        requireNonNull(datacenterDirectory, "datacenterDirectory is null");
        requireNonNull(cluster, "cluster is null");
        Path file = datacenterDirectory.resolve(DIRECTORY).resolve(cluster.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
        if (!Files.exists(file)) {
            return new SimKeyspace(file, new TreeMap<>(), 1);
        }
        SimKeyspace keyspace = new SimKeyspace(file, new TreeMap<>(), 1);
        keyspace.load(Files.readAllBytes(file));
        return keyspace;
    }

    public synchronized SortedMap<String, String> keys()
    {
        return Collections.unmodifiableSortedMap(new TreeMap<>(keys));
    }

    public synchronized long revision()
    {
        return revision;
    }

    public synchronized void put(String key, String value)
            throws IOException
    {
        keys.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        revision++;
        save();
    }

    public synchronized void delete(String key)
            throws IOException
    {
        if (keys.remove(requireNonNull(key, "key is null")) != null) {
            revision++;
            save();
        }
    }

    /** The keyspace as a snapshot document. */
    synchronized byte[] snapshot()
            throws IOException
    {
        ObjectNode document = MAPPER.createObjectNode().put("revision", revision);
        ObjectNode values = document.putObject("keys");
        keys.forEach(values::put);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    /** Replaces the keys with a snapshot's; the revision moves past both, as etcd's does after a restore. */
    synchronized void restore(byte[] snapshot)
            throws IOException
    {
        long current = revision;
        load(snapshot);
        revision = Math.max(current, revision) + 1;
        save();
    }

    private void load(byte[] content)
            throws IOException
    {
        JsonNode document = MAPPER.readTree(content);
        if (document == null || !document.path("keys").isObject() || !document.path("revision").canConvertToLong()) {
            throw new IOException("not a simulated etcd snapshot: " + file.getFileName());
        }
        keys.clear();
        for (Iterator<Map.Entry<String, JsonNode>> fields = document.path("keys").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            keys.put(field.getKey(), field.getValue().asText());
        }
        revision = document.path("revision").asLong();
    }

    private void save()
            throws IOException
    {
        AtomicFiles.write(file, snapshot());
    }
}
