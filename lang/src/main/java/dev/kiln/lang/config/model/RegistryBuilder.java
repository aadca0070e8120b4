package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Optional;

/** Builds a {@link Registry} from a decoded {@code registry} instance: an endpoint or a managed block, exactly one. */
final class RegistryBuilder
{
    private RegistryBuilder() {}

    static Registry build(DecodedInstance instance, References references, Diagnostics diagnostics)
    {
        DecodedBlock block = instance.block();
        BlockReader reader = new BlockReader(block, diagnostics);
        Optional<Setting<String>> endpoint = reader.string("endpoint");
        Optional<Registry.Managed> managed = block.block("managed").map(managedBlock -> managed(managedBlock, references, diagnostics));
        if (endpoint.isPresent() && managed.isPresent()) {
            diagnostics.add(Diagnostic.error(
                    "Conflicting registry source",
                    "A registry is either an existing one (endpoint) or one Kiln runs (a managed block), not both. Remove endpoint or the managed block.",
                    endpoint.get().range()));
        }
        if (endpoint.isEmpty() && managed.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing registry source",
                    "A registry needs an endpoint (an existing registry's address) or a managed block (Kiln runs one on a node). Add one of them.",
                    reader.headerRange()));
        }
        return new Registry(
                instance.address(),
                endpoint,
                reader.bool("insecure", false),
                reader.string("ca_cert"),
                reader.string("username"),
                reader.string("password"),
                reader.strings("mirrors"),
                managed,
                block.range());
    }

    private static Registry.Managed managed(DecodedBlock block, References references, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Registry.Managed(
                references.single(block.attribute("node"), KilnSchemas.NODE, "node.registry"),
                reader.integer("port", RegistrySchema.DEFAULT_PORT),
                reader.string("storage_dir", RegistrySchema.DEFAULT_STORAGE_DIR),
                block.range());
    }
}
