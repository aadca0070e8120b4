package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.kiln.lang.config.model.TestBlock.block;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownValuesTest
{
    /** The label each kind-selected block gets, and the arguments that kind takes. */
    private static final Map<String, String> KIND_LABELS = Map.of(
            "state", "s3",
            "storage", "nfs",
            "infrastructure", "vsphere",
            "cni", "calico",
            "worker_pool", "pool",
            "user", "ops",
            "key_provider", "pbkdf2");

    /** The infrastructure is a preset (vsphere), whose machines do not name their template kind. */
    private static final Set<String> MACHINE_ARGUMENTS_OF_PRESETS = ClusterSchema.MACHINE.attributes().keySet().stream()
            .filter(name -> !name.equals("api_version") && !name.equals("kind"))
            .collect(Collectors.toUnmodifiableSet());

    @Test
    @DisplayName("every argument of every block unknown until apply: the model builds and no rule reports anything")
    void everythingUnknown()
    {
        Scenario scenario = Scenario.of(
                        unknownBlock("node", KilnSchemas.topLevel("node", List.of()).orElseThrow(), Set.of(), "n"),
                        unknownBlock("registry", KilnSchemas.topLevel("registry", List.of()).orElseThrow(), Set.of("managed"), "r"),
                        unknownBlock("backup_point", KilnSchemas.topLevel("backup_point", List.of()).orElseThrow(), Set.of("fs"), "b"),
                        unknownBlock("cluster", KilnSchemas.topLevel("cluster", List.of()).orElseThrow(), Set.of(), "c").provider("capi"))
                .kiln(unknownBlock("kiln", KilnSchemas.topLevel("kiln", List.of()).orElseThrow(), Set.of(), null));
        for (String type : KilnSchemas.providerTypes()) {
            scenario.provider(unknownBlock("provider", KilnSchemas.topLevel("provider", List.of(type)).orElseThrow(), Set.of(), type));
        }
        assertEquals(List.of(), scenario.build().diagnostics());
    }

    private static TestBlock unknownBlock(String type, BlockSchema schema, Set<String> skippedBlocks, String label)
    {
        TestBlock block = label == null ? block(type) : block(type, label);
        Set<String> allowed = allowedArguments(type, label);
        for (AttributeSchema attribute : schema.attributes().values()) {
            boolean sizeConflict = attribute.name().equals("replicas");
            if (!attribute.computed() && !sizeConflict && (allowed == null || allowed.contains(attribute.name()))) {
                block.unknown(attribute.name());
            }
        }
        for (Map.Entry<String, NestedBlockSchema> nested : schema.blocks().entrySet()) {
            if (!skippedBlocks.contains(nested.getKey())) {
                block.block(unknownBlock(nested.getKey(), nested.getValue().schema(), Set.of(), KIND_LABELS.get(nested.getKey())));
            }
        }
        return block;
    }

    private static Set<String> allowedArguments(String type, String label)
    {
        return switch (type) {
            case "state" -> KilnSettingsBuilder.STATE_ARGUMENTS.get(label);
            case "storage" -> ClusterPartsBuilder.STORAGE_ARGUMENTS.get(label);
            case "infrastructure" -> InfrastructureSchema.ARGUMENTS.get(label);
            case "machine" -> MACHINE_ARGUMENTS_OF_PRESETS;
            case "encryption", "fallback" -> Set.of("method");
            case "key_provider" -> KilnSettingsBuilder.KEY_PROVIDER_ARGUMENTS.get(label);
            default -> null;
        };
    }
}
