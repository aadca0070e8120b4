package dev.kiln.bench;

import dev.kiln.executors.ssh.HostKeyPolicy;
import dev.kiln.executors.ssh.SshAuthentication;
import dev.kiln.executors.ssh.SshHostConfig;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.ssh.UploadResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Kiln's side of the SSH benchmarks: one command, or one file upload, on every host at once
 * through a fresh {@link SshHosts} (so every connection is opened, authenticated and host-key
 * checked inside the measured time). Run as a program it reads an inventory file (one host a
 * line: {@code name address port user private-key known-hosts}) and runs one command or one
 * upload, so it can be timed as a whole process, JVM start included, the way Ansible and
 * parallel-ssh are.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.SshFanOut INVENTORY COMMAND
 * java -cp kiln-bench.jar dev.kiln.bench.SshFanOut INVENTORY --upload LOCAL-FILE REMOTE-PATH</pre>
 */
public final class SshFanOut
{
    private SshFanOut() {}

    public static void main(String[] args)
            throws Exception
    {
        boolean upload = args.length == 4 && args[1].equals("--upload");
        if (args.length != 2 && !upload) {
            System.err.println("usage: SshFanOut INVENTORY COMMAND | SshFanOut INVENTORY --upload LOCAL-FILE REMOTE-PATH");
            System.exit(2);
        }
        List<SshHostConfig> hosts = readInventory(Path.of(args[0]));
        Duration elapsed = upload ? upload(hosts, Path.of(args[2]), args[3]) : runCommand(hosts, args[1]);
        System.out.println(hosts.size() + " hosts in " + elapsed.toMillis() + " ms");
    }

    /** Runs {@code command} on every host in parallel; returns the wall time, connects included. */
    static Duration runCommand(List<SshHostConfig> hosts, String command)
            throws Exception
    {
        long started = System.nanoTime();
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults()); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (SshHostConfig host : hosts) {
                runs.add(executor.submit(() -> ssh.session(host).run("benchmark", command)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Uploads {@code file} to {@code remotePath} on every host in parallel; returns the wall time. */
    static Duration upload(List<SshHostConfig> hosts, Path file, String remotePath)
            throws Exception
    {
        long started = System.nanoTime();
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults()); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<UploadResult>> uploads = new ArrayList<>();
            for (SshHostConfig host : hosts) {
                uploads.add(executor.submit(() -> ssh.session(host).upload("benchmark upload", file, remotePath)));
            }
            for (Future<UploadResult> upload : uploads) {
                if (upload.get().skipped()) {
                    throw new IllegalStateException("the benchmark upload was skipped: the remote file was not removed between rounds");
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static void writeInventory(List<SshHostConfig> hosts, Path clientKey, Path knownHosts, Path file)
            throws IOException
    {
        StringBuilder lines = new StringBuilder();
        for (SshHostConfig host : hosts) {
            lines.append(String.join(" ", host.name(), host.address(), Integer.toString(host.port()), host.user(), clientKey.toString(), knownHosts.toString()))
                    .append('\n');
        }
        Files.writeString(file, lines.toString());
    }

    private static List<SshHostConfig> readInventory(Path file)
            throws IOException
    {
        List<SshHostConfig> hosts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 6) {
                hosts.add(SshHostConfig.of(fields[0], fields[1], Integer.parseInt(fields[2]), fields[3],
                        new SshAuthentication.PrivateKeyFile(Path.of(fields[4]), Optional.empty()), new HostKeyPolicy.KnownHosts(Path.of(fields[5]))));
            }
        }
        return hosts;
    }
}
