package dev.kiln.providers.sim;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes cluster resources real in the simulated datacenter: creates and updates converge the
 * cluster's control plane to the configured shape ({@link ClusterConvergence}); deletion (after
 * its worker pools' own) tears the control plane down, with any member left, and removes the
 * cluster. The returned value has the endpoint, CA certificate, kubeconfig (sensitive), status and version the simulator gave it.
 */
final class ClusterDriver
        implements Driver
{
    private static final int API_SERVER_PORT = 6443;

    private final Simulator simulator;

    ClusterDriver(Simulator simulator)
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
            case CREATE, UPDATE, NO_OP -> ApplyResponse.of(converge(change.address(), change.after().orElseThrow(), context));
            case REPLACE -> {
                Optional<SimCluster> existing = simulator.datacenterForChange().cluster(change.address().toString());
                if (existing.isEmpty() || existing.get().status() != Status.READY
                        || Replacement.holdsOriginal(existing.get().attributes(), request.prior(), ClusterObservation.SCHEMA)) {
                    delete(change.address(), context);
                }
                yield ApplyResponse.of(converge(change.address(), change.after().orElseThrow(), context));
            }
            case DELETE -> {
                delete(change.address(), context);
                yield ApplyResponse.deleted();
            }
        };
    }

    private Value converge(ResourceAddress address, Value planned, ActionContext context)
            throws SimulatedFailureException
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        Value resolved = References.resolve(planned, datacenter);
        ClusterShape shape = ClusterShape.of(resolved, Names.hostname(address));
        String version = shape.version().orElseThrow(() -> unknown(owner, "Kubernetes version"));
        if (shape.controlPlane().members().isEmpty() || shape.controlPlane().members().get().isEmpty()) {
            throw unknown(owner, "control plane's nodes");
        }
        Optional<SimCluster> existing = datacenter.cluster(owner);
        SimCluster cluster = existing.orElseGet(() -> newCluster(owner, resolved, shape, version));
        if (existing.isEmpty()) {
            datacenter.put(cluster);
        }
        ClusterConvergence convergence = new ClusterConvergence(simulator, datacenter, context, cluster);
        try {
            convergence.converge(shape, version);
        }
        catch (SimulatedFailureException e) {
            SimCluster failed = convergence.cluster();
            if (!failed.attributes().isNull()) {
                datacenter.put(failed.withStatus(Status.FAILED));
            }
            throw e;
        }
        SimCluster ready = convergence.cluster().withStatus(Status.READY);
        Value value = ValueParts.fill(resolved, ClusterObservation.withWorld(resolved, ready, datacenter));
        datacenter.put(ready.withAttributes(ValueParts.toJson(value)));
        return value;
    }

    private void delete(ResourceAddress address, ActionContext context)
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        Optional<SimCluster> cluster = datacenter.cluster(owner);
        if (cluster.isEmpty() && datacenter.members(owner).isEmpty()) {
            context.progress(owner + " is already gone");
            return;
        }
        cluster.ifPresent(found -> datacenter.put(found.withStatus(Status.DELETING)));
        context.progress("tearing down the control plane");
        simulator.time().spend(Operation.DELETE_CLUSTER, context);
        datacenter.members(owner).reversed().forEach(datacenter::remove);
        datacenter.removeCluster(owner);
    }

    private static SimCluster newCluster(String owner, Value planned, ClusterShape shape, String version)
    {
        String id = UUID.randomUUID().toString();
        String host = ValueParts.attribute(planned, "control_plane")
                .flatMap(block -> ValueParts.string(block, "endpoint"))
                .orElse(shape.controlPlane().members().orElseThrow().getFirst().hostAddress());
        String endpoint = "https://" + (host.contains(":") ? host : host + ":" + API_SERVER_PORT);
        String certificate = certificate(id);
        String name = owner.substring(owner.indexOf('.') + 1);
        return new SimCluster(owner, id, version, endpoint, certificate, kubeconfig(name, endpoint, certificate), Status.PROVISIONING, null);
    }

    private static String certificate(String id)
    {
        try {
            byte[] body = MessageDigest.getInstance("SHA-512").digest(("kiln-sim-ca:" + id).getBytes(StandardCharsets.UTF_8));
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body)
                    + "\n-----END CERTIFICATE-----\n";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this Java runtime", e);
        }
    }

    private static String kubeconfig(String name, String endpoint, String certificate)
    {
        String authority = Base64.getEncoder().encodeToString(certificate.getBytes(StandardCharsets.US_ASCII));
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                    certificate-authority-data: %3$s
                users:
                - name: %1$s-admin
                  user:
                    token: %4$s
                contexts:
                - name: %1$s-admin@%1$s
                  context:
                    cluster: %1$s
                    user: %1$s-admin
                current-context: %1$s-admin@%1$s
                """.formatted(name, endpoint, authority, UUID.randomUUID().toString().replace("-", ""));
    }

    private static SimulatedFailureException unknown(String owner, String what)
    {
        return new SimulatedFailureException("the " + what + " of " + owner + " are not known at apply time");
    }
}
