package dev.kiln.executors.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * One Kubernetes API server as drivers use it: read, list, apply, patch, delete and watch
 * objects of any kind by apiVersion and kind, and discover which versions of an API group
 * it serves. The fabric8 client behind it is built on first use (building one costs about a
 * second), so commands that never reach the server never pay for it. Every call retries
 * conflicts and server errors ({@link RetryPolicy}) and fails with a {@link KubeApiException}
 * naming the object. Applying uses server-side apply until the server shows it has none
 * (HTTP 404 or 415 on the apply request, as fabric8's mock answers), then create and merge
 * patch, saying so once in the log.
 */
public final class KubeClient
        implements AutoCloseable
{
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubeConnection connection;
    private final ApiCalls calls;
    private final ClientFactory factory;
    private final Object lock = new Object();
    private KubernetesClient client;
    private volatile ApplyStrategy strategy;
    private volatile boolean fallbackAllowed;

    private KubeClient(KubeConnection connection, ApplyMode mode, RetryPolicy retries, ClientFactory factory)
    {
        this.connection = connection;
        this.calls = new ApiCalls(retries);
        this.factory = factory;
        this.strategy = mode == ApplyMode.MERGE_PATCH ? ApplyStrategy.mergePatch() : ApplyStrategy.serverSide();
        this.fallbackAllowed = mode == ApplyMode.AUTOMATIC;
    }

    /** Which apply strategy to use: server-side apply with fallback (the default), or one of them only. */
    public enum ApplyMode
    {
        AUTOMATIC, SERVER_SIDE, MERGE_PATCH
    }

    /** A client for {@code connection}, built on first use. */
    public static KubeClient lazy(KubeConnection connection)
    {
        return lazy(connection, ApplyMode.AUTOMATIC, RetryPolicy.DEFAULT);
    }

    public static KubeClient lazy(KubeConnection connection, ApplyMode mode, RetryPolicy retries)
    {
        requireNonNull(connection, "connection is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(retries, "retries is null");
        return new KubeClient(connection, mode, retries, ClientFactory.INSTANCE);
    }

    /** The namespace objects without one are read from and written to. */
    public String namespace()
    {
        return connection.namespace();
    }

    /** How objects are applied now: "server-side apply" or "create and merge patch". */
    public String applyStrategy()
    {
        return strategy.description();
    }

    public Optional<GenericKubernetesResource> get(ObjectRef object)
    {
        requireNonNull(object, "object is null");
        return calls.call("read", object, ignored -> {}, () -> Optional.ofNullable(handle(client(), object).get()));
    }

    /** The objects of one kind in this client's namespace with all of {@code labels}, sorted by name. */
    public List<GenericKubernetesResource> list(String apiVersion, String kind, Map<String, String> labels)
    {
        ObjectRef all = ObjectRef.namespaced(apiVersion, kind, namespace(), "*");
        return calls.call("list", all, ignored -> {}, () -> {
            NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation =
                    client().genericKubernetesResources(apiVersion, kind).inNamespace(namespace());
            GenericKubernetesResourceList list = labels.isEmpty() ? operation.list() : operation.withLabels(labels).list();
            return list.getItems().stream()
                    .sorted((left, right) -> left.getMetadata().getName().compareTo(right.getMetadata().getName()))
                    .toList();
        });
    }

    /**
     * Makes {@code desired} real (its namespace defaults to this client's) and returns the
     * object as the server holds it. {@code forceConflicts}: take over fields another field
     * manager owns, for objects whose every rendered field is Kiln's to decide.
     */
    public GenericKubernetesResource apply(GenericKubernetesResource desired, boolean forceConflicts, Consumer<String> log)
    {
        requireNonNull(desired, "desired is null");
        requireNonNull(log, "log is null");
        ObjectRef object = ObjectRef.of(desired);
        return calls.call("apply", object, log, () -> {
            ApplyStrategy current = strategy;
            try {
                return current.apply(client(), desired, forceConflicts);
            }
            catch (KubernetesClientException e) {
                if (!fallbackAllowed || !(current instanceof ServerSideApply) || (e.getCode() != 404 && e.getCode() != 415)) {
                    throw e;
                }
                fallBack(e.getCode(), log);
                return strategy.apply(client(), desired, forceConflicts);
            }
        });
    }

    /** A JSON merge patch of {@code fields} (annotations, replicas): the object as the server holds it afterwards. */
    public GenericKubernetesResource patch(ObjectRef object, Map<String, Object> fields, Consumer<String> log)
    {
        requireNonNull(object, "object is null");
        requireNonNull(fields, "fields is null");
        return calls.call("patch", object, log, () -> handle(client(), object).patch(PatchContext.of(PatchType.JSON_MERGE), JSON.writeValueAsString(fields)));
    }

    /** Deletes the object (in the background: the server and its controllers finish the job); false when it was already gone. */
    public boolean delete(ObjectRef object, Consumer<String> log)
    {
        requireNonNull(object, "object is null");
        return calls.call("delete", object, log, () -> !handle(client(), object).delete().isEmpty());
    }

    /**
     * Whether the server serves {@code kind} at {@code apiVersion} ("cluster.x-k8s.io/v1beta2"),
     * by the API's discovery document of that group version: a version the server does not
     * serve has none (HTTP 404) or an empty one.
     */
    public boolean serves(String apiVersion, String kind)
    {
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(kind, "kind is null");
        ObjectRef resources = new ObjectRef("v1", "APIResourceList", Optional.empty(), apiVersion);
        return calls.call("discover", resources, ignored -> {}, () -> {
            APIResourceList list;
            try {
                list = client().getApiResources(apiVersion);
            }
            catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return false;
                }
                throw e;
            }
            return list != null && list.getResources() != null && list.getResources().stream().anyMatch(resource -> kind.equals(resource.getKind()));
        });
    }

    /**
     * Watches the objects of one kind in this client's namespace with all of {@code labels}:
     * {@code onEvent} runs on every change, {@code onClosed} when the watch ends abnormally
     * (the caller decides whether to watch again). Close the result to stop.
     */
    public AutoCloseable watch(String apiVersion, String kind, Map<String, String> labels, Runnable onEvent, Runnable onClosed)
    {
        ObjectRef all = ObjectRef.namespaced(apiVersion, kind, namespace(), "*");
        Watcher<GenericKubernetesResource> watcher = new Watcher<>()
        {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource)
            {
                onEvent.run();
            }

            @Override
            public void onClose(WatcherException cause)
            {
                onClosed.run();
            }
        };
        Watch watch = calls.call("watch", all, ignored -> {}, () -> {
            NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation =
                    client().genericKubernetesResources(apiVersion, kind).inNamespace(namespace());
            return labels.isEmpty() ? operation.watch(watcher) : operation.withLabels(labels).watch(watcher);
        });
        return watch::close;
    }

    /** Closes the fabric8 client if it was ever built. */
    @Override
    public void close()
    {
        synchronized (lock) {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    static Resource<GenericKubernetesResource> handle(KubernetesClient client, ObjectRef object)
    {
        return object.namespace().isPresent()
                ? client.genericKubernetesResources(object.apiVersion(), object.kind()).inNamespace(object.namespace().get()).withName(object.name())
                : client.genericKubernetesResources(object.apiVersion(), object.kind()).withName(object.name());
    }

    /**
     * The fields of an object Kiln rendered, as a map: without status, and with metadata cut
     * to name, namespace, labels and annotations, so the empty finalizer and owner lists of a
     * freshly built object never erase what controllers put there.
     */
    static Map<String, Object> rendered(GenericKubernetesResource object)
    {
        Map<String, Object> fields = new LinkedHashMap<>(JSON.convertValue(object, MAP));
        fields.remove("status");
        Map<String, Object> metadata = new LinkedHashMap<>();
        mapping(fields.get("metadata")).forEach((key, value) -> {
            boolean kept = key.equals("name") || key.equals("namespace") || key.equals("labels") || key.equals("annotations");
            if (kept && value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
                metadata.put(key, value);
            }
        });
        fields.put("metadata", metadata);
        return fields;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value)
    {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private void fallBack(int code, Consumer<String> log)
    {
        synchronized (lock) {
            if (strategy instanceof ServerSideApply) {
                strategy = ApplyStrategy.mergePatch();
                log.accept("the API server does not offer server-side apply (HTTP " + code + "); Kiln uses create and merge patch "
                        + "with resourceVersion checks on this server instead");
            }
        }
    }

    private KubernetesClient client()
    {
        synchronized (lock) {
            if (client == null) {
                client = factory.create(connection);
            }
            return client;
        }
    }
}
