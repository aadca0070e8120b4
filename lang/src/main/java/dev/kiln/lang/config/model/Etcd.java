package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code etcd {...}}: stacked on the control planes or external, its data directory and extra certificate names. */
public record Etcd(
        Setting<String> type,
        Setting<String> dataDirectory,
        Setting<List<String>> endpoints,
        Setting<List<String>> serverCertSans,
        SourceRange range)
{
    public static final String STACKED = "stacked";
    public static final String EXTERNAL = "external";
    public static final List<String> TYPES = List.of(STACKED, EXTERNAL);

    public Etcd
    {
        requireNonNull(type, "type is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(endpoints, "endpoints is null");
        requireNonNull(serverCertSans, "serverCertSans is null");
        requireNonNull(range, "range is null");
    }

    /** Whether etcd is known to run on the control-plane nodes. */
    public boolean isStacked()
    {
        return type.known().map(STACKED::equals).orElse(false);
    }
}
