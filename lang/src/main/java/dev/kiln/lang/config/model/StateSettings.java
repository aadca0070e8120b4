package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Where the state is kept: {@code state "local" {...}} or {@code state "s3" {...}}. */
public sealed interface StateSettings
{
    SourceRange range();

    Setting<Boolean> lock();

    record LocalState(Setting<String> path, Setting<Boolean> lock, SourceRange range)
            implements StateSettings
    {
        public LocalState
        {
            requireNonNull(path, "path is null");
            requireNonNull(lock, "lock is null");
            requireNonNull(range, "range is null");
        }
    }

    /**
     * An object in S3 or an S3-compatible store; {@code accessKey} and {@code secretKey} are
     * sensitive; {@code history} is how many past versions are kept beside it.
     */
    record S3State(
            Setting<String> bucket,
            Setting<String> key,
            Setting<String> region,
            Optional<Setting<String>> endpoint,
            Setting<Boolean> pathStyle,
            Optional<Setting<String>> accessKey,
            Optional<Setting<String>> secretKey,
            Optional<Setting<String>> serverSideEncryption,
            Optional<Setting<String>> kmsKeyId,
            Setting<Integer> history,
            Setting<Boolean> lock,
            SourceRange range)
            implements StateSettings
    {
        public S3State
        {
            requireNonNull(bucket, "bucket is null");
            requireNonNull(key, "key is null");
            requireNonNull(region, "region is null");
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(pathStyle, "pathStyle is null");
            requireNonNull(accessKey, "accessKey is null");
            requireNonNull(secretKey, "secretKey is null");
            requireNonNull(serverSideEncryption, "serverSideEncryption is null");
            requireNonNull(kmsKeyId, "kmsKeyId is null");
            requireNonNull(history, "history is null");
            requireNonNull(lock, "lock is null");
            requireNonNull(range, "range is null");
        }
    }
}
