package dev.kiln.lang.config.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Kiln, as the build stamped it; what {@code required_version} is checked against. */
public final class KilnVersion
{
    private static final String CURRENT = read();

    private KilnVersion() {}

    /** E.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}; {@code unknown} when run from classes the build did not stamp. */
    public static String current()
    {
        return CURRENT;
    }

    private static String read()
    {
        Properties properties = new Properties();
        try (InputStream in = KilnVersion.class.getResourceAsStream("kiln-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        String version = properties.getProperty("version", "unknown");
        return version.contains("${") ? "unknown" : version;
    }
}
