package dev.kiln.providers.capi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.kiln.providers.capi.render.RenderedCluster;
import dev.kiln.providers.capi.render.RenderedObject;
import dev.kiln.providers.capi.render.RenderedPool;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes capi clusters real in the management cluster. Create and update: install the
 * provider components (once), render the cluster's objects in the version the management
 * cluster serves, apply them — an upgrade one minor version at a time, the control plane
 * first and then each pool, each hop waited for — then wait until Cluster API reports the
 * cluster provisioned and every machine ready and up to date. Delete: delete the Cluster,
 * wait until it and its machines are gone (showing why Cluster API is still deleting), then
 * delete the templates Kiln made for it. Every step reads before it writes, so an apply
 * repeated after a crash picks up where the last one stopped.
 */
final class ClusterDriver
        implements Driver
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagementCluster management;
    private final Model model;

    ClusterDriver(ManagementCluster management, Model model)
    {
        this.management = management;
        this.model = model;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
    {
        ResourceChange change = request.change();
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP -> ApplyResponse.of(converge(change.address(), change.after().orElseThrow(), context));
            case REPLACE -> {
                delete(change.address(), context);
                yield ApplyResponse.of(converge(change.address(), change.after().orElseThrow(), context));
            }
            case DELETE -> {
                delete(change.address(), context);
                yield ApplyResponse.deleted();
            }
        };
    }

    private Value converge(ResourceAddress address, Value planned, ActionContext context)
    {
        Cluster cluster = Optional.ofNullable(model.clusters().get(address))
                .orElseThrow(() -> new IllegalStateException(address + " is not in the configuration, so its Cluster API objects cannot be rendered"));
        management.prepare(context);
        KubeClient client = management.client();
        RenderedCluster rendered = CapiRenderer.render(cluster, management.settings().model(), management.version(), RenderInputs.of(model, cluster));
        if (!rendered.isComplete()) {
            throw new IllegalStateException(address + " has values known only after apply in its Cluster API objects ("
                    + String.join(", ", rendered.objects().stream().filter(object -> !object.isComplete()).map(RenderedObject::describe).toList())
                    + "): run kiln apply again now that the resources they come from exist");
        }
        ClusterSnapshot before = snapshot(rendered.name());
        for (RenderedObject object : rendered.secrets()) {
            apply(client, object, context);
        }
        apply(client, rendered.infrastructureCluster(), context);
        rendered.controlPlaneMachineTemplate().ifPresent(template -> apply(client, template, context));
        String target = ObjectFields.text(resource(rendered.controlPlane()), "spec", "version").orElse("");
        Optional<String> running = before.controlPlane().flatMap(found -> ObjectFields.text(found, "spec", "version"));
        for (String hop : running.map(from -> UpgradeChain.hops(from, target)).orElse(List.of())) {
            upgrade(rendered, before, hop, context);
        }
        apply(client, rendered.controlPlane(), context);
        apply(client, rendered.cluster(), context);
        for (RenderedPool pool : rendered.pools()) {
            pool.objects().forEach(object -> apply(client, object, context));
        }
        removePools(client, rendered, before, context);
        List<String> pools = rendered.pools().stream().map(pool -> CapiNames.pool(rendered.name(), pool.pool()).substring(rendered.name().length() + 1)).toList();
        ClusterSnapshot ready = await(rendered.name() + " to be provisioned with every machine ready", snapshot -> ClusterReadiness.ready(snapshot, pools),
                rendered.name(), context);
        String kubeconfig = KubeWait.until(client, "Secret " + client.namespace() + "/" + CapiNames.kubeconfigSecret(rendered.name()), List.of(),
                () -> ClusterValue.kubeconfig(client, rendered.name()).map(KubeWait.Check::done).orElseGet(() -> KubeWait.Check.pending("the kubeconfig Secret does not exist yet")),
                options(), context);
        return complete(planned, ClusterValue.observe(planned, ready, Optional.of(kubeconfig)));
    }

    /** One hop of an upgrade: the control plane to {@code version}, waited for, then each pool that existed before. */
    private void upgrade(RenderedCluster rendered, ClusterSnapshot before, String version, ActionContext context)
    {
        KubeClient client = management.client();
        context.progress("upgrading the control plane to " + version);
        apply(client, withVersion(rendered.controlPlane(), "spec", version), context);
        await("the control plane to run " + version, snapshot -> ClusterReadiness.controlPlaneAt(snapshot, version), rendered.name(), context);
        for (RenderedPool pool : rendered.pools()) {
            String poolName = CapiNames.pool(rendered.name(), pool.pool()).substring(rendered.name().length() + 1);
            if (!before.deployments().containsKey(poolName)) {
                continue;
            }
            context.progress("upgrading pool " + pool.pool() + " to " + version);
            apply(client, pool.machineTemplate(), context);
            apply(client, pool.bootstrapTemplate(), context);
            apply(client, withVersion(pool.machineDeployment(), "template", version), context);
            await("pool " + pool.pool() + " to run " + version, snapshot -> ClusterReadiness.poolAt(snapshot, poolName, version), rendered.name(), context);
        }
    }

    /** MachineDeployments of this cluster that no configured pool renders any more: deleted, and waited for. */
    private void removePools(KubeClient client, RenderedCluster rendered, ClusterSnapshot before, ActionContext context)
    {
        List<String> kept = rendered.pools().stream().map(pool -> pool.machineDeployment().name()).toList();
        for (GenericKubernetesResource deployment : before.deployments().values()) {
            if (!kept.contains(deployment.getMetadata().getName())) {
                context.progress("deleting " + ObjectRef.of(deployment));
                client.delete(ObjectRef.of(deployment), context::progress);
            }
        }
    }

    private void delete(ResourceAddress address, ActionContext context)
    {
        KubeClient client = management.client();
        String name = CapiNames.cluster(address);
        ClusterSnapshot before = snapshot(name);
        if (before.cluster().isEmpty() && before.deployments().isEmpty() && before.machines().isEmpty()) {
            context.progress("Cluster " + client.namespace() + "/" + name + " is already gone");
        }
        else {
            before.cluster().ifPresent(cluster -> client.delete(ObjectRef.of(cluster), context::progress));
            await("Cluster " + client.namespace() + "/" + name + " and its machines to be deleted", ClusterDriver::gone, name, context);
        }
        Leftovers.delete(client, before, context);
    }

    private static KubeWait.Check<ClusterSnapshot> gone(ClusterSnapshot snapshot)
    {
        if (snapshot.cluster().isEmpty() && snapshot.machines().isEmpty()) {
            return KubeWait.Check.done(snapshot);
        }
        String cluster = snapshot.cluster()
                .map(found -> "Cluster " + ObjectFields.text(found, "status", "phase").orElse("Deleting") + " (" + deletingReasons(found) + ")")
                .orElse("Cluster deleted");
        return KubeWait.Check.pending(cluster + "; " + snapshot.machines().size() + " machine" + (snapshot.machines().size() == 1 ? "" : "s") + " left");
    }

    private static String deletingReasons(GenericKubernetesResource cluster)
    {
        return ObjectFields.condition(cluster, "Deleting")
                .map(condition -> "Deleting " + condition.reason() + (condition.message().isEmpty() ? "" : ": " + condition.message()))
                .orElseGet(() -> ObjectFields.describe(ObjectFields.conditions(cluster)));
    }

    private ClusterSnapshot await(String waitingFor, Function<ClusterSnapshot, KubeWait.Check<ClusterSnapshot>> check, String name, ActionContext context)
    {
        KubeClient client = management.client();
        Supplier<KubeWait.Check<ClusterSnapshot>> poll = () -> check.apply(snapshot(name));
        String core = ClusterSnapshot.core(management.version());
        Map<String, String> labels = Map.of(CapiNames.CLUSTER_NAME_LABEL, name);
        return KubeWait.until(client, waitingFor, List.of(
                        new KubeWait.Watched(core, "Cluster", Map.of()),
                        new KubeWait.Watched(core, "Machine", labels),
                        new KubeWait.Watched(core, "MachineDeployment", labels)),
                poll, options(), context);
    }

    private KubeWait.Options options()
    {
        return new KubeWait.Options(management.settings().timeouts().apply(), management.settings().timeouts().pollInterval());
    }

    private ClusterSnapshot snapshot(String name)
    {
        return ClusterSnapshot.read(management.client(), management.version(), name);
    }

    private static void apply(KubeClient client, RenderedObject object, ActionContext context)
    {
        client.apply(resource(object), true, context::progress);
    }

    static GenericKubernetesResource resource(RenderedObject object)
    {
        return JSON.convertValue(object.body(), GenericKubernetesResource.class);
    }

    /** The object with {@code spec.version} (control plane) or {@code spec.template.spec.version} (MachineDeployment) set to {@code version}. */
    private static RenderedObject withVersion(RenderedObject object, String where, String version)
    {
        ObjectNode body = object.body();
        ObjectNode spec = (ObjectNode) body.path("spec");
        (where.equals("template") ? (ObjectNode) spec.path("template").path("spec") : spec).put("version", version);
        return new RenderedObject(object.role(), object.apiVersion(), object.kind(), object.name(), object.namespace(), body, object.sensitivePaths(), object.unknownPaths());
    }

    /** {@code observed} where {@code planned} left values to apply; planned values kept elsewhere, and no unknown left. */
    private static Value complete(Value planned, Value observed)
    {
        return KnownValues.fill(planned, observed);
    }
}
