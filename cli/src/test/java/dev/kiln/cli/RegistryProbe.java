package dev.kiln.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** Asks a managed registry on a test host whether it answers, from the test JVM. */
final class RegistryProbe
{
    private RegistryProbe() {}

    /** A port free on {@code address} now, for a registry to listen on. */
    static int freePort(String address)
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status of {@code GET url}, or -1 when nothing listens there. */
    static int status(String url)
    {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode();
            }
            finally {
                connection.disconnect();
            }
        }
        catch (IOException e) {
            return -1;
        }
    }
}
