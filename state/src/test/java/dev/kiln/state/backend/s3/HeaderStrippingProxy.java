package dev.kiln.state.backend.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An HTTP proxy in front of an S3 server that drops the {@code If-None-Match} and
 * {@code If-Match} request headers: it stands for an old server that ignores conditional
 * writes. One request per connection ({@code Connection: close}), bodies with a
 * {@code Content-Length}; the server behind must not check signatures.
 */
public final class HeaderStrippingProxy
        implements AutoCloseable
{
    private static final Set<String> STRIPPED = Set.of("if-none-match", "if-match");

    private final ServerSocket listener;
    private final URI upstream;
    private final Thread acceptor;

    private HeaderStrippingProxy(ServerSocket listener, URI upstream)
    {
        this.listener = listener;
        this.upstream = upstream;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    public static HeaderStrippingProxy start(URI upstream)
    {
        try {
            return new HeaderStrippingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstream);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint()
    {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    @Override
    public void close()
            throws IOException
    {
        listener.close();
        acceptor.interrupt();
    }

    private void accept()
    {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> serve(client));
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client)
    {
        try (client; Socket server = new Socket()) {
            server.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            long length = 0;
            StringBuilder forwarded = new StringBuilder(head.getFirst()).append("\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
                if (STRIPPED.contains(name) || name.equals("connection")) {
                    continue;
                }
                forwarded.append(line).append("\r\n");
            }
            forwarded.append("Connection: close\r\n\r\n");
            OutputStream toServer = server.getOutputStream();
            toServer.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            toServer.write(in.readNBytes((int) length));
            toServer.flush();
            server.getInputStream().transferTo(client.getOutputStream());
        }
        catch (IOException | RuntimeException e) {
            // The client went away; nothing to answer.
        }
    }

    private static List<String> readHead(InputStream in)
            throws IOException
    {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed inside the request head");
            }
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
                previous = -1;
                continue;
            }
            line.write(next);
            previous = next;
        }
    }
}
