package dev.kiln.executors.ssh;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import static java.util.Objects.requireNonNull;

/**
 * One host of a run, as seen by the code that works on it. Every call names its {@code step}
 * (a short title such as {@code "install containerd"}): it appears on each log line and in
 * every error. Calls on one session may run concurrently; they share the host's connection.
 * Interrupting the calling thread, or cancelling the {@link ActionContext} given to
 * {@link #cancelledBy}, closes the running command's channel and throws
 * {@link CancellationException}.
 */
public final class SshSession
{
    /** Uploads use this mode unless told otherwise. */
    public static final int DEFAULT_FILE_MODE = 0644;

    private final SshHosts hosts;
    private final HostConnection connection;
    private final CancellationToken cancellation;

    SshSession(SshHosts hosts, HostConnection connection, CancellationToken cancellation)
    {
        this.hosts = hosts;
        this.connection = connection;
        this.cancellation = cancellation;
    }

    /** The host's name in logs and errors. */
    public String host()
    {
        return connection.config().name();
    }

    public SshHostConfig config()
    {
        return connection.config();
    }

    /** The same host and connection; commands close their channel when {@code context} is cancelled. */
    public SshSession cancelledBy(ActionContext context)
    {
        requireNonNull(context, "context is null");
        return new SshSession(hosts, connection, context.cancellation());
    }

    /** Opens (or checks) the connection now; a failure names {@code step}. */
    public void connect(String step)
    {
        requireNonNull(step, "step is null");
        connection.client(step, cancellation);
    }

    /**
     * The key the host presented ({@code "ssh-ed25519 AAAA..."}), once connected. With trust on
     * first use this is the key to record, so the next run pins it.
     */
    public Optional<String> hostKey()
    {
        return connection.presentedHostKey();
    }

    /** Runs {@code command} as the login user; a non-zero exit throws {@link HostCommandException}. */
    public CommandResult run(String step, String command)
    {
        return execute(step, RemoteCommand.of(command));
    }

    /** Runs {@code command} as root: directly for root, else through sudo (when the host uses sudo). */
    public CommandResult runSudo(String step, String command)
    {
        return execute(step, RemoteCommand.of(command).withSudo());
    }

    public CommandResult execute(String step, RemoteCommand command)
    {
        requireNonNull(step, "step is null");
        requireNonNull(command, "command is null");
        hosts.redactor().addAll(command.secrets());
        return new CommandExecution(connection, step, command, timeoutOf(command), cancellation, hosts.redactor()).run();
    }

    /** {@link #upload(String, Path, String, int, TransferProgress)} with mode 0644 and no progress reports. */
    public UploadResult upload(String step, Path localFile, String remotePath)
    {
        return upload(step, localFile, remotePath, DEFAULT_FILE_MODE, TransferProgress.NONE);
    }

    /**
     * Puts {@code localFile} at {@code remotePath} (as root when the host uses sudo): skipped when
     * the remote file's SHA-256 already matches, else written under a temporary name in the same
     * directory and renamed over it, so readers never see half a file. One file goes to one
     * path once per host per run: concurrent and repeated requests for the same content share the
     * first upload (a file whose content changed is uploaded again).
     */
    public UploadResult upload(String step, Path localFile, String remotePath, int mode, TransferProgress progress)
    {
        requireNonNull(step, "step is null");
        requireNonNull(localFile, "localFile is null");
        requireNonNull(remotePath, "remotePath is null");
        requireNonNull(progress, "progress is null");
        Uploader uploader = new Uploader(this, connection, hosts.digests(), step, mode, progress);
        try {
            String sha256 = hosts.digests().sha256(localFile);
            return hosts.uploadOnce(connection, sha256, remotePath, () -> uploader.upload(localFile, remotePath)).join();
        }
        catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    /**
     * Streams {@code content} (read to its end, not closed) to {@code remotePath} (as root when
     * the host uses sudo), written under a temporary name and renamed over it when complete,
     * so readers never see half a file; the result carries the size and SHA-256 computed while
     * streaming. No local copy is made.
     */
    public UploadResult write(String step, InputStream content, String remotePath, int mode)
    {
        requireNonNull(step, "step is null");
        requireNonNull(content, "content is null");
        requireNonNull(remotePath, "remotePath is null");
        return new Uploader(this, connection, hosts.digests(), step, mode, TransferProgress.NONE).stream(content, remotePath);
    }

    /**
     * Streams a remote file (as root when the host uses sudo), such as an etcd snapshot. Close
     * the stream; a missing or unreadable file throws {@link HostCommandException}.
     */
    public InputStream read(String step, String remotePath)
    {
        requireNonNull(step, "step is null");
        requireNonNull(remotePath, "remotePath is null");
        return new RemoteReads(this, connection, step).open(remotePath);
    }

    /** Copies a remote file to {@code localFile}, written under a temporary name and moved into place. */
    public void download(String step, String remotePath, Path localFile)
    {
        requireNonNull(localFile, "localFile is null");
        new RemoteReads(this, connection, requireNonNull(step, "step is null")).download(requireNonNull(remotePath, "remotePath is null"), localFile);
    }

    /** Closes this host's connection; the next call on any of its sessions connects again. */
    public void close()
    {
        connection.disconnect();
    }

    CancellationToken cancellation()
    {
        return cancellation;
    }

    SecretRedactor redactor()
    {
        return hosts.redactor();
    }

    private Duration timeoutOf(RemoteCommand command)
    {
        return command.timeout().orElse(hosts.options().commandTimeout());
    }

    private static RuntimeException rethrown(Throwable cause)
    {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
