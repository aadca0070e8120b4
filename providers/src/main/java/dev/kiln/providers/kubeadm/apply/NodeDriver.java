package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.kubeadm.remote.Remote;
import dev.kiln.providers.kubeadm.spec.ClusterSpecs;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.SshSpec;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.steps.Facts;
import dev.kiln.providers.kubeadm.steps.HostSetup;
import dev.kiln.providers.kubeadm.steps.NodeReset;
import dev.kiln.providers.kubeadm.steps.Preflight;
import dev.kiln.providers.kubeadm.steps.StepRunner;

import java.util.Optional;
import java.util.Set;

/**
 * Prepares a host for Kubernetes: gathers its facts, turns swap off, loads the kernel modules,
 * sets forwarding and bridge filtering, and runs the preflight checks of its role (a control
 * plane of a kubeadm cluster in the configuration, else a worker). The cluster then installs
 * the runtime and binaries at its version. Deleting a node resets the host completely. One
 * mutating action runs per host at a time ({@code host:ADDRESS}).
 */
final class NodeDriver
        implements Driver
{
    private final Environment environment;

    NodeDriver(Environment environment)
    {
        this.environment = environment;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
    {
        ResourceChange change = request.change();
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP, REPLACE -> {
                Value planned = change.after().orElseThrow();
                NodeSpec node = spec(change, planned);
                if (change.action() == Action.REPLACE) {
                    change.before().map(before -> spec(change, before)).ifPresent(previous -> reset(previous, context));
                }
                Remote host = environment.connector().open(node, context);
                StepRunner.runAll(host, HostSetup.steps(), context);
                Facts facts = Facts.gather(host);
                Preflight.check(host, node.address(), facts, environment.roles().isControlPlane(change.address()));
                Optional<String> hostKey = node.ssh().trustOnFirstUse() && node.ssh().hostKey().isEmpty() ? host.hostKey() : Optional.empty();
                yield ApplyResponse.of(Filling.unknownsToNull(Filling.secretsMarked(Filling.node(planned, facts, hostKey))));
            }
            case DELETE -> {
                reset(spec(change, change.before().orElseThrow()), context);
                yield ApplyResponse.deleted();
            }
        };
    }

    @Override
    public Set<Bound> bounds(ResourceChange change)
    {
        return change.after().or(change::before)
                .flatMap(value -> Values.string(value, "address"))
                .map(address -> Set.of(environment.hostBound(address)))
                .orElse(Set.of());
    }

    private NodeSpec spec(ResourceChange change, Value value)
    {
        String address = Values.string(value, "address").orElseThrow(() -> new IllegalArgumentException("the address of " + change.address() + " is not known"));
        return new NodeSpec(address, environment.names().name(change.address(), value), SshSpec.of(value), Values.stringMap(value, "labels"),
                Values.strings(value, "taints"), Values.string(value, "region"));
    }

    private void reset(NodeSpec node, ActionContext context)
    {
        Remote host = environment.connector().open(node, context);
        StepRunner.runAll(host, NodeReset.steps(ClusterSpecs.DEFAULT_ETCD_DATA_DIR), context);
    }
}
