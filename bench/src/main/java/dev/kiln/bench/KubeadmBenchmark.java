package dev.kiln.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.providers.kubeadm.testing.KubeadmTestBed;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A kubeadm cluster of N nodes created end to end on SSH test hosts (real sshd per loopback
 * address, the kubeadm stand-ins on each): `kiln apply -auto-approve -json` run as a process
 * through the repository's launcher, timed from start to exit; every resource's interval read
 * from the JSON events, and the critical path through the dependencies (a control-plane node,
 * the cluster, the worker pool) printed with each step's share.
 */
public final class KubeadmBenchmark
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Interval(String address, Instant start, Instant end)
    {
        Duration duration()
        {
            return Duration.between(start, end);
        }
    }

    private KubeadmBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        int nodes = 20;
        int controlPlanes = 1;
        for (int index = 0; index + 1 < args.length; index += 2) {
            switch (args[index]) {
                case "--nodes" -> nodes = Integer.parseInt(args[index + 1]);
                case "--control-planes" -> controlPlanes = Integer.parseInt(args[index + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[index] + "; options: --nodes N --control-planes N");
            }
        }
        Path launcher = Path.of(System.getProperty("kiln.launcher", "kiln")).toAbsolutePath();
        Path base = Path.of(System.getProperty("kiln.bench.dir", "bench/target")).toAbsolutePath();
        PrintStream out = System.out;
        Instant hostsStarted = Instant.now();
        try (KubeadmTestBed bed = KubeadmTestBed.start(nodes)) {
            out.printf(Locale.ROOT, "== %d test hosts up in %d ms%n", nodes, Duration.between(hostsStarted, Instant.now()).toMillis());
            Path directory = Files.createDirectories(base.resolve("kubeadm-bench-" + System.currentTimeMillis()));
            Files.writeString(directory.resolve("client_key"), bed.clientKey());
            KubeadmTestBed.bundle(directory.resolve("bundle"), List.of("v1.29.1"));
            Files.writeString(directory.resolve("main.kiln.hcl"), configuration(bed, controlPlanes, nodes - controlPlanes));
            Run apply = run(launcher, directory, "apply", "-auto-approve", "-json");
            if (apply.exitCode() != 0) {
                throw new IllegalStateException("kiln apply failed:\n" + apply.output());
            }
            out.printf(Locale.ROOT, "== kiln apply of a %d-node cluster (%d control plane(s), %d workers): %.2f s wall, JVM start included; nodes registered: %d%n",
                    nodes, controlPlanes, nodes - controlPlanes, apply.wall().toMillis() / 1000.0, bed.registeredNodes().size());
            report(out, intervals(apply.output()));
            Run destroy = run(launcher, directory, "destroy", "-auto-approve");
            out.printf(Locale.ROOT, "== kiln destroy: %.2f s wall (exit %d)%n", destroy.wall().toMillis() / 1000.0, destroy.exitCode());
        }
    }

    private record Run(int exitCode, String output, Duration wall) {}

    private static Run run(Path launcher, Path directory, String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "-chdir=" + directory));
        command.addAll(List.of(arguments));
        Path output = directory.resolve(arguments[0] + ".out");
        Instant start = Instant.now();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kiln " + arguments[0] + " did not finish in 30 minutes");
        }
        return new Run(process.exitValue(), Files.readString(output), Duration.between(start, Instant.now()));
    }

    private static Map<String, Interval> intervals(String output)
            throws IOException
    {
        Map<String, Instant> starts = new LinkedHashMap<>();
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (String line : output.lines().filter(text -> text.startsWith("{")).toList()) {
            JsonNode event = JSON.readTree(line);
            String address = event.path("hook").path("resource").path("addr").asText("");
            Instant at = Instant.parse(event.path("@timestamp").asText());
            switch (event.path("type").asText()) {
                case "apply_start" -> starts.put(address, at);
                case "apply_complete" -> intervals.put(address, new Interval(address, starts.getOrDefault(address, at), at));
                default -> {
                }
            }
        }
        return intervals;
    }

    /** Each stage's span, and the chain of dependencies that ended last. */
    private static void report(PrintStream out, Map<String, Interval> intervals)
    {
        Instant first = intervals.values().stream().map(Interval::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = intervals.values().stream().map(Interval::end).max(Comparator.naturalOrder()).orElseThrow();
        List<Interval> nodes = intervals.values().stream().filter(interval -> interval.address().startsWith("node.")).toList();
        Interval cluster = intervals.values().stream().filter(interval -> interval.address().startsWith("cluster.") && !interval.address().contains(".pool")).findFirst().orElseThrow();
        Interval pool = intervals.values().stream().filter(interval -> interval.address().contains(".pool")).findFirst().orElseThrow();
        Interval slowestControlPlane = nodes.stream().filter(interval -> interval.address().startsWith("node.cp")).max(Comparator.comparing(Interval::end)).orElseThrow();
        Interval slowestWorker = nodes.stream().filter(interval -> interval.address().startsWith("node.w")).max(Comparator.comparing(Interval::end)).orElseThrow();
        out.printf(Locale.ROOT, "   walk (first action start → last action end): %.2f s%n", seconds(Duration.between(first, last)));
        out.printf(Locale.ROOT, "   node resources (%d, in parallel): %.2f s span, slowest %.2f s%n", nodes.size(),
                seconds(Duration.between(nodes.stream().map(Interval::start).min(Comparator.naturalOrder()).orElseThrow(),
                        nodes.stream().map(Interval::end).max(Comparator.naturalOrder()).orElseThrow())),
                nodes.stream().map(Interval::duration).max(Comparator.naturalOrder()).map(KubeadmBenchmark::seconds).orElse(0.0));
        Interval beforePool = cluster.end().isAfter(slowestWorker.end()) ? cluster : slowestWorker;
        List<Interval> path = beforePool == cluster ? List.of(slowestControlPlane, cluster, pool) : List.of(slowestWorker, pool);
        out.println("   critical path: " + path.stream().map(interval -> String.format(Locale.ROOT, "%s %.2f s", interval.address(), seconds(interval.duration())))
                .collect(Collectors.joining(" → ")));
        out.println();
        out.println("| step | start (s) | duration (s) |");
        out.println("|---|---:|---:|");
        for (Interval interval : path) {
            out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", interval.address(), seconds(Duration.between(first, interval.start())), seconds(interval.duration()));
        }
    }

    private static double seconds(Duration duration)
    {
        return duration.toMillis() / 1000.0;
    }

    private static String configuration(KubeadmTestBed bed, int controlPlanes, int workers)
    {
        String endpoint = controlPlanes > 1 ? "    endpoint = \"127.0.0.250:6443\"\n" : "";
        return "provider \"kubeadm\" {}\n\n" + nodes(bed, "cp", 0, controlPlanes) + nodes(bed, "w", controlPlanes, workers) + """
                cluster "bench" {
                  provider           = kubeadm
                  kubernetes_version = "v1.29.1"

                  control_plane {
                    nodes = node.cp[*]
                %s  }

                  worker_pool "a" {
                    nodes = node.w[*]
                  }

                  install {
                    mode   = "offline"
                    bundle = "bundle"
                  }
                }
                """.formatted(endpoint);
    }

    private static String nodes(KubeadmTestBed bed, String name, int from, int count)
    {
        List<TestHost> hosts = bed.hosts().hosts().subList(from, from + count);
        return """
                locals {
                  %1$s_hosts = [%2$s]
                }

                node "%1$s" {
                  count   = %3$d
                  address = local.%1$s_hosts[count.index].address
                  ssh {
                    port        = %4$d
                    private_key = file("client_key")
                    host_key    = local.%1$s_hosts[count.index].key
                  }
                }

                """.formatted(name, hosts.stream().map(host -> "{ address = \"" + host.address() + "\", key = \"" + host.hostKey() + "\" }")
                .collect(Collectors.joining(", ")), count, bed.hosts().port());
    }
}
