package dev.kiln.executors.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of a test server, for faults HTTP
 * expectations cannot make: {@link #dropConnections()} cuts every open connection (a watch
 * that drops), and {@link #stall(boolean)} accepts connections but forwards nothing (a
 * server that never answers, so requests time out).
 */
public final class FaultProxy
        implements AutoCloseable
{
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    private FaultProxy(ServerSocket listener, int targetPort)
    {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    public static FaultProxy start(int targetPort)
    {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            FaultProxy proxy = new FaultProxy(listener, targetPort);
            Thread.ofVirtual().start(proxy::accept);
            return proxy;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url()
    {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Closes every connection open now; new ones are accepted as before. */
    public void dropConnections()
    {
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    /** While stalled, new connections are accepted and never answered. */
    public void stall(boolean stall)
    {
        stalled = stall;
        if (stall) {
            dropConnections();
        }
    }

    private void accept()
    {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (stalled) {
                    continue;
                }
                Socket server = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            }
            catch (IOException e) {
                // The listener was closed, or the server refused: the client sees its connection end.
            }
        }
    }

    private static void pump(Socket from, Socket to)
    {
        try (InputStream input = from.getInputStream(); OutputStream output = to.getOutputStream()) {
            input.transferTo(output);
        }
        catch (IOException e) {
            // One side went away; close both below.
        }
        closeQuietly(from);
        closeQuietly(to);
    }

    private static void closeQuietly(Socket socket)
    {
        try {
            socket.close();
        }
        catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close()
    {
        try {
            listener.close();
        }
        catch (IOException e) {
            // Already closed.
        }
        dropConnections();
    }
}
