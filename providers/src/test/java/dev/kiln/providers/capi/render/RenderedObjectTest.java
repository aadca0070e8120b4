package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.config.model.Model;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedObjectTest
{
    private static final Pattern PASSWORD_PATH = Pattern.compile("/spec(/template/spec|/kubeadmConfigSpec)/users/[0-9]+/passwd");

    @Test
    @DisplayName("A Secret keeps its real values for applying, records their paths, and shows them only as (sensitive value)")
    void sensitiveValues()
    {
        RenderedCluster cluster = RenderFixtures.render("fixture/openstack", CapiApiVersion.V1BETA1).getFirst();
        RenderedObject secret = cluster.secrets().getFirst();
        assertEquals("stack-cloud-config", secret.name());
        assertEquals(new TreeSet<>(List.of("/stringData/clouds.yaml")), secret.sensitivePaths());
        assertTrue(secret.body().at("/stringData/clouds.yaml").asText().contains("do-not-show-this"));
        assertEquals(RenderedObject.SENSITIVE_TEXT, secret.redactedBody().at("/stringData/clouds.yaml").asText());
        assertFalse(CapiYaml.document(secret).contains("do-not-show-this"));
        assertEquals("stack-cloud-config", cluster.infrastructureCluster().body().at("/spec/identityRef/name").asText());
    }

    @Test
    @DisplayName("Only Secrets and users' hashed passwords are sensitive in the examples, and every object is complete")
    void onlySecretsAndPasswordsAreSensitive()
    {
        for (String configuration : RenderFixtures.configurations()) {
            for (RenderedCluster cluster : RenderFixtures.render(configuration, CapiApiVersion.V1BETA1)) {
                assertTrue(cluster.isComplete(), configuration);
                for (RenderedObject object : cluster.objects()) {
                    if (object.kind().equals("Secret")) {
                        assertTrue(object.hasSensitiveValues(), object.describe());
                        continue;
                    }
                    for (String path : object.sensitivePaths()) {
                        assertTrue(PASSWORD_PATH.matcher(path).matches(), object.describe() + " " + path);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("A user's passwd is rendered for applying, recorded as a sensitive path, and never shown")
    void passwordsAreSensitive()
    {
        for (CapiApiVersion version : CapiApiVersion.values()) {
            RenderedCluster cluster = RenderFixtures.render("fixture/docker", version).getFirst();
            RenderedObject controlPlane = cluster.controlPlane();
            assertEquals(new TreeSet<>(List.of("/spec/kubeadmConfigSpec/users/0/passwd")), controlPlane.sensitivePaths());
            assertTrue(controlPlane.body().at("/spec/kubeadmConfigSpec/users/0/passwd").asText().startsWith("$6$"));
            assertEquals(RenderedObject.SENSITIVE_TEXT, controlPlane.redactedBody().at("/spec/kubeadmConfigSpec/users/0/passwd").asText());
            assertFalse(CapiYaml.document(controlPlane).contains("not-a-real-password-hash"));
            assertFalse(controlPlane.body().at("/spec/kubeadmConfigSpec/users/1").has("passwd"));
            RenderedObject pool = cluster.pool("blue").orElseThrow().bootstrapTemplate();
            assertEquals("deploy", pool.body().at("/spec/template/spec/users/0/name").asText());
            assertFalse(pool.hasSensitiveValues());
        }
    }

    @Test
    @DisplayName("The body is a copy: changing it does not change the rendered object")
    void bodyIsACopy()
    {
        RenderedObject cluster = RenderFixtures.render("fixture/docker", CapiApiVersion.V1BETA1).getFirst().cluster();
        cluster.body().withObject("spec").put("paused", true);
        assertTrue(cluster.body().at("/spec/paused").isMissingNode());
    }

    @Test
    @DisplayName("Objects come in apply order: Secrets, infrastructure cluster, control plane template, control plane, Cluster, then each pool")
    void applyOrder()
    {
        RenderedCluster cluster = RenderFixtures.render("fixture/docker", CapiApiVersion.V1BETA2).getFirst();
        List<String> roles = cluster.objects().stream().map(object -> object.role() + " " + object.kind() + " " + object.name().replaceAll("-[0-9a-f]{8}$", "-HASH")).toList();
        assertEquals(List.of(
                "SECRET Secret lab-encryption-provider-config",
                "INFRASTRUCTURE_CLUSTER DockerCluster lab",
                "CONTROL_PLANE_MACHINE_TEMPLATE DockerMachineTemplate lab-control-plane-HASH",
                "CONTROL_PLANE KubeadmControlPlane lab-control-plane",
                "CLUSTER Cluster lab",
                "MACHINE_TEMPLATE DockerMachineTemplate lab-blue-HASH",
                "BOOTSTRAP_CONFIG_TEMPLATE KubeadmConfigTemplate lab-blue-HASH",
                "MACHINE_DEPLOYMENT MachineDeployment lab-blue",
                "MACHINE_TEMPLATE DockerMachineTemplate lab-green-HASH",
                "BOOTSTRAP_CONFIG_TEMPLATE KubeadmConfigTemplate lab-green-HASH",
                "MACHINE_DEPLOYMENT MachineDeployment lab-green"), roles);
        JsonNode reference = cluster.cluster().body().at("/spec/infrastructureRef");
        assertEquals("infrastructure.cluster.x-k8s.io", reference.get("apiGroup").asText());
        assertFalse(reference.has("apiVersion"));
        assertEquals("infrastructure.cluster.x-k8s.io", cluster.infrastructureCluster().apiGroup());
    }

    @Test
    @DisplayName("Strings a YAML 1.1 reader could take for numbers, times or booleans are quoted, so they read back as the same strings")
    void quotesAmbiguousStrings(@TempDir Path directory)
    {
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "quoted" {
                  provider           = capi
                  kubernetes_version = "v1.31.2"
                  annotations = {
                    "time"    = "12:30"
                    "octal"   = "0o17"
                    "mode"    = "0600"
                    "flag"    = "yes"
                    "nothing" = "null"
                    "plain"   = "value"
                  }

                  control_plane {
                    replicas = 1
                  }

                  infrastructure "docker" {}
                }
                """);
        RenderedCluster cluster = RenderFixtures.render(model, model.clusters().values().iterator().next(), CapiApiVersion.V1BETA1);
        Map<String, Object> document = new Yaml().load(CapiYaml.document(cluster.cluster()));
        @SuppressWarnings("unchecked")
        Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) document.get("metadata")).get("annotations");
        assertEquals(Map.of("time", "12:30", "octal", "0o17", "mode", "0600", "flag", "yes", "nothing", "null", "plain", "value"), annotations);
    }

    @Test
    @DisplayName("The management cluster's served versions pick v1beta2 when it is among them")
    void preferredVersion()
    {
        assertEquals(CapiApiVersion.V1BETA2, CapiApiVersion.preferred(List.of("v1beta1", "v1beta2")));
        assertEquals(CapiApiVersion.V1BETA1, CapiApiVersion.preferred(List.of("v1beta1")));
        SortedSet<String> none = new TreeSet<>();
        assertEquals(CapiApiVersion.V1BETA1, CapiApiVersion.preferred(none));
    }
}
