package dev.kiln.executors.ssh;

import dev.kiln.executors.walk.CancellationToken;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.PasswordUtils;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Opens one authenticated connection to a host, directly or through its bastion's connection
 * (a direct-tcpip channel), retrying with doubling backoff on network errors only: a refused
 * login or a refused host key fails at once.
 */
final class Connector
{
    private static final Duration CANCELLATION_POLL = Duration.ofMillis(50);

    private final SshHostConfig host;
    private final HostConnection jumpHost;
    private final SshOptions options;
    private final SecretRedactor redactor;

    Connector(SshHostConfig host, HostConnection jumpHost, SshOptions options, SecretRedactor redactor)
    {
        this.host = host;
        this.jumpHost = jumpHost;
        this.options = options;
        this.redactor = redactor;
    }

    record Connected(SSHClient client, String hostKey) {}

    /** Connects, retrying network errors; stops between attempts when {@code cancellation} (may be null) is cancelled. */
    Connected connect(String step, CancellationToken cancellation)
    {
        Duration backoff = options.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            if (cancellation != null && cancellation.isCancelled()) {
                throw new CancellationException("cancelled while connecting to " + host.name() + " in step \"" + step + "\"");
            }
            HostKeyCheck check = new HostKeyCheck(host);
            SSHClient client = new SSHClient(SshClients.CONFIG);
            try {
                open(client, check, step);
                authenticate(client, step);
                return new Connected(client, check.presented().map(HostKeys::openSshForm).orElseThrow());
            }
            catch (IOException e) {
                closeQuietly(client);
                if (check.refusal(step).isPresent()) {
                    throw check.refusal(step).get();
                }
                if (!retryable(e) || attempt >= options.connectAttempts()) {
                    throw unreachable(step, e, attempt);
                }
            }
            catch (RuntimeException e) {
                closeQuietly(client);
                throw e;
            }
            sleep(backoff, step, cancellation);
            backoff = backoff.multipliedBy(2).compareTo(options.maximumBackoff()) > 0 ? options.maximumBackoff() : backoff.multipliedBy(2);
        }
    }

    private void open(SSHClient client, HostKeyCheck check, String step)
            throws IOException
    {
        client.addHostKeyVerifier(check);
        client.setConnectTimeout(Math.toIntExact(options.connectTimeout().toMillis()));
        if (jumpHost == null) {
            client.setSocketFactory(SshClients.NO_DELAY_SOCKETS);
            client.connect(host.address(), host.port());
            return;
        }
        SSHClient jump;
        try {
            jump = jumpHost.client(step, null);
        }
        catch (HostUnreachableException e) {
            throw new HostUnreachableException(host.name(), step, "Cannot connect to " + host.name() + " (" + host.address() + ":" + host.port()
                    + ") in step \"" + step + "\": its bastion " + jumpHost.config().name() + " is unreachable. " + e.getMessage(), e);
        }
        DirectConnection tunnel = jump.newDirectConnection(host.address(), host.port());
        client.connectVia(tunnel);
    }

    private void authenticate(SSHClient client, String step)
            throws IOException
    {
        List<AuthMethod> methods = new ArrayList<>();
        for (SshAuthentication authentication : host.authentications()) {
            methods.add(method(client, authentication, step));
        }
        try {
            client.auth(host.user(), methods);
        }
        catch (UserAuthException e) {
            throw new HostAuthenticationException(host.name(), step, redactor.redact("Authentication failed for " + host.name() + " (" + host.user() + "@"
                    + host.address() + ":" + host.port() + ") in step \"" + step + "\": the host refused " + describe(host.authentications())
                    + ". Check the user, key and password in the node's ssh block."), null);
        }
    }

    private AuthMethod method(SSHClient client, SshAuthentication authentication, String step)
            throws IOException
    {
        return switch (authentication) {
            case SshAuthentication.Password password -> new AuthPassword(oneOff(password.password()));
            case SshAuthentication.PrivateKey key -> new AuthPublickey(loaded(step, () -> key.passphrase().isPresent()
                    ? client.loadKeys(key.keyText(), null, oneOff(key.passphrase().get()))
                    : client.loadKeys(key.keyText(), null, null)));
            case SshAuthentication.PrivateKeyFile file -> new AuthPublickey(loaded(step, () -> file.passphrase().isPresent()
                    ? client.loadKeys(file.file().toString(), oneOff(file.passphrase().get()))
                    : client.loadKeys(file.file().toString())));
        };
    }

    private KeyProvider loaded(String step, KeyLoader loader)
            throws IOException
    {
        KeyProvider provider = loader.load();
        try {
            provider.getPrivate();
        }
        catch (IOException | RuntimeException e) {
            throw new HostAuthenticationException(host.name(), step, redactor.redact("The private key for " + host.name() + " could not be read in step \""
                    + step + "\": " + e.getMessage() + ". Check the key and its passphrase."), null);
        }
        return provider;
    }

    private interface KeyLoader
    {
        KeyProvider load()
                throws IOException;
    }

    private static PasswordFinder oneOff(String secret)
    {
        return PasswordUtils.createOneOff(secret.toCharArray());
    }

    private static String describe(List<SshAuthentication> authentications)
    {
        return authentications.stream()
                .map(authentication -> switch (authentication) {
                    case SshAuthentication.Password ignored -> "the password";
                    case SshAuthentication.PrivateKey ignored -> "the private key";
                    case SshAuthentication.PrivateKeyFile file -> "the private key " + file.file();
                })
                .reduce((first, second) -> first + " and " + second)
                .orElse("every method");
    }

    /** Network trouble that may pass: refused, timed out, reset, no route, or a tunnel the bastion could not open yet. */
    static boolean retryable(IOException e)
    {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof OpenFailException open && open.getReason() == OpenFailException.Reason.CONNECT_FAILED) {
                return true;
            }
            if (cause instanceof TransportException transport && transport.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
                return false;
            }
            if (cause instanceof SocketException) {
                return true;
            }
        }
        return e instanceof TransportException transport && transport.getDisconnectReason() == DisconnectReason.UNKNOWN;
    }

    private HostUnreachableException unreachable(String step, IOException e, int attempts)
    {
        String via = jumpHost == null ? "" : " through the bastion " + jumpHost.config().name();
        return new HostUnreachableException(host.name(), step, redactor.redact("Cannot connect to " + host.name() + " (" + host.address() + ":" + host.port()
                + ")" + via + " in step \"" + step + "\" after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": " + e.getMessage()), e);
    }

    private void sleep(Duration backoff, String step, CancellationToken cancellation)
    {
        try {
            long deadline = System.nanoTime() + backoff.toNanos();
            for (long left = backoff.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                if (cancellation != null && cancellation.isCancelled()) {
                    throw new CancellationException("cancelled while connecting to " + host.name() + " in step \"" + step + "\"");
                }
                Thread.sleep(Duration.ofNanos(Math.min(left, CANCELLATION_POLL.toNanos())));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while connecting to " + host.name() + " in step \"" + step + "\"");
        }
    }

    static void closeQuietly(SSHClient client)
    {
        try {
            client.close();
        }
        catch (IOException | RuntimeException ignored) {
            // closing a connection that failed to open; nothing more to release
        }
    }
}
