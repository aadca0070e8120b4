package dev.kiln.providers.backup;

import java.io.IOException;
import java.io.InputStream;

/** Consumes a stream handed to it (the caller closes the stream afterwards) and returns what it made of it. */
@FunctionalInterface
public interface StreamReader<T>
{
    T read(InputStream content)
            throws IOException;
}
