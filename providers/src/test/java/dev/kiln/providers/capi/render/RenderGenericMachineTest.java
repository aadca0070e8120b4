package dev.kiln.providers.capi.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A generic infrastructure's machine templates: a machine block's {@code api_version} and
 * {@code kind} name its template, and every reference to the template follows; without them
 * the template's kind is derived from the infrastructure cluster's.
 */
class RenderGenericMachineTest
{
    @ParameterizedTest(name = "{0}")
    @EnumSource(CapiApiVersion.class)
    @DisplayName("Each machine template has the apiVersion and kind its machine block names, else the derived ones, and is referenced by them")
    void namedTemplates(CapiApiVersion version)
    {
        RenderedCluster cluster = RenderFixtures.render("fixture/generic-dcs", version).getFirst();
        assertEquals(List.of("infrastructure.cluster.x-k8s.io/v1beta1 DCSMachineTemplate"), identity(cluster.controlPlaneMachineTemplate().orElseThrow()));
        assertEquals(List.of("infrastructure.cluster.x-k8s.io/v1beta1 DCSMachineTemplate"), identity(cluster.pool("general").orElseThrow().machineTemplate()));
        RenderedObject gpu = cluster.pool("gpu").orElseThrow().machineTemplate();
        assertEquals(List.of("infrastructure.dcs.example.com/v1alpha2 DCSBareMetalMachineTemplate"), identity(gpu));
        String reference = version == CapiApiVersion.V1BETA1 ? "/spec/template/spec/infrastructureRef/apiVersion" : "/spec/template/spec/infrastructureRef/apiGroup";
        String expected = version == CapiApiVersion.V1BETA1 ? "infrastructure.dcs.example.com/v1alpha2" : "infrastructure.dcs.example.com";
        RenderedObject deployment = cluster.pool("gpu").orElseThrow().machineDeployment();
        assertEquals(expected, deployment.body().at(reference).asText());
        assertEquals("DCSBareMetalMachineTemplate", deployment.body().at("/spec/template/spec/infrastructureRef/kind").asText());
        assertEquals(gpu.name(), deployment.body().at("/spec/template/spec/infrastructureRef/name").asText());
    }

    @Test
    @DisplayName("Naming the derived template explicitly renders the very same template, name and hash included")
    void explicitEqualsDerived()
    {
        RenderedCluster cluster = RenderFixtures.render("fixture/generic", CapiApiVersion.V1BETA1).getFirst();
        RenderedObject explicit = cluster.controlPlaneMachineTemplate().orElseThrow();
        RenderedObject derived = cluster.pool("bare").orElseThrow().machineTemplate();
        assertEquals(identity(derived), identity(explicit));
    }

    private static List<String> identity(RenderedObject object)
    {
        return List.of(object.apiVersion() + " " + object.kind());
    }
}
