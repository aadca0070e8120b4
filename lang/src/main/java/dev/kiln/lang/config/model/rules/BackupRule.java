package dev.kiln.lang.config.model.rules;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.kiln.lang.config.model.Backup;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.Map;

/** A backup's schedule is a valid Unix cron expression (or a nickname such as {@code @daily}) and it keeps at least one backup. */
final class BackupRule
        implements ClusterRule
{
    private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** The nicknames Vixie cron and Kubernetes CronJobs accept, as the five fields they stand for. */
    static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    @Override
    public void check(Cluster cluster, Model model, Diagnostics diagnostics)
    {
        if (cluster.backup().isEmpty()) {
            return;
        }
        Backup backup = cluster.backup().get();
        backup.schedule().known().ifPresent(schedule -> {
            try {
                UNIX_CRON.parse(NICKNAMES.getOrDefault(schedule, schedule)).validate();
            }
            catch (IllegalArgumentException e) {
                diagnostics.add(Diagnostic.error(
                        "Invalid backup schedule",
                        "\"" + backup.schedule().shown(schedule) + "\" is not a Unix cron expression ("
                                + backup.schedule().shown(e.getMessage().strip())
                                + "). Write five fields, minute hour day-of-month month day-of-week, such as \"0 2 * * *\" for 02:00 every day, or a nickname such as \"@daily\".",
                        backup.schedule().range()));
            }
        });
        backup.keep().known().filter(keep -> keep < 1).ifPresent(keep -> diagnostics.add(Diagnostic.error(
                "Invalid backup retention",
                "keep is " + backup.keep().shown(keep) + ", so every backup would be deleted as soon as it is made. Keep at least 1 backup.",
                backup.keep().range())));
    }
}
