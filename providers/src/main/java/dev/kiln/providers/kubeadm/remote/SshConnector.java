package dev.kiln.providers.kubeadm.remote;

import dev.kiln.executors.ssh.HostKeyPolicy;
import dev.kiln.executors.ssh.SshAuthentication;
import dev.kiln.executors.ssh.SshHostConfig;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.Secret;
import dev.kiln.providers.kubeadm.spec.SshSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reaches nodes over SSH: one {@link SshHosts} per provider (so one connection per host for
 * the whole run), opened on first use, connects retried three times on network errors, with
 * host logs in the run's folder, {@code .kiln/logs/<run>/<address>.log} (or
 * {@code .kiln/logs/<UTC time>-hosts/} when no run folder is given), closed when the JVM exits.
 */
public final class SshConnector
        implements HostConnector
{
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Network errors while connecting are retried: after 0.5 s, 1 s and 2 s. */
    static final int CONNECT_ATTEMPTS = 4;
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final Path kilnDirectory;
    private final Optional<Path> runLogDirectory;
    private final Duration connectTimeout;
    private SshHosts hosts;

    public SshConnector(Path kilnDirectory, Optional<Path> runLogDirectory, Duration connectTimeout)
    {
        this.kilnDirectory = kilnDirectory;
        this.runLogDirectory = runLogDirectory;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Remote open(NodeSpec node, ActionContext context)
    {
        SshHosts run = hosts();
        return new SshRemote(run, run.session(config(node)).cancelledBy(context), node.shown());
    }

    private synchronized SshHosts hosts()
    {
        if (hosts == null) {
            SshOptions options = SshOptions.defaults()
                    .withConnectTimeout(connectTimeout)
                    .withConnectRetries(CONNECT_ATTEMPTS, Duration.ofMillis(500), Duration.ofSeconds(2))
                    .withLogDirectory(runLogDirectory.orElseGet(() -> kilnDirectory.resolve("logs").resolve(RUN.format(Instant.now()) + "-hosts")));
            SshHosts opened = SshHosts.open(options);
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "kiln-ssh-close"));
            hosts = opened;
        }
        return hosts;
    }

    /** The transport settings of a node's {@code ssh} block. */
    static SshHostConfig config(NodeSpec node)
    {
        SshSpec ssh = node.ssh();
        SshHostConfig config = new SshHostConfig(node.address(), node.address(), ssh.port(), ssh.user(),
                authentications(ssh.privateKey(), ssh.passphrase(), ssh.password(), node.shown()),
                hostKeys(ssh.hostKey(), ssh.trustOnFirstUse(), ssh.recordedHostKey()),
                ssh.sudo(), ssh.sudoPassword().or(ssh::password).map(Secret::reveal), Optional.empty());
        return ssh.bastion().map(bastion -> config.withBastion(new SshHostConfig(bastion.address(), bastion.address(), bastion.port(), bastion.user(),
                authentications(bastion.privateKey(), Optional.empty(), bastion.password(), "the bastion of " + node.shown()),
                bastion.hostKey().<HostKeyPolicy>map(HostKeyPolicy.Pinned::new).orElseGet(HostKeyPolicy.KnownHosts::userDefault),
                false, Optional.empty(), Optional.empty()))).orElse(config);
    }

    private static List<SshAuthentication> authentications(Optional<Secret> key, Optional<Secret> passphrase, Optional<Secret> password, String owner)
    {
        List<SshAuthentication> authentications = new ArrayList<>();
        Optional<String> phrase = passphrase.map(Secret::reveal);
        key.map(Secret::reveal).ifPresent(text -> authentications.add(text.contains("-----BEGIN")
                ? new SshAuthentication.PrivateKey(text, phrase)
                : new SshAuthentication.PrivateKeyFile(home(text.strip()), phrase)));
        password.map(Secret::reveal).ifPresent(text -> authentications.add(new SshAuthentication.Password(text)));
        if (authentications.isEmpty()) {
            Path directory = Path.of(System.getProperty("user.home"), ".ssh");
            DEFAULT_KEYS.stream().map(directory::resolve).filter(Files::isReadable)
                    .forEach(file -> authentications.add(new SshAuthentication.PrivateKeyFile(file, Optional.empty())));
        }
        if (authentications.isEmpty()) {
            throw new IllegalArgumentException(owner + " has no private_key or password, and there is no ~/.ssh/id_ed25519, id_ecdsa or id_rsa to log in with");
        }
        return authentications;
    }

    private static HostKeyPolicy hostKeys(Optional<String> pinned, boolean trustOnFirstUse, Optional<String> recorded)
    {
        if (pinned.isPresent()) {
            return new HostKeyPolicy.Pinned(pinned.get());
        }
        if (trustOnFirstUse) {
            return new HostKeyPolicy.TrustOnFirstUse(recorded);
        }
        return HostKeyPolicy.KnownHosts.userDefault();
    }

    private static Path home(String path)
    {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(path.substring(2)) : Path.of(path);
    }
}
