package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code kiln} block: which Kiln may run the configuration, how parallel, where the state lives. */
public record KilnSettings(
        Optional<Setting<String>> requiredVersion,
        Setting<Integer> parallelism,
        StateSettings state,
        Optional<EncryptionSettings> encryption,
        SourceRange range)
{
    public KilnSettings
    {
        requireNonNull(requiredVersion, "requiredVersion is null");
        requireNonNull(parallelism, "parallelism is null");
        requireNonNull(state, "state is null");
        requireNonNull(encryption, "encryption is null");
        requireNonNull(range, "range is null");
    }

    /** The settings when there is no {@code kiln} block: a local state file, default parallelism. */
    public static KilnSettings defaults(SourceRange range)
    {
        return new KilnSettings(
                Optional.empty(),
                Setting.known(KilnBlockSchema.DEFAULT_PARALLELISM, range),
                new StateSettings.LocalState(Setting.known(KilnBlockSchema.DEFAULT_STATE_PATH, range), Setting.known(true, range), range),
                Optional.empty(),
                range);
    }
}
