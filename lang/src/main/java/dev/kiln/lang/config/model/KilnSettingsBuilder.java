package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostic;
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
            S3, Set.of("bucket", "key", "region", "endpoint", "path_style", "access_key", "secret_key", "sse", "kms_key_id", "history", "lock"));

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
                reader.integer("history", KilnBlockSchema.DEFAULT_S3_HISTORY),
                lock,
                block.range()));
    }

    private static final String PBKDF2 = "pbkdf2";
    private static final String KEY_FILE = "key_file";
    static final Map<String, Set<String>> KEY_PROVIDER_ARGUMENTS = Map.of(
            PBKDF2, Set.of("passphrase"),
            KEY_FILE, Set.of("path"));

    static EncryptionSettings encryption(DecodedBlock block, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        Optional<Setting<String>> passphrase = reader.string("passphrase");
        Optional<Setting<String>> keyFile = reader.string("key_file");
        Optional<DecodedBlock> provider = block.block("key_provider");
        if (provider.isPresent()) {
            if (passphrase.isPresent() || keyFile.isPresent()) {
                diagnostics.add(Diagnostic.error(
                        "Missing or conflicting encryption key",
                        "State encryption needs one key source, and this block has both a key_provider block and the "
                                + (passphrase.isPresent() ? "passphrase" : "key_file") + " shorthand. Keep one of them.",
                        provider.get().typeRange()));
            }
            else {
                Optional<String> kind = BlockKinds.kind(provider.get(), "key provider", List.of(PBKDF2, KEY_FILE), diagnostics);
                // A provider in error was reported already: its key stands as unknown, so the key source is not reported missing too.
                Setting<String> unknown = Setting.unknown(provider.get().typeRange());
                if (kind.isEmpty()) {
                    passphrase = Optional.of(unknown);
                }
                else {
                    BlockKinds.rejectForeignArguments(provider.get(), kind.get(), KEY_PROVIDER_ARGUMENTS, diagnostics);
                    BlockReader providerReader = new BlockReader(provider.get(), diagnostics);
                    String argument = kind.get().equals(PBKDF2) ? "passphrase" : "path";
                    BlockKinds.requireArguments(providerReader, kind.get(), List.of(argument), diagnostics);
                    Optional<Setting<String>> key = Optional.of(providerReader.string(argument).orElse(unknown));
                    if (kind.get().equals(PBKDF2)) {
                        passphrase = key;
                    }
                    else {
                        keyFile = key;
                    }
                }
            }
        }
        return new EncryptionSettings(
                reader.string("method", KilnBlockSchema.DEFAULT_ENCRYPTION_METHOD),
                passphrase,
                keyFile,
                block.block("fallback").map(fallback -> encryption(fallback, diagnostics)),
                block.range());
    }
}
