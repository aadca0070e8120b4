package dev.kiln.providers.backup;

import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.state.blob.BlobStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * KubeClipper's rule for backup points, for every provider: a point that holds backups
 * cannot be destroyed or replaced (its backups would be stranded where no configuration
 * reaches them). The plan is forbidden with the backups listed; deleting them first
 * ({@code kiln backup delete ID}) lets it through. A point whose store cannot be read is
 * forbidden too: Kiln does not guess that it is empty.
 */
public final class BackupPointGuard
{
    private static final int LISTED = 10;

    private BackupPointGuard() {}

    /** {@code rule}, with deletes and replacements of points that hold backups forbidden. */
    public static DiffRule guarding(DiffRule rule, Path workingDirectory)
    {
        return guarding(rule, workingDirectory, BackupNodes.none());
    }

    /** {@code rule}, with deletes and replacements of points that hold backups forbidden; points on nodes are reached through {@code nodes}. */
    public static DiffRule guarding(DiffRule rule, Path workingDirectory, BackupNodes nodes)
    {
        requireNonNull(rule, "rule is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(nodes, "nodes is null");
        return request -> {
            DiffResponse response = rule.diff(request);
            return switch (response) {
                case DiffResponse.Delete deleted -> check(request, workingDirectory, nodes, "destroyed", deleted);
                case DiffResponse.Replace replaced -> check(request, workingDirectory, nodes, "replaced", replaced);
                case DiffResponse.NoOp noOp -> noOp;
                case DiffResponse.Create created -> created;
                case DiffResponse.Update updated -> updated;
                case DiffResponse.Forbidden forbidden -> forbidden;
            };
        };
    }

    private static DiffResponse check(DiffRequest request, Path workingDirectory, BackupNodes nodes, String action, DiffResponse allowed)
    {
        if (request.prior().isEmpty() || !request.prior().get().isWhollyKnown()) {
            return allowed;
        }
        String point = request.address().toString();
        Value prior = request.prior().get().unmarkedDeep();
        try (BlobStore store = BackupPoints.open(point, ValueJson.toJson(prior), workingDirectory, false, nodes)) {
            List<BackupRecord> backups = new BackupCatalog(point, store).list();
            if (backups.isEmpty()) {
                return allowed;
            }
            return new DiffResponse.Forbidden(point + " cannot be " + action + " while it holds backups: " + listed(backups)
                    + ". Delete them first with kiln backup delete ID, or keep the backup point.", Optional.empty(), allowed.diagnostics());
        }
        catch (IOException | RuntimeException e) {
            return new DiffResponse.Forbidden(point + " cannot be " + action + ": Kiln could not check whether it holds backups ("
                    + e.getMessage() + "). Make its store reachable and plan again, or remove it from the state with kiln state rm "
                    + point + " if the store is gone for good.", Optional.empty(), allowed.diagnostics());
        }
    }

    private static String listed(List<BackupRecord> backups)
    {
        String shown = backups.stream().limit(LISTED)
                .map(backup -> backup.id() + " (" + backup.cluster() + ", " + backup.created() + ")")
                .collect(Collectors.joining(", "));
        return backups.size() > LISTED ? shown + " and " + (backups.size() - LISTED) + " more" : shown;
    }
}
