package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code backup {...}}: scheduled etcd backups to a backup point, keeping the newest {@code keep}. */
public record Backup(
        Optional<ResourceReference> point,
        Setting<String> schedule,
        Setting<Integer> keep,
        Setting<Boolean> enabled,
        SourceRange range)
{
    public Backup
    {
        requireNonNull(point, "point is null");
        requireNonNull(schedule, "schedule is null");
        requireNonNull(keep, "keep is null");
        requireNonNull(enabled, "enabled is null");
        requireNonNull(range, "range is null");
    }
}
