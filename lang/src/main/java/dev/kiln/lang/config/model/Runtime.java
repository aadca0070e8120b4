package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code runtime {...}}: the container runtime, its version and data directory (defaulted per type). */
public record Runtime(
        Setting<String> type,
        Optional<Setting<String>> version,
        Setting<String> dataDirectory,
        Setting<List<String>> insecureRegistries,
        Setting<List<String>> registryMirrors,
        SourceRange range)
{
    public static final String CONTAINERD = "containerd";
    public static final String DOCKER = "docker";
    public static final List<String> TYPES = List.of(CONTAINERD, DOCKER);

    public Runtime
    {
        requireNonNull(type, "type is null");
        requireNonNull(version, "version is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(insecureRegistries, "insecureRegistries is null");
        requireNonNull(registryMirrors, "registryMirrors is null");
        requireNonNull(range, "range is null");
    }

    static String defaultDataDirectory(String type)
    {
        return type.equals(DOCKER) ? "/var/lib/docker" : "/var/lib/containerd";
    }
}
