package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Machine and bootstrap templates are immutable in Cluster API: their names carry a hash of
 * their content, so a changed template is a new object the control plane or
 * MachineDeployment points to, and an unchanged one keeps its name.
 */
class TemplateNameTest
{
    private static final String CONFIG = ConfigText.PROVIDER + """
            cluster "prod" {
              provider           = capi
              kubernetes_version = "v1.31.2"

              control_plane {
                replicas = CONTROL_REPLICAS

                machine {
                  template = "CONTROL_IMAGE"
                }
              }

              worker_pool "a" {
                replicas = POOL_REPLICAS
                labels   = { "tier" = "POOL_LABEL" }

                machine {
                  template = "POOL_IMAGE"
                }
              }

              infrastructure "docker" {}
            }
            """;

    @TempDir
    Path first;

    @TempDir
    Path second;

    @ParameterizedTest(name = "{0}")
    @EnumSource(CapiApiVersion.class)
    @DisplayName("The same configuration gives the same template names")
    void unchangedKeepsNames(CapiApiVersion version)
    {
        RenderedCluster before = render(first, "kindest/node:v1.31.2", "3", "kindest/node:v1.31.2", "2", "apps", version);
        RenderedCluster after = render(second, "kindest/node:v1.31.2", "3", "kindest/node:v1.31.2", "2", "apps", version);
        assertEquals(before.objects().stream().map(RenderedObject::name).toList(), after.objects().stream().map(RenderedObject::name).toList());
        assertTrue(before.controlPlaneMachineTemplate().orElseThrow().name().matches("prod-control-plane-[0-9a-f]{8}"));
        assertTrue(before.pool("a").orElseThrow().machineTemplate().name().matches("prod-a-[0-9a-f]{8}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // what changes,  control image,           control replicas, pool image,              pool replicas, pool label, control template, pool machine template, pool bootstrap template
            "control image,   kindest/node:v1.32.0,     3,                kindest/node:v1.31.2,    2,             apps,       new,              same,                  same",
            "pool image,      kindest/node:v1.31.2,     3,                kindest/node:v1.32.0,    2,             apps,       same,             new,                   same",
            "pool labels,     kindest/node:v1.31.2,     3,                kindest/node:v1.31.2,    2,             batch,      same,             same,                  new",
            "replicas only,   kindest/node:v1.31.2,     5,                kindest/node:v1.31.2,    7,             apps,       same,             same,                  same",
    })
    @DisplayName("A changed template gets a new name and is referenced under it; other templates keep theirs")
    void changedGetsNewName(String change, String controlImage, String controlReplicas, String poolImage, String poolReplicas, String poolLabel,
            String controlTemplate, String poolMachineTemplate, String poolBootstrapTemplate)
    {
        RenderedCluster before = render(first, "kindest/node:v1.31.2", "3", "kindest/node:v1.31.2", "2", "apps", CapiApiVersion.V1BETA1);
        RenderedCluster after = render(second, controlImage, controlReplicas, poolImage, poolReplicas, poolLabel, CapiApiVersion.V1BETA1);

        String beforeControl = before.controlPlaneMachineTemplate().orElseThrow().name();
        String afterControl = after.controlPlaneMachineTemplate().orElseThrow().name();
        expect(controlTemplate, beforeControl, afterControl);
        assertEquals(afterControl, after.controlPlane().body().at("/spec/machineTemplate/infrastructureRef/name").asText());

        RenderedPool poolBefore = before.pool("a").orElseThrow();
        RenderedPool poolAfter = after.pool("a").orElseThrow();
        expect(poolMachineTemplate, poolBefore.machineTemplate().name(), poolAfter.machineTemplate().name());
        expect(poolBootstrapTemplate, poolBefore.bootstrapTemplate().name(), poolAfter.bootstrapTemplate().name());
        assertEquals(poolAfter.machineTemplate().name(), poolAfter.machineDeployment().body().at("/spec/template/spec/infrastructureRef/name").asText());
        assertEquals(poolAfter.bootstrapTemplate().name(), poolAfter.machineDeployment().body().at("/spec/template/spec/bootstrap/configRef/name").asText());
        assertEquals(poolBefore.machineDeployment().name(), poolAfter.machineDeployment().name(), "the MachineDeployment keeps its name");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CapiApiVersion.class)
    @DisplayName("renderPool renders a pool exactly as render does")
    void poolAlone(CapiApiVersion version)
    {
        Model model = ConfigText.load(first, configuration("kindest/node:v1.31.2", "3", "kindest/node:v1.31.2", "2", "apps"));
        Cluster cluster = model.clusters().values().iterator().next();
        RenderedPool alone = CapiRenderer.renderPool(cluster, cluster.workerPools().getFirst(), CapiRenderer.provider(model, cluster).orElseThrow(),
                version, RenderInputs.of(model, cluster));
        assertEquals(RenderFixtures.render(model, cluster, version).pool("a").orElseThrow(), alone);
    }

    private static void expect(String expectation, String before, String after)
    {
        if (expectation.equals("new")) {
            assertNotEquals(before, after);
        }
        else {
            assertEquals(before, after);
        }
    }

    private static RenderedCluster render(Path directory, String controlImage, String controlReplicas, String poolImage, String poolReplicas,
            String poolLabel, CapiApiVersion version)
    {
        Model model = ConfigText.load(directory, configuration(controlImage, controlReplicas, poolImage, poolReplicas, poolLabel));
        return RenderFixtures.render(model, model.clusters().values().iterator().next(), version);
    }

    private static String configuration(String controlImage, String controlReplicas, String poolImage, String poolReplicas, String poolLabel)
    {
        return CONFIG.replace("CONTROL_IMAGE", controlImage)
                .replace("CONTROL_REPLICAS", controlReplicas)
                .replace("POOL_IMAGE", poolImage)
                .replace("POOL_REPLICAS", poolReplicas)
                .replace("POOL_LABEL", poolLabel);
    }
}
