package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Setting;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * A worker pool's objects: the machine template, the bootstrap config template
 * (KubeadmConfigTemplate, or EKSConfigTemplate on EKS) and the MachineDeployment
 * {@code <cluster>-<pool>} with the pool's replicas, version and rolling-update limits.
 */
final class WorkerPools
{
    static final String DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";
    static final String EKS_BOOTSTRAP_API_VERSION = RenderContext.BOOTSTRAP_GROUP + "/v1beta2";

    private WorkerPools() {}

    static RenderedPool render(RenderContext context, Flavour flavour, Cluster.WorkerPool pool)
    {
        RenderedObject machineTemplate = MachineTemplates.machine(context, flavour, pool.name(), pool.machine(), false);
        RenderedObject bootstrapTemplate = bootstrapTemplate(context, pool);
        RenderedObject deployment = deployment(context, pool, machineTemplate, bootstrapTemplate);
        return new RenderedPool(pool.name(), machineTemplate, bootstrapTemplate, deployment);
    }

    private static RenderedObject bootstrapTemplate(RenderContext context, Cluster.WorkerPool pool)
    {
        ObjectNode spec = NODES.objectNode();
        if (context.cluster().hasManagedControlPlane()) {
            spec.putObject("template").set("spec", eksConfig(pool));
            return MachineTemplates.template(context, ObjectRole.BOOTSTRAP_CONFIG_TEMPLATE, EKS_BOOTSTRAP_API_VERSION, "EKSConfigTemplate", pool.name(), spec);
        }
        spec.putObject("template").set("spec", KubeadmConfigs.worker(context, pool));
        return MachineTemplates.template(context, ObjectRole.BOOTSTRAP_CONFIG_TEMPLATE,
                context.core(RenderContext.BOOTSTRAP_GROUP), "KubeadmConfigTemplate", pool.name(), spec);
    }

    /** EKS nodes get their labels and taints as kubelet arguments. */
    private static ObjectNode eksConfig(Cluster.WorkerPool pool)
    {
        ObjectNode spec = NODES.objectNode();
        Map<String, String> arguments = new TreeMap<>();
        Map<String, String> labels = pool.labels().known().orElse(Map.of());
        if (!labels.isEmpty()) {
            arguments.put("node-labels", new TreeMap<>(labels).entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(",")));
        }
        pool.taints().known().filter(taints -> !taints.isEmpty())
                .ifPresent(taints -> arguments.put("register-with-taints", String.join(",", taints)));
        if (!arguments.isEmpty()) {
            ObjectNode node = spec.putObject("kubeletExtraArgs");
            arguments.forEach(node::put);
        }
        return spec;
    }

    private static RenderedObject deployment(RenderContext context, Cluster.WorkerPool pool, RenderedObject machineTemplate, RenderedObject bootstrapTemplate)
    {
        String name = context.name(pool.name());
        ObjectNode manifest = context.manifest(context.core(RenderContext.CLUSTER_GROUP), "MachineDeployment", name);
        ObjectNode spec = manifest.putObject("spec");
        spec.put("clusterName", context.clusterName());
        spec.set("replicas", ControlPlanes.replicas(pool.members()));
        ObjectNode selectorLabels = NODES.objectNode()
                .put(RenderContext.CLUSTER_NAME_LABEL, context.clusterName())
                .put(DEPLOYMENT_NAME_LABEL, name);
        spec.putObject("selector").set("matchLabels", selectorLabels);
        ObjectNode strategy = NODES.objectNode().put("type", "RollingUpdate");
        strategy.putObject("rollingUpdate")
                .<ObjectNode>set("maxSurge", intOrString(pool.maxSurge()))
                .set("maxUnavailable", intOrString(pool.maxUnavailable()));
        if (context.version() == CapiApiVersion.V1BETA1) {
            spec.set("strategy", strategy);
        }
        else {
            spec.putObject("rollout").set("strategy", strategy);
        }
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", selectorLabels.deepCopy());
        ObjectNode templateSpec = template.putObject("spec");
        templateSpec.put("clusterName", context.clusterName());
        templateSpec.set("version", MarkedValues.text(context.cluster().kubernetesVersion()));
        templateSpec.putObject("bootstrap").set("configRef",
                context.reference(bootstrapTemplate.apiVersion(), bootstrapTemplate.kind(), bootstrapTemplate.name()));
        templateSpec.set("infrastructureRef", context.reference(machineTemplate.apiVersion(), machineTemplate.kind(), machineTemplate.name()));
        return RenderedObject.of(ObjectRole.MACHINE_DEPLOYMENT, manifest);
    }

    /** {@code "1"} → 1, {@code "25%"} → "25%": Kubernetes' int-or-string. */
    static JsonNode intOrString(Setting<String> setting)
    {
        if (setting.known().isEmpty()) {
            return MarkedValues.unknown();
        }
        String text = setting.known().get().strip();
        return text.matches("\\d+") ? NODES.numberNode(Integer.parseInt(text)) : NODES.textNode(text);
    }
}
