package dev.kiln.lang.config;

import dev.kiln.lang.config.model.EncryptionSettings;
import dev.kiln.lang.diag.Diagnostic;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@code kiln { encryption }} settings read before the state ({@link EncryptionSettingsLoader}):
 * present when the configuration has the block and no errors, with every diagnostic and the
 * sources read, for excerpts.
 */
public record EncryptionLoad(Optional<EncryptionSettings> settings, List<Diagnostic> diagnostics, Map<String, String> sources)
{
    public EncryptionLoad
    {
        requireNonNull(settings, "settings is null");
        diagnostics = List.copyOf(diagnostics);
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    public boolean hasErrors()
    {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
