package dev.kiln.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What Cluster API's controllers do to statuses, done on fabric8's mock API server so the
 * capi driver has something to wait for. Every tick it: gives Clusters their finalizer,
 * endpoint, phase and conditions; makes the Machines a KubeadmControlPlane or
 * MachineDeployment wants (one at a time, surging by one to roll out a new version or
 * template, preferring Machines marked delete-machine when scaling down); moves Machines
 * Pending → Provisioning → Running; sets replicas, versions and conditions in the v1beta1 or
 * v1beta2 shape; writes the kubeconfig Secret once the control plane is initialized; and
 * honours deletion (a Cluster being deleted takes its machines and objects with it, then
 * drops its finalizer); and reports every Deployment (provider components) Available. It can be told to stall (do nothing) or to fail the next Machine of an
 * owner.
 */
final class CapiTestController
        implements AutoCloseable
{
    static final String CLUSTER_LABEL = "cluster.x-k8s.io/cluster-name";
    static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";
    static final String DEPLOYMENT_LABEL = "cluster.x-k8s.io/deployment-name";
    static final String DELETE_MACHINE = "cluster.x-k8s.io/delete-machine";
    static final String CLUSTER_FINALIZER = "cluster.cluster.x-k8s.io";

    private final KubernetesClient client;
    private final String version;
    private final String namespace;
    private final String kubeconfig;
    private final Thread thread;
    private final AtomicInteger machines = new AtomicInteger();
    private final Set<String> failNext = ConcurrentHashMap.newKeySet();
    private volatile boolean stalled;
    private volatile boolean running = true;

    private CapiTestController(KubernetesClient client, String version, String namespace, String kubeconfig, long tickMillis)
    {
        this.client = client;
        this.version = version;
        this.namespace = namespace;
        this.kubeconfig = kubeconfig;
        this.thread = Thread.ofVirtual().start(() -> loop(tickMillis));
    }

    /** Runs against {@code client} for Cluster API {@code version} ("v1beta1", "v1beta2") in {@code namespace}; workload kubeconfigs are {@code kubeconfig}. */
    static CapiTestController start(KubernetesClient client, String version, String namespace, String kubeconfig)
    {
        return new CapiTestController(client, version, namespace, kubeconfig, 20);
    }

    void stall(boolean stall)
    {
        stalled = stall;
    }

    /** The next Machine the control plane or MachineDeployment named {@code owner} creates fails. */
    void failNextMachine(String owner)
    {
        failNext.add(owner);
    }

    private void loop(long tickMillis)
    {
        while (running) {
            try {
                if (!stalled) {
                    tick();
                }
            }
            catch (KubernetesClientException e) {
                // A conflict with Kiln's own writes, or the server going away at the end: try again next tick.
            }
            try {
                Thread.sleep(tickMillis);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private void tick()
    {
        for (GenericKubernetesResource machine : list("cluster.x-k8s.io", "Machine")) {
            advance(machine);
        }
        for (GenericKubernetesResource controlPlane : list("controlplane.cluster.x-k8s.io", "KubeadmControlPlane")) {
            owner(controlPlane, CONTROL_PLANE_LABEL, "", spec -> spec, controlPlane.getMetadata().getName());
        }
        for (GenericKubernetesResource deployment : list("cluster.x-k8s.io", "MachineDeployment")) {
            owner(deployment, DEPLOYMENT_LABEL, deployment.getMetadata().getName(), spec -> map(spec.get("template")).isEmpty() ? spec : map(map(spec.get("template")).get("spec")),
                    deployment.getMetadata().getName());
        }
        orphans();
        for (GenericKubernetesResource cluster : list("cluster.x-k8s.io", "Cluster")) {
            cluster(cluster);
        }
        for (GenericKubernetesResource deployment : client.genericKubernetesResources("apps/v1", "Deployment").inAnyNamespace().list().getItems()) {
            Map<String, Object> status = Map.of("observedGeneration", deployment.getMetadata().getGeneration(),
                    "conditions", List.of(condition("Available", true, "MinimumReplicasAvailable")));
            if (!status.equals(deployment.getAdditionalProperties().get("status"))) {
                deployment.setAdditionalProperty("status", status);
                client.genericKubernetesResources("apps/v1", "Deployment").inNamespace(deployment.getMetadata().getNamespace()).resource(deployment).updateStatus();
            }
        }
    }

    /** Reconciles a KubeadmControlPlane or MachineDeployment: its Machines and its status. */
    private void owner(GenericKubernetesResource owner, String label, String labelValue, Function<Map<String, Object>, Map<String, Object>> machineSpec, String name)
    {
        Map<String, Object> spec = map(owner.getAdditionalProperties().get("spec"));
        int wanted = ((Number) spec.getOrDefault("replicas", 1)).intValue();
        Map<String, Object> template = machineSpec.apply(spec);
        String wantedVersion = String.valueOf(template.getOrDefault("version", spec.get("version")));
        String templateName = templateName(owner);
        String cluster = owner.getMetadata().getLabels().get(CLUSTER_LABEL);
        List<GenericKubernetesResource> owned = machinesOf(label, labelValue.isEmpty() ? null : labelValue, cluster);
        List<GenericKubernetesResource> alive = owned.stream().filter(machine -> machine.getMetadata().getDeletionTimestamp() == null).toList();
        List<GenericKubernetesResource> outdated = alive.stream().filter(machine -> !wantedVersion.equals(machineVersion(machine))
                || !templateName.equals(machineTemplate(machine))).toList();
        boolean settled = alive.stream().allMatch(machine -> Set.of("Running", "Failed").contains(phase(machine))) && alive.size() == owned.size();
        if (owner.getMetadata().getDeletionTimestamp() == null && settled) {
            if (!outdated.isEmpty() && alive.size() <= wanted) {
                createMachine(owner, label, labelValue, cluster, wantedVersion, templateName, name);
            }
            else if (!outdated.isEmpty()) {
                delete(outdated.getFirst());
            }
            else if (alive.size() < wanted) {
                createMachine(owner, label, labelValue, cluster, wantedVersion, templateName, name);
            }
            else if (alive.size() > wanted) {
                delete(alive.stream().sorted(Comparator.comparing((GenericKubernetesResource machine) -> !isMarked(machine))
                        .thenComparing(machine -> machine.getMetadata().getName(), Comparator.reverseOrder())).findFirst().orElseThrow());
            }
        }
        int ready = (int) alive.stream().filter(machine -> "Running".equals(phase(machine))).count();
        int upToDate = alive.size() - outdated.size();
        String oldest = alive.stream().map(CapiTestController::machineVersion).min(Comparator.naturalOrder()).orElse(wantedVersion);
        Map<String, Object> status = new LinkedHashMap<>(map(owner.getAdditionalProperties().get("status")));
        status.put("observedGeneration", owner.getMetadata().getGeneration());
        status.put("replicas", alive.size());
        status.put("readyReplicas", ready);
        status.put(version.equals("v1beta1") ? "updatedReplicas" : "upToDateReplicas", upToDate);
        status.put("availableReplicas", ready);
        boolean initialized = ready > 0 || Boolean.TRUE.equals(status.get("initialized"));
        boolean done = ready == wanted && upToDate == wanted && alive.size() == wanted;
        String activity = alive.size() < wanted ? "ScalingUp" : alive.size() > wanted ? "ScalingDown" : !outdated.isEmpty() ? "RollingOut" : "";
        if (label.equals(CONTROL_PLANE_LABEL)) {
            status.put("version", oldest);
            if (version.equals("v1beta1")) {
                status.put("initialized", initialized);
                status.put("ready", ready > 0);
            }
            else {
                status.put("initialization", Map.of("controlPlaneInitialized", initialized));
            }
        }
        List<Map<String, Object>> conditions = new ArrayList<>();
        if (version.equals("v1beta1")) {
            conditions.add(condition("Ready", done, activity.equals("RollingOut") ? "RollingUpdateInProgress" : activity));
        }
        else {
            conditions.add(condition("Available", label.equals(CONTROL_PLANE_LABEL) ? initialized : done, "Available"));
            for (String kind : List.of("ScalingUp", "ScalingDown", "RollingOut")) {
                conditions.add(condition(kind, activity.equals(kind), kind));
            }
        }
        status.put("conditions", conditions);
        updateStatus(owner, status);
    }

    private void cluster(GenericKubernetesResource cluster)
    {
        String name = cluster.getMetadata().getName();
        if (cluster.getMetadata().getDeletionTimestamp() != null) {
            deleting(cluster);
            return;
        }
        if (!cluster.getMetadata().getFinalizers().contains(CLUSTER_FINALIZER) || endpoint(cluster).isEmpty()) {
            edit(cluster, object -> {
                if (!object.getMetadata().getFinalizers().contains(CLUSTER_FINALIZER)) {
                    object.getMetadata().getFinalizers().add(CLUSTER_FINALIZER);
                }
                Map<String, Object> spec = new LinkedHashMap<>(map(object.getAdditionalProperties().get("spec")));
                spec.putIfAbsent("controlPlaneEndpoint", Map.of("host", "10.0.0.1", "port", 6443));
                object.setAdditionalProperty("spec", spec);
                return object;
            });
            return;
        }
        Optional<GenericKubernetesResource> controlPlane = list("controlplane.cluster.x-k8s.io", "KubeadmControlPlane").stream()
                .filter(found -> name.equals(found.getMetadata().getLabels().get(CLUSTER_LABEL))).findFirst();
        Map<String, Object> controlPlaneStatus = controlPlane.map(found -> map(found.getAdditionalProperties().get("status"))).orElse(Map.of());
        boolean initialized = Boolean.TRUE.equals(controlPlaneStatus.get("initialized"))
                || Boolean.TRUE.equals(map(controlPlaneStatus.get("initialization")).get("controlPlaneInitialized"));
        boolean controlPlaneAvailable = initialized && controlPlane.map(found -> ((Number) map(found.getAdditionalProperties().get("spec")).getOrDefault("replicas", 1)).intValue()
                == ((Number) controlPlaneStatus.getOrDefault("readyReplicas", 0)).intValue()).orElse(false);
        boolean workersAvailable = list("cluster.x-k8s.io", "MachineDeployment").stream()
                .filter(deployment -> name.equals(deployment.getMetadata().getLabels().get(CLUSTER_LABEL)))
                .allMatch(deployment -> ((Number) map(deployment.getAdditionalProperties().get("spec")).getOrDefault("replicas", 1)).intValue()
                        == ((Number) map(deployment.getAdditionalProperties().get("status")).getOrDefault("readyReplicas", -1)).intValue());
        if (initialized) {
            writeKubeconfig(name);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", cluster.getMetadata().getGeneration());
        status.put("phase", initialized ? "Provisioned" : "Provisioning");
        List<Map<String, Object>> conditions = new ArrayList<>();
        if (version.equals("v1beta1")) {
            status.put("infrastructureReady", true);
            status.put("controlPlaneReady", initialized);
            conditions.add(condition("Ready", initialized && workersAvailable, "WaitingForControlPlane"));
            conditions.add(condition("ControlPlaneInitialized", initialized, "WaitingForControlPlaneProviderInitialized"));
        }
        else {
            status.put("initialization", Map.of("infrastructureProvisioned", true, "controlPlaneInitialized", initialized));
            conditions.add(condition("Available", controlPlaneAvailable && workersAvailable, "NotAvailable"));
            conditions.add(condition("ControlPlaneAvailable", controlPlaneAvailable, "NotAvailable"));
            conditions.add(condition("WorkersAvailable", workersAvailable, "NotAvailable"));
        }
        status.put("conditions", conditions);
        updateStatus(cluster, status);
    }

    /** A Cluster being deleted: its control plane and pools go, then their machines, then its infrastructure, then its finalizer. */
    private void deleting(GenericKubernetesResource cluster)
    {
        String name = cluster.getMetadata().getName();
        for (String[] kind : List.of(new String[] {"controlplane.cluster.x-k8s.io", "KubeadmControlPlane"}, new String[] {"cluster.x-k8s.io", "MachineDeployment"})) {
            list(kind[0], kind[1]).stream().filter(object -> name.equals(object.getMetadata().getLabels().get(CLUSTER_LABEL))).forEach(this::delete);
        }
        List<GenericKubernetesResource> left = machinesOf(CLUSTER_LABEL, name, name);
        String reason = left.isEmpty() ? "DeletingInfrastructure" : "WaitingForMachineDeletion";
        updateStatus(cluster, Map.of("phase", "Deleting", "observedGeneration", cluster.getMetadata().getGeneration(),
                "conditions", List.of(condition("Deleting", true, reason, left.size() + " machine(s) left"))));
        left.stream().filter(machine -> machine.getMetadata().getDeletionTimestamp() == null).forEach(this::delete);
        if (!left.isEmpty()) {
            return;
        }
        list("infrastructure.cluster.x-k8s.io", "DockerCluster").stream().filter(object -> name.equals(object.getMetadata().getName())).forEach(this::delete);
        edit(cluster, object -> {
            object.getMetadata().getFinalizers().remove(CLUSTER_FINALIZER);
            return object;
        });
    }

    /** Machines whose KubeadmControlPlane or MachineDeployment is gone are deleted, as owner references would have it. */
    private void orphans()
    {
        Set<String> owners = new java.util.HashSet<>();
        list("controlplane.cluster.x-k8s.io", "KubeadmControlPlane").forEach(found -> owners.add(found.getMetadata().getName()));
        list("cluster.x-k8s.io", "MachineDeployment").forEach(found -> owners.add(found.getMetadata().getName()));
        for (GenericKubernetesResource machine : list("cluster.x-k8s.io", "Machine")) {
            String owner = String.valueOf(machine.getMetadata().getAnnotations().get("test.kiln.dev/owner"));
            if (!owners.contains(owner) && machine.getMetadata().getDeletionTimestamp() == null) {
                delete(machine);
            }
        }
    }

    private void advance(GenericKubernetesResource machine)
    {
        String phase = phase(machine);
        if (machine.getMetadata().getDeletionTimestamp() != null || phase.equals("Deleting")) {
            delete(machine);
            return;
        }
        String next = switch (phase) {
            case "" -> "Pending";
            case "Pending" -> "Provisioning";
            case "Provisioning" -> failNext.remove(String.valueOf(machine.getMetadata().getAnnotations().get("test.kiln.dev/owner"))) ? "Failed" : "Running";
            default -> phase;
        };
        if (next.equals(phase)) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", next);
        if (next.equals("Running")) {
            status.put("nodeRef", Map.of("kind", "Node", "name", machine.getMetadata().getName()));
        }
        if (next.equals("Failed")) {
            status.put("failureReason", "CreateError");
            status.put("failureMessage", "the test controller was told to fail this machine");
            status.put("deprecated", Map.of("v1beta1", Map.of("failureReason", "CreateError", "failureMessage", "the test controller was told to fail this machine")));
        }
        updateStatus(machine, status);
    }

    private void createMachine(GenericKubernetesResource owner, String label, String labelValue, String cluster, String machineVersion, String template, String ownerName)
    {
        Map<String, String> labels = new HashMap<>();
        labels.put(CLUSTER_LABEL, cluster);
        labels.put(label, labelValue);
        Map<String, Object> reference = version.equals("v1beta1")
                ? Map.of("apiVersion", "infrastructure.cluster.x-k8s.io/v1beta1", "kind", "DockerMachine", "name", template)
                : Map.of("apiGroup", "infrastructure.cluster.x-k8s.io", "kind", "DockerMachine", "name", template);
        GenericKubernetesResource machine = new GenericKubernetesResourceBuilder()
                .withApiVersion("cluster.x-k8s.io/" + version).withKind("Machine")
                .withNewMetadata().withName(ownerName + "-" + machines.incrementAndGet()).withNamespace(namespace).withLabels(labels)
                .addToAnnotations("test.kiln.dev/owner", ownerName).addToAnnotations("test.kiln.dev/template", template).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("clusterName", cluster, "version", machineVersion, "infrastructureRef", reference,
                        "bootstrap", Map.of("dataSecretName", ownerName + "-bootstrap"))))
                .build();
        client.genericKubernetesResources("cluster.x-k8s.io/" + version, "Machine").inNamespace(namespace).resource(machine).create();
    }

    private void writeKubeconfig(String cluster)
    {
        String name = cluster + "-kubeconfig";
        if (client.genericKubernetesResources("v1", "Secret").inNamespace(namespace).withName(name).get() != null) {
            return;
        }
        String authority = Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\nTUlJQ2tpbG4tdGVzdC1jYQ==\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8));
        String content = kubeconfig.replace("users:", "users:").replace("    server:", "    certificate-authority-data: " + authority + "\n    server:");
        GenericKubernetesResource secret = new GenericKubernetesResourceBuilder()
                .withApiVersion("v1").withKind("Secret")
                .withNewMetadata().withName(name).withNamespace(namespace).addToLabels(CLUSTER_LABEL, cluster).endMetadata()
                .withAdditionalProperties(Map.of("type", "cluster.x-k8s.io/secret",
                        "data", Map.of("value", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)))))
                .build();
        client.genericKubernetesResources("v1", "Secret").inNamespace(namespace).resource(secret).create();
    }

    private List<GenericKubernetesResource> machinesOf(String label, String value, String cluster)
    {
        return list("cluster.x-k8s.io", "Machine").stream()
                .filter(machine -> cluster == null || cluster.equals(machine.getMetadata().getLabels().get(CLUSTER_LABEL)))
                .filter(machine -> machine.getMetadata().getLabels().containsKey(label) && (value == null || value.equals(machine.getMetadata().getLabels().get(label))))
                .toList();
    }

    private List<GenericKubernetesResource> list(String group, String kind)
    {
        return client.genericKubernetesResources(group + "/" + version, kind).inNamespace(namespace).list().getItems();
    }

    private void updateStatus(GenericKubernetesResource object, Map<String, Object> status)
    {
        if (status.equals(object.getAdditionalProperties().get("status"))) {
            return;
        }
        object.setAdditionalProperty("status", status);
        client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(namespace).resource(object).updateStatus();
    }

    private void edit(GenericKubernetesResource object, java.util.function.UnaryOperator<GenericKubernetesResource> change)
    {
        client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(namespace).withName(object.getMetadata().getName()).edit(change);
    }

    private void delete(GenericKubernetesResource object)
    {
        client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(namespace).withName(object.getMetadata().getName()).delete();
    }

    private static Optional<Object> endpoint(GenericKubernetesResource cluster)
    {
        return Optional.ofNullable(map(cluster.getAdditionalProperties().get("spec")).get("controlPlaneEndpoint"));
    }

    private static Map<String, Object> condition(String type, boolean status, String reason)
    {
        return condition(type, status, reason, "");
    }

    private static Map<String, Object> condition(String type, boolean status, String reason, String message)
    {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", status ? "True" : "False");
        condition.put("reason", status && !type.equals("Deleting") ? type : reason.isEmpty() ? "Waiting" : reason);
        condition.put("message", message);
        condition.put("lastTransitionTime", "2026-01-01T00:00:00Z");
        return condition;
    }

    private static String phase(GenericKubernetesResource machine)
    {
        return String.valueOf(map(machine.getAdditionalProperties().get("status")).getOrDefault("phase", ""));
    }

    private static String machineVersion(GenericKubernetesResource machine)
    {
        return String.valueOf(map(machine.getAdditionalProperties().get("spec")).get("version"));
    }

    private static String machineTemplate(GenericKubernetesResource machine)
    {
        return String.valueOf(machine.getMetadata().getAnnotations().get("test.kiln.dev/template"));
    }

    private static boolean isMarked(GenericKubernetesResource machine)
    {
        return machine.getMetadata().getAnnotations() != null && machine.getMetadata().getAnnotations().containsKey(DELETE_MACHINE);
    }

    /** The machine template a KubeadmControlPlane or MachineDeployment points at. */
    private static String templateName(GenericKubernetesResource owner)
    {
        Map<String, Object> spec = map(owner.getAdditionalProperties().get("spec"));
        Map<String, Object> machineTemplate = map(spec.get("machineTemplate"));
        Object reference = machineTemplate.containsKey("infrastructureRef") ? machineTemplate.get("infrastructureRef")
                : map(machineTemplate.get("spec")).containsKey("infrastructureRef") ? map(machineTemplate.get("spec")).get("infrastructureRef")
                : map(map(spec.get("template")).get("spec")).get("infrastructureRef");
        return String.valueOf(map(reference).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value)
    {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
