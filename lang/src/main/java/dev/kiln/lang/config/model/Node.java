package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@code node} instance: a machine reached over SSH. {@code hostAddress} is its
 * {@code address} argument; {@code nodeName} its Kubernetes node name (written, or derived
 * from the block name and instance key).
 */
public record Node(
        ResourceAddress address,
        Setting<String> hostAddress,
        Setting<String> nodeName,
        Optional<Setting<String>> region,
        Setting<List<String>> roles,
        Setting<Map<String, String>> labels,
        Setting<List<String>> taints,
        Ssh ssh,
        SourceRange range)
{
    public Node
    {
        requireNonNull(address, "address is null");
        requireNonNull(hostAddress, "hostAddress is null");
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(region, "region is null");
        requireNonNull(roles, "roles is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(taints, "taints is null");
        requireNonNull(ssh, "ssh is null");
        requireNonNull(range, "range is null");
    }

    /** How to reach a node; {@code privateKey}, {@code passphrase}, {@code password} and {@code sudoPassword} are sensitive. */
    public record Ssh(
            Setting<String> user,
            Setting<Integer> port,
            Optional<Setting<String>> privateKey,
            Optional<Setting<String>> passphrase,
            Optional<Setting<String>> password,
            Setting<Boolean> sudo,
            Optional<Setting<String>> sudoPassword,
            Optional<Setting<String>> hostKey,
            Setting<Boolean> trustOnFirstUse,
            Optional<Bastion> bastion)
    {
        public Ssh
        {
            requireNonNull(user, "user is null");
            requireNonNull(port, "port is null");
            requireNonNull(privateKey, "privateKey is null");
            requireNonNull(passphrase, "passphrase is null");
            requireNonNull(password, "password is null");
            requireNonNull(sudo, "sudo is null");
            requireNonNull(sudoPassword, "sudoPassword is null");
            requireNonNull(hostKey, "hostKey is null");
            requireNonNull(trustOnFirstUse, "trustOnFirstUse is null");
            requireNonNull(bastion, "bastion is null");
        }
    }

    /** A jump host; {@code privateKey} and {@code password} are sensitive. */
    public record Bastion(
            Setting<String> hostAddress,
            Setting<Integer> port,
            Setting<String> user,
            Optional<Setting<String>> privateKey,
            Optional<Setting<String>> password,
            Optional<Setting<String>> hostKey)
    {
        public Bastion
        {
            requireNonNull(hostAddress, "hostAddress is null");
            requireNonNull(port, "port is null");
            requireNonNull(user, "user is null");
            requireNonNull(privateKey, "privateKey is null");
            requireNonNull(password, "password is null");
            requireNonNull(hostKey, "hostKey is null");
        }
    }
}
