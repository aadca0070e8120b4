package dev.kiln.providers.capi;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.KubeWait;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.capi.render.CapiRenderer;
import dev.kiln.providers.capi.render.RenderInputs;
import dev.kiln.providers.capi.render.RenderedObject;
import dev.kiln.providers.capi.render.RenderedPool;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes capi worker pools ({@code cluster.prod.pool["md-0"]}) real: each pool is a
 * MachineDeployment with its machine template and KubeadmConfigTemplate. It runs after its
 * cluster, whose control plane is then at the new version. An upgrade goes one minor
 * version at a time, each hop waited for; scaling down by a named machine marks that
 * Machine with {@value #DELETE_MACHINE} first, so Cluster API removes it rather than another;
 * deleting waits until the pool's machines are gone.
 */
final class PoolDriver
        implements Driver
{
    static final String DELETE_MACHINE = "cluster.x-k8s.io/delete-machine";

    private final ManagementCluster management;
    private final Model model;

    PoolDriver(ManagementCluster management, Model model)
    {
        this.management = management;
        this.model = model;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
    {
        ResourceChange change = request.change();
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP -> ApplyResponse.of(converge(change.address(), change.before(), change.after().orElseThrow(), context));
            case REPLACE -> {
                delete(change.address(), context);
                yield ApplyResponse.of(converge(change.address(), Optional.empty(), change.after().orElseThrow(), context));
            }
            case DELETE -> {
                delete(change.address(), context);
                yield ApplyResponse.deleted();
            }
        };
    }

    private Value converge(ResourceAddress address, Optional<Value> prior, Value planned, ActionContext context)
    {
        ResourceAddress clusterAddress = PoolNames.cluster(address);
        Cluster cluster = Optional.ofNullable(model.clusters().get(clusterAddress))
                .orElseThrow(() -> new IllegalStateException(clusterAddress + " is not in the configuration, so the objects of " + address + " cannot be rendered"));
        Cluster.WorkerPool pool = cluster.workerPools().stream().filter(candidate -> candidate.name().equals(PoolNames.pool(address))).findFirst()
                .orElseThrow(() -> new IllegalStateException(address + " is not in the configuration"));
        management.prepare(context);
        KubeClient client = management.client();
        RenderedPool rendered = CapiRenderer.renderPool(cluster, pool, management.settings().model(), management.version(), RenderInputs.of(model, cluster));
        if (!rendered.objects().stream().allMatch(RenderedObject::isComplete)) {
            throw new IllegalStateException(address + " has values known only after apply in its Cluster API objects: run kiln apply again");
        }
        String clusterName = CapiRenderer.clusterName(cluster);
        String deploymentName = rendered.machineDeployment().name();
        ClusterSnapshot before = ClusterSnapshot.read(client, management.version(), clusterName);
        String target = ObjectFields.text(ClusterDriver.resource(rendered.machineDeployment()), "spec", "template", "spec", "version").orElse("");
        ClusterDriver.apply(client, rendered.machineTemplate(), context);
        ClusterDriver.apply(client, rendered.bootstrapTemplate(), context);
        Optional<GenericKubernetesResource> existing = Optional.ofNullable(before.deployments().get(deploymentName));
        Optional<String> running = existing.flatMap(found -> ObjectFields.text(found, "spec", "template", "spec", "version"));
        for (String hop : running.map(from -> UpgradeChain.hops(from, target)).orElse(List.of())) {
            if (!hop.equals(target)) {
                context.progress("upgrading pool " + pool.name() + " to " + hop);
                ClusterDriver.apply(client, ClusterDriver.withVersion(rendered.machineDeployment(), hop), context);
                Waits.await(management, "pool " + pool.name() + " to run " + hop, snapshot -> ClusterReadiness.poolAt(snapshot, deploymentName, hop),
                        clusterName, management.settings().timeouts().apply(), context);
            }
        }
        existing.ifPresent(deployment -> markRemovedMachines(client, before, deployment, prior, planned, context));
        ClusterDriver.apply(client, rendered.machineDeployment(), context);
        ClusterSnapshot ready = Waits.await(management, "pool " + pool.name() + " to have every machine ready", snapshot -> ClusterReadiness.poolReady(snapshot, deploymentName, target),
                clusterName, management.settings().timeouts().apply(), context);
        GenericKubernetesResource deployment = ready.deployments().get(deploymentName);
        TemplateCleanup.pool(client, ready, deployment, true, context);
        return KnownValues.fill(planned, ClusterValue.observePool(planned, ready, deployment));
    }

    /**
     * A pool that lists its machines by name (Bring Your Own Host: {@code nodes}) and loses
     * some: those Machines get the delete-machine annotation before the replicas go down.
     */
    private static void markRemovedMachines(KubeClient client, ClusterSnapshot before, GenericKubernetesResource deployment, Optional<Value> prior, Value planned,
            ActionContext context)
    {
        List<String> removed = PoolMembers.removed(prior, planned);
        if (removed.isEmpty()) {
            return;
        }
        for (GenericKubernetesResource machine : before.poolMachines(deployment.getMetadata().getName())) {
            if (PoolMembers.matches(machine, removed)) {
                context.progress("marking " + ObjectRef.of(machine) + " for deletion (" + DELETE_MACHINE + ")");
                client.patch(ObjectRef.of(machine), Map.of("metadata", Map.of("annotations", Map.of(DELETE_MACHINE, "yes"))), context::progress);
            }
        }
    }

    private void delete(ResourceAddress address, ActionContext context)
    {
        KubeClient client = management.client();
        String clusterName = CapiNames.cluster(PoolNames.cluster(address));
        String deploymentName = PoolNames.deployment(address);
        ClusterSnapshot before = ClusterSnapshot.read(client, management.version(), clusterName);
        GenericKubernetesResource deployment = before.deployments().get(deploymentName);
        if (deployment == null) {
            context.progress("MachineDeployment " + client.namespace() + "/" + deploymentName + " is already gone");
            return;
        }
        client.delete(ObjectRef.of(deployment), context::progress);
        Waits.await(management, "MachineDeployment " + client.namespace() + "/" + deploymentName + " and its machines to be deleted", snapshot -> {
            int left = snapshot.poolMachines(deploymentName).size();
            boolean gone = !snapshot.deployments().containsKey(deploymentName) && left == 0;
            return gone ? KubeWait.Check.done(snapshot)
                    : KubeWait.Check.pending("MachineDeployment " + deploymentName + ": " + left + " machine" + (left == 1 ? "" : "s") + " left");
        }, clusterName, management.settings().timeouts().delete(), context);
        TemplateCleanup.pool(client, before, deployment, false, context);
    }
}
