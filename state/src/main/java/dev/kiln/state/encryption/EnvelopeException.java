package dev.kiln.state.encryption;

/** An envelope whose header cannot be read; the message says what is wrong with it (never any content). */
class EnvelopeException
        extends Exception
{
    EnvelopeException(String message)
    {
        super(message);
    }

    /** An envelope of a newer format than this Kiln writes. */
    static final class UnsupportedVersion
            extends EnvelopeException
    {
        UnsupportedVersion(int version)
        {
            super("it is in envelope format " + version + ", and this Kiln reads format " + Envelope.VERSION);
        }
    }
}
