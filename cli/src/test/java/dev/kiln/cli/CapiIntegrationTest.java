package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.cli.CapiLifecycleTest.assertNoChanges;
import static dev.kiln.cli.CapiLifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real management cluster with Cluster API and its Docker infrastructure provider
 * (a kind cluster after {@code clusterctl init --infrastructure docker}): set
 * {@code KILN_IT_KUBECONFIG} to its kubeconfig file (and optionally {@code KILN_IT_NAMESPACE},
 * {@code KILN_IT_KUBERNETES_VERSION}, default v1.31.2 with a kindest/node image of that version).
 * Without it the test is skipped, and reported as skipped.
 */
class CapiIntegrationTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("create a one-machine control plane and a one-machine pool with the Docker provider, plan no changes, destroy")
    void dockerCluster()
            throws IOException
    {
        String kubeconfig = System.getenv("KILN_IT_KUBECONFIG");
        assumeTrue(kubeconfig != null && !kubeconfig.isBlank() && Files.isRegularFile(Path.of(kubeconfig)),
                "KILN_IT_KUBECONFIG does not name a kubeconfig file of a management cluster with the docker infrastructure provider");
        String namespace = System.getenv().getOrDefault("KILN_IT_NAMESPACE", "default");
        String version = System.getenv().getOrDefault("KILN_IT_KUBERNETES_VERSION", "v1.31.2");
        Path workspace = Files.createDirectories(directory.resolve("capi"));
        Files.writeString(workspace.resolve("main.kiln.hcl"), """
                provider "capi" {
                  kubeconfig = "%s"
                  namespace  = "%s"
                }

                cluster "kiln-it" {
                  provider           = capi
                  kubernetes_version = "%s"

                  control_plane {
                    replicas = 1
                  }

                  worker_pool "md-0" {
                    replicas = 1

                    machine {
                      spec = {
                        customImage = "kindest/node:%s"
                      }
                    }
                  }

                  network {
                    pod_cidr     = "192.168.0.0/16"
                    service_cidr = "10.128.0.0/12"
                  }

                  infrastructure "docker" {}
                }
                """.formatted(Path.of(kubeconfig).toAbsolutePath(), namespace, version, version));
        CliRunner kiln = CliRunner.in(workspace);
        try {
            assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
            assertNoChanges(kiln);
        }
        finally {
            assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete!");
        }
    }
}
