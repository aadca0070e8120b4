package dev.kiln.providers.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's part in a restore, and nothing more: while {@code etcd.yaml} is in the
 * manifests directory an etcd process runs (started with this node's fixed arguments);
 * when the manifest leaves, the process is stopped. Polls every 50 ms, like a kubelet's
 * file source does every few seconds. The process is a child of the test JVM and always
 * stopped on {@link #close()} or JVM exit.
 */
final class KubeletStandIn
        implements AutoCloseable
{
    private final Path manifest;
    private final List<String> command;
    private final Path log;
    private final Thread watcher;
    private final Thread shutdownHook;
    private volatile boolean closed;
    private Process process;

    private KubeletStandIn(Path manifests, List<String> command, Path log)
    {
        this.manifest = manifests.resolve("etcd.yaml");
        this.command = List.copyOf(command);
        this.log = log;
        this.watcher = Thread.ofPlatform().daemon().name("kubelet-" + manifests.getParent().getFileName()).unstarted(this::watch);
        this.shutdownHook = new Thread(this::stopProcess);
    }

    static KubeletStandIn start(Path manifests, List<String> command, Path log)
    {
        KubeletStandIn kubelet = new KubeletStandIn(manifests, command, log);
        Runtime.getRuntime().addShutdownHook(kubelet.shutdownHook);
        kubelet.watcher.start();
        return kubelet;
    }

    private void watch()
    {
        while (!closed) {
            boolean wanted = Files.exists(manifest);
            synchronized (this) {
                if (wanted && (process == null || !process.isAlive())) {
                    startProcess();
                }
                else if (!wanted && process != null) {
                    stopProcess();
                }
            }
            EtcdTestCluster.sleep(50);
        }
    }

    private synchronized void startProcess()
    {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void stopProcess()
    {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether etcd runs now. */
    synchronized boolean running()
    {
        return process != null && process.isAlive();
    }

    @Override
    public void close()
    {
        closed = true;
        try {
            watcher.join(2_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs.
        }
    }
}
