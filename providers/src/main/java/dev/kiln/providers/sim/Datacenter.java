package dev.kiln.providers.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import static java.util.Objects.requireNonNull;

/**
 * The simulated datacenter, persisted under a directory ({@code .kiln/sim}) so it outlives
 * the process like real infrastructure: machines, clusters with their control-plane and
 * worker members, worker pools, registries, backup points and etcd snapshots. Opening reads every object
 * once; afterwards reads come from memory and every change writes through to its own file
 * (see {@link ObjectFiles}). Safe for concurrent actions on different objects.
 */
public final class Datacenter
{
    private static final String MACHINES = "machines";
    private static final String CLUSTERS = "clusters";
    private static final String MEMBERS = "members";
    private static final String POOLS = "pools";
    private static final String REGISTRIES = "registries";
    private static final String BACKUP_POINTS = "backup_points";
    private static final String SNAPSHOTS = "snapshots";

    private final ObjectFiles files;
    private final ConcurrentNavigableMap<String, Machine> machines = new ConcurrentSkipListMap<>();
    private final Map<String, String> machinesByHost = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<String, SimCluster> clusters = new ConcurrentSkipListMap<>();
    private final Map<String, ConcurrentNavigableMap<String, Member>> members = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<String, SimPool> pools = new ConcurrentSkipListMap<>();
    private final ConcurrentNavigableMap<String, SimRegistry> registries = new ConcurrentSkipListMap<>();
    private final ConcurrentNavigableMap<String, SimBackupPoint> backupPoints = new ConcurrentSkipListMap<>();
    private final ConcurrentNavigableMap<String, Snapshot> snapshots = new ConcurrentSkipListMap<>();

    private Datacenter(ObjectFiles files)
    {
        this.files = files;
    }

    /** Opens the datacenter persisted in {@code directory} (empty when the directory does not exist yet). */
    public static Datacenter open(Path directory)
    {
        Datacenter datacenter = new Datacenter(new ObjectFiles(requireNonNull(directory, "directory is null")));
        datacenter.load();
        return datacenter;
    }

    /** The directory the datacenter lives in. */
    public Path directory()
    {
        return files.root();
    }

    /** File reads, writes and deletions since opening. */
    public long fileOperations()
    {
        return files.operations();
    }

    /** Every Kiln resource address that owns an object here (machines, clusters, worker pools, registries, backup points), sorted. */
    public SortedSet<String> owners()
    {
        TreeSet<String> owners = new TreeSet<>();
        owners.addAll(machines.keySet());
        owners.addAll(clusters.keySet());
        members.forEach((cluster, group) -> {
            if (!group.isEmpty()) {
                owners.add(cluster);
            }
        });
        owners.addAll(pools.keySet());
        owners.addAll(registries.keySet());
        owners.addAll(backupPoints.keySet());
        return owners;
    }

    public List<Machine> machines()
    {
        return List.copyOf(machines.values());
    }

    public Optional<Machine> machine(String owner)
    {
        return Optional.ofNullable(machines.get(requireNonNull(owner, "owner is null")));
    }

    /** The machine reachable at a host address. */
    public Optional<Machine> machineAt(String hostAddress)
    {
        return Optional.ofNullable(machinesByHost.get(requireNonNull(hostAddress, "hostAddress is null"))).map(machines::get);
    }

    public void put(Machine machine)
    {
        files.write(MACHINES, machine.owner(), machine);
        Machine previous = machines.put(machine.owner(), machine);
        if (previous != null && !previous.hostAddress().equals(machine.hostAddress())) {
            machinesByHost.remove(previous.hostAddress(), previous.owner());
        }
        machinesByHost.put(machine.hostAddress(), machine.owner());
    }

    public void removeMachine(String owner)
    {
        files.delete(MACHINES, owner);
        Machine removed = machines.remove(owner);
        if (removed != null) {
            machinesByHost.remove(removed.hostAddress(), removed.owner());
        }
    }

    public List<SimCluster> clusters()
    {
        return List.copyOf(clusters.values());
    }

    public Optional<SimCluster> cluster(String owner)
    {
        return Optional.ofNullable(clusters.get(requireNonNull(owner, "owner is null")));
    }

    public void put(SimCluster cluster)
    {
        files.write(CLUSTERS, cluster.owner(), cluster);
        clusters.put(cluster.owner(), cluster);
    }

    /** Removes the cluster; its members must be removed first. */
    public void removeCluster(String owner)
    {
        files.delete(CLUSTERS, owner);
        clusters.remove(owner);
    }

    /** The cluster's members: control plane first, then worker pools by name; by member name within a group. */
    public List<Member> members(String cluster)
    {
        List<Member> found = new ArrayList<>(members.getOrDefault(requireNonNull(cluster, "cluster is null"), new ConcurrentSkipListMap<>()).values());
        found.sort((left, right) -> {
            int byGroup = Boolean.compare(right.isControlPlane(), left.isControlPlane());
            if (byGroup != 0) {
                return byGroup;
            }
            int byPool = left.group().compareTo(right.group());
            return byPool != 0 ? byPool : left.name().compareTo(right.name());
        });
        return List.copyOf(found);
    }

    public void put(Member member)
    {
        files.write(membersKind(member.cluster()), member.name(), member);
        members.computeIfAbsent(member.cluster(), ignored -> new ConcurrentSkipListMap<>()).put(member.name(), member);
    }

    public void remove(Member member)
    {
        files.delete(membersKind(member.cluster()), member.name());
        ConcurrentNavigableMap<String, Member> group = members.get(member.cluster());
        if (group != null) {
            group.remove(member.name());
        }
    }

    public List<SimPool> pools()
    {
        return List.copyOf(pools.values());
    }

    public Optional<SimPool> pool(String owner)
    {
        return Optional.ofNullable(pools.get(requireNonNull(owner, "owner is null")));
    }

    public void put(SimPool pool)
    {
        files.write(POOLS, pool.owner(), pool);
        pools.put(pool.owner(), pool);
    }

    public void removePool(String owner)
    {
        files.delete(POOLS, owner);
        pools.remove(owner);
    }

    public List<SimRegistry> registries()
    {
        return List.copyOf(registries.values());
    }

    public Optional<SimRegistry> registry(String owner)
    {
        return Optional.ofNullable(registries.get(requireNonNull(owner, "owner is null")));
    }

    public void put(SimRegistry registry)
    {
        files.write(REGISTRIES, registry.owner(), registry);
        registries.put(registry.owner(), registry);
    }

    public void removeRegistry(String owner)
    {
        files.delete(REGISTRIES, owner);
        registries.remove(owner);
    }

    public List<SimBackupPoint> backupPoints()
    {
        return List.copyOf(backupPoints.values());
    }

    public Optional<SimBackupPoint> backupPoint(String owner)
    {
        return Optional.ofNullable(backupPoints.get(requireNonNull(owner, "owner is null")));
    }

    public void put(SimBackupPoint backupPoint)
    {
        files.write(BACKUP_POINTS, backupPoint.owner(), backupPoint);
        backupPoints.put(backupPoint.owner(), backupPoint);
    }

    public void removeBackupPoint(String owner)
    {
        files.delete(BACKUP_POINTS, owner);
        backupPoints.remove(owner);
    }

    /** Snapshots, by cluster then name. */
    public List<Snapshot> snapshots()
    {
        return List.copyOf(snapshots.values());
    }

    public void put(Snapshot snapshot)
    {
        String key = snapshotKey(snapshot);
        files.write(SNAPSHOTS, key, snapshot);
        snapshots.put(key, snapshot);
    }

    /** Removes temporary files that writes of a killed process left behind; call only while no other process writes here. */
    void removeLeftovers()
    {
        files.removeLeftovers();
    }

    private void load()
    {
        for (Machine machine : files.readAll(MACHINES, Machine.class)) {
            machines.put(machine.owner(), machine);
            machinesByHost.put(machine.hostAddress(), machine.owner());
        }
        files.readAll(CLUSTERS, SimCluster.class).forEach(cluster -> clusters.put(cluster.owner(), cluster));
        for (String directory : files.subdirectories(MEMBERS)) {
            for (Member member : files.readAll(MEMBERS + "/" + directory, Member.class)) {
                members.computeIfAbsent(member.cluster(), ignored -> new ConcurrentSkipListMap<>()).put(member.name(), member);
            }
        }
        files.readAll(POOLS, SimPool.class).forEach(pool -> pools.put(pool.owner(), pool));
        files.readAll(REGISTRIES, SimRegistry.class).forEach(registry -> registries.put(registry.owner(), registry));
        files.readAll(BACKUP_POINTS, SimBackupPoint.class).forEach(point -> backupPoints.put(point.owner(), point));
        files.readAll(SNAPSHOTS, Snapshot.class).forEach(snapshot -> snapshots.put(snapshotKey(snapshot), snapshot));
    }

    private static String membersKind(String cluster)
    {
        return MEMBERS + "/" + ObjectFiles.fileName(cluster);
    }

    private static String snapshotKey(Snapshot snapshot)
    {
        return snapshot.cluster() + "/" + snapshot.name();
    }
}
