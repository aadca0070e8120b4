package dev.kiln.executors.ssh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * One test host: a real OpenSSH server on its own loopback address, in its own mount, UTS and
 * PID namespaces (its own hostname, its own directories over the private paths, and sshd as
 * the namespace's PID 1), under an {@code unshare} that is a child of the test JVM.
 * {@link #kill()} ends it like a crashed machine: when sshd, the namespace's init, dies, the
 * kernel kills every process of the namespace, including daemons a test's scripts left
 * running and commands orphaned by a dropped connection. {@link #restart()} brings it back with
 * the same files, address, port and host key.
 */
public final class TestHost
{
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int index;
    private final String address;
    private final String hostname;
    private final HostLayout layout;
    private final List<String> privatePaths;
    private final Path clusterDirectory;
    private volatile int port;
    private volatile String hostKey;
    private Process sshd;

    TestHost(int index, String address, HostLayout layout, List<String> privatePaths, Path clusterDirectory)
    {
        this.index = index;
        this.address = address;
        this.hostname = "kiln-host-" + index;
        this.layout = layout;
        this.privatePaths = privatePaths;
        this.clusterDirectory = clusterDirectory;
    }

    /** 0 for the first host (127.0.0.2), 1 for the second, ... */
    public int index()
    {
        return index;
    }

    /** A name for logs: {@code host-0}, {@code host-1}, ... */
    public String name()
    {
        return "host-" + index;
    }

    public String address()
    {
        return address;
    }

    public int port()
    {
        return port;
    }

    /** The hostname the host reports ({@code kiln-host-N}); each host has its own. */
    public String hostname()
    {
        return hostname;
    }

    /** The host's public key, {@code "ssh-ed25519 AAAA..."}. */
    public String hostKey()
    {
        return hostKey;
    }

    /**
     * The local directory behind a path the host sees privately ({@code /etc/kubernetes/admin.conf},
     * {@code /usr/local/bin/kubeadm}, {@code /tmp/x}, ...): tests read and write the host's files here.
     */
    public Path path(String remotePath)
    {
        requireNonNull(remotePath, "remotePath is null");
        for (String privatePath : privatePaths) {
            if (remotePath.equals(privatePath) || remotePath.startsWith(privatePath + "/")) {
                return layout.privateDirectory(remotePath);
            }
        }
        throw new IllegalArgumentException(remotePath + " is not private to the test hosts; private paths are " + privatePaths);
    }

    /** Writes an executable script (mode 0755) to the host's /usr/local/bin, which is on every user's PATH. */
    public Path installExecutable(String name, String script)
    {
        requireNonNull(name, "name is null");
        requireNonNull(script, "script is null");
        Path file = path("/usr/local/bin/" + name);
        try {
            Files.writeString(file, script);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot install " + name + " on " + name(), e);
        }
        return file;
    }

    /** sshd's own log (-E). */
    public Path sshdLog()
    {
        return layout.sshdLog();
    }

    public synchronized boolean isRunning()
    {
        return sshd != null && sshd.isAlive();
    }

    /** Kills the host's sshd and every process of the host (open connections, running commands, daemons) at once. */
    public synchronized void kill()
    {
        if (sshd == null) {
            return;
        }
        // sshd first: it is PID 1 of the host's PID namespace, so the kernel kills every other
        // process of the host with it; unshare (our child) then reaps it and exits, so once
        // unshare is gone the listener is gone too and the port is free for a restart.
        List<ProcessHandle> descendants = sshd.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            if (descendants.isEmpty() || !sshd.waitFor(5, TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
                sshd.waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sshd = null;
    }

    /** Kills only the processes serving open connections, leaving the listener up (a dropped connection). */
    public synchronized void killConnections()
    {
        if (sshd != null) {
            List<ProcessHandle> killed = new ArrayList<>();
            sshd.children().flatMap(ProcessHandle::children).forEach(child -> {
                List<ProcessHandle> below = child.descendants().toList();
                child.destroyForcibly();
                below.forEach(ProcessHandle::destroyForcibly);
                killed.add(child);
                killed.addAll(below);
            });
            // Killing is asynchronous: return once they are gone, so the next step sees a dead connection.
            for (ProcessHandle process : killed) {
                try {
                    process.onExit().get(5, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("a connection process of " + name() + " did not end after SIGKILL", e);
                }
            }
        }
    }

    /** Starts the host again after {@link #kill()}, on the same port. */
    public synchronized void restart()
    {
        if (isRunning()) {
            return;
        }
        launch();
        awaitListening();
    }

    synchronized void start(int chosenPort, String publicHostKey)
    {
        this.port = chosenPort;
        this.hostKey = publicHostKey;
        layout.writeSshdConfig(chosenPort);
        launch();
    }

    /** Waits until the host accepts connections; false when its sshd died (the port was taken). */
    boolean awaitListening()
    {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process process;
            synchronized (this) {
                process = sshd;
            }
            if (process == null || !process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 200);
                return true;
            }
            catch (IOException e) {
                sleep(5);
            }
        }
        throw new IllegalStateException(name() + " (" + address + ":" + port + ") did not start listening within " + START_TIMEOUT.toSeconds()
                + " s; see " + layout.sshdLog() + ": " + sshdLogText());
    }

    String sshdLogText()
    {
        try {
            return Files.isRegularFile(layout.sshdLog()) ? Files.readString(layout.sshdLog()) : "(no log)";
        }
        catch (IOException e) {
            return "(unreadable log: " + e.getMessage() + ")";
        }
    }

    Optional<Process> process()
    {
        return Optional.ofNullable(sshd);
    }

    private void launch()
    {
        try {
            sshd = new ProcessBuilder("unshare", "--mount", "--uts", "--pid", "--fork", "--kill-child", "--mount-proc", "--propagation", "private",
                    "sh", "-c", layout.startScript(privatePaths, clusterDirectory, TestHosts.CLUSTER_PATH))
                    .redirectErrorStream(true)
                    .redirectOutput(layout.directory().resolve("start.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name(), e);
        }
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test host", e);
        }
    }
}
