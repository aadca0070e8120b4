package dev.kiln.state.blob;

import java.io.FileNotFoundException;

/** A blob that was asked for does not exist in its store. */
public final class NoSuchBlobException
        extends FileNotFoundException
{
    public NoSuchBlobException(String location, String key)
    {
        super("no blob " + key + " in " + location);
    }
}
