package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Etcd;
import dev.kiln.lang.config.model.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * The {@code kubeadmConfigSpec} of the control plane and the {@code KubeadmConfigTemplate}
 * spec of worker pools: the bootstrap format (cloud-config or ignition), the cluster
 * configuration (image repository, API server names, etcd), node registration (labels,
 * taints), the files and commands that carry the encryption config, registry hosts and
 * the kube-vip static pod, and the group's users ({@link KubeadmUsers}).
 */
final class KubeadmConfigs
{
    static final String ENCRYPTION_CONFIG_PATH = "/etc/kubernetes/encryption-provider-config.yaml";
    static final String ENCRYPTION_CONFIG_ROLE = "encryption-provider-config";
    static final String ENCRYPTION_CONFIG_KEY = "encryption-provider-config.yaml";
    private static final String ETCD_PKI = "/etc/kubernetes/pki/";

    private KubeadmConfigs() {}

    /** The control plane's kubeadmConfigSpec. */
    static ObjectNode controlPlane(RenderContext context)
    {
        Cluster cluster = context.cluster();
        ObjectNode spec = NODES.objectNode();
        spec.put("format", format(cluster));
        spec.set("clusterConfiguration", clusterConfiguration(context));
        Cluster.ControlPlane controlPlane = cluster.controlPlane();
        ObjectNode registration = nodeRegistration(context, controlPlane.labels(), controlPlane.taints(), true);
        spec.putObject("initConfiguration").set("nodeRegistration", registration);
        spec.putObject("joinConfiguration").set("nodeRegistration", registration.deepCopy());
        addFiles(context, spec, true);
        KubeadmUsers.add(spec, controlPlane.users());
        return spec;
    }

    /** A worker pool's KubeadmConfigTemplate {@code spec.template.spec}. */
    static ObjectNode worker(RenderContext context, Cluster.WorkerPool pool)
    {
        ObjectNode spec = NODES.objectNode();
        spec.put("format", format(context.cluster()));
        ObjectNode registration = nodeRegistration(context, pool.labels(), pool.taints(), false);
        if (!registration.isEmpty()) {
            spec.putObject("joinConfiguration").set("nodeRegistration", registration);
        }
        addFiles(context, spec, false);
        KubeadmUsers.add(spec, pool.users());
        return spec;
    }

    /** {@code cloud-init} is written {@code cloud-config} in Cluster API. */
    static String format(Cluster cluster)
    {
        return cluster.kubeadmConfigFormat().known().filter("ignition"::equals).orElse("cloud-config");
    }

    private static ObjectNode clusterConfiguration(RenderContext context)
    {
        Cluster cluster = context.cluster();
        ObjectNode configuration = NODES.objectNode();
        cluster.install().imageRepository().ifPresent(repository -> configuration.set("imageRepository", MarkedValues.text(repository)));
        ObjectNode apiServer = NODES.objectNode();
        certificateNames(cluster).ifPresent(names -> apiServer.set("certSANs", names));
        if (cluster.encryptionProviderConfig().isPresent()) {
            apiServer.set("extraArgs", context.extraArguments(Map.of("encryption-provider-config", ENCRYPTION_CONFIG_PATH)));
            apiServer.putArray("extraVolumes").addObject()
                    .put("name", ENCRYPTION_CONFIG_ROLE)
                    .put("hostPath", ENCRYPTION_CONFIG_PATH)
                    .put("mountPath", ENCRYPTION_CONFIG_PATH)
                    .put("readOnly", true)
                    .put("pathType", "File");
        }
        if (!apiServer.isEmpty()) {
            configuration.set("apiServer", apiServer);
        }
        configuration.set("etcd", etcd(cluster.etcd()));
        return configuration;
    }

    /** {@code cert_sans}, then {@code external_address} when it is not among them; the unknown mark while either is unknown. */
    private static Optional<JsonNode> certificateNames(Cluster cluster)
    {
        Optional<Setting<String>> external = cluster.externalAddress();
        if (cluster.certSans() instanceof Setting.Unknown || external.filter(Setting.Unknown.class::isInstance).isPresent()) {
            return Optional.of(MarkedValues.unknown());
        }
        List<String> names = new ArrayList<>(cluster.certSans().known().orElse(List.of()));
        external.flatMap(Setting::known).filter(address -> !names.contains(address)).ifPresent(names::add);
        return names.isEmpty() ? Optional.empty() : Optional.of(MarkedValues.texts(Setting.known(names, cluster.certSans().range())));
    }

    private static ObjectNode etcd(Etcd etcd)
    {
        ObjectNode result = NODES.objectNode();
        if (etcd.type().known().filter(Etcd.EXTERNAL::equals).isPresent()) {
            result.putObject("external")
                    .<ObjectNode>set("endpoints", MarkedValues.texts(etcd.endpoints()))
                    .put("caFile", ETCD_PKI + "etcd/ca.crt")
                    .put("certFile", ETCD_PKI + "apiserver-etcd-client.crt")
                    .put("keyFile", ETCD_PKI + "apiserver-etcd-client.key");
            return result;
        }
        ObjectNode local = result.putObject("local");
        local.set("dataDir", MarkedValues.text(etcd.dataDirectory()));
        if (!etcd.serverCertSans().known().orElse(List.of()).isEmpty() || etcd.serverCertSans() instanceof Setting.Unknown) {
            local.set("serverCertSANs", MarkedValues.texts(etcd.serverCertSans()));
        }
        return result;
    }

    private static ObjectNode nodeRegistration(RenderContext context, Setting<Map<String, String>> labels, Setting<List<String>> taints, boolean controlPlane)
    {
        ObjectNode registration = NODES.objectNode();
        Map<String, String> arguments = new TreeMap<>();
        Map<String, String> knownLabels = labels.known().orElse(Map.of());
        if (!knownLabels.isEmpty()) {
            arguments.put("node-labels", new TreeMap<>(knownLabels).entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(",")));
        }
        if (!arguments.isEmpty()) {
            registration.set("kubeletExtraArgs", context.extraArguments(arguments));
        }
        List<String> knownTaints = taints.known().orElse(List.of());
        if (controlPlane || !knownTaints.isEmpty()) {
            registration.set("taints", Taints.json(knownTaints));
        }
        return registration;
    }

    private static void addFiles(RenderContext context, ObjectNode spec, boolean controlPlane)
    {
        ArrayNode files = NODES.arrayNode();
        if (controlPlane && context.cluster().encryptionProviderConfig().isPresent()) {
            ObjectNode file = files.addObject();
            file.put("path", ENCRYPTION_CONFIG_PATH);
            file.put("owner", "root:root");
            file.put("permissions", "0600");
            file.putObject("contentFrom").putObject("secret")
                    .put("name", context.name(ENCRYPTION_CONFIG_ROLE))
                    .put("key", ENCRYPTION_CONFIG_KEY);
        }
        if (controlPlane) {
            KubeVip.file(context.cluster()).ifPresent(files::add);
        }
        List<RegistryHosts.HostFile> hostFiles = RegistryHosts.files(context);
        hostFiles.forEach(host -> files.addObject()
                .put("path", host.path())
                .put("owner", "root:root")
                .put("permissions", "0644")
                .set("content", host.content()));
        if (!files.isEmpty()) {
            spec.set("files", files);
        }
        List<String> preCommands = new ArrayList<>();
        List<String> postCommands = new ArrayList<>();
        if (!hostFiles.isEmpty()) {
            preCommands.add(RegistryHosts.RELOAD_COMMAND);
        }
        if (controlPlane) {
            preCommands.addAll(KubeVip.preCommands(context.cluster()));
            postCommands.addAll(KubeVip.postCommands(context.cluster()));
        }
        if (!preCommands.isEmpty()) {
            ArrayNode commands = spec.putArray("preKubeadmCommands");
            preCommands.forEach(commands::add);
        }
        if (!postCommands.isEmpty()) {
            ArrayNode commands = spec.putArray("postKubeadmCommands");
            postCommands.forEach(commands::add);
        }
    }
}
