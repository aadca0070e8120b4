package dev.kiln.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;

/**
 * Generates a large configuration, then parses, evaluates and validates it in-process through
 * {@link ConfigLoader} several times: warm-up runs first, then measured runs; reports the
 * minimum and median wall time and the peak memory.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.ValidateBenchmark [--nodes 10000] [--clusters 100] [--warmups 5] [--runs 10] [--directory DIR]</pre>
 */
public final class ValidateBenchmark
{
    /** The configuration's size and the benchmark's repetitions. */
    record Settings(int nodes, int clusters, int warmups, int runs, Path directory)
    {
        static Settings parse(String[] args)
        {
            int nodes = 10_000;
            int clusters = 100;
            int warmups = 5;
            int runs = 10;
            Path directory = null;
            for (int index = 0; index + 1 < args.length; index += 2) {
                String value = args[index + 1];
                switch (args[index]) {
                    case "--nodes" -> nodes = Integer.parseInt(value);
                    case "--clusters" -> clusters = Integer.parseInt(value);
                    case "--warmups" -> warmups = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--directory" -> directory = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[index]
                            + "; options: --nodes N --clusters N --warmups N --runs N --directory DIR");
                }
            }
            return new Settings(nodes, clusters, warmups, Math.max(1, runs), directory);
        }
    }

    /** What one benchmark measured. Times in nanoseconds, memory in bytes. */
    record Result(int files, long sourceBytes, List<Diagnostic> diagnostics, List<Long> times, long peakHeap, OptionalLong residentHighWater)
    {
        boolean valid()
        {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }

        long minimum()
        {
            return times.stream().min(Comparator.naturalOrder()).orElseThrow();
        }

        long median()
        {
            List<Long> sorted = times.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    private ValidateBenchmark() {}

    public static void main(String[] args)
            throws IOException
    {
        Settings settings = Settings.parse(args);
        Path directory = settings.directory() != null ? settings.directory() : Files.createTempDirectory("kiln-bench");
        try {
            Result result = run(settings, directory);
            report(settings, result, System.out);
            if (!result.valid()) {
                System.exit(1);
            }
        }
        finally {
            if (settings.directory() == null) {
                delete(directory);
            }
        }
    }

    static Result run(Settings settings, Path directory)
            throws IOException
    {
        List<Path> files = ConfigurationGenerator.write(directory, settings.nodes(), settings.clusters());
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        LoadResult result = null;
        for (int run = 0; run < settings.warmups(); run++) {
            result = ConfigLoader.load(directory, VariableInputs.none());
        }
        resetPeaks();
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            long start = System.nanoTime();
            result = ConfigLoader.load(directory, VariableInputs.none());
            times.add(System.nanoTime() - start);
        }
        return new Result(files.size(), bytes, result.diagnostics(), List.copyOf(times), peakHeap(), residentHighWater());
    }

    static void report(Settings settings, Result result, PrintStream out)
    {
        out.printf(Locale.ROOT, "configuration: %d node blocks, %d clusters, %d files, %.1f MiB%n",
                settings.nodes(), settings.clusters(), result.files(), result.sourceBytes() / 1048576.0);
        long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
        out.printf(Locale.ROOT, "result: %s (%d errors, %d warnings)%n", result.valid() ? "valid" : "INVALID",
                errors, result.diagnostics().size() - errors);
        result.diagnostics().stream().limit(5).forEach(diagnostic -> out.println("  " + diagnostic));
        out.printf(Locale.ROOT, "runs: %d warm-up, %d measured%n", settings.warmups(), result.times().size());
        out.printf(Locale.ROOT, "wall time: min %.3f s, median %.3f s%n", result.minimum() / 1e9, result.median() / 1e9);
        out.printf(Locale.ROOT, "peak heap (measured runs): %.0f MiB%n", result.peakHeap() / 1048576.0);
        result.residentHighWater().ifPresent(bytes -> out.printf(Locale.ROOT, "peak resident memory (VmHWM, whole process): %.0f MiB%n", bytes / 1048576.0));
        out.printf(Locale.ROOT, "java: %s, %d processors, max heap %.0f MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static void resetPeaks()
    {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static long peakHeap()
    {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** The process's peak resident set size from {@code /proc/self/status}, where there is one. */
    private static OptionalLong residentHighWater()
    {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try (Stream<String> lines = Files.lines(status, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst();
        }
        catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static void delete(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
