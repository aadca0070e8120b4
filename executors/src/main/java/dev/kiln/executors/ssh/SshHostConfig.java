package dev.kiln.executors.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How to reach one host: {@code name} labels it in logs and errors (a node's address such as
 * {@code node.w[0]}, or the host address), {@code address}/{@code port}/{@code user} are where
 * and as whom to log in, {@code authentications} are tried in order. With {@code sudo}, privileged
 * work ({@link SshSession#runSudo}, uploads, reads) goes through sudo when the user is not root,
 * with {@code sudoPassword} fed on stdin when sudo asks for it. A {@code bastion}
 * is a jump host the connection is tunnelled through (its own sudo settings are unused).
 */
public record SshHostConfig(
        String name,
        String address,
        int port,
        String user,
        List<SshAuthentication> authentications,
        HostKeyPolicy hostKeys,
        boolean sudo,
        Optional<String> sudoPassword,
        Optional<SshHostConfig> bastion)
{
    public static final String ROOT = "root";

    public SshHostConfig
    {
        requireNonNull(name, "name is null");
        requireNonNull(address, "address is null");
        requireNonNull(user, "user is null");
        authentications = List.copyOf(authentications);
        requireNonNull(hostKeys, "hostKeys is null");
        requireNonNull(sudoPassword, "sudoPassword is null");
        requireNonNull(bastion, "bastion is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + name + " is not a TCP port");
        }
        if (authentications.isEmpty()) {
            throw new IllegalArgumentException(name + " has no way to log in: give a private key or a password");
        }
    }

    /** A host reached directly, without sudo password or bastion. */
    public static SshHostConfig of(String name, String address, int port, String user, SshAuthentication authentication, HostKeyPolicy hostKeys)
    {
        return new SshHostConfig(name, address, port, user, List.of(authentication), hostKeys, false, Optional.empty(), Optional.empty());
    }

    /** Privileged work goes through sudo (when the user is not root), with {@code password} when sudo asks. */
    public SshHostConfig withSudo(Optional<String> password)
    {
        return new SshHostConfig(name, address, port, user, authentications, hostKeys, true, password, bastion);
    }

    public SshHostConfig withBastion(SshHostConfig jumpHost)
    {
        return new SshHostConfig(name, address, port, user, authentications, hostKeys, sudo, sudoPassword, Optional.of(jumpHost));
    }

    public SshHostConfig withHostKeys(HostKeyPolicy policy)
    {
        return new SshHostConfig(name, address, port, user, authentications, policy, sudo, sudoPassword, bastion);
    }

    public boolean isRoot()
    {
        return user.equals(ROOT);
    }

    /** Whether privileged work is wrapped in sudo: asked for, and the user is not root. */
    public boolean usesSudo()
    {
        return sudo && !isRoot();
    }

    /** Every secret this config holds (passwords, passphrases, key text), the bastion's included. */
    List<String> secrets()
    {
        List<String> secrets = new ArrayList<>();
        for (SshAuthentication authentication : authentications) {
            switch (authentication) {
                case SshAuthentication.PrivateKey key -> {
                    secrets.add(key.keyText());
                    key.passphrase().ifPresent(secrets::add);
                }
                case SshAuthentication.PrivateKeyFile file -> file.passphrase().ifPresent(secrets::add);
                case SshAuthentication.Password password -> secrets.add(password.password());
            }
        }
        sudoPassword.ifPresent(secrets::add);
        bastion.ifPresent(jumpHost -> secrets.addAll(jumpHost.secrets()));
        return List.copyOf(secrets);
    }

    @Override
    public String toString()
    {
        return "SshHostConfig[" + name + " " + user + "@" + address + ":" + port + bastion.map(jumpHost -> " via " + jumpHost.name()).orElse("") + "]";
    }
}
