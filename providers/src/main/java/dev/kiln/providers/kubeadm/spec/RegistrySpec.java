package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A registry as nodes use it: the address they pull from ({@code host:port}, or an https URL's
 * host), whether it is plain HTTP or unverified, the upstream registries it mirrors, its CA and
 * credentials; and, for a managed registry, the node that runs it.
 */
public record RegistrySpec(
        String address,
        boolean https,
        boolean insecure,
        List<String> mirrors,
        Optional<String> caCertificate,
        Optional<String> username,
        Optional<Secret> password,
        Optional<Managed> managed)
{
    public static final int DEFAULT_PORT = 5000;
    public static final String DEFAULT_STORAGE_DIRECTORY = "/var/lib/kiln-registry";

    public RegistrySpec
    {
        requireNonNull(address, "address is null");
        mirrors = List.copyOf(mirrors);
        requireNonNull(caCertificate, "caCertificate is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(managed, "managed is null");
    }

    /** Kiln runs the registry on {@code node}, listening on {@code port}, keeping images in {@code storageDirectory}. */
    public record Managed(NodeSpec node, int port, String storageDirectory) {}

    /** The registry value's parts; empty when its address is not known yet. */
    public static Optional<RegistrySpec> of(Value registry, NodeNames names)
    {
        Optional<Managed> managed = Values.attribute(registry, "managed").flatMap(block -> Values.attribute(block, "node")
                .flatMap(names::spec)
                .map(node -> new Managed(node, Values.integer(block, "port").orElse(DEFAULT_PORT),
                        Values.string(block, "storage_dir").orElse(DEFAULT_STORAGE_DIRECTORY))));
        Optional<String> endpoint = Values.string(registry, "endpoint");
        Optional<String> address = endpoint.map(RegistrySpec::hostPort)
                .or(() -> managed.map(found -> found.node().address() + ":" + found.port()))
                .or(() -> Values.string(registry, "address"));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        boolean https = endpoint.map(text -> text.startsWith("https://")).orElse(false);
        return Optional.of(new RegistrySpec(address.get(), https, Values.bool(registry, "insecure").orElse(false),
                Values.strings(registry, "mirrors"), Values.string(registry, "ca_cert"), Values.string(registry, "username"),
                Values.string(registry, "password").map(Secret::of), managed));
    }

    /** The URL clients reach the registry at. */
    public String url()
    {
        return (https || (!insecure && managed.isEmpty()) ? "https://" : "http://") + address;
    }

    private static String hostPort(String endpoint)
    {
        String withoutScheme = endpoint.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = withoutScheme.indexOf('/');
        return slash < 0 ? withoutScheme : withoutScheme.substring(0, slash);
    }
}
