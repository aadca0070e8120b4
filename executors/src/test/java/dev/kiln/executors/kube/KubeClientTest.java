package dev.kiln.executors.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeClientTest
{
    static final String API_VERSION = "cluster.x-k8s.io/v1beta2";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private static MockApiServer api;
    private static KubeClient client;

    @BeforeAll
    static void start()
    {
        api = MockApiServer.start();
        client = KubeClient.lazy(connection(api.kubeconfig(), Optional.empty()), KubeClient.ApplyMode.AUTOMATIC, FAST);
    }

    @AfterAll
    static void stop()
    {
        client.close();
        api.close();
    }

    static KubeConnection connection(String kubeconfig, Optional<String> context)
    {
        return new KubeConnection(new KubeConnection.Kubeconfig.Inline(kubeconfig), context, "default");
    }

    static GenericKubernetesResource cluster(String name, Map<String, Object> spec)
    {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION).withKind("Cluster")
                .withNewMetadata().withName(name).withNamespace("default").addToLabels("owner", "kiln").endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    @Test
    @DisplayName("apply falls back from server-side apply to create and merge patch once, keeps fields others set, and leaves an unchanged object alone")
    @SuppressWarnings("unchecked")
    void applyFallsBackAndMerges()
    {
        KubeClient client = KubeClient.lazy(connection(api.kubeconfig(), Optional.empty()), KubeClient.ApplyMode.AUTOMATIC, FAST);
        List<String> log = new ArrayList<>();
        client.apply(cluster("merge", Map.of("paused", false)), true, log::add);
        assertEquals("create and merge patch", client.applyStrategy());
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.getFirst().contains("does not offer server-side apply"), log.getFirst());

        api.admin().genericKubernetesResources(API_VERSION, "Cluster").inNamespace("default").withName("merge")
                .edit(object -> {
                    object.getMetadata().setFinalizers(List.of("cluster.cluster.x-k8s.io"));
                    ((Map<String, Object>) object.getAdditionalProperties().get("spec")).put("controlPlaneEndpoint", Map.of("host", "10.0.0.1", "port", 6443));
                    return object;
                });
        GenericKubernetesResource patched = client.apply(cluster("merge", Map.of("paused", true)), true, log::add);
        Map<?, ?> spec = (Map<?, ?>) patched.getAdditionalProperties().get("spec");
        assertEquals(true, spec.get("paused"));
        assertEquals(Map.of("host", "10.0.0.1", "port", 6443), spec.get("controlPlaneEndpoint"));
        assertEquals(List.of("cluster.cluster.x-k8s.io"), patched.getMetadata().getFinalizers());

        String version = patched.getMetadata().getResourceVersion();
        GenericKubernetesResource again = client.apply(cluster("merge", Map.of("paused", true)), true, log::add);
        assertEquals(version, again.getMetadata().getResourceVersion());
        assertEquals(1, log.size(), "the fallback is logged once: " + log);
        client.close();
    }

    @Test
    @DisplayName("a 409 conflict on a patch is retried with a fresh read, and the retry is logged")
    void conflictIsRetried()
    {
        client.apply(cluster("conflict", Map.of("paused", false)), true, ignored -> {});
        api.server().expect().patch().withPath("/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters/conflict")
                .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("the object has been modified").build()).times(2);
        List<String> log = new ArrayList<>();
        GenericKubernetesResource patched = client.apply(cluster("conflict", Map.of("paused", true)), true, log::add);
        assertEquals(true, ((Map<?, ?>) patched.getAdditionalProperties().get("spec")).get("paused"));
        assertEquals(2, log.stream().filter(line -> line.contains("HTTP 409, trying again")).count(), log.toString());
    }

    @Test
    @DisplayName("server errors that persist fail after the retries with the object's kind, namespace and name")
    void serverErrorsFailClearly()
    {
        api.server().expect().get().withPath("/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters/broken")
                .andReturn(500, new StatusBuilder().withCode(500).withMessage("etcdserver: request timed out").build()).always();
        KubeApiException failure = assertThrows(KubeApiException.class,
                () -> client.get(ObjectRef.namespaced(API_VERSION, "Cluster", "default", "broken")));
        assertEquals("read Cluster default/broken: HTTP 500: etcdserver: request timed out (after 3 tries)", failure.getMessage());
        assertEquals(500, failure.code());
    }

    @Test
    @DisplayName("a request the server rejects is not retried and names the object")
    void rejectionIsNotRetried()
    {
        api.server().expect().delete().withPath("/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters/forbidden")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("clusters.cluster.x-k8s.io \"forbidden\" is forbidden").build()).always();
        List<String> log = new ArrayList<>();
        KubeApiException failure = assertThrows(KubeApiException.class,
                () -> client.delete(ObjectRef.namespaced(API_VERSION, "Cluster", "default", "forbidden"), log::add));
        assertEquals("delete Cluster default/forbidden: HTTP 403: clusters.cluster.x-k8s.io \"forbidden\" is forbidden", failure.getMessage());
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    @DisplayName("discovery tells the Cluster API versions a server serves")
    void discovery()
    {
        assertTrue(client.serves("cluster.x-k8s.io/v1beta2", "Cluster"));
        assertFalse(client.serves("cluster.x-k8s.io/v1beta1", "Cluster"));
        try (MockApiServer older = MockApiServer.start(MockApiServer.Served.V1BETA1);
                KubeClient olderClient = KubeClient.lazy(connection(older.kubeconfig(), Optional.empty()))) {
            assertTrue(olderClient.serves("cluster.x-k8s.io/v1beta1", "Cluster"));
            assertFalse(olderClient.serves("cluster.x-k8s.io/v1beta2", "Cluster"));
        }
    }

    @Test
    @DisplayName("a kubeconfig that cannot be used is reported without its content")
    void kubeconfigErrorsHideContent()
    {
        try (KubeClient wrongContext = KubeClient.lazy(connection(api.kubeconfig(), Optional.of("production")))) {
            KubeconfigException failure = assertThrows(KubeconfigException.class, () -> wrongContext.get(ObjectRef.namespaced("v1", "Secret", "default", "x")));
            assertEquals("the inline kubeconfig has no context named \"production\"", failure.getMessage());
        }
        try (KubeClient garbage = KubeClient.lazy(connection("token: secret-token-never-shown\n  - [", Optional.empty()))) {
            KubeconfigException failure = assertThrows(KubeconfigException.class, () -> garbage.get(ObjectRef.namespaced("v1", "Secret", "default", "x")));
            assertFalse(failure.getMessage().contains("secret-token"), failure.getMessage());
        }
    }

    @Test
    @DisplayName("list returns the objects of a kind with the given labels, by name")
    void listByLabels()
    {
        client.apply(cluster("listed-b", Map.of()), true, ignored -> {});
        client.apply(cluster("listed-a", Map.of()), true, ignored -> {});
        List<String> names = client.list(API_VERSION, "Cluster", Map.of("owner", "kiln")).stream().map(object -> object.getMetadata().getName()).toList();
        assertTrue(names.indexOf("listed-a") >= 0 && names.indexOf("listed-a") < names.indexOf("listed-b"), names.toString());
    }

    @Test
    @DisplayName("server-side apply sends the rendered fields only, as field manager kiln, forcing conflicts when asked")
    void serverSideApplyRequest()
            throws InterruptedException
    {
        String path = "/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters/applied";
        GenericKubernetesResource desired = cluster("applied", Map.of("paused", false));
        api.server().expect().patch().withPath(path + "?fieldManager=kiln&force=true").andReturn(200, desired).once();
        try (KubeClient serverSide = KubeClient.lazy(connection(api.kubeconfig(), Optional.empty()), KubeClient.ApplyMode.SERVER_SIDE, FAST)) {
            serverSide.apply(desired, true, ignored -> {});
        }
        io.fabric8.mockwebserver.http.RecordedRequest request = api.server().getLastRequest();
        assertEquals("PATCH", request.getMethod());
        assertEquals(path + "?fieldManager=kiln&force=true", request.getPath());
        assertTrue(request.getHeader("Content-Type").startsWith("application/apply-patch+yaml"), request.getHeader("Content-Type"));
        String body = request.getBody().readUtf8();
        assertTrue(body.contains("paused") && body.contains("owner"), body);
        assertFalse(body.contains("managedFields") || body.contains("finalizers") || body.contains("status") || body.contains("resourceVersion"), body);
    }
}
