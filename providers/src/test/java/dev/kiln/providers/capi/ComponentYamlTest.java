package dev.kiln.providers.capi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ComponentYamlTest
{
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            image: ${IMAGE}                        | image: registry.example/capd:v1.8.5
            replicas: ${REPLICAS:=2}                 | replicas: 2
            replicas: ${SET_EMPTY:=3}                | replicas: 3
            replicas: ${SET_EMPTY=4}                 | 'replicas: '
            level: ${LEVEL:-info}                    | level: info
            flags: --a=${IMAGE} --b=${MISSING:=x}     | flags: --a=registry.example/capd:v1.8.5 --b=x
            """)
    @DisplayName("clusterctl variables are substituted from the install block, then the environment, else their default")
    void substitution(String text, String expected)
    {
        assertEquals(expected, ComponentYaml.substitute(text, ComponentYaml.variables(Map.of("IMAGE", "registry.example/capd:v1.8.5", "SET_EMPTY", ""), Map.of()), "install.core"));
    }

    @Test
    @DisplayName("a variable without value or default is an error that names every such variable and shows no value")
    void missingVariables()
    {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> ComponentYaml.substitute(
                "password: ${VSPHERE_PASSWORD}\nuser: ${VSPHERE_USERNAME}\nserver: ${SERVER}", ComponentYaml.variables(Map.of("SERVER", "vc.example"), Map.of()),
                "install.infrastructure[\"vsphere\"]"));
        assertEquals("install.infrastructure[\"vsphere\"] needs variables that have no value and no default: VSPHERE_PASSWORD, VSPHERE_USERNAME. "
                + "Set them in the provider's install { variables = {...} } or in the environment.", failure.getMessage());
    }

    @Test
    @DisplayName("component YAML splits into objects, CustomResourceDefinitions and Namespaces first; bad YAML names its line, never its text")
    void objects()
    {
        List<GenericKubernetesResource> objects = ComponentYaml.objects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: capd-controller-manager, namespace: capd-system}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: capd-system}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: dockerclusters.infrastructure.cluster.x-k8s.io}
                ---
                """, "install.core");
        assertEquals(List.of("Namespace", "CustomResourceDefinition", "Deployment"), objects.stream().map(GenericKubernetesResource::getKind).toList());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> ComponentYaml.objects("kind: Secret\nstringData: {token: s3cr3t\n", "install.core"));
        assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
    }

    @Test
    @DisplayName("a one-line kubeconfig naming a file is a path; anything else is kubeconfig text")
    void kubeconfigSource()
    {
        Path here = Path.of("").toAbsolutePath();
        assertInstanceOf(CapiSettings.Kubeconfig.File.class, CapiSettings.of("pom.xml", here));
        assertInstanceOf(CapiSettings.Kubeconfig.Inline.class, CapiSettings.of("apiVersion: v1\nkind: Config\n", here));
        assertEquals("Inline[(sensitive value)]", CapiSettings.of("token: abc", here).toString());
    }

    @Test
    @DisplayName("timeouts come from system properties or the environment, as durations")
    void timeouts()
    {
        Properties properties = new Properties();
        properties.setProperty("kiln.capi.timeout", "90s");
        CapiTimeouts timeouts = CapiTimeouts.from(Map.of("KILN_CAPI_DELETE_TIMEOUT", "1h", "KILN_CAPI_POLL_INTERVAL", "500ms"), properties);
        assertEquals(new CapiTimeouts(Duration.ofSeconds(90), Duration.ofHours(1), Duration.ofMillis(500), true), timeouts);
        assertEquals(CapiTimeouts.DEFAULTS, CapiTimeouts.from(Map.of(), new Properties()));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> CapiTimeouts.from(Map.of("KILN_CAPI_TIMEOUT", "soon"), new Properties()));
        assertEquals("KILN_CAPI_TIMEOUT must be a duration such as \"90s\", \"30m\" or \"1h\", not \"soon\"", failure.getMessage());
    }
}
