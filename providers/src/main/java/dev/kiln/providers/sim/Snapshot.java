package dev.kiln.providers.sim;

import static java.util.Objects.requireNonNull;

/** An etcd snapshot of {@code cluster} taken at Kubernetes {@code version} (before an upgrade), stored at backup point {@code point}. */
public record Snapshot(String cluster, String name, String point, String version)
{
    public Snapshot
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(name, "name is null");
        requireNonNull(point, "point is null");
        requireNonNull(version, "version is null");
    }
}
