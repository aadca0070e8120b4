package dev.kiln.cli;

import dev.kiln.executors.kube.MockApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.cli.CapiLifecycleTest.assertNoChanges;
import static dev.kiln.cli.CapiLifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A management cluster that serves Cluster API's v1beta1 only: discovery picks v1beta1, the
 * objects are rendered in it, and the waits read v1beta1 statuses (phase Provisioned,
 * ControlPlaneInitialized, ready and initialized, updatedReplicas).
 */
class CapiV1beta1Test
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
        api = MockApiServer.start(MockApiServer.Served.V1BETA1);
        controller = CapiTestController.start(api.admin(), "v1beta1", "default", api.kubeconfig());
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

    @Test
    @DisplayName("create, upgrade one minor and delete on a v1beta1 management cluster")
    void lifecycle()
            throws IOException
    {
        Path workspace = Files.createDirectories(directory.resolve("capi"));
        Files.writeString(workspace.resolve("management.kubeconfig"), api.kubeconfig());
        Path main = workspace.resolve("main.kiln.hcl");
        Files.writeString(main, CapiFaultsTest.PROVIDER + CapiFaultsTest.cluster("old", "capi", "v1.29.4", 2));
        CliRunner kiln = CliRunner.in(workspace);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        assertEquals(1, api.admin().genericKubernetesResources("cluster.x-k8s.io/v1beta1", "Cluster").inNamespace("default").list().getItems().size());
        assertNoChanges(kiln);

        Files.writeString(main, CapiFaultsTest.PROVIDER + CapiFaultsTest.cluster("old", "capi", "v1.30.4", 2));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 2 changed, 0 destroyed.");
        assertTrue(CapiLifecycleTest.machines(api, "cluster.x-k8s.io/v1beta1", "old-md-0").stream().allMatch(machine -> "v1.30.4".equals(CapiLifecycleTest.spec(machine).get("version"))));
        assertNoChanges(kiln);

        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete! Resources: 2 destroyed.");
        assertTrue(api.admin().genericKubernetesResources("cluster.x-k8s.io/v1beta1", "Machine").inNamespace("default").list().getItems().isEmpty());
    }
}
