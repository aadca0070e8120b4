package dev.kiln.executors.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Stream;

/**
 * The stand-in for a kube-apiserver in tests: fabric8's mock server in CRUD mode (plain HTTP,
 * on a free loopback port), with Cluster API's CRDs from the shared conformance data
 * registered so objects of every Cluster API kind can be created, listed, watched and patched,
 * with status subresources. Expectations set with {@link #server()}{@code .expect()} answer
 * first, which is how tests inject faults. A kubeconfig for it comes from {@link #kubeconfig}.
 */
public final class MockApiServer
        implements AutoCloseable
{
    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient admin;

    private MockApiServer(KubernetesMockServer server)
    {
        this.server = server;
        this.admin = server.createClient();
    }

    /** Which versions of the Cluster API kinds the server serves. */
    public enum Served
    {
        /** Only v1beta1 (an older management cluster): every CRD stripped to its v1beta1 version where it has one. */
        V1BETA1,
        /** The CRDs as shipped: the mock serves their storage version, v1beta2. */
        V1BETA2
    }

    /** A started server serving Cluster API's v1beta2 kinds. */
    public static MockApiServer start()
    {
        return start(Served.V1BETA2);
    }

    /** A started server with the Cluster API CRDs registered at the versions {@code served} says. */
    public static MockApiServer start(Served served)
    {
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MockApiServer started = new MockApiServer(server);
        started.registerCrds(served);
        return started;
    }

    public KubernetesMockServer server()
    {
        return server;
    }

    /** A fabric8 client for the test's own reads and writes (the "other" manager and the controllers). */
    public NamespacedKubernetesClient admin()
    {
        return admin;
    }

    public String url()
    {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A kubeconfig whose current context {@code mock} reaches this server (or {@code url}, such as a proxy in front of it). */
    public String kubeconfig()
    {
        return kubeconfig(url());
    }

    public static String kubeconfig(String url)
    {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: mock
                  user:
                    token: secret-token-never-shown
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: mock
                current-context: mock
                """.formatted(url);
    }

    /** The directory of Cluster API's CRDs: {@code shared/conformance/cluster-api/crds} beside the repository or any enclosing directory. */
    public static Path crdDirectory()
    {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared/conformance/cluster-api/crds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../../shared/conformance/cluster-api/crds").toAbsolutePath().normalize();
    }

    private void registerCrds(Served served)
    {
        try (Stream<Path> files = Files.list(crdDirectory())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream input = Files.newInputStream(file)) {
                    CustomResourceDefinition crd = admin.getKubernetesSerialization().unmarshal(input, CustomResourceDefinition.class);
                    if (served == Served.V1BETA1 && crd.getSpec().getVersions().stream().anyMatch(version -> version.getName().equals("v1beta1"))) {
                        crd.getSpec().getVersions().removeIf(version -> !version.getName().equals("v1beta1"));
                        crd.getSpec().getVersions().getFirst().setStorage(true);
                    }
                    admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the Cluster API CRDs in " + crdDirectory(), e);
        }
    }

    /** The CRD names registered, for tests that check the data was found. */
    public List<String> crdNames()
    {
        return admin.apiextensions().v1().customResourceDefinitions().list().getItems().stream().map(crd -> crd.getMetadata().getName()).sorted().toList();
    }

    @Override
    public void close()
    {
        admin.close();
        server.destroy();
    }
}
