package dev.kiln.lang.ast;

import static java.util.Objects.requireNonNull;

/** One parsed source file. {@code source} is kept for diagnostics' excerpts. */
public record ConfigFile(String filename, String source, Body body)
{
    public ConfigFile
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(source, "source is null");
        requireNonNull(body, "body is null");
    }
}
