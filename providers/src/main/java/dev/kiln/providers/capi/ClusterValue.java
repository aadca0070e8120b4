package dev.kiln.providers.capi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A capi cluster's or pool's value with what the management cluster says put over it: the
 * version and replicas the control plane or MachineDeployment is set to (so a change made
 * behind Kiln's back shows as drift), the endpoint, the kubeconfig from the {@code <cluster>-kubeconfig} Secret (sensitive) and
 * its CA certificate, the running version, and the status: running, degraded (machines not
 * all running) or failed (a machine failed).
 */
final class ClusterValue
{
    static final String RUNNING = "running";
    static final String DEGRADED = "degraded";
    static final String FAILED = "failed";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ClusterValue() {}

    /** A pool's value with its MachineDeployment's replicas and version, the oldest version its machines run, and its status. */
    static Value observePool(Value base, ClusterSnapshot snapshot, GenericKubernetesResource deployment)
    {
        Value observed = base;
        Optional<Integer> replicas = ObjectFields.integer(deployment, "spec", "replicas");
        if (replicas.isPresent() && CapiValues.integer(base, "replicas").isPresent()) {
            observed = CapiValues.with(observed, "replicas", Value.number(replicas.get()));
        }
        Optional<String> version = ObjectFields.text(deployment, "spec", "template", "spec", "version");
        if (version.isPresent()) {
            observed = CapiValues.with(observed, "kubernetes_version", Value.string(version.get()));
        }
        List<GenericKubernetesResource> machines = snapshot.poolMachines(deployment.getMetadata().getName());
        Optional<String> oldest = machines.stream().map(machine -> ObjectFields.text(machine, "spec", "version").orElse(""))
                .filter(text -> !text.isEmpty())
                .reduce((left, right) -> UpgradeChain.isBelow(right, left) ? right : left)
                .or(() -> version);
        observed = CapiValues.with(observed, "current_version", oldest.<Value>map(Value::string).orElse(Value.nullOf(Type.STRING)));
        String status = machines.stream().anyMatch(machine -> "Failed".equals(ObjectFields.text(machine, "status", "phase").orElse(""))) ? FAILED
                : machines.stream().allMatch(machine -> "Running".equals(ObjectFields.text(machine, "status", "phase").orElse(""))) ? RUNNING : DEGRADED;
        return CapiValues.with(observed, "status", Value.string(status));
    }

    static Value observe(Value base, ClusterSnapshot snapshot, Optional<String> kubeconfig)
    {
        Value observed = base;
        Optional<GenericKubernetesResource> controlPlane = snapshot.controlPlane();
        Optional<String> specVersion = controlPlane.flatMap(found -> ObjectFields.text(found, "spec", "version"));
        if (specVersion.isPresent()) {
            observed = CapiValues.with(observed, "kubernetes_version", Value.string(specVersion.get()));
        }
        Optional<Value> controlPlaneBlock = CapiValues.attribute(observed, "control_plane");
        Optional<Integer> replicas = controlPlane.flatMap(found -> ObjectFields.integer(found, "spec", "replicas"));
        if (controlPlaneBlock.isPresent() && CapiValues.integer(controlPlaneBlock.get(), "replicas").isPresent() && replicas.isPresent()) {
            observed = CapiValues.with(observed, "control_plane", CapiValues.with(controlPlaneBlock.get(), "replicas", Value.number(replicas.get())));
        }
        observed = CapiValues.with(observed, "endpoint", endpoint(snapshot).<Value>map(Value::string).orElse(Value.nullOf(Type.STRING)));
        observed = CapiValues.with(observed, "kubeconfig", kubeconfig.<Value>map(text -> Value.string(text).withSensitive(true)).orElse(Value.nullOf(Type.STRING)));
        observed = CapiValues.with(observed, "ca_certificate", kubeconfig.flatMap(ClusterValue::certificate).<Value>map(Value::string).orElse(Value.nullOf(Type.STRING)));
        Optional<String> running = controlPlane.flatMap(found -> ObjectFields.text(found, "status", "version")).or(() -> specVersion);
        observed = CapiValues.with(observed, "current_version", running.<Value>map(Value::string).orElse(Value.nullOf(Type.STRING)));
        return CapiValues.with(observed, "status", Value.string(status(snapshot)));
    }

    /** The kubeconfig in Secret {@code <cluster>-kubeconfig}, key {@code value}. */
    static Optional<String> kubeconfig(KubeClient client, String cluster)
    {
        return client.get(ObjectRef.namespaced("v1", "Secret", client.namespace(), CapiNames.kubeconfigSecret(cluster)))
                .flatMap(secret -> ObjectFields.text(secret, "data", "value"))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    static String status(ClusterSnapshot snapshot)
    {
        if (!snapshot.failedMachines().isEmpty()) {
            return FAILED;
        }
        Optional<GenericKubernetesResource> cluster = snapshot.cluster();
        boolean healthy = cluster.isPresent() && ClusterReadiness.clusterProvisioned(cluster.get(), snapshot.version())
                && snapshot.controlPlaneMachines().stream().allMatch(machine -> "Running".equals(ObjectFields.text(machine, "status", "phase").orElse("")));
        return healthy ? RUNNING : DEGRADED;
    }

    private static Optional<String> endpoint(ClusterSnapshot snapshot)
    {
        Optional<GenericKubernetesResource> cluster = snapshot.cluster();
        Optional<String> host = cluster.flatMap(found -> ObjectFields.text(found, "spec", "controlPlaneEndpoint", "host")).filter(text -> !text.isEmpty());
        Optional<Integer> port = cluster.flatMap(found -> ObjectFields.integer(found, "spec", "controlPlaneEndpoint", "port"));
        return host.map(text -> "https://" + (text.contains(":") ? "[" + text + "]" : text) + ":" + port.orElse(6443));
    }

    /** The PEM of the first cluster's certificate-authority-data in a kubeconfig. */
    private static Optional<String> certificate(String kubeconfig)
    {
        try {
            JsonNode data = YAML.readTree(kubeconfig).path("clusters").path(0).path("cluster").path("certificate-authority-data");
            return data.isTextual() ? Optional.of(new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8)) : Optional.empty();
        }
        catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
