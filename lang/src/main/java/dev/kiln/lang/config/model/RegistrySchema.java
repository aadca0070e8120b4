package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static dev.kiln.lang.config.schema.AttributeSchema.computed;
import static dev.kiln.lang.config.schema.AttributeSchema.optional;
import static dev.kiln.lang.config.schema.AttributeSchema.required;

/** {@code registry "name" { endpoint | managed {...}, insecure, ca_cert, username, password, mirrors }}. */
final class RegistrySchema
{
    static final int DEFAULT_PORT = 5000;
    static final String DEFAULT_STORAGE_DIR = "/var/lib/kiln-registry";

    static final BlockSchema MANAGED = BlockSchema.builder()
            .attribute(required("node", Type.DYNAMIC, "The node that runs the registry, as a reference: node.registry."))
            .attribute(optional("port", Type.NUMBER, Value.number(DEFAULT_PORT), "The port the registry listens on."))
            .attribute(optional("storage_dir", Type.STRING, Value.string(DEFAULT_STORAGE_DIR), "Where the registry keeps its images on the node."))
            .build();

    static final BlockSchema REGISTRY = BlockSchema.builder("name")
            .attribute(optional("endpoint", Type.STRING,
                    "An existing registry's address, \"host[:port]\" or an https:// URL. Give endpoint or a managed block."))
            .attribute(optional("insecure", Type.BOOL, Value.bool(false),
                    "Whether clients accept plain HTTP or an unverified certificate (an insecure registry)."))
            .attribute(optional("ca_cert", Type.STRING, "The PEM certificate of the CA that signed the registry's certificate."))
            .attribute(optional("username", Type.STRING, "The user to authenticate as."))
            .attribute(optional("password", Type.STRING, "The password or token to authenticate with.").asSensitive())
            .attribute(optional("mirrors", AttributeTypes.STRING_LIST,
                    "Upstream registries this one mirrors, such as [\"docker.io\", \"registry.k8s.io\"]: container runtimes pull them through it."))
            .attribute(computed("address", Type.STRING, "The address clients pull from, \"host:port\"."))
            .block("managed", NestedBlockSchema.single(MANAGED, "Kiln installs and runs the registry itself on one of the nodes."))
            .build();

    private RegistrySchema() {}
}
