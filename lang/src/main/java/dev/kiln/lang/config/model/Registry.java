package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A {@code registry} instance: an existing image registry ({@code endpoint}) or one Kiln runs ({@code managed}). {@code password} is sensitive. */
public record Registry(
        ResourceAddress address,
        Optional<Setting<String>> endpoint,
        Setting<Boolean> insecure,
        Optional<Setting<String>> caCertificate,
        Optional<Setting<String>> username,
        Optional<Setting<String>> password,
        Setting<List<String>> mirrors,
        Optional<Managed> managed,
        SourceRange range)
{
    public Registry
    {
        requireNonNull(address, "address is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(insecure, "insecure is null");
        requireNonNull(caCertificate, "caCertificate is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(mirrors, "mirrors is null");
        requireNonNull(managed, "managed is null");
        requireNonNull(range, "range is null");
    }

    /** A registry Kiln installs on {@code node}. */
    public record Managed(Optional<ResourceReference> node, Setting<Integer> port, Setting<String> storageDirectory, SourceRange range)
    {
        public Managed
        {
            requireNonNull(node, "node is null");
            requireNonNull(port, "port is null");
            requireNonNull(storageDirectory, "storageDirectory is null");
            requireNonNull(range, "range is null");
        }
    }
}
