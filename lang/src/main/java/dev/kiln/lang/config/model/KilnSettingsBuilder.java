package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds {@link KilnSettings} from the {@code kiln} block. */
final class KilnSettingsBuilder
{
    private static final String LOCAL = "local";
    private static final String S3 = "s3";
    static final Map<String, Set<String>> STATE_ARGUMENTS = Map.of(
            LOCAL, Set.of("path", "lock"),
            S3, Set.of("bucket", "key", "region", "endpoint", "path_style", "access_key", "secret_key", "sse", "kms_key_id", "lock"));

    private KilnSettingsBuilder() {}

    static KilnSettings build(DecodedBlock kiln, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(kiln, diagnostics);
        StateSettings state = kiln.block("state")
                .flatMap(block -> state(block, diagnostics))
                .orElseGet(() -> KilnSettings.defaults(kiln.typeRange()).state());
        return new KilnSettings(
                reader.string("required_version"),
                reader.integer("parallelism", KilnBlockSchema.DEFAULT_PARALLELISM),
                state,
                kiln.block("encryption").map(block -> encryption(block, diagnostics)),
                kiln.range());
    }

    private static Optional<StateSettings> state(DecodedBlock block, Diagnostics diagnostics)
    {
        Optional<String> backend = BlockKinds.kind(block, "state backend", List.of(LOCAL, S3), diagnostics);
        if (backend.isEmpty()) {
            return Optional.empty();
        }
        BlockKinds.rejectForeignArguments(block, backend.get(), STATE_ARGUMENTS, diagnostics);
        BlockReader reader = new BlockReader(block, diagnostics);
        Setting<Boolean> lock = reader.bool("lock", true);
        if (backend.get().equals(LOCAL)) {
            return Optional.of(new StateSettings.LocalState(reader.string("path", KilnBlockSchema.DEFAULT_STATE_PATH), lock, block.range()));
        }
        BlockKinds.requireArguments(reader, S3, List.of("bucket", "key"), diagnostics);
        return Optional.of(new StateSettings.S3State(
                reader.string("bucket", ""),
                reader.string("key", ""),
                reader.string("region", KilnBlockSchema.DEFAULT_S3_REGION),
                reader.string("endpoint"),
                reader.bool("path_style", false),
                reader.string("access_key"),
                reader.string("secret_key"),
                reader.string("sse"),
                reader.string("kms_key_id"),
                lock,
                block.range()));
    }

    private static EncryptionSettings encryption(DecodedBlock block, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new EncryptionSettings(
                reader.string("method", KilnBlockSchema.DEFAULT_ENCRYPTION_METHOD),
                reader.string("passphrase"),
                reader.string("key_file"),
                block.range());
    }
}
