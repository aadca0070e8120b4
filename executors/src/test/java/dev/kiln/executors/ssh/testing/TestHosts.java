package dev.kiln.executors.ssh.testing;

import dev.kiln.executors.ssh.HostKeyPolicy;
import dev.kiln.executors.ssh.SshAuthentication;
import dev.kiln.executors.ssh.SshHostConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * N real OpenSSH servers on 127.0.0.2, 127.0.0.3, … (one port, chosen free, shared by all),
 * children of the test JVM, for tests of everything that works over SSH. Each host has its own
 * host key, hostname and view of the private paths ({@link #DEFAULT_PRIVATE_PATHS}: a mount
 * namespace per host with per-host directories bind-mounted over them), and all hosts share
 * {@link #CLUSTER_PATH}, backed by {@link #clusterDirectory()}. Logins: root by the generated
 * client key; {@link #USER} by key or {@link #PASSWORD}, with sudo; {@link #REFUSED_USER} the
 * same without sudo. {@link #knownHosts()} lists every host's key. Stops on {@link #close()} and
 * at JVM exit.
 *
 * <p>Why mount namespaces and not chroots: each host runs the machine's own sshd, shells, sudo
 * (with PAM), coreutils and python (Ansible needs it in the benchmarks) without a root
 * filesystem copied per host, so 50 hosts start in a few seconds; only the paths Kiln writes are
 * private. Each host's sshd runs as {@code unshare --mount --uts --pid --fork --kill-child
 * --mount-proc sh -c 'hostname …; mount --bind …; exec sshd -D'}: the bind mounts live and die
 * with that namespace and never show in the machine's mount table, and killing the host kills
 * every process it ran (sshd is the PID namespace's init; inside, {@code ps} sees only the
 * host's own processes). Two visible effects on the machine: the mount
 * points of the private paths and {@link #CLUSTER_PATH} are created (empty) when missing, and
 * {@code /run/sshd} exists. Users are added only to each host's own copies of /etc/passwd,
 * shadow and group. Needs root.
 *
 * <pre>{@code
 * try (TestHosts hosts = TestHosts.start(3)) {
 *     hosts.host(0).installExecutable("kubeadm", "#!/bin/sh\necho ok\n");
 *     SshHostConfig root = hosts.rootConfig(0);
 * }
 * }</pre>
 */
public final class TestHosts
        implements AutoCloseable
{
    public static final String USER = TestUsers.USER;
    public static final String REFUSED_USER = TestUsers.REFUSED_USER;
    public static final String PASSWORD = TestUsers.PASSWORD;
    /** Where every host sees the shared per-test cluster directory. */
    public static final String CLUSTER_PATH = "/var/lib/kiln-test-cluster";
    public static final List<String> DEFAULT_PRIVATE_PATHS = List.of(
            "/etc/kubernetes", "/var/lib/kubelet", "/var/lib/etcd", "/etc/containerd", "/var/lib/containerd", "/etc/cni", "/opt/cni",
            "/usr/local/bin", "/etc/systemd/system", "/var/lib/kiln", "/etc/kiln", "/etc/docker", "/etc/sysctl.d", "/etc/modules-load.d",
            "/var/lib/docker-registry", "/var/log/kiln", "/tmp", "/root", "/home");
    private static final int ATTEMPTS = 5;

    private final Path directory;
    private final List<TestHost> hosts;
    private final Path clientKey;
    private final Path knownHosts;
    private final Path clusterDirectory;
    private final int port;
    private final Thread shutdownHook;
    private final boolean keepFiles;

    private TestHosts(Path directory, List<TestHost> hosts, Path clientKey, Path knownHosts, Path clusterDirectory, int port, boolean keepFiles)
    {
        this.directory = directory;
        this.hosts = List.copyOf(hosts);
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
        this.clusterDirectory = clusterDirectory;
        this.port = port;
        this.keepFiles = keepFiles;
        this.shutdownHook = new Thread(this::stopAll, "test-hosts-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** {@code count} hosts with the default private paths. */
    public static TestHosts start(int count)
    {
        return builder().hosts(count).start();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public List<TestHost> hosts()
    {
        return hosts;
    }

    public TestHost host(int index)
    {
        return hosts.get(index);
    }

    public int port()
    {
        return port;
    }

    /** The client's private key (ed25519, no passphrase), authorized for every user on every host. */
    public Path clientKey()
    {
        return clientKey;
    }

    public String clientKeyText()
    {
        try {
            return Files.readString(clientKey);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A known_hosts file listing every host as {@code [127.0.0.N]:PORT ssh-ed25519 ...}. */
    public Path knownHosts()
    {
        return knownHosts;
    }

    /** The local directory every host sees at {@link #CLUSTER_PATH}. */
    public Path clusterDirectory()
    {
        return clusterDirectory;
    }

    /** Where this harness keeps its files (one directory per host, the client key, known_hosts). */
    public Path directory()
    {
        return directory;
    }

    /** root on host {@code index}, by the client key, host keys from {@link #knownHosts()}. */
    public SshHostConfig rootConfig(int index)
    {
        return config(index, "root", new SshAuthentication.PrivateKeyFile(clientKey, Optional.empty()));
    }

    /** {@link #USER} on host {@code index}, by password, with sudo (password {@link #PASSWORD}). */
    public SshHostConfig userConfig(int index)
    {
        return config(index, USER, new SshAuthentication.Password(PASSWORD)).withSudo(Optional.of(PASSWORD));
    }

    /** {@link #REFUSED_USER} on host {@code index}, by password; sudo refuses this user. */
    public SshHostConfig refusedUserConfig(int index)
    {
        return config(index, REFUSED_USER, new SshAuthentication.Password(PASSWORD)).withSudo(Optional.of(PASSWORD));
    }

    private SshHostConfig config(int index, String user, SshAuthentication authentication)
    {
        TestHost host = host(index);
        return SshHostConfig.of(host.name(), host.address(), port, user, authentication, new HostKeyPolicy.KnownHosts(knownHosts));
    }

    /** Stops every host and removes the files (kept with {@code -Dkiln.testhosts.keep=true}). */
    @Override
    public void close()
    {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException ignored) {
            // the JVM is already shutting down and runs the hook itself
        }
        if (!keepFiles) {
            deleteTree(directory);
        }
    }

    private void stopAll()
    {
        hosts.parallelStream().forEach(TestHost::kill);
    }

    private static void deleteTree(Path root)
    {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // leftovers under target/ are removed by the next clean
        }
    }

    public static final class Builder
    {
        private int count = 1;
        private final List<String> privatePaths = new ArrayList<>(DEFAULT_PRIVATE_PATHS);
        private Path baseDirectory = Path.of(System.getProperty("kiln.testhosts.dir", "target/test-hosts"));
        private boolean keepFiles = Boolean.getBoolean("kiln.testhosts.keep");

        private Builder() {}

        public Builder hosts(int hostCount)
        {
            if (hostCount < 1 || hostCount > 250) {
                throw new IllegalArgumentException("between 1 and 250 hosts: " + hostCount);
            }
            this.count = hostCount;
            return this;
        }

        /** Another absolute path each host sees privately (an empty directory at first). */
        public Builder privatePath(String path)
        {
            if (!path.startsWith("/") || path.equals("/")) {
                throw new IllegalArgumentException("a private path is absolute and below /: " + path);
            }
            privatePaths.add(path);
            return this;
        }

        /** Where the harness directories go; default {@code target/test-hosts} (never under a private path such as /tmp). */
        public Builder baseDirectory(Path directory)
        {
            this.baseDirectory = requireNonNull(directory, "directory is null");
            return this;
        }

        public Builder keepFiles(boolean keep)
        {
            this.keepFiles = keep;
            return this;
        }

        public TestHosts start()
        {
            try {
                Path directory = Files.createDirectories(baseDirectory.toAbsolutePath()).resolve("hosts-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                Files.createDirectories(directory);
                return launch(directory);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot create the test hosts' directory under " + baseDirectory, e);
            }
        }

        private TestHosts launch(Path directory)
                throws IOException
        {
            Path clusterDirectory = Files.createDirectories(directory.resolve("cluster"));
            TestUsers users = TestUsers.create();
            List<String> paths = List.copyOf(privatePaths);
            List<TestHost> hosts = new ArrayList<>();
            List<HostLayout> layouts = new ArrayList<>();
            List<String> hostKeys;
            Path clientKey = directory.resolve("client_ed25519");
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<String> clientPublicKey = executor.submit(() -> KeyGenerator.generate(clientKey, "kiln-test-client"));
                List<Future<String>> keys = new ArrayList<>();
                for (int index = 0; index < count; index++) {
                    String address = "127.0.0." + (index + 2);
                    HostLayout layout = new HostLayout(directory.resolve("host-" + index), address, "kiln-host-" + index);
                    layouts.add(layout);
                    Files.createDirectories(layout.directory());
                    hosts.add(new TestHost(index, address, layout, paths, clusterDirectory));
                    keys.add(executor.submit(() -> KeyGenerator.generate(layout.hostKey(), "kiln-test-host")));
                }
                String publicClientKey = clientPublicKey.get();
                for (HostLayout layout : layouts) {
                    layout.create(paths, publicClientKey, users);
                }
                hostKeys = new ArrayList<>();
                for (Future<String> key : keys) {
                    hostKeys.add(key.get());
                }
            }
            catch (Exception e) {
                throw new IllegalStateException("cannot prepare the test hosts", e);
            }
            int port = startAll(hosts, hostKeys);
            Path knownHosts = directory.resolve("known_hosts");
            StringBuilder lines = new StringBuilder();
            for (TestHost host : hosts) {
                lines.append('[').append(host.address()).append("]:").append(port).append(' ').append(host.hostKey()).append('\n');
            }
            Files.writeString(knownHosts, lines.toString());
            return new TestHosts(directory, hosts, clientKey, knownHosts, clusterDirectory, port, keepFiles);
        }

        private static int startAll(List<TestHost> hosts, List<String> hostKeys)
        {
            for (int attempt = 1; ; attempt++) {
                int port = freePort(hosts);
                for (int index = 0; index < hosts.size(); index++) {
                    hosts.get(index).start(port, hostKeys.get(index));
                }
                boolean allUp = hosts.parallelStream().map(TestHost::awaitListening).reduce(true, Boolean::logicalAnd);
                if (allUp) {
                    return port;
                }
                hosts.parallelStream().forEach(TestHost::kill);
                if (attempt == ATTEMPTS) {
                    String logs = hosts.stream().filter(host -> !host.sshdLogText().isBlank()).findFirst().map(TestHost::sshdLogText).orElse("");
                    throw new IllegalStateException("the test hosts' sshd did not start after " + ATTEMPTS + " attempts: " + logs);
                }
            }
        }

        /** A port free on every host's address right now (another test JVM may take it; then the start is retried). */
        private static int freePort(List<TestHost> hosts)
        {
            while (true) {
                int candidate = ThreadLocalRandom.current().nextInt(20_000, 60_000);
                if (hosts.stream().allMatch(host -> isFree(host.address(), candidate))) {
                    return candidate;
                }
            }
        }

        private static boolean isFree(String address, int port)
        {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
                return true;
            }
            catch (IOException e) {
                return false;
            }
        }
    }
}
