package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.config.model.Model;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeadmConfigTest
{
    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
            // infrastructure, endpoint type,  version,  kube-vip file, super-admin commands
            "vsphere,          vip,            v1.31.6,  true,          true",
            "vsphere,          vip,            v1.28.9,  true,          false",
            "vsphere,          load_balancer,  v1.31.6,  false,         false",
            "byoh,             vip,            v1.30.6,  true,          true",
            "docker,           vip,            v1.31.6,  false,         false",
    })
    @DisplayName("A virtual IP on vSphere or BYOH gets the kube-vip static pod, started with super-admin.conf on the first machine from 1.29")
    void kubeVip(String infrastructure, String endpointType, String version, boolean file, boolean superAdmin)
    {
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "vip" {
                  provider           = capi
                  kubernetes_version = "%s"

                  control_plane {
                    replicas      = 3
                    endpoint      = "10.0.0.10:6443"
                    endpoint_type = "%s"
                  }

                  infrastructure "%s" {}
                }
                """.formatted(version, endpointType, infrastructure));
        JsonNode spec = controlPlaneConfig(model);
        List<String> paths = new ArrayList<>();
        spec.path("files").forEach(entry -> paths.add(entry.path("path").asText()));
        assertEquals(file, paths.contains(KubeVip.MANIFEST_PATH), paths.toString());
        if (file) {
            String manifest = spec.path("files").get(paths.indexOf(KubeVip.MANIFEST_PATH)).path("content").asText();
            assertTrue(manifest.contains("{name: address, value: \"10.0.0.10\"}"), manifest);
            assertTrue(manifest.contains("{name: port, value: \"6443\"}"), manifest);
        }
        assertEquals(superAdmin, spec.path("preKubeadmCommands").toString().contains("super-admin.conf"));
        assertEquals(superAdmin, spec.path("postKubeadmCommands").toString().contains("super-admin.conf"));
    }

    @Test
    @DisplayName("cloud-init is written cloud-config; external etcd renders its endpoints and kubeadm's client certificate paths")
    void formatAndExternalEtcd()
    {
        Model model = ConfigText.load(directory, ConfigText.PROVIDER + """
                cluster "outside" {
                  provider              = capi
                  kubernetes_version    = "v1.31.2"
                  kubeadm_config_format = "cloud-init"

                  control_plane {
                    replicas = 3
                    taints   = []
                  }

                  etcd {
                    type      = "external"
                    endpoints = ["https://10.0.0.21:2379"]
                  }

                  infrastructure "docker" {}
                }
                """);
        JsonNode spec = controlPlaneConfig(model);
        assertEquals("cloud-config", spec.path("format").asText());
        JsonNode external = spec.at("/clusterConfiguration/etcd/external");
        assertEquals("[\"https://10.0.0.21:2379\"]", external.path("endpoints").toString());
        assertEquals("/etc/kubernetes/pki/etcd/ca.crt", external.path("caFile").asText());
        assertTrue(spec.at("/clusterConfiguration/etcd/local").isMissingNode());
        assertEquals("[]", spec.at("/initConfiguration/nodeRegistration/taints").toString(), "taints = [] leaves control planes schedulable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dedicated=gpu:NoSchedule|{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoSchedule\"}",
            "node-role.kubernetes.io/control-plane:NoSchedule|{\"key\":\"node-role.kubernetes.io/control-plane\",\"effect\":\"NoSchedule\"}",
            "spot=true:PreferNoSchedule|{\"key\":\"spot\",\"value\":\"true\",\"effect\":\"PreferNoSchedule\"}",
    })
    @DisplayName("Taints written key=value:Effect become kubeadm's taint objects")
    void taints(String taint, String json)
    {
        assertEquals(json, Taints.json(taint).toString());
    }

    private static JsonNode controlPlaneConfig(Model model)
    {
        RenderedCluster rendered = RenderFixtures.render(model, model.clusters().values().iterator().next(), CapiApiVersion.V1BETA1);
        return rendered.controlPlane().body().at("/spec/kubeadmConfigSpec");
    }
}
