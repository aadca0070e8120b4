package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A {@code backup_point} instance: where etcd backups are stored. Empty {@code store} when the block gave none (an error was reported). */
public record BackupPoint(ResourceAddress address, Optional<Store> store, SourceRange range)
{
    public BackupPoint
    {
        requireNonNull(address, "address is null");
        requireNonNull(store, "store is null");
        requireNonNull(range, "range is null");
    }

    public sealed interface Store
    {
        SourceRange range();
    }

    /** {@code fs { path, node }}: a directory on the machine running Kiln, or on {@code node} over SSH (then {@code path} is absolute). */
    public record FileSystemStore(Setting<String> path, Optional<ResourceReference> node, SourceRange range)
            implements Store
    {
        public FileSystemStore
        {
            requireNonNull(path, "path is null");
            requireNonNull(node, "node is null");
            requireNonNull(range, "range is null");
        }

        /** A directory on the machine running Kiln. */
        public FileSystemStore(Setting<String> path, SourceRange range)
        {
            this(path, Optional.empty(), range);
        }
    }

    /** {@code s3 {...}}: a bucket; {@code accessKey} and {@code secretKey} are sensitive. */
    public record S3Store(
            Setting<String> bucket,
            Optional<Setting<String>> endpoint,
            Setting<String> region,
            Setting<String> prefix,
            Optional<Setting<String>> accessKey,
            Optional<Setting<String>> secretKey,
            Setting<Boolean> pathStyle,
            SourceRange range)
            implements Store
    {
        public S3Store
        {
            requireNonNull(bucket, "bucket is null");
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(region, "region is null");
            requireNonNull(prefix, "prefix is null");
            requireNonNull(accessKey, "accessKey is null");
            requireNonNull(secretKey, "secretKey is null");
            requireNonNull(pathStyle, "pathStyle is null");
            requireNonNull(range, "range is null");
        }
    }
}
