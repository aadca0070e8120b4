package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest
{
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    @DisplayName("render prints every object of the capi-docker example as a YAML stream, in the order Kiln applies them")
    void rendersExample()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("capi-docker")).run("render", "-var-file=test.kilnvars");
        assertEquals("", result.err());
        assertEquals(0, result.exitCode());
        Golden.assertMatches("render-capi-docker.yaml", result.out());
        List<String> kinds = documents(result.out()).stream().map(document -> document.get("kind").asText()).toList();
        assertEquals(List.of("DockerCluster", "DockerMachineTemplate", "KubeadmControlPlane", "Cluster",
                "DockerMachineTemplate", "KubeadmConfigTemplate", "MachineDeployment"), kinds);
        assertFalse(result.out().contains("not-a-real-token"));
    }

    @Test
    @DisplayName("sensitive values (a vCenter password, an encryption key) are never printed")
    void hidesSensitiveValues()
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("global-cluster")).run("render", "-var-file=test.kilnvars");
        assertEquals(0, result.exitCode(), result.err());
        assertAll(
                () -> assertFalse(result.out().contains("not-a-real-password")),
                () -> assertFalse(result.out().contains("bm90LWEtcmVhbC1rZXktbm90LWEtcmVhbC1rZXkhISE=")),
                () -> assertFalse(result.out().contains("not-a-real-token")),
                () -> assertTrue(result.out().contains("password: (sensitive value)")),
                () -> assertTrue(result.out().contains("cpaas.io/registry-address: registry.acp.example.internal:11443")));
    }

    @Test
    @DisplayName("users' password hashes, from a variable or a literal, are never printed; the rest of each user is")
    void hidesUserPasswords()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("render-users")).run("render");
        assertEquals(0, result.exitCode(), result.err());
        assertAll(
                () -> assertFalse(result.out().contains("not-a-real-password-hash-from-a-variable")),
                () -> assertFalse(result.out().contains("not-a-real-literal-password-hash")),
                () -> assertFalse(result.out().contains("$6$")),
                () -> assertFalse(result.err().contains("$6$")));
        List<JsonNode> documents = documents(result.out());
        JsonNode controlPlane = documents.stream().filter(document -> document.get("kind").asText().equals("KubeadmControlPlane")).findFirst().orElseThrow();
        assertEquals("ops", controlPlane.at("/spec/kubeadmConfigSpec/users/0/name").asText());
        assertEquals("(sensitive value)", controlPlane.at("/spec/kubeadmConfigSpec/users/0/passwd").asText());
        assertEquals("/bin/bash", controlPlane.at("/spec/kubeadmConfigSpec/users/0/shell").asText());
        JsonNode template = documents.stream().filter(document -> document.get("kind").asText().equals("KubeadmConfigTemplate")).findFirst().orElseThrow();
        assertEquals("(sensitive value)", template.at("/spec/template/spec/users/0/passwd").asText());
    }

    @Test
    @DisplayName("a machine block with a kind but no api_version is a diagnostic that underlines the kind at its line, and nothing is rendered")
    void rejectsIncompleteMachineKind()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("render-machine-kind")).run("render");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains("Incomplete machine template kind"), result.err());
        assertTrue(result.err().contains("on main.kiln.hcl line 16, in cluster \"rack\":\n  16:       kind = \"Metal3MachineTemplate\"\n"
                + "                   ^^^^^^^^^^^^^^^^^^^^^^^\n"), result.err());
        assertTrue(result.err().contains("Add api_version ="), result.err());
    }

    @Test
    @DisplayName("values known only after apply render as (known after apply), with a comment above their object")
    void rendersUnknownValues()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("render-unknown")).run("render");
        assertEquals(0, result.exitCode(), result.err());
        Golden.assertMatches("render-unknown.yaml", result.out());
        assertTrue(result.out().contains("---\n# Not ready to apply: /metadata/annotations known after apply\napiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\n"));
        assertTrue(result.out().contains("certSANs: (known after apply)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cluster.service|2",
            "cluster.service[\"service-b\"]|1",
    })
    @DisplayName("an address selects one cluster, or every instance of a cluster with for_each")
    void selectsByAddress(String address, int clusters)
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("management-and-service")).run("render", "-var-file=test.kilnvars", address);
        assertEquals(0, result.exitCode(), result.err());
        long rendered = documents(result.out()).stream().filter(document -> document.get("kind").asText().equals("Cluster")).count();
        assertEquals(clusters, rendered);
    }

    @Test
    @DisplayName("a worker pool's address renders only that pool's templates and MachineDeployment")
    void rendersOnePool()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("capi-aws-eks")).run("render", "-var-file=test.kilnvars", "cluster.eks.pool[\"memory\"]");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("# cluster.eks.pool[\"memory\"]: Cluster API v1beta1, namespace clusters\n"), result.out());
        List<String> kinds = documents(result.out()).stream()
                .map(document -> document.get("kind").asText() + " " + document.at("/metadata/name").asText().replaceAll("-[0-9a-f]{8}$", "-HASH"))
                .toList();
        assertEquals(List.of("AWSMachineTemplate eks-memory-HASH", "EKSConfigTemplate eks-memory-HASH", "MachineDeployment eks-memory"), kinds);
    }

    @Test
    @DisplayName("-api-version v1beta2 renders the core objects in v1beta2, with references by apiGroup")
    void rendersV1beta2()
            throws IOException
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("capi-docker")).run("render", "-var-file=test.kilnvars", "-api-version", "v1beta2");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode cluster = documents(result.out()).stream().filter(document -> document.get("kind").asText().equals("Cluster")).findFirst().orElseThrow();
        assertEquals("cluster.x-k8s.io/v1beta2", cluster.get("apiVersion").asText());
        assertEquals("controlplane.cluster.x-k8s.io", cluster.at("/spec/controlPlaneRef/apiGroup").asText());
    }

    @Test
    @DisplayName("an unknown -api-version is a usage error")
    void rejectsUnknownVersion()
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("capi-docker")).run("render", "-var-file=test.kilnvars", "-api-version", "v2");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains("-api-version must be v1beta1 or v1beta2, not \"v2\""), result.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cluster.management|Not a Cluster API cluster|cluster.management uses the kubeadm provider",
            "cluster.servise|No such cluster|Did you mean",
            "node.master[\"master1\"]|No such cluster|node.master[\"master1\"] is not a cluster",
            "cluster.|Invalid resource address|is not a resource address",
            "cluster.management.pool[\"default\"]|Not a Cluster API cluster|cluster.management uses the kubeadm provider",
            "cluster.service[\"service-a\"].pool[\"defualt\"]|No such worker pool|Did you mean",
    })
    @DisplayName("an address that is not a capi cluster is an error that names it and says why")
    void rejectsOtherAddresses(String address, String summary, String detail)
    {
        CliRunner.Result result = CliRunner.in(EXAMPLES.resolve("management-and-service")).run("render", "-var-file=test.kilnvars", address);
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains(summary), result.err());
        assertTrue(result.err().contains(detail), result.err());
    }

    private static List<JsonNode> documents(String yaml)
            throws IOException
    {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isMissingNode() && !document.isNull()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
