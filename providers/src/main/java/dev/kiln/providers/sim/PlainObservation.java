package dev.kiln.providers.sim;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.providers.ResourceSchemas;

import java.util.Optional;
import java.util.stream.Stream;

/** Registries and backup points as the simulator sees them, and the attributes it computes for them. */
final class PlainObservation
{
    static final ResourceSchema REGISTRY_SCHEMA = ResourceSchemas.of("registry");
    static final ResourceSchema BACKUP_POINT_SCHEMA = ResourceSchemas.of("backup_point");
    private static final long DEFAULT_REGISTRY_PORT = 5000;

    private PlainObservation() {}

    static Optional<Value> registry(Datacenter datacenter, ResourceAddress address)
    {
        return datacenter.registry(address.toString()).flatMap(PlainObservation::registry);
    }

    static Optional<Value> registry(SimRegistry registry)
    {
        if (registry.status() == Status.PROVISIONING || registry.attributes().isNull()) {
            return Optional.empty();
        }
        return Optional.of(ValueParts.with(ValueParts.fromJson(registry.attributes(), REGISTRY_SCHEMA), "address", Value.string(registry.address())));
    }

    static Optional<Value> backupPoint(Datacenter datacenter, ResourceAddress address)
    {
        return datacenter.backupPoint(address.toString()).flatMap(PlainObservation::backupPoint);
    }

    static Optional<Value> backupPoint(SimBackupPoint point)
    {
        if (point.status() == Status.PROVISIONING || point.attributes().isNull()) {
            return Optional.empty();
        }
        return Optional.of(ValueParts.with(ValueParts.fromJson(point.attributes(), BACKUP_POINT_SCHEMA), "location", Value.string(point.location())));
    }

    /** The address clients pull from: the endpoint's host and port, or the managed registry's node and port; empty while unknown. */
    static Optional<String> registryAddress(Value registry)
    {
        Optional<String> endpoint = ValueParts.string(registry, "endpoint");
        if (endpoint.isPresent()) {
            String text = endpoint.get().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            int slash = text.indexOf('/');
            return Optional.of(slash < 0 ? text : text.substring(0, slash));
        }
        Optional<Value> managed = ValueParts.attribute(registry, "managed").filter(Value::isKnown).filter(value -> !value.isNull());
        if (managed.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> host = ValueParts.attribute(managed.get(), "node").flatMap(node -> ValueParts.string(node, "address"));
        long port = ValueParts.attribute(managed.get(), "port")
                .filter(value -> value instanceof Value.NumberValue)
                .map(value -> ((Value.NumberValue) value).value().longValue())
                .orElse(DEFAULT_REGISTRY_PORT);
        return host.map(found -> found + ":" + port);
    }

    static String registryDescription(Value planned)
    {
        boolean managed = ValueParts.attribute(planned, "managed").map(value -> !value.isNull()).orElse(false);
        String address = registryAddress(planned).orElse(Steps.UNKNOWN);
        return managed ? "run a registry at " + address : "use the existing registry at " + address;
    }

    /** Where backups land: file:///path, ssh://node-address/path/ (a directory on a node) or s3://bucket/prefix; empty while unknown. */
    static Optional<String> location(Value point)
    {
        Optional<Value> fs = ValueParts.attribute(point, "fs").filter(Value::isKnown).filter(value -> !value.isNull());
        if (fs.isPresent()) {
            Optional<Value> node = ValueParts.attribute(fs.get(), "node").filter(value -> !value.isNull());
            if (node.isPresent()) {
                Optional<String> address = ValueParts.string(node.get(), "address");
                return ValueParts.string(fs.get(), "path").flatMap(path -> address.map(host -> "ssh://" + host + path + (path.endsWith("/") ? "" : "/")));
            }
            return ValueParts.string(fs.get(), "path").map(path -> "file://" + (path.startsWith("/") ? "" : "/") + path);
        }
        Optional<Value> s3 = ValueParts.attribute(point, "s3").filter(Value::isKnown).filter(value -> !value.isNull());
        if (s3.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> bucket = ValueParts.string(s3.get(), "bucket");
        String prefix = ValueParts.string(s3.get(), "prefix").orElse("");
        return bucket.map(name -> "s3://" + name + (prefix.isEmpty() ? "" : "/" + prefix.replaceFirst("^/", "")));
    }

    static String locationDescription(Value planned)
    {
        boolean sensitive = Stream.of("fs", "s3")
                .flatMap(block -> ValueParts.attribute(planned, block).stream())
                .anyMatch(block -> block.sensitive() || Stream.of("path", "bucket", "prefix")
                        .flatMap(name -> ValueParts.attribute(block, name).stream())
                        .anyMatch(Value::containsSensitive));
        return sensitive ? Steps.SENSITIVE : location(planned).orElse(Steps.UNKNOWN);
    }
}
