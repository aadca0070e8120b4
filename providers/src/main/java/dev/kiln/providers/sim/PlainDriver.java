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

/**
 * Makes registries and backup points real in the simulated datacenter: one object each,
 * created, updated and deleted re-entrantly.
 */
final class PlainDriver
        implements Driver
{
    /** How one kind of object is kept in the datacenter. */
    private interface Kind
    {
        /** The object's status and persisted attributes, when it exists. */
        Optional<Stored> find(Datacenter datacenter, String owner);

        ResourceSchema schema();

        /** The computed attribute's name and value for the planned object. */
        String computedName();

        Optional<String> computedValue(Value planned);

        void write(Datacenter datacenter, String owner, String computed, Status status, JsonNode attributes);

        void remove(Datacenter datacenter, String owner);

        Operation create();

        Operation delete();
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
        return new PlainDriver(simulator, new Kind()
        {
            @Override
            public Optional<Stored> find(Datacenter datacenter, String owner)
            {
                return datacenter.registry(owner).map(registry -> new Stored(registry.status(), registry.address(), registry.attributes()));
            }

            @Override
            public ResourceSchema schema()
            {
                return PlainObservation.REGISTRY_SCHEMA;
            }

            @Override
            public String computedName()
            {
                return "address";
            }

            @Override
            public Optional<String> computedValue(Value planned)
            {
                return PlainObservation.registryAddress(planned);
            }

            @Override
            public void write(Datacenter datacenter, String owner, String computed, Status status, JsonNode attributes)
            {
                datacenter.put(new SimRegistry(owner, computed, status, attributes));
            }

            @Override
            public void remove(Datacenter datacenter, String owner)
            {
                datacenter.removeRegistry(owner);
            }

            @Override
            public Operation create()
            {
                return Operation.CREATE_REGISTRY;
            }

            @Override
            public Operation delete()
            {
                return Operation.DELETE_REGISTRY;
            }
        });
    }

    static PlainDriver backupPoint(Simulator simulator)
    {
        return new PlainDriver(simulator, new Kind()
        {
            @Override
            public Optional<Stored> find(Datacenter datacenter, String owner)
            {
                return datacenter.backupPoint(owner).map(point -> new Stored(point.status(), point.location(), point.attributes()));
            }

            @Override
            public ResourceSchema schema()
            {
                return PlainObservation.BACKUP_POINT_SCHEMA;
            }

            @Override
            public String computedName()
            {
                return "location";
            }

            @Override
            public Optional<String> computedValue(Value planned)
            {
                return PlainObservation.location(planned);
            }

            @Override
            public void write(Datacenter datacenter, String owner, String computed, Status status, JsonNode attributes)
            {
                datacenter.put(new SimBackupPoint(owner, computed, status, attributes));
            }

            @Override
            public void remove(Datacenter datacenter, String owner)
            {
                datacenter.removeBackupPoint(owner);
            }

            @Override
            public Operation create()
            {
                return Operation.CREATE_BACKUP_POINT;
            }

            @Override
            public Operation delete()
            {
                return Operation.DELETE_BACKUP_POINT;
            }
        });
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
        String computed = kind.computedValue(planned)
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
        kind.remove(datacenter, owner);
    }
}
