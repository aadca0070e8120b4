package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A simulated cluster's scheduled backups: the schedule the simulator keeps for the cluster
 * ({@code schedules/<cluster>.json} in the simulated datacenter: cron expression, its
 * calendar, retention, whether it runs, the point and its settings), written and removed
 * re-entrantly, keeping the time it last ran; {@link SimSchedules} runs it.
 */
final class SimScheduleDriver
        implements Driver
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Supplier<Path> datacenter;
    private final Path workingDirectory;

    SimScheduleDriver(Supplier<Path> datacenter, Path workingDirectory)
    {
        this.datacenter = datacenter;
        this.workingDirectory = workingDirectory;
    }

    /** Where the simulator keeps the schedule of the cluster at {@code cluster}. */
    static Path file(Path datacenter, String cluster)
    {
        return datacenter.resolve("schedules").resolve(cluster.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws IOException
    {
        ResourceChange change = request.change();
        String cluster = change.address().parent().orElseThrow().toString();
        Path file = file(datacenter.get(), cluster);
        return switch (change.action()) {
            case DELETE -> {
                Files.deleteIfExists(file);
                yield ApplyResponse.deleted();
            }
            case CREATE, UPDATE, REPLACE, NO_OP -> {
                Value value = ScheduleValues.known(change.after().orElseThrow());
                String schedule = ScheduledBackupRule.text(value, "schedule").orElseThrow();
                ObjectNode record = MAPPER.createObjectNode()
                        .put("cluster", cluster)
                        .put("schedule", schedule)
                        .put("on_calendar", new CronSchedule(schedule).onCalendar())
                        .put("keep", Integer.parseInt(ScheduledBackupRule.number(value, "keep")))
                        .put("enabled", ScheduledBackupRule.enabled(value))
                        .put("point", ScheduleValues.pointLocation(value))
                        .put("working_directory", workingDirectory.toAbsolutePath().normalize().toString());
                Value point = value.asMapping().map(attributes -> attributes.get("point")).orElse(Value.nullOf(Type.DYNAMIC));
                record.set("point_attributes", ValueJson.toJson(point.unmarkedDeep()));
                if (Files.isRegularFile(file) && MAPPER.readTree(file.toFile()).path("last_run").isTextual()) {
                    record.put("last_run", MAPPER.readTree(file.toFile()).path("last_run").asText());
                }
                context.progress((ScheduledBackupRule.enabled(value) ? "scheduling" : "pausing") + " backups of " + cluster);
                AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
                yield ApplyResponse.of(value);
            }
        };
    }
}
