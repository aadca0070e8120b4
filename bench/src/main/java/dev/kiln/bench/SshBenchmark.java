package dev.kiln.bench;

import dev.kiln.executors.ssh.SshHostConfig;
import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.executors.ssh.testing.TestHosts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Kiln's SSH transport side by side with Ansible and parallel-ssh, on the same loopback test
 * hosts (real sshd, root by the same key, host keys from the same known_hosts):
 * <ol>
 * <li>one command on {@code --hosts} hosts: Kiln in-process (fresh connections each round), Kiln
 * as a whole process (JVM start included), {@code ansible all -m command -f N}, and
 * {@code parallel-ssh -p N};</li>
 * <li>a {@code --file-mb} MB file to {@code --file-hosts} hosts: Kiln's SFTP upload versus
 * {@code parallel-scp -p N} (which always compresses: {@code scp -qC}) and versus one plain
 * {@code scp} per host started at once.</li>
 * </ol>
 * Each is run {@code --rounds} times, the contenders of a benchmark taking turns round by round;
 * the table shows the median and the fastest round, and the machine's load average.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.SshBenchmark [--hosts 50] [--command "uname -a"] [--file-hosts 20] [--file-mb 100] [--rounds 3]</pre>
 */
public final class SshBenchmark
{
    private final Settings settings;
    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();

    record Settings(int hosts, String command, int fileHosts, int fileMegabytes, int rounds)
    {
        static Settings parse(String[] args)
        {
            int hosts = 50;
            String command = "uname -a";
            int fileHosts = 20;
            int fileMegabytes = 100;
            int rounds = 3;
            for (int index = 0; index + 1 < args.length; index += 2) {
                String value = args[index + 1];
                switch (args[index]) {
                    case "--hosts" -> hosts = Integer.parseInt(value);
                    case "--command" -> command = value;
                    case "--file-hosts" -> fileHosts = Integer.parseInt(value);
                    case "--file-mb" -> fileMegabytes = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[index]
                            + "; options: --hosts N --command CMD --file-hosts N --file-mb MB --rounds N");
                }
            }
            return new Settings(hosts, command, Math.min(fileHosts, hosts), fileMegabytes, rounds);
        }
    }

    record Row(String benchmark, String tool, List<Duration> rounds)
    {
        Duration median()
        {
            List<Duration> sorted = rounds.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        Duration fastest()
        {
            return rounds.stream().min(Duration::compareTo).orElseThrow();
        }
    }

    private SshBenchmark(Settings settings, PrintStream out)
    {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args)
            throws Exception
    {
        new SshBenchmark(Settings.parse(args), System.out).run();
    }

    private void run()
            throws Exception
    {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("kiln.bench.dir", "bench/target")).toAbsolutePath(), "ssh-bench-");
        long started = System.nanoTime();
        try (TestHosts hosts = TestHosts.builder().hosts(settings.hosts()).baseDirectory(work).start()) {
            out.printf("== %d test hosts (sshd on 127.0.0.2-%d, port %d) started in %d ms%n", settings.hosts(), settings.hosts() + 1, hosts.port(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            ExternalTools tools = ExternalTools.prepare(hosts, work);
            List<SshHostConfig> all = IntStream.range(0, settings.hosts()).mapToObj(hosts::rootConfig).toList();
            Path inventory = work.resolve("kiln-inventory");
            SshFanOut.writeInventory(all, hosts.clientKey(), hosts.knownHosts(), inventory);
            String name = "`" + settings.command() + "` on " + settings.hosts() + " hosts";
            List<Contender> commands = List.of(
                    new Contender("Kiln (in-process, new connections)", () -> SshFanOut.runCommand(all, settings.command())),
                    new Contender("Kiln (whole process, JVM start included)", () -> timeProcess(kilnProcess(inventory, settings.command()))),
                    new Contender("ansible -m command -f " + settings.hosts(), () -> timeProcess(tools.ansible(settings.command(), settings.hosts()))),
                    new Contender("parallel-ssh -p " + settings.hosts(), () -> timeProcess(tools.parallelSsh(settings.command(), settings.hosts()))));
            measure(name, commands);
            uploads(hosts, tools, work, inventory);
        }
        finally {
            deleteQuietly(work);
        }
        print();
    }

    private static String loadAverage()
    {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private void uploads(TestHosts hosts, ExternalTools tools, Path work, Path inventory)
            throws Exception
    {
        Path bundle = work.resolve("bundle.bin");
        byte[] block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
        try (var output = Files.newOutputStream(bundle)) {
            for (int index = 0; index < settings.fileMegabytes(); index++) {
                output.write(block);
            }
        }
        List<TestHost> targets = hosts.hosts().subList(0, settings.fileHosts());
        List<SshHostConfig> configs = targets.stream().map(host -> hosts.rootConfig(host.index())).toList();
        String name = settings.fileMegabytes() + " MB file to " + settings.fileHosts() + " hosts";
        String remote = "/var/lib/kiln/bundle.bin";
        Path uploadInventory = work.resolve("kiln-upload-inventory");
        Files.write(uploadInventory, Files.readAllLines(inventory).subList(0, settings.fileHosts()));
        measure(name, List.of(
                new Contender("Kiln (in-process, SFTP, temp name + rename)", () -> {
                    removeRemote(targets, remote);
                    return SshFanOut.upload(configs, bundle, remote);
                }),
                new Contender("Kiln (whole process, launcher's C1-only JIT)", () -> {
                    removeRemote(targets, remote);
                    return timeProcess(kilnProcess(uploadInventory, "--upload", bundle.toString(), remote));
                }),
                new Contender("parallel-scp -p " + settings.fileHosts() + " (always scp -C)", () -> {
                    removeRemote(targets, remote);
                    return timeProcess(tools.parallelScp(bundle, remote, settings.fileHosts()));
                }),
                new Contender(settings.fileHosts() + " × scp at once (no compression)", () -> {
                    removeRemote(targets, remote);
                    return timeProcesses(tools.scpEach(bundle, remote, settings.fileHosts()));
                })));
        removeRemote(targets, remote);
    }

    private interface Round
    {
        Duration run()
                throws Exception;
    }

    private record Contender(String tool, Round round) {}

    /** Runs the contenders round-robin, one round of each in turn, so load from elsewhere on the machine spreads over all of them. */
    private void measure(String benchmark, List<Contender> contenders)
            throws Exception
    {
        List<List<Duration>> durations = contenders.stream().map(contender -> (List<Duration>) new ArrayList<Duration>()).toList();
        for (int round = 0; round < settings.rounds(); round++) {
            for (int index = 0; index < contenders.size(); index++) {
                durations.get(index).add(contenders.get(index).round().run());
            }
        }
        for (int index = 0; index < contenders.size(); index++) {
            rows.add(new Row(benchmark, contenders.get(index).tool(), durations.get(index)));
            out.printf("   %-34s %-44s %s%n", benchmark, contenders.get(index).tool(), durations.get(index).stream().map(duration -> duration.toMillis() + " ms").toList());
        }
    }

    private void print()
    {
        out.println();
        out.printf("load average at the end: %s (on %d CPUs)%n%n", loadAverage(), Runtime.getRuntime().availableProcessors());
        out.printf("| benchmark | tool | median | fastest | vs. first tool |%n|---|---|---:|---:|---:|%n");
        String current = "";
        Duration reference = Duration.ZERO;
        for (Row row : rows) {
            if (!row.benchmark().equals(current)) {
                current = row.benchmark();
                reference = row.median();
            }
            out.printf("| %s | %s | %d ms | %d ms | %.2f× |%n", row.benchmark(), row.tool(), row.median().toMillis(), row.fastest().toMillis(),
                    (double) row.median().toNanos() / reference.toNanos());
        }
        Duration kiln = median("`" + settings.command() + "` on " + settings.hosts() + " hosts", "Kiln (whole process");
        Duration ansible = median("`" + settings.command() + "` on " + settings.hosts() + " hosts", "ansible");
        out.printf("%nKiln (whole process) ÷ Ansible: %.2f (target ≤ 0.25)%n", (double) kiln.toNanos() / ansible.toNanos());
        String uploads = settings.fileMegabytes() + " MB file to " + settings.fileHosts() + " hosts";
        Duration scp = median(uploads, "parallel-scp");
        Duration plainScp = median(uploads, settings.fileHosts() + " × scp");
        for (String kilnTool : List.of("Kiln (in-process", "Kiln (whole process")) {
            Duration upload = median(uploads, kilnTool);
            out.printf("%s) upload ÷ parallel-scp: %.2f (target ≤ 1.00); ÷ scp without compression: %.2f%n",
                    kilnTool, (double) upload.toNanos() / scp.toNanos(), (double) upload.toNanos() / plainScp.toNanos());
        }
    }

    private Duration median(String benchmark, String toolPrefix)
    {
        return rows.stream().filter(row -> row.benchmark().equals(benchmark) && row.tool().startsWith(toolPrefix)).findFirst().orElseThrow().median();
    }

    private static void removeRemote(List<TestHost> hosts, String remote)
            throws IOException
    {
        for (TestHost host : hosts) {
            Files.deleteIfExists(host.path(remote));
        }
    }

    static Duration timeProcess(List<String> command)
            throws IOException, InterruptedException
    {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + new String(output));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static Duration timeProcesses(List<List<String>> commands)
            throws IOException, InterruptedException
    {
        long started = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (List<String> command : commands) {
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (int index = 0; index < processes.size(); index++) {
            Process process = processes.get(index);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", commands.get(index)) + " failed (" + process.exitValue() + ")");
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@link SshFanOut} as its own process, with the {@code kiln} launcher's JVM flags. */
    private static List<String> kilnProcess(Path inventory, String... arguments)
    {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xlog:disable",
                "-cp", System.getProperty("java.class.path"), SshFanOut.class.getName(), inventory.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String javaBinary()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteQuietly(Path directory)
    {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // left under bench/target; removed by the next clean
        }
    }
}
