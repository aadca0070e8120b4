package dev.kiln.cli;

import dev.kiln.executors.kube.MockApiServer;
import dev.kiln.state.backend.s3.S3ProxyServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.kiln.cli.CapiLifecycleTest.assertNoChanges;
import static dev.kiln.cli.CapiLifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Cluster API cluster's scheduled backups through the CLI: the CronJob, its script, settings
 * and account applied to the workload cluster (fabric8's mock API server, whose kubeconfig
 * {@link CapiTestController} writes as the cluster's kubeconfig Secret), updated in place,
 * suspended, read back for drift, and deleted with the backup block.
 */
class CapiScheduledBackupTest
{
    private static final String SYSTEM = "kube-system";
    private static final String NAME = "kiln-etcd-backup";

    private static MockApiServer api;
    private static CapiTestController controller;
    private static S3ProxyServer s3;

    @TempDir
    static Path shared;

    @TempDir
    Path directory;

    @BeforeAll
    static void start()
    {
        System.setProperty("kiln.capi.timeout", "60s");
        System.setProperty("kiln.capi.delete-timeout", "60s");
        System.setProperty("kiln.capi.poll-interval", "100ms");
        System.setProperty("kiln.capi.watch", "false");
        api = MockApiServer.start();
        controller = CapiTestController.start(api.admin(), "v1beta2", "default", api.kubeconfig());
        s3 = S3ProxyServer.start(shared.resolve("s3"));
    }

    @AfterAll
    static void stop()
    {
        controller.close();
        api.close();
        s3.close();
        System.clearProperty("kiln.capi.timeout");
        System.clearProperty("kiln.capi.delete-timeout");
        System.clearProperty("kiln.capi.poll-interval");
        System.clearProperty("kiln.capi.watch");
    }

    private static String configuration(String backup, String point)
    {
        return """
                provider "capi" {
                  kubeconfig = "management.kubeconfig"
                  namespace  = "default"
                }

                backup_point "minio" {
                  s3 {
                    endpoint   = "%s"
                    bucket     = "etcd-backups"
                    region     = "%s"
                    access_key = "%s"
                    secret_key = "%s"
                    path_style = true
                  }
                }

                backup_point "local" {
                  fs {
                    path = "backups"
                  }
                }

                cluster "prod" {
                  provider           = capi
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    replicas = 1
                  }

                  infrastructure "docker" {}
                %s
                }
                """.formatted(s3.endpoint(), S3ProxyServer.REGION, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                backup.isEmpty() ? "" : "\n  backup {\n    point = backup_point." + point + "\n" + backup + "  }");
    }

    private static String schedule(String schedule, int keep, boolean enabled)
    {
        return "    schedule = \"%s\"\n    keep     = %d\n    enabled  = %s\n".formatted(schedule, keep, enabled);
    }

    @Test
    @DisplayName("scheduled backups of a Cluster API cluster are a CronJob applied to the cluster, updated in place, suspended, read back for drift and deleted")
    void cronJobLifecycle()
            throws IOException
    {
        Path workspace = Files.createDirectories(directory.resolve("capi"));
        Files.writeString(workspace.resolve("management.kubeconfig"), api.kubeconfig());
        Path main = workspace.resolve("main.kiln.hcl");
        CliRunner kiln = CliRunner.in(workspace);
        Files.writeString(main, configuration(schedule("0 */12 * * *", 6, true), "minio"));
        assertSucceeded(kiln.run("init"), "Kiln has been successfully initialized!");

        CliRunner.Result created = kiln.run("apply", "-auto-approve");
        assertSucceeded(created, "Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
        assertTrue(!created.out().contains(S3ProxyServer.SECRET_KEY), "the bucket's secret key never shows");
        GenericKubernetesResource cronJob = cronJob();
        assertNotNull(cronJob, "the CronJob is applied to the workload cluster");
        assertEquals("0 */12 * * *", spec(cronJob).get("schedule"));
        assertEquals(false, spec(cronJob).get("suspend"));
        assertEquals("6", cronJob.getMetadata().getAnnotations().get("kiln.dev/keep"));
        for (String kind : new String[] {"Secret", "ConfigMap", "ServiceAccount"}) {
            assertNotNull(api.admin().genericKubernetesResources("v1", kind).inNamespace(SYSTEM).withName(NAME).get(), kind);
        }
        assertNotNull(api.admin().genericKubernetesResources("rbac.authorization.k8s.io/v1", "ClusterRole").withName(NAME).get());
        assertNoChanges(kiln);

        Files.writeString(main, configuration(schedule("@daily", 3, true), "minio"));
        CliRunner.Result updated = kiln.run("apply", "-auto-approve");
        assertSucceeded(updated, "Apply complete! Resources: 0 added, 2 changed, 0 destroyed.");
        assertTrue(updated.out().contains("update the schedule in place: @daily, keep 3"), updated.out());
        assertTrue(updated.out().contains("record the cluster's new backup settings"), updated.out());
        assertEquals("@daily", spec(cronJob()).get("schedule"));
        assertEquals("3", cronJob().getMetadata().getAnnotations().get("kiln.dev/keep"));
        assertNoChanges(kiln);

        Files.writeString(main, configuration(schedule("@daily", 3, false), "minio"));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 2 changed, 0 destroyed.");
        assertEquals(true, spec(cronJob()).get("suspend"));
        assertNoChanges(kiln);

        api.admin().genericKubernetesResources("batch/v1", "CronJob").inNamespace(SYSTEM).withName(NAME).edit(object -> {
            spec(object).put("schedule", "*/5 * * * *");
            return object;
        });
        CliRunner.Result drift = kiln.run("plan");
        assertSucceeded(drift, "Plan: 0 to add, 1 to change, 0 to destroy.");
        assertTrue(drift.out().contains("update the schedule in place: @daily, keep 3"), drift.out());
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
        assertEquals("@daily", spec(cronJob()).get("schedule"));

        Files.writeString(main, configuration(schedule("@daily", 3, true), "local"));
        CliRunner.Result forbidden = kiln.run("plan");
        assertEquals(ExitCodes.ERROR, forbidden.exitCode(), forbidden.out());
        assertTrue((forbidden.out() + forbidden.err()).replaceAll("\\s+", " ").contains("reaches only an S3 backup point, not a directory"),
                forbidden.out() + forbidden.err());

        Files.writeString(main, configuration("", "minio"));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 0 added, 1 changed, 1 destroyed.");
        assertNull(cronJob(), "the CronJob goes with the backup block");
        assertNull(api.admin().genericKubernetesResources("v1", "Secret").inNamespace(SYSTEM).withName(NAME).get());
        assertNull(api.admin().genericKubernetesResources("rbac.authorization.k8s.io/v1", "ClusterRole").withName(NAME).get());
        assertNoChanges(kiln);
    }

    private static GenericKubernetesResource cronJob()
    {
        return api.admin().genericKubernetesResources("batch/v1", "CronJob").inNamespace(SYSTEM).withName(NAME).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object)
    {
        return (Map<String, Object>) object.getAdditionalProperties().get("spec");
    }
}
