package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.Importer;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "import",
        description = {"Adopt an object that already exists into the state, so Kiln manages it from now on.",
                "kiln import cluster.NAME NAMESPACE/NAME adopts a Cluster API cluster (and its configured pools) of a capi provider;",
                "the next plan shows only how it differs from the configuration."})
final class ImportCommand
        implements Callable<Integer>
{
    static final String SUMMARY = "Cannot import";

    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Mixin
    private VariableOptions variables;

    @Mixin
    private LockOptions lockOptions;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The configured instance to import into, such as cluster.prod.")
    private String addressText;

    @Parameters(index = "1", paramLabel = "ID", description = "The object's id in the provider's terms: NAMESPACE/NAME of the Cluster for capi.")
    private String id;

    ImportCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        Optional<ResourceAddress> address = StateAddresses.parse(workspace, addressText);
        if (address.isEmpty()) {
            return ExitCodes.ERROR;
        }
        try (StateSession session = StateSession.open(workspace, "import", lockOptions.lockTimeout)) {
            workspace.show(session.recoveryDiagnostics());
            State current = session.state();
            if (current.resource(address.get()).isPresent()) {
                return fail(workspace, address.get() + " is already in the state. Forget it first with kiln state rm " + address.get()
                        + " to import another object into it.");
            }
            Optional<Planning> planning = Planning.load(workspace, inputs, current, session);
            if (planning.isEmpty()) {
                return ExitCodes.ERROR;
            }
            if (!address.get().type().equals(KilnSchemas.CLUSTER) || planning.get().config().resource(address.get()).isEmpty()) {
                return fail(workspace, address.get() + " is not a configured cluster. Add a cluster block for it (with provider = capi), then import.");
            }
            PlanResult result = planning.get().plan(new PlanOptions(PlanMode.NORMAL, new TreeSet<>(List.of(address.get())), new TreeSet<>(), false));
            workspace.show(result.diagnostics(), planning.get().sources());
            if (!result.applicable()) {
                return ExitCodes.ERROR;
            }
            List<ResourceChange> created = result.plan().orElseThrow().changes().stream()
                    .filter(change -> change.action() == Action.CREATE && change.after().isPresent())
                    .filter(change -> change.address().equals(address.get()) || change.address().parent().filter(address.get()::equals).isPresent())
                    .toList();
            Optional<ResourceChange> own = created.stream().filter(change -> change.address().equals(address.get())).findFirst();
            if (own.isEmpty()) {
                return fail(workspace, "Kiln has nothing to create for " + address.get() + ", so there is nothing to import into.");
            }
            String provider = own.get().provider();
            Optional<Importer> importer = planning.get().providers().importers().apply(provider, KilnSchemas.CLUSTER);
            if (importer.isEmpty()) {
                return fail(workspace, address.get() + " uses provider " + provider + ", which cannot import existing objects; only capi providers can.");
            }
            TreeMap<ResourceAddress, Value> configured = new TreeMap<>();
            created.forEach(change -> configured.put(change.address(), change.after().get()));
            SortedMap<ResourceAddress, Value> imported;
            try {
                imported = importer.get().read(address.get(), id, configured);
            }
            catch (IllegalArgumentException e) {
                return fail(workspace, e.getMessage());
            }
            catch (RuntimeException e) {
                return fail(workspace, "Reading " + id + " through provider " + provider + " failed: " + e.getMessage());
            }
            State.Builder builder = current.toBuilder();
            Instant now = Instant.now();
            imported.forEach((instance, value) -> builder.putResource(new ResourceInstance(instance, provider, StateValues.attributes(value),
                    StateValues.sensitivePaths(value), instance.parent().map(List::of).orElse(List.of()), InstanceStatus.READY, false, now, now)));
            session.commit(builder.build());
            invocation.out().println(workspace.styles().green(workspace.styles().bold("Import successful!")));
            invocation.out().println();
            invocation.out().println("Imported " + id + " as " + String.join(", ", imported.keySet().stream().map(ResourceAddress::toString).toList()) + ".");
            invocation.out().println("Kiln manages it from now on; kiln plan shows how it differs from the configuration.");
            return ExitCodes.OK;
        }
    }

    private static int fail(Workspace workspace, String detail)
    {
        workspace.show(List.of(Diagnostic.errorWithoutSource(SUMMARY, detail)));
        return ExitCodes.ERROR;
    }
}
