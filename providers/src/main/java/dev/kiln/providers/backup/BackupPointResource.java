package dev.kiln.providers.backup;

import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.state.blob.BlobStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@code backup_point} resource for providers that have no simulated one of their own
 * (kubeadm, Cluster API): creating it prepares the real store (the directory, or the bucket
 * when missing) and records its {@code location}; deleting it forgets it (its backups, if any,
 * would have stopped the plan, see {@link BackupPointGuard}); refreshing keeps the record.
 */
public final class BackupPointResource
{
    private BackupPointResource() {}

    public static DiffRule diffRule()
    {
        return request -> switch (StandardDiffRule.INSTANCE.diff(request)) {
            case DiffResponse.Create created -> new DiffResponse.Create(created.planned(), List.of("prepare the backup store"), created.diagnostics());
            case DiffResponse.Replace replaced -> new DiffResponse.Replace(replaced.planned(), replaced.forcedBy(),
                    List.of("forget the old backup store", "prepare the new backup store"), replaced.diagnostics());
            case DiffResponse.Delete deleted -> new DiffResponse.Delete(List.of("forget the backup store (it holds no backups)"), deleted.diagnostics());
            case DiffResponse other -> other;
        };
    }

    public static Refresher refresher()
    {
        return request -> new RefreshResponse(Optional.of(request.prior()), List.of());
    }

    /** The driver; relative {@code fs} paths are relative to {@code workingDirectory}. */
    public static Driver driver(Path workingDirectory)
    {
        return driver(workingDirectory, BackupNodes.none());
    }

    /** The driver; relative {@code fs} paths are relative to {@code workingDirectory}, points on nodes are reached through {@code nodes}. */
    public static Driver driver(Path workingDirectory, BackupNodes nodes)
    {
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(nodes, "nodes is null");
        return (request, context) -> {
            if (request.change().after().isEmpty()) {
                return ApplyResponse.deleted();
            }
            String point = request.change().address().toString();
            Value planned = request.change().after().get();
            try (BlobStore store = BackupPoints.open(point, ValueJson.toJson(withoutLocation(planned).unmarkedDeep()), workingDirectory, true, nodes)) {
                context.progress("preparing " + store.location());
                return ApplyResponse.of(with(planned, "location", Value.string(store.location())));
            }
        };
    }

    private static Value withoutLocation(Value planned)
    {
        return with(planned, "location", Value.nullOf(Type.STRING));
    }

    private static Value with(Value object, String attribute, Value value)
    {
        Map<String, Value> attributes = new TreeMap<>(object.asMapping().orElseThrow());
        attributes.put(attribute, value);
        return new Value.ObjectValue(new TreeMap<>(attributes), object.sensitive());
    }
}
