package dev.kiln.cli;

import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.graph.InstanceProviders;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.journal.JournalContents;
import dev.kiln.state.journal.JournalRecord;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "status",
        description = {"Show each cluster's status: Installing, Scaling up, Scaling down, Upgrading, Deleting (a run is changing it or its "
                + "worker pools), Failed, Abnormal or Healthy (from the state and a fresh read of the cluster and its worker pools).",
                "Reads only; takes no lock, so it also works while an apply runs."})
final class StatusCommand
        implements Callable<Integer>
{
    static final String CLUSTER_TYPE = "cluster";
    static final String POOL_TYPE = ChildKind.WORKER_POOL.type();

    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Mixin
    private VariableOptions variables;

    StatusCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        workspace.useVariables(inputs);
        if (!ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        State state = workspace.readState();
        Optional<State> stored = workspace.backend().read().map(StateSnapshot::state);
        Map<ResourceAddress, JournalRecord.Intent> open = openIntents(JournalContents.read(workspace.journalFile(), workspace.encryption()));
        boolean running = !open.isEmpty() && lockHeld(workspace);
        List<ResourceInstance> clusters = state.resources().values().stream().filter(instance -> instance.type().equals(CLUSTER_TYPE)).toList();
        List<ClusterStatus> statuses = new ArrayList<>();
        Map<ResourceAddress, JournalRecord.Intent> changing = running ? changingClusters(open) : Map.of();
        changing.values().forEach(intent -> statuses.add(ClusterStatus.inProgress(intent, stored.flatMap(recorded -> recorded.resource(intent.address())))));
        List<ResourceInstance> settled = clusters.stream().filter(instance -> !changing.containsKey(instance.address())).toList();
        if (!settled.isEmpty()) {
            Optional<Planning> planning = Planning.load(workspace, inputs, state);
            if (planning.isEmpty()) {
                return ExitCodes.ERROR;
            }
            InstanceProviders providers = InstanceProviders.of(planning.get().config(), state);
            for (ResourceInstance instance : settled) {
                List<ResourceInstance> pools = state.resources().values().stream()
                        .filter(pool -> pool.type().equals(POOL_TYPE) && pool.address().root().equals(instance.address()))
                        .toList();
                statuses.add(ClusterStatus.settled(instance, pools, providers::provider, planning.get().providers().resourceTypes(),
                        planning.get().providers().refresher(), address -> !running && open.containsKey(address)));
            }
        }
        if (statuses.isEmpty()) {
            invocation.out().println("No clusters are recorded in the state. Run kiln apply to create the configured ones.");
            return ExitCodes.OK;
        }
        print(statuses.stream().sorted((left, right) -> left.address().compareTo(right.address())).toList());
        return ExitCodes.OK;
    }

    private void print(List<ClusterStatus> statuses)
    {
        int addressWidth = Math.max("CLUSTER".length(), statuses.stream().mapToInt(status -> status.address().toString().length()).max().orElse(0));
        int versionWidth = Math.max("VERSION".length(), statuses.stream().mapToInt(status -> status.version().length()).max().orElse(0));
        String format = "%-" + addressWidth + "s  %-10s  %-" + versionWidth + "s  %s";
        invocation.out().println(format.formatted("CLUSTER", "STATUS", "VERSION", "DETAIL").stripTrailing());
        for (ClusterStatus status : statuses) {
            invocation.out().println(format.formatted(status.address(), status.status(), status.version(), status.detail()).stripTrailing());
        }
    }

    /**
     * The open intent that says what a run is doing to each cluster: the cluster's own, else one
     * of its worker pools' (by address, so the first pool's).
     */
    private static Map<ResourceAddress, JournalRecord.Intent> changingClusters(Map<ResourceAddress, JournalRecord.Intent> open)
    {
        Map<ResourceAddress, JournalRecord.Intent> changing = new TreeMap<>();
        open.values().stream()
                .filter(intent -> intent.address().type().equals(CLUSTER_TYPE) || intent.address().type().equals(POOL_TYPE))
                .sorted((left, right) -> left.address().compareTo(right.address()))
                .forEach(intent -> changing.putIfAbsent(intent.address().root(), intent));
        return changing;
    }

    private static Map<ResourceAddress, JournalRecord.Intent> openIntents(JournalContents journal)
    {
        Map<String, JournalRecord.Intent> bySequence = new HashMap<>();
        for (JournalRecord record : journal.records()) {
            String key = record.runId() + "#" + record.sequence();
            switch (record) {
                case JournalRecord.Intent intent -> bySequence.put(key, intent);
                case JournalRecord.Result result -> bySequence.remove(key);
            }
        }
        Map<ResourceAddress, JournalRecord.Intent> byAddress = new HashMap<>();
        bySequence.values().forEach(intent -> byAddress.put(intent.address(), intent));
        return byAddress;
    }

    /** Whether another run holds the state lock now (a try that, when it succeeds, is released at once). */
    private static boolean lockHeld(Workspace workspace)
    {
        LockAttempt attempt = workspace.backend().tryLock(LockRequest.forThisProcess("status", workspace.kilnVersion()));
        return switch (attempt) {
            case LockAttempt.Acquired acquired -> {
                workspace.backend().unlock(acquired.handle());
                yield false;
            }
            case LockAttempt.Held held -> true;
        };
    }
}
