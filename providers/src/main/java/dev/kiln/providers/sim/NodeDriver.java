package dev.kiln.providers.sim;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.ResourceInstance;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes node resources real as simulated machines. Each step observes first: a machine
 * already provisioned is not provisioned again, one already gone is not deleted again.
 */
final class NodeDriver
        implements Driver
{
    private final Simulator simulator;

    NodeDriver(Simulator simulator)
    {
        this.simulator = simulator;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws Exception
    {
        ResourceChange change = request.change();
        simulator.injection().start(change.address().toString(), context);
        return switch (change.action()) {
            case CREATE -> ApplyResponse.of(create(change.address(), change.after().orElseThrow(), context));
            case UPDATE -> ApplyResponse.of(update(change.address(), change.after().orElseThrow(), context));
            case REPLACE -> {
                deleteUnlessReplaced(change.address(), request.prior(), context);
                yield ApplyResponse.of(create(change.address(), change.after().orElseThrow(), context));
            }
            case DELETE -> {
                delete(change.address(), context);
                yield ApplyResponse.deleted();
            }
            case NO_OP -> ApplyResponse.of(NodeObservation.observe(simulator.datacenter(), change.address())
                    .orElseThrow(() -> new SimulatedFailureException("the machine of " + change.address() + " is gone")));
        };
    }

    @Override
    public Set<Bound> bounds(ResourceChange change)
    {
        Optional<String> host = change.after().or(change::before).flatMap(value -> ValueParts.string(value, "address"));
        return host.map(address -> Set.of(Bound.of("host:" + address, 1))).orElse(Set.of());
    }

    private Value create(ResourceAddress address, Value planned, ActionContext context)
            throws SimulatedFailureException
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        String host = ValueParts.string(planned, "address")
                .orElseThrow(() -> new SimulatedFailureException("the address of " + owner + " is not known, so no machine can be provisioned"));
        String shown = Steps.shown(planned, "address");
        Optional<Machine> taken = datacenter.machineAt(host).filter(machine -> !machine.owner().equals(owner));
        if (taken.isPresent()) {
            throw new SimulatedFailureException("another machine, " + taken.get().owner() + ", already has the address " + shown);
        }
        Optional<Machine> existing = datacenter.machine(owner);
        if (existing.isPresent() && existing.get().hostAddress().equals(host) && isComplete(existing.get())) {
            context.progress("the machine at " + shown + " is already provisioned");
            return finish(datacenter, existing.get(), planned);
        }
        Machine machine = existing.filter(found -> found.hostAddress().equals(host))
                .orElseGet(() -> new Machine(owner, UUID.randomUUID().toString(), host, hostname(address, planned), Status.PROVISIONING, null));
        if (existing.isPresent() && !existing.get().hostAddress().equals(host)) {
            datacenter.removeMachine(owner);
        }
        datacenter.put(machine.withStatus(Status.PROVISIONING));
        context.progress("provisioning the machine at " + shown);
        simulator.time().spend(Operation.PROVISION_MACHINE, context);
        return finish(datacenter, machine.withStatus(Status.READY), planned);
    }

    private Value update(ResourceAddress address, Value planned, ActionContext context)
            throws SimulatedFailureException
    {
        Datacenter datacenter = simulator.datacenterForChange();
        Machine machine = datacenter.machine(address.toString()).filter(NodeDriver::isComplete)
                .orElseThrow(() -> new SimulatedFailureException("the machine of " + address + " is gone; the next plan creates it again"));
        context.progress("updating the machine of " + address);
        simulator.time().spend(Operation.UPDATE_MACHINE, context);
        return finish(datacenter, machine, planned);
    }

    private void deleteUnlessReplaced(ResourceAddress address, Optional<ResourceInstance> prior, ActionContext context)
    {
        Optional<Machine> machine = simulator.datacenterForChange().machine(address.toString());
        if (machine.isPresent() && (!isComplete(machine.get()) || Replacement.holdsOriginal(machine.get().attributes(), prior, NodeObservation.SCHEMA))) {
            delete(address, context);
        }
    }

    private void delete(ResourceAddress address, ActionContext context)
    {
        Datacenter datacenter = simulator.datacenterForChange();
        Optional<Machine> machine = datacenter.machine(address.toString());
        if (machine.isEmpty()) {
            context.progress("the machine of " + address + " is already gone");
            return;
        }
        datacenter.put(machine.get().withStatus(Status.DELETING));
        context.progress("powering off the machine of " + address);
        simulator.time().spend(Operation.DELETE_MACHINE, context);
        datacenter.removeMachine(address.toString());
    }

    private static Value finish(Datacenter datacenter, Machine machine, Value planned)
    {
        Value value = ValueParts.fill(planned, NodeObservation.withFacts(planned, machine));
        datacenter.put(machine.withAttributes(ValueParts.toJson(value)));
        return value;
    }

    private static boolean isComplete(Machine machine)
    {
        return machine.status() != Status.PROVISIONING && machine.status() != Status.DELETING && !machine.attributes().isNull();
    }

    private static String hostname(ResourceAddress address, Value planned)
    {
        return ValueParts.string(planned, "node_name").map(Names::label).orElseGet(() -> Names.hostname(address));
    }
}
