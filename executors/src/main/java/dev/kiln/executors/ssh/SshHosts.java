package dev.kiln.executors.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The SSH connections of one run: one authenticated connection per host (per distinct
 * {@link SshHostConfig}), opened on first use, reused by every command and transfer, and
 * closed by {@link #close()}. Thread-safe; sessions of many hosts are used in parallel.
 */
public final class SshHosts
        implements AutoCloseable
{
    private final SshOptions options;
    private final SecretRedactor redactor = new SecretRedactor();
    private final HostLogs logs;
    private final LocalDigests digests = new LocalDigests();
    private final ConcurrentMap<SshHostConfig, HostConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<UploadKey, CompletableFuture<UploadResult>> uploads = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private SshHosts(SshOptions options)
    {
        this.options = options;
        this.logs = new HostLogs(options.logDirectory(), redactor);
    }

    public static SshHosts open(SshOptions options)
    {
        return new SshHosts(requireNonNull(options, "options is null"));
    }

    /** The host's session; its connection opens on first use (or {@link SshSession#connect(String)}). */
    public SshSession session(SshHostConfig host)
    {
        requireNonNull(host, "host is null");
        if (closed) {
            throw new IllegalStateException("the SSH connections of this run are closed");
        }
        return new SshSession(this, connection(host), null);
    }

    /** Masks {@code secret} (a join token, a generated password) in every later log line and error. */
    public void addSecret(String secret)
    {
        redactor.add(secret);
    }

    /** {@code text} with every secret this run knows masked. */
    public String redact(String text)
    {
        return redactor.redact(text);
    }

    public SshOptions options()
    {
        return options;
    }

    /** Closes every connection and log file. Sessions handed out before fail afterwards. */
    @Override
    public void close()
    {
        closed = true;
        List<HostConnection> open = new ArrayList<>(connections.values());
        connections.clear();
        for (HostConnection connection : open) {
            connection.close();
        }
        logs.close();
    }

    HostConnection connection(SshHostConfig host)
    {
        HostConnection existing = connections.get(host);
        if (existing != null) {
            return existing;
        }
        // the bastion's connection first: computeIfAbsent must not recurse into the same map
        HostConnection jumpHost = host.bastion().map(this::connection).orElse(null);
        return connections.computeIfAbsent(host, config -> {
            redactor.addAll(config.secrets());
            return new HostConnection(config, jumpHost, options, logs.forHost(config.name()), redactor);
        });
    }

    SecretRedactor redactor()
    {
        return redactor;
    }

    LocalDigests digests()
    {
        return digests;
    }

    /**
     * The one upload of these bytes (by SHA-256) to {@code remotePath} on a host this run;
     * concurrent and later requests share it. A file whose content changed is uploaded again.
     */
    CompletableFuture<UploadResult> uploadOnce(HostConnection connection, String sha256, String remotePath, Supplier<UploadResult> upload)
    {
        UploadKey key = new UploadKey(connection.config(), sha256, remotePath);
        CompletableFuture<UploadResult> mine = new CompletableFuture<>();
        CompletableFuture<UploadResult> existing = uploads.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        try {
            mine.complete(upload.get());
        }
        catch (RuntimeException | Error e) {
            uploads.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    private record UploadKey(SshHostConfig host, String sha256, String remotePath) {}
}
