package dev.kiln.cli;

import dev.kiln.executors.kube.MockApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Cluster API cluster's whole lifecycle through the CLI, against fabric8's mock API server
 * with Cluster API's CRDs and {@link CapiTestController} doing what Cluster API's controllers
 * do: create (3 control-plane machines, 2 pools), scale, upgrade across two minors, drift
 * made behind Kiln's back, import, delete — each followed by a plan that says "No changes.".
 */
class CapiLifecycleTest
{
    static final String CORE = "cluster.x-k8s.io/v1beta2";

    private static MockApiServer api;
    private static CapiTestController controller;

    @TempDir
    Path directory;

    @BeforeAll
    static void start()
    {
        System.setProperty("kiln.capi.timeout", "60s");
        System.setProperty("kiln.capi.delete-timeout", "60s");
        System.setProperty("kiln.capi.poll-interval", "100ms");
        // fabric8's mock server blocks its event loop for seconds whenever a watch closes; the
        // waits poll instead (KubeWaitTest covers watches, including one that drops).
        System.setProperty("kiln.capi.watch", "false");
        api = MockApiServer.start();
        controller = CapiTestController.start(api.admin(), "v1beta2", "default", api.kubeconfig());
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

    static String configuration(String version, int controlPlanes, int workers)
    {
        return """
                provider "capi" {
                  kubeconfig = "management.kubeconfig"
                  namespace  = "default"
                }

                cluster "prod" {
                  provider           = capi
                  kubernetes_version = "%s"

                  control_plane {
                    replicas = %d
                  }

                  worker_pool "md-0" {
                    replicas = %d
                  }

                  worker_pool "md-1" {
                    replicas = 1
                  }

                  infrastructure "docker" {}
                }

                output "kubeconfig" {
                  value     = cluster.prod.kubeconfig
                  sensitive = true
                }
                """.formatted(version, controlPlanes, workers);
    }

    @Test
    @DisplayName("create, scale, upgrade across two minors, drift, import and delete a Cluster API cluster, each followed by a plan without changes")
    void lifecycle()
            throws IOException
    {
        Path workspace = Files.createDirectories(directory.resolve("capi"));
        Files.writeString(workspace.resolve("management.kubeconfig"), api.kubeconfig());
        Path main = workspace.resolve("main.kiln.hcl");
        CliRunner kiln = CliRunner.in(workspace);
        Files.writeString(main, configuration("v1.29.4", 3, 2));
        assertSucceeded(kiln.run("init"), "Kiln has been successfully initialized!");

        CliRunner.Result plan = kiln.run("plan");
        assertSucceeded(plan, "Plan: 3 to add, 0 to change, 0 to destroy.");
        assertTrue(plan.out().contains("KubeadmControlPlane default/prod-control-plane (3 machines, Kubernetes v1.29.4)"), plan.out());
        CliRunner.Result created = kiln.run("apply", "-auto-approve");
        assertSucceeded(created, "Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
        assertFalse(created.out().contains("secret-token-never-shown"), "the management kubeconfig never shows");
        assertEquals(3, machines("prod-control-plane").size());
        assertEquals(2, machines("prod-md-0").size());
        assertNoChanges(kiln);

        Files.writeString(main, configuration("v1.29.4", 5, 3));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 2 changed, 0 destroyed.");
        assertEquals(5, machines("prod-control-plane").size());
        assertEquals(3, machines("prod-md-0").size());
        assertNoChanges(kiln);

        Files.writeString(main, configuration("v1.31.2", 5, 3));
        CliRunner.Result chain = kiln.run("plan");
        assertSucceeded(chain, "Plan: 0 to add, 3 to change, 0 to destroy.");
        assertTrue(chain.out().contains("upgrade the control plane from v1.29.4 to v1.30.14"), chain.out());
        assertTrue(chain.out().contains("upgrade the control plane from v1.30.14 to v1.31.2"), chain.out());
        assertTrue(chain.out().contains("upgrade pool \"md-0\" from v1.29.4 to v1.30.14"), chain.out());
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 3 changed, 0 destroyed.");
        assertTrue(machines("prod-control-plane").stream().allMatch(machine -> "v1.31.2".equals(spec(machine).get("version"))));
        assertTrue(machines("prod-md-1").stream().allMatch(machine -> "v1.31.2".equals(spec(machine).get("version"))));
        assertNoChanges(kiln);

        api.admin().genericKubernetesResources(CORE, "MachineDeployment").inNamespace("default").withName("prod-md-0")
                .edit(deployment -> {
                    spec(deployment).put("replicas", 1);
                    return deployment;
                });
        api.admin().genericKubernetesResources(CORE, "MachineDeployment").inNamespace("default").withName("prod-md-1").delete();
        CliRunner.Result drift = kiln.run("plan");
        assertSucceeded(drift, "Plan: 1 to add, 1 to change, 0 to destroy.");
        assertTrue(drift.out().contains("scale pool \"md-0\" from 1 machine to 3 machines"), drift.out());
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 1 added, 1 changed, 0 destroyed.");
        assertNoChanges(kiln);

        assertSucceeded(kiln.run("state", "rm", "cluster.prod", "cluster.prod.pool[\"md-0\"]", "cluster.prod.pool[\"md-1\"]"), "Removed 3 resource instance(s)");
        CliRunner.Result misnamed = kiln.run("import", "cluster.prod", "default/capi-quickstart");
        assertEquals(ExitCodes.ERROR, misnamed.exitCode());
        assertTrue(misnamed.err().replaceAll("\\s+", " ").contains("cluster.prod names its Cluster API objects default/prod (the provider's namespace and the cluster block's name), "
                + "not default/capi-quickstart. Name the cluster block after the Cluster (cluster \"capi-quickstart\" {...})"), misnamed.err());
        CliRunner.Result imported = kiln.run("import", "cluster.prod", "default/prod");
        assertSucceeded(imported, "Import successful!");
        assertTrue(imported.out().contains("cluster.prod, cluster.prod.pool[\"md-0\"], cluster.prod.pool[\"md-1\"]"), imported.out());
        assertNoChanges(kiln);

        CliRunner.Result destroyed = kiln.run("destroy", "-auto-approve");
        assertSucceeded(destroyed, "Destroy complete! Resources: 3 destroyed.");
        assertTrue(api.admin().genericKubernetesResources(CORE, "Cluster").inNamespace("default").list().getItems().isEmpty());
        assertTrue(api.admin().genericKubernetesResources(CORE, "Machine").inNamespace("default").list().getItems().isEmpty());
        assertTrue(api.admin().genericKubernetesResources("infrastructure.cluster.x-k8s.io/v1beta2", "DockerMachineTemplate").inNamespace("default").list().getItems().isEmpty());
        Files.writeString(main, "provider \"capi\" {\n  kubeconfig = \"management.kubeconfig\"\n}\n");
        assertNoChanges(kiln);
    }

    static List<GenericKubernetesResource> machines(String owner)
    {
        return machines(api, owner);
    }

    static List<GenericKubernetesResource> machines(MockApiServer api, String owner)
    {
        return machines(api, CORE, owner);
    }

    static List<GenericKubernetesResource> machines(MockApiServer api, String core, String owner)
    {
        return api.admin().genericKubernetesResources(core, "Machine").inNamespace("default").list().getItems().stream()
                .filter(machine -> owner.equals(machine.getMetadata().getAnnotations().get("test.kiln.dev/owner")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource object)
    {
        return (Map<String, Object>) object.getAdditionalProperties().get("spec");
    }

    static void assertNoChanges(CliRunner kiln)
    {
        CliRunner.Result plan = kiln.run("plan", "-detailed-exitcode");
        assertEquals(ExitCodes.OK, plan.exitCode(), () -> plan.out() + plan.err());
        assertTrue(plan.out().contains("No changes."), plan.out());
    }

    static void assertSucceeded(CliRunner.Result result, String expected)
    {
        assertEquals(ExitCodes.OK, result.exitCode(), () -> result.out() + result.err());
        assertTrue(result.out().contains(expected), () -> result.out() + result.err());
    }
}
