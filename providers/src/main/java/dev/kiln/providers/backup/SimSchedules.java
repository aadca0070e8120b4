package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.SimCluster;
import dev.kiln.providers.sim.SimSettings;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.blob.BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Runs the simulator's scheduled backups. The simulated datacenter keeps a clock
 * ({@code schedules/clock.json}: a real instant and the simulated instant it stood for) that
 * runs {@code speed} times faster than real time and can be advanced by hand ({@code kiln sim
 * advance}); every time the
 * datacenter is opened, each enabled schedule ({@code schedules/CLUSTER.json}, written by
 * {@link SimScheduleDriver}) takes the backups that came due since its last run (at most its
 * {@code keep} latest, the older ones would be removed at once), each a real backup in its
 * point taken from the simulator's snapshot and stamped with its simulated time, then deletes
 * the oldest scheduled backups of the cluster beyond {@code keep} (never one taken by hand). A
 * paused schedule takes none and does not catch up when resumed, like a suspended CronJob. A
 * schedule that fails records its error and is tried again at its next firing.
 */
public final class SimSchedules
{
    static final String DIRECTORY = "schedules";
    private static final String CLOCK = "clock.json";
    private static final String LOCK = ".lock";
    private static final Duration LONGEST_GAP = Duration.ofDays(366);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimSchedules() {}

    /** What one run did: backups taken and removed, and the schedules that failed (their messages). */
    public record Run(Instant simulatedNow, List<BackupRecord> taken, List<String> removed, List<String> failures)
    {
        public Run
        {
            requireNonNull(simulatedNow, "simulatedNow is null");
            taken = List.copyOf(taken);
            removed = List.copyOf(removed);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Runs what came due in every simulated datacenter the {@code sim} providers of
     * {@code config} use (the default one too), at each provider's speed: what every Kiln
     * command that opens the simulator does first.
     */
    public static List<Run> runDue(Config config, Path workingDirectory)
    {
        requireNonNull(config, "config is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        Map<Path, BigDecimal> datacenters = new TreeMap<>();
        for (ProviderSettings settings : config.model().providers()) {
            if (settings instanceof ProviderSettings.Sim sim) {
                SimSettings simulator = SimSettings.from(sim);
                datacenters.putIfAbsent(workingDirectory.resolve(simulator.stateDirectory()).toAbsolutePath().normalize(), simulator.speed());
            }
        }
        datacenters.putIfAbsent(workingDirectory.resolve(SimSettings.DEFAULT_STATE_DIRECTORY).toAbsolutePath().normalize(), SimSettings.defaults().speed());
        List<Run> runs = new ArrayList<>();
        datacenters.forEach((datacenter, speed) -> {
            try {
                runs.add(runDue(datacenter, speed, Duration.ZERO, Clock.systemUTC(), BackupNodes.of(config, node -> Optional.empty())));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot run the scheduled backups of the simulated datacenter in " + datacenter, e);
            }
        });
        return runs;
    }

    /**
     * The speed the datacenter's clock ran at when Kiln last ran its schedules with a
     * configuration ({@code kiln sim} commands have none), else 1.
     */
    public static BigDecimal recordedSpeed(Path datacenter)
            throws IOException
    {
        JsonNode speed = read(requireNonNull(datacenter, "datacenter is null").resolve(DIRECTORY).resolve(CLOCK)).path("speed");
        return speed.isTextual() ? new BigDecimal(speed.asText()) : BigDecimal.ONE;
    }

    /** The simulated time now in the datacenter at {@code datacenter} (real time when it has no clock yet). */
    public static Instant now(Path datacenter, BigDecimal speed, Clock real)
            throws IOException
    {
        JsonNode clock = read(datacenter.resolve(DIRECTORY).resolve(CLOCK));
        if (!clock.isObject()) {
            return real.instant();
        }
        Instant realThen = Instant.parse(clock.path("real").asText());
        Instant simulatedThen = Instant.parse(clock.path("simulated").asText());
        long elapsed = Math.max(0, Duration.between(realThen, real.instant()).toMillis());
        return simulatedThen.plusMillis(BigDecimal.valueOf(elapsed).multiply(speed).longValue());
    }

    /**
     * Moves the datacenter's clock to now ({@code speed} times real time since the last run) plus
     * {@code advance}, then runs every schedule that came due. Nothing happens without schedules.
     */
    public static Run runDue(Path datacenter, BigDecimal speed, Duration advance, Clock real)
            throws IOException
    {
        return runDue(datacenter, speed, advance, real, BackupNodes.none());
    }

    /** As {@link #runDue(Path, BigDecimal, Duration, Clock)}; points on nodes are reached through {@code nodes}. */
    public static Run runDue(Path datacenter, BigDecimal speed, Duration advance, Clock real, BackupNodes nodes)
            throws IOException
    {
        requireNonNull(nodes, "nodes is null");
        requireNonNull(datacenter, "datacenter is null");
        requireNonNull(speed, "speed is null");
        requireNonNull(advance, "advance is null");
        requireNonNull(real, "real is null");
        Path directory = datacenter.resolve(DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return new Run(real.instant().plus(advance), List.of(), List.of(), List.of());
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Instant now = now(datacenter, speed, real).plus(advance);
            AtomicFiles.write(directory.resolve(CLOCK), MAPPER.writeValueAsBytes(MAPPER.createObjectNode()
                    .put("real", real.instant().toString())
                    .put("simulated", now.toString())
                    .put("speed", speed.toPlainString())));
            List<BackupRecord> taken = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Path file : schedules(directory)) {
                ObjectNode schedule = (ObjectNode) read(file);
                try {
                    run(datacenter, schedule, now, taken, removed, nodes);
                    schedule.remove("last_error");
                }
                catch (IOException | RuntimeException e) {
                    String message = schedule.path("cluster").asText() + ": scheduled backup failed: " + e.getMessage();
                    schedule.put("last_error", message);
                    failures.add(message);
                }
                schedule.put("last_run", now.toString());
                AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(schedule));
            }
            return new Run(now, taken, removed, failures);
        }
    }

    private static void run(Path datacenter, ObjectNode schedule, Instant now, List<BackupRecord> taken, List<String> removed, BackupNodes nodes)
            throws IOException
    {
        if (!schedule.path("last_run").isTextual() || !schedule.path("enabled").asBoolean(true)) {
            return;
        }
        String cluster = schedule.path("cluster").asText();
        int keep = schedule.path("keep").asInt(1);
        Instant lastRun = Instant.parse(schedule.path("last_run").asText());
        if (lastRun.isBefore(now.minus(LONGEST_GAP))) {
            lastRun = now.minus(LONGEST_GAP);
        }
        List<LocalDateTime> due = new CronCalendar(new CronSchedule(schedule.path("schedule").asText()))
                .firings(LocalDateTime.ofInstant(lastRun, ZoneOffset.UTC), LocalDateTime.ofInstant(now, ZoneOffset.UTC), keep);
        if (due.isEmpty()) {
            return;
        }
        Datacenter opened = Datacenter.open(datacenter);
        SimCluster simulated = opened.cluster(cluster).orElseThrow(() -> new IOException(cluster + " is not in the simulated datacenter"));
        String prefix = ScheduledBackup.idPrefix(cluster);
        Path workingDirectory = Path.of(schedule.path("working_directory").asText(datacenter.toString()));
        try (BlobStore store = BackupPoints.open(cluster + "'s backup point", schedule.path("point_attributes"), workingDirectory, true, nodes)) {
            BackupCatalog catalog = new BackupCatalog(cluster + "'s backup point", store);
            for (LocalDateTime time : due) {
                taken.add(catalog.create(new SimClusterEtcd(opened, cluster), simulated.version(), "scheduled",
                        Clock.fixed(time.toInstant(ZoneOffset.UTC), ZoneOffset.UTC), prefix));
            }
            List<BackupRecord> scheduled = catalog.list().stream()
                    .filter(record -> record.cluster().equals(cluster) && record.id().startsWith(prefix + "-"))
                    .toList();
            for (BackupRecord old : scheduled.subList(0, Math.max(0, scheduled.size() - keep))) {
                catalog.delete(old.id());
                removed.add(old.id());
            }
        }
    }

    private static List<Path> schedules(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json") && !file.getFileName().toString().equals(CLOCK))
                    .sorted()
                    .toList();
        }
    }

    private static JsonNode read(Path file)
            throws IOException
    {
        return Files.isRegularFile(file) ? MAPPER.readTree(file.toFile()) : MAPPER.missingNode();
    }
}
