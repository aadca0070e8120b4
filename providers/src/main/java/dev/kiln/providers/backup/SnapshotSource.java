package dev.kiln.providers.backup;

import java.io.IOException;
import java.io.InputStream;

/** A snapshot to restore, opened once per member that needs a copy: {@code id} names it in temporary file names. */
public interface SnapshotSource
{
    String id();

    long size();

    InputStream open()
            throws IOException;
}
