package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.value.Value;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** How to reach a node over SSH, read from its {@code ssh} block; secrets are {@link Secret}s. */
public record SshSpec(
        String user,
        int port,
        Optional<Secret> privateKey,
        Optional<Secret> passphrase,
        Optional<Secret> password,
        boolean sudo,
        Optional<Secret> sudoPassword,
        Optional<String> hostKey,
        boolean trustOnFirstUse,
        Optional<String> recordedHostKey,
        Optional<Bastion> bastion)
{
    public static final String DEFAULT_USER = "root";
    public static final int DEFAULT_PORT = 22;

    public SshSpec
    {
        requireNonNull(user, "user is null");
        requireNonNull(privateKey, "privateKey is null");
        requireNonNull(passphrase, "passphrase is null");
        requireNonNull(password, "password is null");
        requireNonNull(sudoPassword, "sudoPassword is null");
        requireNonNull(hostKey, "hostKey is null");
        requireNonNull(recordedHostKey, "recordedHostKey is null");
        requireNonNull(bastion, "bastion is null");
    }

    /** A jump host. */
    public record Bastion(String address, int port, String user, Optional<Secret> privateKey, Optional<Secret> password, Optional<String> hostKey) {}

    /** The {@code ssh} block of a node value; defaults when it is absent. */
    public static SshSpec of(Value node)
    {
        Optional<Value> block = Values.attribute(node, "ssh");
        if (block.isEmpty()) {
            return new SshSpec(DEFAULT_USER, DEFAULT_PORT, Optional.empty(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Optional.empty(), false, recorded(node), Optional.empty());
        }
        Value ssh = block.get();
        Optional<Bastion> bastion = Values.attribute(ssh, "bastion").map(jump -> new Bastion(
                Values.string(jump, "address").orElseThrow(() -> new IllegalArgumentException("the bastion's address is not known")),
                Values.integer(jump, "port").orElse(DEFAULT_PORT),
                Values.string(jump, "user").orElse(DEFAULT_USER),
                secret(jump, "private_key"),
                secret(jump, "password"),
                Values.string(jump, "host_key")));
        return new SshSpec(
                Values.string(ssh, "user").orElse(DEFAULT_USER),
                Values.integer(ssh, "port").orElse(DEFAULT_PORT),
                secret(ssh, "private_key"),
                secret(ssh, "passphrase"),
                secret(ssh, "password"),
                Values.bool(ssh, "sudo").orElse(false),
                secret(ssh, "sudo_password"),
                Values.string(ssh, "host_key"),
                Values.bool(ssh, "trust_on_first_use").orElse(false),
                recorded(node),
                bastion);
    }

    /** The host key recorded in the node's facts when it was first trusted. */
    private static Optional<String> recorded(Value node)
    {
        return Optional.ofNullable(Values.mapping(node, "facts").get("host_key")).flatMap(Values::text);
    }

    private static Optional<Secret> secret(Value block, String name)
    {
        return Values.string(block, name).map(Secret::of);
    }
}
