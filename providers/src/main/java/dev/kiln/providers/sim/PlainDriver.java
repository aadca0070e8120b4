package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.ResourceSchema;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Makes registries and backup points real in the simulated datacenter: one object each,
 * created, updated and deleted re-entrantly.
 */
final class PlainDriver
        implements Driver
{
    /** How the datacenter keeps the object's status, computed attribute and persisted attributes. */
    @FunctionalInterface
    private interface Finder
    {
        Optional<Stored> find(Datacenter datacenter, String owner);
    }

    @FunctionalInterface
    private interface Writer
    {
        void write(Datacenter datacenter, String owner, String computed, Status status, JsonNode attributes);
    }

    /**
     * One kind of object kept in the datacenter: how to find, write and remove it, its schema,
     * its computed attribute (name, and its value for a planned object), and the simulated
     * operations creating and deleting it take.
     */
    private record Kind(
            Finder finder,
            Writer writer,
            BiConsumer<Datacenter, String> remover,
            ResourceSchema schema,
            String computedName,
            Function<Value, Optional<String>> computedValue,
            Operation create,
            Operation delete)
    {
        Optional<Stored> find(Datacenter datacenter, String owner)
        {
            return finder.find(datacenter, owner);
        }

        void write(Datacenter datacenter, String owner, String computed, Status status, JsonNode attributes)
        {
            writer.write(datacenter, owner, computed, status, attributes);
        }
    }

    private record Stored(Status status, String computed, JsonNode attributes) {}

    private final Simulator simulator;
    private final Kind kind;

    private PlainDriver(Simulator simulator, Kind kind)
    {
        this.simulator = simulator;
        this.kind = kind;
    }

    static PlainDriver registry(Simulator simulator)
    {
        return new PlainDriver(simulator, new Kind(
                (datacenter, owner) -> datacenter.registry(owner).map(registry -> new Stored(registry.status(), registry.address(), registry.attributes())),
                (datacenter, owner, computed, status, attributes) -> datacenter.put(new SimRegistry(owner, computed, status, attributes)),
                Datacenter::removeRegistry,
                PlainObservation.REGISTRY_SCHEMA,
                "address",
                PlainObservation::registryAddress,
                Operation.CREATE_REGISTRY,
                Operation.DELETE_REGISTRY));
    }

    static PlainDriver backupPoint(Simulator simulator)
    {
        return new PlainDriver(simulator, new Kind(
                (datacenter, owner) -> datacenter.backupPoint(owner).map(point -> new Stored(point.status(), point.location(), point.attributes())),
                (datacenter, owner, computed, status, attributes) -> datacenter.put(new SimBackupPoint(owner, computed, status, attributes)),
                Datacenter::removeBackupPoint,
                PlainObservation.BACKUP_POINT_SCHEMA,
                "location",
                PlainObservation::location,
                Operation.CREATE_BACKUP_POINT,
                Operation.DELETE_BACKUP_POINT));
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws Exception
    {
        ResourceChange change = request.change();
        simulator.injection().start(change.address().toString(), context);
        return switch (change.action()) {
            case CREATE, UPDATE -> ApplyResponse.of(put(change.address(), change.after().orElseThrow(), context));
            case REPLACE -> {
                Optional<Stored> existing = kind.find(simulator.datacenterForChange(), change.address().toString());
                if (existing.isPresent() && (existing.get().status() != Status.READY
                        || Replacement.holdsOriginal(existing.get().attributes(), request.prior(), kind.schema()))) {
                    delete(change.address(), context);
                }
                yield ApplyResponse.of(put(change.address(), change.after().orElseThrow(), context));
            }
            case DELETE -> {
                delete(change.address(), context);
                yield ApplyResponse.deleted();
            }
            case NO_OP -> ApplyResponse.of(put(change.address(), change.after().orElseThrow(), context));
        };
    }

    private Value put(ResourceAddress address, Value planned, ActionContext context)
            throws SimulatedFailureException
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        String computed = kind.computedValue().apply(planned)
                .orElseThrow(() -> new SimulatedFailureException("the " + kind.computedName() + " of " + owner + " cannot be known: its arguments are not known"));
        Value value = ValueParts.fill(planned, ValueParts.with(planned, kind.computedName(), Value.string(computed)));
        Optional<Stored> existing = kind.find(datacenter, owner);
        boolean ready = existing.map(stored -> stored.status() == Status.READY && stored.computed().equals(computed)).orElse(false);
        if (!ready) {
            kind.write(datacenter, owner, computed, Status.PROVISIONING, null);
            context.progress("setting up " + owner);
            simulator.time().spend(kind.create(), context);
        }
        kind.write(datacenter, owner, computed, Status.READY, ValueParts.toJson(value));
        return value;
    }

    private void delete(ResourceAddress address, ActionContext context)
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        Optional<Stored> existing = kind.find(datacenter, owner);
        if (existing.isEmpty()) {
            return;
        }
        kind.write(datacenter, owner, existing.get().computed(), Status.DELETING, existing.get().attributes());
        context.progress("removing " + owner);
        simulator.time().spend(kind.delete(), context);
        kind.remover().accept(datacenter, owner);
    }
}
