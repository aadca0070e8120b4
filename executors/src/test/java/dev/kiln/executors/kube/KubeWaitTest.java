package dev.kiln.executors.kube;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.kiln.executors.kube.KubeClientTest.API_VERSION;
import static dev.kiln.executors.kube.KubeClientTest.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeWaitTest
{
    private static MockApiServer api;
    private static FaultProxy proxy;
    private static KubeClient client;

    @BeforeAll
    static void start()
    {
        api = MockApiServer.start();
        proxy = FaultProxy.start(api.server().getPort());
        client = KubeClient.lazy(new KubeConnection(new KubeConnection.Kubeconfig.Inline(MockApiServer.kubeconfig(proxy.url())), Optional.empty(), "default",
                Duration.ofSeconds(1)), KubeClient.ApplyMode.MERGE_PATCH, KubeClientTest.FAST);
    }

    @AfterAll
    static void stop()
    {
        client.close();
        proxy.close();
        api.close();
    }

    @Test
    @DisplayName("a wait survives a dropped watch: the change that follows is still seen")
    void survivesDroppedWatch()
            throws InterruptedException
    {
        client.apply(cluster("watched", Map.of("paused", true)), true, ignored -> {});
        ObjectRef ref = ObjectRef.namespaced(API_VERSION, "Cluster", "default", "watched");
        Thread.ofVirtual().start(() -> {
            sleep(300);
            proxy.dropConnections();
            sleep(200);
            api.admin().genericKubernetesResources(API_VERSION, "Cluster").inNamespace("default").withName("watched")
                    .edit(object -> {
                        object.setAdditionalProperty("spec", Map.of("paused", false));
                        return object;
                    });
        });
        Progress progress = new Progress();
        String result = KubeWait.until(client, "the cluster to resume", List.of(new KubeWait.Watched(API_VERSION, "Cluster", Map.of())),
                () -> paused(client.get(ref).orElseThrow()) ? KubeWait.Check.pending("paused") : KubeWait.Check.done("resumed"),
                new KubeWait.Options(Duration.ofSeconds(10), Duration.ofMillis(400)), progress);
        assertEquals("resumed", result);
        assertEquals(List.of("paused"), progress.lines);
    }

    @Test
    @DisplayName("a wait that runs out of time says what it waited for and what it saw last")
    void timeoutShowsLastStatus()
    {
        KubeTimeoutException failure = assertThrows(KubeTimeoutException.class, () -> KubeWait.until(client, "Cluster default/never to be Provisioned", List.of(),
                () -> KubeWait.Check.pending("phase Provisioning; ControlPlaneInitialized False (WaitingForControlPlane)"),
                new KubeWait.Options(Duration.ofMillis(300), Duration.ofMillis(50)), new Progress()));
        assertEquals("timed out after 300ms waiting for Cluster default/never to be Provisioned; last seen: "
                + "phase Provisioning; ControlPlaneInitialized False (WaitingForControlPlane)", failure.getMessage());
    }

    @Test
    @DisplayName("a failed check ends the wait at once with its reason")
    void failedCheckEndsWait()
    {
        KubeWaitException failure = assertThrows(KubeWaitException.class, () -> KubeWait.until(client, "the machines", List.of(),
                () -> KubeWait.Check.failed("Machine default/prod-md-0-abc failed: InsufficientCapacity"),
                new KubeWait.Options(Duration.ofSeconds(5), Duration.ofMillis(50)), new Progress()));
        assertEquals("the machines failed: Machine default/prod-md-0-abc failed: InsufficientCapacity", failure.getMessage());
    }

    @Test
    @DisplayName("a server that stops answering makes requests time out, retried, then a clear error")
    void stalledServerTimesOut()
    {
        proxy.stall(true);
        try {
            KubeApiException failure = assertThrows(KubeApiException.class, () -> client.get(ObjectRef.namespaced(API_VERSION, "Cluster", "default", "watched")));
            assertTrue(failure.getMessage().startsWith("read Cluster default/watched: "), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("(after 3 tries)"), failure.getMessage());
            assertEquals(0, failure.code());
        }
        finally {
            proxy.stall(false);
        }
    }

    private static boolean paused(GenericKubernetesResource cluster)
    {
        return Boolean.TRUE.equals(((Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("paused"));
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Progress
            implements ActionContext
    {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final CancellationToken token = new CancellationToken();

        @Override
        public CancellationToken cancellation()
        {
            return token;
        }

        @Override
        public void progress(String message)
        {
            lines.add(message);
        }
    }
}
