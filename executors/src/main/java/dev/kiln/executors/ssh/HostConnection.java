package dev.kiln.executors.ssh;

import dev.kiln.executors.walk.CancellationToken;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.SFTPClient;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;

/**
 * One host's connection for a run: opened on first use, reopened when it broke, shared by all
 * of the host's commands and transfers. At most {@link SshOptions#channelsPerHost()} channels
 * are open at once (OpenSSH refuses more than 10 sessions on one connection); the SFTP
 * subsystem, once opened, holds one of them until the connection closes.
 */
final class HostConnection
{
    private final SshHostConfig config;
    private final HostConnection jumpHost;
    private final HostLogs.HostLog log;
    private final Connector connector;
    private final Semaphore channels;
    private SSHClient client;
    private SFTPClient sftp;
    private volatile String presentedHostKey;
    private boolean closed;

    HostConnection(SshHostConfig config, HostConnection jumpHost, SshOptions options, HostLogs.HostLog log, SecretRedactor redactor)
    {
        this.config = config;
        this.jumpHost = jumpHost;
        this.log = log;
        this.connector = new Connector(config, jumpHost, options, redactor);
        this.channels = new Semaphore(options.channelsPerHost(), true);
    }

    SshHostConfig config()
    {
        return config;
    }

    HostLogs.HostLog log()
    {
        return log;
    }

    Optional<String> presentedHostKey()
    {
        return Optional.ofNullable(presentedHostKey);
    }

    /** The open, authenticated client; connects (with retries) when there is none or it broke. */
    synchronized SSHClient client(String step, CancellationToken cancellation)
    {
        if (closed) {
            throw new IllegalStateException("the SSH connection to " + config.name() + " is closed");
        }
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        dropClient();
        Connector.Connected connected = connector.connect(step, cancellation);
        client = connected.client();
        presentedHostKey = connected.hostKey();
        log.line(step, "---", "connected to " + config.user() + "@" + config.address() + ":" + config.port()
                + (jumpHost == null ? "" : " through " + jumpHost.config().name()) + ", host key " + HostKeys.fingerprintOf(connected.hostKey()));
        return client;
    }

    /** Whether the current connection is still up (false before the first connect and after it broke). */
    synchronized boolean isUsable()
    {
        return client != null && client.isConnected();
    }

    /**
     * The connection's SFTP client, opened once; holds one channel permit while open. The permit
     * is taken without holding this object's lock: commands hold permits while they (re)connect
     * under that lock, so waiting for one under it could deadlock.
     */
    SFTPClient sftp(String step)
            throws IOException
    {
        synchronized (this) {
            if (sftp != null && client != null && client.isConnected()) {
                return sftp;
            }
        }
        acquireChannel(step);
        synchronized (this) {
            try {
                SSHClient current = client(step, null);
                if (sftp != null) {
                    channels.release();
                    return sftp;
                }
                sftp = current.newSFTPClient();
                return sftp;
            }
            catch (IOException | RuntimeException e) {
                channels.release();
                throw e;
            }
        }
    }

    void acquireChannel(String step)
    {
        try {
            channels.acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while waiting for a channel to " + config.name() + " in step \"" + step + "\"");
        }
    }

    void releaseChannel()
    {
        channels.release();
    }

    /** Drops a connection that broke, so the next use reconnects. */
    synchronized void disconnectIfBroken()
    {
        if (client != null && !client.isConnected()) {
            dropClient();
        }
    }

    /** Closes the connection; the next use reconnects. */
    synchronized void disconnect()
    {
        dropClient();
    }

    synchronized void close()
    {
        closed = true;
        dropClient();
    }

    private void dropClient()
    {
        if (sftp != null) {
            try {
                sftp.close();
            }
            catch (IOException | RuntimeException ignored) {
                // the connection goes next
            }
            sftp = null;
            channels.release();
        }
        if (client != null) {
            Connector.closeQuietly(client);
            client = null;
        }
    }
}
