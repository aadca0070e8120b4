package dev.kiln.executors.ssh;

import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Setting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A node's {@code ssh} block as a {@link SshHostConfig}. A {@code private_key} holding key text
 * ({@code file("...")}) is used as is; one naming a file ({@code "~/.ssh/id_ed25519"}) is read
 * from that file. Without a key or password, the user's default keys ({@code ~/.ssh/id_ed25519},
 * {@code id_ecdsa}, {@code id_rsa}) are tried. The host key is the pinned {@code host_key}, else
 * trust on first use (with the key recorded in state, when there is one), else the user's
 * {@code known_hosts}. sudo uses {@code sudo_password}, else the login password.
 */
public final class NodeSshConfigs
{
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private NodeSshConfigs() {}

    /**
     * The transport config of {@code node}; {@code recordedHostKey} is the key state recorded
     * under trust on first use. Every setting must be known (it is, at apply time).
     */
    public static SshHostConfig fromNode(Node node, Optional<String> recordedHostKey)
    {
        requireNonNull(node, "node is null");
        requireNonNull(recordedHostKey, "recordedHostKey is null");
        String name = node.address().toString();
        Node.Ssh ssh = node.ssh();
        String password = optional(ssh.password(), name, "password");
        SshHostConfig config = new SshHostConfig(
                name,
                known(node.hostAddress(), name, "address"),
                known(ssh.port(), name, "ssh.port"),
                known(ssh.user(), name, "ssh.user"),
                authentications(ssh.privateKey(), ssh.passphrase(), ssh.password(), name),
                hostKeys(ssh.hostKey(), known(ssh.trustOnFirstUse(), name, "ssh.trust_on_first_use"), recordedHostKey, name),
                known(ssh.sudo(), name, "ssh.sudo"),
                Optional.ofNullable(optional(ssh.sudoPassword(), name, "ssh.sudo_password")).or(() -> Optional.ofNullable(password)),
                Optional.empty());
        return ssh.bastion().map(bastion -> config.withBastion(bastion(bastion, name))).orElse(config);
    }

    private static SshHostConfig bastion(Node.Bastion bastion, String node)
    {
        String name = node + " bastion";
        return new SshHostConfig(
                known(bastion.hostAddress(), name, "address"),
                known(bastion.hostAddress(), name, "address"),
                known(bastion.port(), name, "port"),
                known(bastion.user(), name, "user"),
                authentications(bastion.privateKey(), Optional.empty(), bastion.password(), name),
                bastion.hostKey().map(key -> (HostKeyPolicy) new HostKeyPolicy.Pinned(known(key, name, "host_key"))).orElseGet(HostKeyPolicy.KnownHosts::userDefault),
                false,
                Optional.empty(),
                Optional.empty());
    }

    private static List<SshAuthentication> authentications(Optional<Setting<String>> privateKey, Optional<Setting<String>> passphrase, Optional<Setting<String>> password, String name)
    {
        List<SshAuthentication> authentications = new ArrayList<>();
        Optional<String> phrase = Optional.ofNullable(optional(passphrase, name, "passphrase"));
        privateKey.map(key -> known(key, name, "private_key")).ifPresent(key -> authentications.add(key.contains("-----BEGIN")
                ? new SshAuthentication.PrivateKey(key, phrase)
                : new SshAuthentication.PrivateKeyFile(expandHome(key.strip()), phrase)));
        password.map(value -> known(value, name, "password")).ifPresent(value -> authentications.add(new SshAuthentication.Password(value)));
        if (authentications.isEmpty()) {
            Path sshDirectory = Path.of(System.getProperty("user.home"), ".ssh");
            DEFAULT_KEYS.stream()
                    .map(sshDirectory::resolve)
                    .filter(Files::isReadable)
                    .forEach(file -> authentications.add(new SshAuthentication.PrivateKeyFile(file, Optional.empty())));
        }
        if (authentications.isEmpty()) {
            throw new IllegalArgumentException(name + " has no private_key or password, and there is no ~/.ssh/id_ed25519, id_ecdsa or id_rsa to log in with");
        }
        return authentications;
    }

    private static HostKeyPolicy hostKeys(Optional<Setting<String>> hostKey, boolean trustOnFirstUse, Optional<String> recordedHostKey, String name)
    {
        if (hostKey.isPresent()) {
            return new HostKeyPolicy.Pinned(known(hostKey.get(), name, "ssh.host_key"));
        }
        if (trustOnFirstUse) {
            return new HostKeyPolicy.TrustOnFirstUse(recordedHostKey);
        }
        return HostKeyPolicy.KnownHosts.userDefault();
    }

    private static Path expandHome(String path)
    {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(path.substring(2)) : Path.of(path);
    }

    private static String optional(Optional<Setting<String>> setting, String name, String what)
    {
        return setting.map(value -> known(value, name, what)).orElse(null);
    }

    private static <T> T known(Setting<T> setting, String name, String what)
    {
        return setting.known().orElseThrow(() -> new IllegalArgumentException("the " + what + " of " + name + " is not known yet; it must be known to connect"));
    }
}
