package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code install {...}}: online, or offline from a bundle; where images and charts come from. */
public record Install(
        Setting<String> mode,
        Optional<Setting<String>> bundle,
        Optional<Setting<String>> imageRepository,
        Optional<Setting<String>> chartRepository,
        SourceRange range)
{
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final List<String> MODES = List.of(ONLINE, OFFLINE);

    public Install
    {
        requireNonNull(mode, "mode is null");
        requireNonNull(bundle, "bundle is null");
        requireNonNull(imageRepository, "imageRepository is null");
        requireNonNull(chartRepository, "chartRepository is null");
        requireNonNull(range, "range is null");
    }
}
