package dev.kiln.cli;

import dev.kiln.executors.kube.MockApiServer;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.cli.CapiLifecycleTest.CORE;
import static dev.kiln.cli.CapiLifecycleTest.assertNoChanges;
import static dev.kiln.cli.CapiLifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the capi provider meets trouble, through the CLI: Cluster API that makes no progress
 * (a timeout that shows the last conditions), a machine that fails, conflicts and server
 * errors on the way (retried safely), and a provider whose kubeconfig is another cluster's,
 * created in the same apply.
 */
class CapiFaultsTest
{
    private static MockApiServer api;
    private static CapiTestController controller;

    @TempDir
    Path directory;

    @BeforeAll
    static void start()
    {
        System.setProperty("kiln.capi.timeout", "30s");
        System.setProperty("kiln.capi.delete-timeout", "30s");
        System.setProperty("kiln.capi.poll-interval", "100ms");
        // fabric8's mock server blocks its event loop for seconds whenever a watch closes; the
        // waits poll instead (KubeWaitTest covers watches, including one that drops).
        System.setProperty("kiln.capi.watch", "false");
        api = MockApiServer.start();
        controller = CapiTestController.start(api.admin(), "v1beta2", "default", api.kubeconfig());
    }

    @AfterEach
    void resume()
    {
        controller.stall(false);
        System.setProperty("kiln.capi.timeout", "30s");
    }

    @AfterAll
    static void stop()
    {
        controller.close();
        api.close();
        System.clearProperty("kiln.capi.timeout");
        System.clearProperty("kiln.capi.delete-timeout");
        System.clearProperty("kiln.capi.poll-interval");
        System.clearProperty("kiln.capi.watch");
    }

    private CliRunner workspace(String configuration)
            throws IOException
    {
        Path workspace = Files.createDirectories(directory.resolve("capi"));
        Files.writeString(workspace.resolve("management.kubeconfig"), api.kubeconfig());
        Files.writeString(workspace.resolve("main.kiln.hcl"), configuration);
        return CliRunner.in(workspace);
    }

    static String cluster(String name, String provider, String version, int workers)
    {
        return """
                cluster "%s" {
                  provider           = %s
                  kubernetes_version = "%s"

                  control_plane {
                    replicas = 1
                  }

                  worker_pool "md-0" {
                    replicas = %d
                  }

                  infrastructure "docker" {}
                }
                """.formatted(name, provider, version, workers);
    }

    static final String PROVIDER = """
            provider "capi" {
              kubeconfig = "management.kubeconfig"
            }
            """;

    @Test
    @DisplayName("Cluster API making no progress fails the apply after the timeout with the last conditions and reasons; the next apply resumes")
    void timeoutShowsLastConditions()
            throws IOException
    {
        CliRunner kiln = workspace(PROVIDER + cluster("stalled", "capi", "v1.30.4", 1));
        System.setProperty("kiln.capi.timeout", "2s");
        controller.stall(true);
        CliRunner.Result failed = kiln.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, failed.exitCode(), failed.out());
        assertTrue(failed.err().replaceAll("\\s+", " ").contains("timed out after 2s waiting for stalled to be provisioned with its control plane ready; last seen: "
                + "Cluster Pending (no conditions yet); control plane 0/1 ready, 0/1 up to date"), failed.err());

        System.setProperty("kiln.capi.timeout", "30s");
        controller.stall(false);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        assertNoChanges(kiln);
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 2 destroyed.");
    }

    @Test
    @DisplayName("a machine that fails stops the wait at once with the machine's name and Cluster API's reason")
    void failedMachine()
            throws IOException
    {
        CliRunner kiln = workspace(PROVIDER + cluster("failing", "capi", "v1.30.4", 1));
        controller.failNextMachine("failing-control-plane");
        CliRunner.Result failed = kiln.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, failed.exitCode(), failed.out());
        assertTrue(failed.err().replace("\n", " ").matches("(?s).*Machine default/failing-control-plane-\\d+ failed: CreateError: the test controller was told to fail this machine.*"),
                failed.err());
        api.admin().genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName("failing").delete();
    }

    @Test
    @DisplayName("409 conflicts and 500s while applying are retried: the scale goes through")
    void conflictsAndServerErrorsAreRetried()
            throws IOException
    {
        CliRunner kiln = workspace(PROVIDER + cluster("retried", "capi", "v1.30.4", 1));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        String path = "/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments/retried-md-0";
        api.server().expect().patch().withPath(path)
                .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("the object has been modified").build()).times(2);
        api.server().expect().patch().withPath(path)
                .andReturn(500, new StatusBuilder().withCode(500).withMessage("etcdserver: leader changed").build()).once();
        Files.writeString(directory.resolve("capi/main.kiln.hcl"), PROVIDER + cluster("retried", "capi", "v1.30.4", 2));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
        assertEquals(2, CapiLifecycleTest.machines(api, "retried-md-0").size());
        assertNoChanges(kiln);
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 2 destroyed.");
    }

    @Test
    @DisplayName("a provider whose kubeconfig is another cluster's plans before that cluster exists and applies after it")
    void kubeconfigFromAnotherResource()
            throws IOException
    {
        String configuration = PROVIDER + """
                provider "capi" {
                  alias      = "service"
                  kubeconfig = cluster.mgmt.kubeconfig
                }
                """ + cluster("mgmt", "capi", "v1.30.4", 1) + cluster("service", "capi.service", "v1.30.4", 1);
        CliRunner kiln = workspace(configuration);
        CliRunner.Result plan = kiln.run("plan");
        assertSucceeded(plan, "Plan: 4 to add, 0 to change, 0 to destroy.");
        CliRunner.Result applied = kiln.run("apply", "-auto-approve");
        assertSucceeded(applied, "Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
        assertTrue(applied.out().indexOf("cluster.mgmt: Creation complete") < applied.out().indexOf("cluster.service: Creating..."), applied.out());
        assertFalse(applied.out().contains("secret-token-never-shown"), "no kubeconfig shows");
        assertNoChanges(kiln);
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 4 destroyed.");
    }

    @Test
    @DisplayName("a management cluster Kiln cannot read at refresh is a plan error naming the instance and the cause, never the kubeconfig")
    void unreadableManagementCluster()
            throws IOException
    {
        CliRunner kiln = workspace(PROVIDER + cluster("unreadable", "capi", "v1.30.4", 1));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        Path kubeconfig = directory.resolve("capi/management.kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\nusers:\n- name: x\n  user: {token: secret-token-never-shown}\n");
        CliRunner.Result plan = kiln.run("plan");
        assertEquals(ExitCodes.ERROR, plan.exitCode(), plan.out());
        String error = plan.err().replaceAll("\\s+", " ");
        assertTrue(error.contains("Management cluster unreadable"), error);
        assertTrue(error.contains("Kiln could not read cluster.unreadable through provider capi: the kubeconfig " + kubeconfig + " has no current-context"), error);
        assertFalse(plan.err().contains("secret-token-never-shown") || plan.out().contains("secret-token-never-shown"));
        Files.writeString(kubeconfig, api.kubeconfig());
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 2 destroyed.");
    }

    @Test
    @DisplayName("refresh reports a machine that failed after the apply as a warning with Cluster API's reason, and the cluster's status as failed")
    void refreshReportsFailedMachines()
            throws IOException
    {
        CliRunner kiln = workspace(PROVIDER + cluster("broken", "capi", "v1.30.4", 1));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        controller.stall(true);
        var machine = CapiLifecycleTest.machines(api, "broken-md-0").getFirst();
        machine.setAdditionalProperty("status", java.util.Map.of("phase", "Failed", "failureReason", "UpdateError", "failureMessage", "the host is gone"));
        api.admin().genericKubernetesResources(CORE, "Machine").inNamespace("default").resource(machine).updateStatus();
        CliRunner.Result plan = kiln.run("plan");
        String output = (plan.out() + plan.err()).replaceAll("\\s+", " ");
        assertTrue(output.contains("Failed machines"), output);
        assertTrue(output.contains("Machine default/" + machine.getMetadata().getName() + " failed: UpdateError: the host is gone"), output);
        assertSucceeded(kiln.run("refresh"), "State serial");
        assertTrue(kiln.run("state", "show", "cluster.broken.pool[\"md-0\"]").out().contains("\"failed\""));
        controller.stall(false);
        api.admin().genericKubernetesResources(CORE, "Machine").inNamespace("default").withName(machine.getMetadata().getName()).delete();
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 2 destroyed.");
    }

    @Test
    @DisplayName("install applies the provider components with clusterctl variables, waits for their Deployments and logs their images")
    void installsComponents()
            throws IOException
    {
        CliRunner kiln = workspace("""
                provider "capi" {
                  kubeconfig = "management.kubeconfig"

                  install {
                    core           = "core-components.yaml"
                    infrastructure = { docker = "infrastructure-components.yaml" }
                    variables      = { CAPI_VERSION = "v1.8.5" }
                  }
                }
                """ + cluster("installed", "capi", "v1.30.4", 1));
        Path workspace = directory.resolve("capi");
        Files.writeString(workspace.resolve("core-components.yaml"), components("capi-system", "capi-controller-manager", "cluster-api-controller:${CAPI_VERSION}"));
        Files.writeString(workspace.resolve("infrastructure-components.yaml"), components("capd-system", "capd-controller-manager", "capd-manager:${CAPD_VERSION:=v1.8.4}"));
        CliRunner.Result applied = kiln.run("apply", "-auto-approve");
        assertSucceeded(applied, "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        assertEquals("registry.k8s.io/cluster-api/capd-manager:v1.8.4", api.admin().apps().deployments().inNamespace("capd-system").withName("capd-controller-manager").get()
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
        String logs;
        try (var files = Files.walk(workspace.resolve(".kiln/logs"))) {
            logs = String.join("\n", files.filter(Files::isRegularFile).map(file -> {
                try {
                    return Files.readString(file);
                }
                catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
        assertTrue(logs.contains("Deployment capi-system/capi-controller-manager is Available, running registry.k8s.io/cluster-api/cluster-api-controller:v1.8.5"), logs);
        assertNoChanges(kiln);
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 2 destroyed.");
    }

    private static String components(String namespace, String name, String image)
    {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %2$s
                  namespace: %1$s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {control-plane: %2$s}
                  template:
                    metadata:
                      labels: {control-plane: %2$s}
                    spec:
                      containers:
                      - name: manager
                        image: registry.k8s.io/cluster-api/%3$s
                """.formatted(namespace, name, image);
    }
}
