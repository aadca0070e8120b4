package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.KubeConnection;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.value.Value;
import dev.kiln.providers.AppliedValues;
import dev.kiln.providers.capi.render.CapiApiVersion;

import java.util.Optional;

/**
 * The management cluster one {@code provider "capi"} configuration talks to. Its client is
 * built on first use — after the plan, when the first change or refresh needs the API — so
 * a kubeconfig known only after apply is read then, from the value the referenced resource
 * got earlier in the same apply. The Cluster API version to render is discovered once, and
 * the provider components are installed once, before the first change.
 */
final class ManagementCluster
        implements AutoCloseable
{
    private static final String CORE_GROUP_VERSION = "cluster.x-k8s.io/" + CapiApiVersion.V1BETA2.label();

    private final CapiSettings settings;
    private final AppliedValues applied;
    private final ComponentInstaller installer;
    private KubeClient client;
    private CapiApiVersion version;
    private boolean installed;

    ManagementCluster(CapiSettings settings, AppliedValues applied, ComponentInstaller installer)
    {
        this.settings = settings;
        this.applied = applied;
        this.installer = installer;
    }

    CapiSettings settings()
    {
        return settings;
    }

    String namespace()
    {
        return settings.namespace();
    }

    /** Whether a client can be built now: false while the kubeconfig waits for a resource not applied yet. */
    synchronized boolean reachable()
    {
        return client != null || !(settings.kubeconfig() instanceof CapiSettings.Kubeconfig.AfterApply) || resolved().isPresent();
    }

    synchronized KubeClient client()
    {
        if (client == null) {
            client = KubeClient.lazy(new KubeConnection(connectionKubeconfig(), settings.context(), settings.namespace()));
        }
        return client;
    }

    /** v1beta2 when the management cluster serves Cluster API's v1beta2 kinds, else v1beta1. */
    synchronized CapiApiVersion version()
    {
        if (version == null) {
            version = client().serves(CORE_GROUP_VERSION, "Cluster") ? CapiApiVersion.V1BETA2 : CapiApiVersion.V1BETA1;
        }
        return version;
    }

    /** Installs the configured provider components, once per run, before the first change. */
    synchronized void prepare(ActionContext context)
    {
        if (!installed) {
            installer.install(client(), settings, context);
            installed = true;
        }
    }

    @Override
    public synchronized void close()
    {
        if (client != null) {
            client.close();
        }
    }

    private KubeConnection.Kubeconfig connectionKubeconfig()
    {
        return switch (settings.kubeconfig()) {
            case CapiSettings.Kubeconfig.Default ignored -> new KubeConnection.Kubeconfig.Default();
            case CapiSettings.Kubeconfig.File file -> new KubeConnection.Kubeconfig.File(file.path());
            case CapiSettings.Kubeconfig.Inline inline -> new KubeConnection.Kubeconfig.Inline(inline.content());
            case CapiSettings.Kubeconfig.AfterApply afterApply -> new KubeConnection.Kubeconfig.Inline(resolved().orElseThrow(() -> new IllegalStateException(
                    "provider " + settings.name() + " takes its kubeconfig from "
                            + afterApply.reference().map(reference -> reference.target() + reference.remaining().toString()).orElse("an expression")
                            + ", which has no value yet: apply the resource it references first")));
        };
    }

    private Optional<String> resolved()
    {
        if (!(settings.kubeconfig() instanceof CapiSettings.Kubeconfig.AfterApply(Optional<Reference> reference)) || reference.isEmpty()) {
            return Optional.empty();
        }
        Optional<Value> value = applied.of(reference.get().target());
        for (Traverser step : reference.get().remaining().steps()) {
            value = value.flatMap(current -> switch (step) {
                case Traverser.Attribute attribute -> current.asMapping().map(map -> map.get(attribute.name()));
                case Traverser.Index index -> index.key() instanceof Value.StringValue key
                        ? current.asMapping().map(map -> map.get(key.value()))
                        : Optional.<Value>empty();
                case Traverser.Root ignored -> Optional.of(current);
            });
        }
        return value.flatMap(found -> found instanceof Value.StringValue text ? Optional.of(text.value()) : Optional.empty());
    }
}
