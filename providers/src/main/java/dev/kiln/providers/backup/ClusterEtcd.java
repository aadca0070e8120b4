package dev.kiln.providers.backup;

import java.io.IOException;

/**
 * One cluster's etcd as backups see it, whatever runs it: control-plane nodes over SSH, the
 * simulator. A snapshot and the exported objects are streamed to a reader, never copied
 * whole on the machine running Kiln.
 */
public interface ClusterEtcd
{
    /** The cluster's address, as in state: {@code cluster.prod}. */
    String cluster();

    /** The status of a healthy member; an {@link IOException} naming the members when none is healthy. */
    EtcdStatus status()
            throws IOException;

    /** Takes a hot snapshot on a healthy member and streams it to {@code reader}. */
    <T> T snapshot(StreamReader<T> reader)
            throws IOException;

    /** Streams the cluster's Kubernetes objects (namespaces, workloads, config maps, services …) as YAML documents to {@code reader}. */
    <T> T exportObjects(StreamReader<T> reader)
            throws IOException;

    /**
     * Replaces the keyspace of every member with {@code snapshot}'s (verified by the caller),
     * stopping and restarting what must be stopped, and waits until the cluster is healthy.
     * Each step is reported to {@code progress} as it finishes.
     */
    void restore(SnapshotSource snapshot, RestoreProgress progress)
            throws IOException;
}
