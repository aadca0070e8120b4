package dev.kiln.lang.config;

import dev.kiln.lang.diag.Diagnostic;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What loading a configuration directory gave: the configuration when it has no errors,
 * every diagnostic (sorted), and the text of every source read (configuration files by
 * name relative to the directory, variable files by the path given), for excerpts.
 */
public record LoadResult(Optional<Config> config, List<Diagnostic> diagnostics, Map<String, String> sources)
{
    public LoadResult
    {
        requireNonNull(config, "config is null");
        diagnostics = List.copyOf(diagnostics);
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    public boolean hasErrors()
    {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
