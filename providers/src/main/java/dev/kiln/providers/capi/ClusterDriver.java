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
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes capi clusters real in the management cluster. Create and update: install the
 * provider components (once), render the cluster's objects in the version the management
 * cluster serves, apply the cluster's own (the infrastructure cluster, the control plane's
 * machine template, the control plane, the Cluster; pools are their own instances, see
 * {@link PoolDriver}) — an upgrade one minor version at a time, each hop waited for — then
 * wait until Cluster API reports the cluster provisioned and every control-plane machine
 * ready and up to date, and read the kubeconfig Secret. Delete: delete the Cluster,
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
        List<RenderedObject> own = new ArrayList<>(rendered.secrets());
        own.add(rendered.infrastructureCluster());
        rendered.controlPlaneMachineTemplate().ifPresent(own::add);
        own.add(rendered.controlPlane());
        own.add(rendered.cluster());
        if (!own.stream().allMatch(RenderedObject::isComplete)) {
            throw new IllegalStateException(address + " has values known only after apply in its Cluster API objects ("
                    + String.join(", ", own.stream().filter(object -> !object.isComplete()).map(RenderedObject::describe).toList())
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
            if (!hop.equals(target)) {
                context.progress("upgrading the control plane to " + hop);
                apply(client, withVersion(rendered.controlPlane(), hop), context);
                await("the control plane to run " + hop, snapshot -> ClusterReadiness.controlPlaneAt(snapshot, hop), rendered.name(), context);
            }
        }
        apply(client, rendered.controlPlane(), context);
        apply(client, rendered.cluster(), context);
        ClusterSnapshot ready = await(rendered.name() + " to be provisioned with its control plane ready",
                snapshot -> ClusterReadiness.clusterReady(snapshot, target), rendered.name(), context);
        String kubeconfig = KubeWait.until(client, "Secret " + client.namespace() + "/" + CapiNames.kubeconfigSecret(rendered.name()), List.of(),
                () -> ClusterValue.kubeconfig(client, rendered.name()).map(KubeWait.Check::done).orElseGet(() -> KubeWait.Check.pending("the kubeconfig Secret does not exist yet")),
                options(), context);
        TemplateCleanup.controlPlane(client, ready, context);
        return KnownValues.fill(planned, ClusterValue.observe(planned, ready, Optional.of(kubeconfig)));
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
            Waits.await(management, "Cluster " + client.namespace() + "/" + name + " and its machines to be deleted", ClusterDriver::gone, name,
                    management.settings().timeouts().delete(), context);
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
        return Waits.await(management, waitingFor, check, name, management.settings().timeouts().apply(), context);
    }

    private KubeWait.Options options()
    {
        return Waits.options(management, management.settings().timeouts().apply());
    }

    private ClusterSnapshot snapshot(String name)
    {
        return ClusterSnapshot.read(management.client(), management.version(), name);
    }

    static void apply(KubeClient client, RenderedObject object, ActionContext context)
    {
        client.apply(resource(object), true, context::progress);
    }

    static GenericKubernetesResource resource(RenderedObject object)
    {
        return JSON.convertValue(object.body(), GenericKubernetesResource.class);
    }

    /** The object with {@code spec.version} (control plane) or {@code spec.template.spec.version} (MachineDeployment) set to {@code version}. */
    static RenderedObject withVersion(RenderedObject object, String version)
    {
        ObjectNode body = object.body();
        ObjectNode spec = (ObjectNode) body.path("spec");
        (object.kind().equals("MachineDeployment") ? (ObjectNode) spec.path("template").path("spec") : spec).put("version", version);
        return new RenderedObject(object.role(), object.apiVersion(), object.kind(), object.name(), object.namespace(), body, object.sensitivePaths(), object.unknownPaths());
    }
}
