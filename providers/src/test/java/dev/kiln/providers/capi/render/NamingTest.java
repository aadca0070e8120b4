package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.diag.Diagnostic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamingTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("Alauda's rule holds by construction: Cluster and infrastructure cluster are named global, every other object global-*")
    void globalRule()
    {
        RenderedCluster global = RenderFixtures.render("example/global-cluster", CapiApiVersion.V1BETA1).getFirst();
        for (RenderedObject object : global.objects()) {
            if (object.role() == ObjectRole.CLUSTER || object.role() == ObjectRole.INFRASTRUCTURE_CLUSTER) {
                assertEquals("global", object.name(), object.describe());
            }
            else {
                assertTrue(object.name().startsWith("global-"), object.describe());
            }
        }
        assertEquals("global-control-plane", global.controlPlane().name());
        assertEquals("global-workers", global.pool("workers").orElseThrow().machineDeployment().name());
        Model model = RenderFixtures.load(RenderFixtures.directory("example/global-cluster"));
        Cluster cluster = model.clusters().values().iterator().next();
        assertEquals(List.of(), CapiRenderer.check(cluster, CapiRenderer.provider(model, cluster).orElseThrow()));
    }

    @Test
    @DisplayName("A global cluster with for_each renders global-KEY objects, which break the naming policy at the cluster's name")
    void globalPolicyViolation()
    {
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "global" {
                  for_each           = toset(["east"])
                  provider           = capi
                  kubernetes_version = "v1.31.2"
                  naming_policy      = "global"

                  control_plane {
                    replicas = 3
                  }

                  infrastructure "docker" {}
                }
                """);
        List<String> problems = check(model);
        assertEquals(List.of(
                "main.kiln.hcl:5:9: Object name does not follow the naming policy: With naming_policy = \"global\" the DockerCluster must be named "
                        + "exactly \"global\", but this cluster renders it as \"global-east\". Name the block cluster \"global\" without count or "
                        + "for_each, or drop the naming policy.",
                "main.kiln.hcl:5:9: Object name does not follow the naming policy: With naming_policy = \"global\" the Cluster must be named "
                        + "exactly \"global\", but this cluster renders it as \"global-east\". Name the block cluster \"global\" without count or "
                        + "for_each, or drop the naming policy."),
                problems);
    }

    @Test
    @DisplayName("A MachineDeployment name longer than a label is an error at the pool's name")
    void tooLongName()
    {
        String pool = "p".repeat(60);
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "prod" {
                  provider           = capi
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    replicas = 1
                  }

                  worker_pool "%s" {
                    replicas = 1
                  }

                  infrastructure "docker" {}
                }
                """.formatted(pool));
        List<String> problems = check(model);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("main.kiln.hcl:13:15: Invalid object name: The MachineDeployment would be named \"prod-" + pool + "\""),
                problems.getFirst());
    }

    @Test
    @DisplayName("A capi cluster without an infrastructure block cannot be rendered, and check says so at its name")
    void missingInfrastructure()
    {
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "bare" {
                  provider           = capi
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    replicas = 1
                  }
                }
                """);
        List<String> problems = check(model);
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().startsWith("main.kiln.hcl:5:9: Missing infrastructure block: cluster.bare uses the capi provider"), problems.getFirst());
    }

    @Test
    @DisplayName("count and for_each instances get the instance key appended to the cluster's name")
    void instanceNames()
    {
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "edge" {
                  count              = 2
                  provider           = capi
                  kubernetes_version = "v1.31.2"

                  control_plane {
                    replicas = 1
                  }

                  worker_pool "default" {
                    replicas = 1
                  }

                  infrastructure "docker" {}
                }
                """);
        List<String> names = model.clusters().values().stream()
                .map(cluster -> RenderFixtures.render(model, cluster, CapiApiVersion.V1BETA1))
                .map(rendered -> rendered.cluster().name() + " " + rendered.pools().getFirst().machineDeployment().name())
                .toList();
        assertEquals(List.of("edge-0 edge-0-default", "edge-1 edge-1-default"), names);
    }

    private static List<String> check(Model model)
    {
        return model.clusters().values().stream()
                .flatMap(cluster -> CapiRenderer.check(cluster, CapiRenderer.provider(model, cluster).orElseThrow()).stream())
                .map(NamingTest::format)
                .toList();
    }

    private static String format(Diagnostic diagnostic)
    {
        return diagnostic.subject().orElseThrow() + ": " + diagnostic.summary() + ": " + diagnostic.detail();
    }
}
