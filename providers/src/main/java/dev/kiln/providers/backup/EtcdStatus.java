package dev.kiln.providers.backup;

import static java.util.Objects.requireNonNull;

/** What an etcd member reports: its server version ("3.4.23") and the keyspace revision. */
public record EtcdStatus(String version, long revision)
{
    public EtcdStatus
    {
        requireNonNull(version, "version is null");
    }
}
