package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kiln.lang.config.schema.AttributeSchema.optional;

/** {@code provider "kubeadm" | "capi" | "sim" { ... }}: one schema per provider type. */
final class ProviderSchemas
{
    static final String KUBEADM = "kubeadm";
    static final String CAPI = "capi";
    static final String SIM = "sim";
    static final List<String> TYPES = List.of(KUBEADM, CAPI, SIM);

    static final String DEFAULT_CONNECT_TIMEOUT = "30s";
    static final String DEFAULT_NAMESPACE = "default";
    static final String DEFAULT_STATE_DIRECTORY = ".kiln/sim";

    private static final AttributeSchema ALIAS = optional("alias", Type.STRING,
            "A second name for this provider configuration, so several of one type can coexist; clusters select it with provider = TYPE.ALIAS.");

    static final BlockSchema KUBEADM_SCHEMA = BlockSchema.builder("type")
            .attribute(ALIAS)
            .attribute(optional("connect_timeout", Type.STRING, Value.string(DEFAULT_CONNECT_TIMEOUT),
                    "How long to wait for an SSH connection to a node, as a duration (\"30s\", \"2m\")."))
            .attribute(optional("max_parallel_per_host", Type.NUMBER, Value.number(1),
                    "How many actions may run on one host at the same time."))
            .build();

    static final BlockSchema CAPI_INSTALL = BlockSchema.builder()
            .attribute(optional("core", Type.STRING, "The Cluster API core provider version to install, such as \"cluster-api:v1.8.5\"."))
            .attribute(optional("bootstrap", Type.STRING, "The bootstrap provider to install, such as \"kubeadm:v1.8.5\"."))
            .attribute(optional("control_plane", Type.STRING, "The control-plane provider to install, such as \"kubeadm:v1.8.5\"."))
            .attribute(optional("infrastructure", AttributeTypes.STRING_MAP,
                    "Infrastructure providers to install, by name: { docker = \"v1.8.5\", vsphere = \"v1.11.2\" }."))
            .attribute(optional("variables", AttributeTypes.STRING_MAP,
                    "Variables for the providers' manifests (clusterctl variables such as VSPHERE_PASSWORD).").asSensitive())
            .build();

    static final BlockSchema CAPI_SCHEMA = BlockSchema.builder("type")
            .attribute(ALIAS)
            .attribute(optional("kubeconfig", Type.STRING,
                    "The management cluster's kubeconfig content (use file(\"...\") to read one). Defaults to $KUBECONFIG.").asSensitive())
            .attribute(optional("context", Type.STRING, "The kubeconfig context to use. Defaults to the current context."))
            .attribute(optional("namespace", Type.STRING, Value.string(DEFAULT_NAMESPACE),
                    "The namespace in the management cluster that holds the Cluster API objects."))
            .block("install", NestedBlockSchema.single(CAPI_INSTALL,
                    "Installs or upgrades the Cluster API providers in the management cluster before use (clusterctl init)."))
            .build();

    static final BlockSchema SIM_SCHEMA = BlockSchema.builder("type")
            .attribute(ALIAS)
            .attribute(optional("speed", Type.NUMBER, Value.number(1),
                    "How fast simulated time runs: 1 is realistic latencies, 100 is a hundred times faster. Greater than 0."))
            .attribute(optional("failure_rate", Type.NUMBER, Value.number(0),
                    "The probability, from 0 to 1, that any simulated action fails."))
            .attribute(optional("fail", AttributeTypes.STRING_LIST,
                    "Resource addresses or steps whose actions always fail, such as [\"node.w[1]\", \"cluster.prod:join\"]."))
            .attribute(optional("hang", AttributeTypes.STRING_LIST,
                    "Resource addresses or steps whose actions never finish, to exercise timeouts and interruption."))
            .attribute(optional("seed", Type.NUMBER, Value.number(0), "The random seed of failure injection, so runs repeat exactly."))
            .attribute(optional("state_dir", Type.STRING, Value.string(DEFAULT_STATE_DIRECTORY),
                    "Where the simulated datacenter is persisted, relative to the configuration directory."))
            .build();

    private static final Map<String, BlockSchema> BY_TYPE = Map.of(KUBEADM, KUBEADM_SCHEMA, CAPI, CAPI_SCHEMA, SIM, SIM_SCHEMA);

    private ProviderSchemas() {}

    static Optional<BlockSchema> forType(String type)
    {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
