package dev.kiln.providers.backup;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.state.AttributePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a cluster's scheduled backups ({@code cluster.prod.backup}) change: installed with the
 * cluster, updated in place when the schedule, retention, point or {@code enabled} change
 * (disabling pauses them), removed before the cluster. A schedule cron and systemd would read
 * differently is forbidden at its attribute. A Cluster API cluster's backups run in a
 * CronJob inside the cluster ({@link BackupCronJob}), which reaches only an S3 point: a
 * directory point is forbidden at {@code point}.
 */
public final class ScheduledBackupRule
{
    private ScheduledBackupRule() {}

    /** The rule for clusters of provider type {@code providerType} ({@code sim}, {@code kubeadm}, {@code capi}). */
    public static DiffRule forProvider(String providerType)
    {
        return request -> {
            if (request.desired().isPresent()) {
                Optional<String> schedule = text(request.desired().get(), "schedule");
                if (schedule.isPresent()) {
                    try {
                        new CronSchedule(schedule.get());
                    }
                    catch (IllegalArgumentException e) {
                        return new DiffResponse.Forbidden("The backup schedule \"" + schedule.get() + "\" cannot be installed: " + e.getMessage() + ".",
                                Optional.of(AttributePath.attribute("schedule")), List.of());
                    }
                }
                if (providerType.equals("capi") && directoryPoint(request.desired().get())) {
                    return new DiffResponse.Forbidden("The scheduled backups of a Cluster API cluster run in a CronJob inside the cluster, which reaches only "
                            + "an S3 backup point, not a directory. Name a backup_point with an s3 block.",
                            Optional.of(AttributePath.attribute("point")), List.of());
                }
                if (providerType.equals("kubeadm") && nodePoint(request.desired().get())) {
                    return new DiffResponse.Forbidden("The scheduled backups of a kubeadm cluster run on its control-plane nodes and write a directory point's "
                            + "path there, so they cannot reach a directory on another node (fs { node }). Name a backup_point with an s3 block, "
                            + "or an fs block without node (a path mounted on every control-plane node).",
                            Optional.of(AttributePath.attribute("point")), List.of());
                }
            }
            return withSteps(StandardDiffRule.INSTANCE.diff(request), request.prior());
        };
    }

    private static boolean directoryPoint(Value desired)
    {
        return desired.asMapping().map(attributes -> attributes.get("point"))
                .flatMap(Value::asMapping)
                .map(point -> point.get("fs"))
                .filter(fs -> fs.asMapping().isPresent())
                .isPresent();
    }

    private static boolean nodePoint(Value desired)
    {
        return desired.asMapping().map(attributes -> attributes.get("point"))
                .flatMap(Value::asMapping)
                .map(point -> point.get("fs"))
                .flatMap(Value::asMapping)
                .map(fs -> fs.get("node"))
                .filter(node -> node.asMapping().isPresent())
                .isPresent();
    }

    private static DiffResponse withSteps(DiffResponse response, Optional<Value> prior)
    {
        return switch (response) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden forbidden -> forbidden;
            case DiffResponse.Create created -> new DiffResponse.Create(created.planned(), List.of(install(created.planned())), created.diagnostics());
            case DiffResponse.Update updated -> new DiffResponse.Update(updated.planned(), update(prior.orElseThrow(), updated.planned()), updated.diagnostics());
            case DiffResponse.Replace replaced -> new DiffResponse.Replace(replaced.planned(), replaced.forcedBy(),
                    List.of("remove the scheduled backups", install(replaced.planned())), replaced.diagnostics());
            case DiffResponse.Delete deleted -> new DiffResponse.Delete(List.of("remove the scheduled backups (the backups taken stay in their point)"), deleted.diagnostics());
        };
    }

    private static String install(Value planned)
    {
        return "install scheduled etcd backups (" + text(planned, "schedule").orElse("known after apply") + ", keep "
                + number(planned, "keep") + ")" + (enabled(planned) ? "" : ", paused");
    }

    private static List<String> update(Value prior, Value planned)
    {
        List<String> steps = new ArrayList<>();
        if (enabled(prior) && !enabled(planned)) {
            steps.add("pause the scheduled backups");
        }
        if (!enabled(prior) && enabled(planned)) {
            steps.add("resume the scheduled backups");
        }
        if (!text(prior, "schedule").equals(text(planned, "schedule")) || !number(prior, "keep").equals(number(planned, "keep"))) {
            steps.add("update the schedule in place: " + text(planned, "schedule").orElse("known after apply") + ", keep " + number(planned, "keep"));
        }
        if (steps.isEmpty()) {
            steps.add("update the scheduled backups' backup point in place");
        }
        return steps;
    }

    static Optional<String> text(Value value, String attribute)
    {
        return value.asMapping().map(attributes -> attributes.get(attribute))
                .filter(Value.StringValue.class::isInstance)
                .map(found -> ((Value.StringValue) found).value());
    }

    static String number(Value value, String attribute)
    {
        return value.asMapping().map(attributes -> attributes.get(attribute))
                .filter(Value.NumberValue.class::isInstance)
                .map(found -> ((Value.NumberValue) found).value().toPlainString())
                .orElse("known after apply");
    }

    static boolean enabled(Value value)
    {
        return value.asMapping().map(attributes -> attributes.get("enabled"))
                .filter(Value.BoolValue.class::isInstance)
                .map(found -> ((Value.BoolValue) found).value())
                .orElse(true);
    }
}
