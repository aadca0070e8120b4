package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Scenario;
import dev.kiln.lang.config.model.TestBlock;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kiln.lang.config.model.TestBlock.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The formats the machine-template and user rules accept: Kubernetes kinds and API versions
 * of a generic infrastructure's machine templates, user names, and crypt(3) password hashes.
 */
class MachineAndUserFormatTest
{
    private static final String SECRET = "hunter2-in-clear";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "infrastructure.cluster.x-k8s.io/v1beta1 | Metal3MachineTemplate        | ",
            "infrastructure.dcs.example.com/v1alpha2 | DCSBareMetalMachineTemplate  | ",
            "v1                                      | PodTemplate                  | ",
            "example.com/v2                          | M2MachineTemplate            | ",
            "infrastructure.cluster.x-k8s.io         | Metal3MachineTemplate        | Invalid API version",
            "Infrastructure.example.com/v1           | Metal3MachineTemplate        | Invalid API version",
            "example.com/v1beta                      | Metal3MachineTemplate        | Invalid API version",
            "/v1                                     | Metal3MachineTemplate        | Invalid API version",
            "example.com/v1                          | metal3MachineTemplate        | Invalid Kubernetes kind",
            "example.com/v1                          | Metal3-MachineTemplate       | Invalid Kubernetes kind",
            "example.com/v1                          | Metal3.MachineTemplate       | Invalid Kubernetes kind",
            "example.com/v1                          | Metal3Machine                | Machine template kind without Template",
    })
    @DisplayName("A machine template's api_version is GROUP/VERSION or a core VERSION, and its kind one UpperCamelCase word ending in Template")
    void machineTemplateKinds(String apiVersion, String kind, String summary)
    {
        TestBlock machine = block("machine").set("api_version", apiVersion).set("kind", kind);
        List<Diagnostic> diagnostics = generic(machine);
        assertEquals(summary == null ? List.of() : List.of(summary), diagnostics.stream().map(Diagnostic::summary).toList(), diagnostics::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ops             | ",
            "deploy_bot      | ",
            "_svc            | ",
            "ci-runner2      | ",
            "machine$        | ",
            "Ops             | Invalid user name",
            "2fa             | Invalid user name",
            "ops.team        | Invalid user name",
            "a23456789012345678901234567890123 | Invalid user name",
    })
    @DisplayName("User names are what useradd accepts by default")
    void userNames(String name, String summary)
    {
        List<Diagnostic> diagnostics = users(block("user", name).set("shell", "/bin/bash"));
        assertEquals(summary == null ? List.of() : List.of(summary), diagnostics.stream().map(Diagnostic::summary).toList(), diagnostics::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$6$rounds=4096$salt$hash   | ",
            "$y$j9T$salt$hash           | ",
            "$2b$12$saltandhash         | ",
            "$1$salt$hash               | ",
            "!                          | ",
            "hunter2                    | Password not hashed",
            "$6                         | Password not hashed",
            "6$salt$hash                | Password not hashed",
    })
    @DisplayName("passwd is a crypt(3) hash (or a locked marker)")
    void passwordHashes(String password, String summary)
    {
        TestBlock user = block("user", "ops").set("passwd", Value.string(password).withSensitive(true)).set("lock_password", false);
        List<Diagnostic> diagnostics = users(user);
        assertEquals(summary == null ? List.of() : List.of(summary), diagnostics.stream().map(Diagnostic::summary).toList(), diagnostics::toString);
    }

    @Test
    @DisplayName("A password that is not hashed is reported without showing it")
    void unhashedPasswordStaysHidden()
    {
        List<Diagnostic> diagnostics = users(block("user", "ops").set("passwd", Value.string(SECRET).withSensitive(true)).set("lock_password", false));
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        assertFalse(diagnostics.getFirst().detail().contains(SECRET), diagnostics.getFirst().detail());
        assertFalse(diagnostics.getFirst().toString().contains(SECRET));
    }

    private static List<Diagnostic> generic(TestBlock machine)
    {
        TestBlock cluster = capiCluster(block("control_plane").set("replicas", 1).block(machine))
                .block(block("infrastructure", "generic").set("api_version", "infrastructure.cluster.x-k8s.io/v1beta1").set("kind", "Metal3Cluster"));
        return Scenario.of(cluster).provider(block("provider", "capi")).build().diagnostics();
    }

    private static List<Diagnostic> users(TestBlock user)
    {
        TestBlock cluster = capiCluster(block("control_plane").set("replicas", 1).block(user)).block(block("infrastructure", "docker"));
        return Scenario.of(cluster).provider(block("provider", "capi")).build().diagnostics();
    }

    private static TestBlock capiCluster(TestBlock controlPlane)
    {
        return block("cluster", "metal").set("kubernetes_version", "v1.31.2").block(controlPlane);
    }
}
