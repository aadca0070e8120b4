package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rendered object of every capi example and fixture, in v1beta1 and v1beta2, validates
 * against its CRD's OpenAPI v3 schema from {@code shared/conformance/cluster-api/crds} for
 * the version it is rendered in (see {@link CrdSchemas} for how OpenAPI's extensions are
 * read). Objects of providers whose CRDs are not in that folder are checked for their
 * identity only; the list of those kinds is printed after the run.
 */
class CrdValidationTest
{
    private static final Set<String> WITHOUT_CRD = new ConcurrentSkipListSet<>();
    private static final Set<String> VALIDATED = new ConcurrentSkipListSet<>();
    private static CrdSchemas schemas;

    @BeforeAll
    static void loadSchemas()
    {
        schemas = CrdSchemas.load();
    }

    @AfterAll
    static void printCoverage()
    {
        System.out.println("Validated against CRD schemas: " + VALIDATED);
        System.out.println("No CRD in the conformance folder (identity checked only): " + WITHOUT_CRD);
    }

    static Stream<Arguments> cases()
    {
        return RenderFixtures.configurations().stream()
                .flatMap(configuration -> Arrays.stream(CapiApiVersion.values()).map(version -> Arguments.of(configuration, version)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    @DisplayName("Every rendered object validates against its CRD's schema, or has a well-formed identity when its CRD is not available")
    void validates(String configuration, CapiApiVersion version)
    {
        List<RenderedCluster> clusters = RenderFixtures.render(configuration, version);
        assertFalse(clusters.isEmpty());
        List<String> problems = new ArrayList<>();
        for (RenderedCluster cluster : clusters) {
            for (RenderedObject object : cluster.objects()) {
                problems.addAll(problems(object));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("The core objects and the docker provider's objects are all checked against a schema, in both versions")
    void coreAndDockerHaveSchemas()
    {
        for (CapiApiVersion version : CapiApiVersion.values()) {
            for (RenderedObject object : RenderFixtures.render("fixture/docker", version).getFirst().objects()) {
                if (!object.kind().equals("Secret")) {
                    assertTrue(schemas.schema(object.apiVersion(), object.kind()).isPresent(), object.apiVersion() + " " + object.kind());
                }
            }
        }
    }

    @Test
    @DisplayName("The translated schemas reject a field the CRD does not have, a wrong type and a missing required field")
    void schemasCatchMistakes()
    {
        RenderedObject controlPlane = RenderFixtures.render("fixture/docker", CapiApiVersion.V1BETA2).getFirst().controlPlane();
        JsonSchema schema = schemas.schema(controlPlane.apiVersion(), controlPlane.kind()).orElseThrow();
        assertEquals(List.of(), CrdSchemas.problems(schema, controlPlane.body()));

        var unknownField = controlPlane.body();
        unknownField.withObject("spec").put("rolloutStrategy", "RollingUpdate");
        assertFalse(CrdSchemas.problems(schema, unknownField).isEmpty(), "v1beta1's rolloutStrategy is not a v1beta2 field");

        var wrongType = controlPlane.body();
        wrongType.withObject("spec").put("replicas", "three");
        assertFalse(CrdSchemas.problems(schema, wrongType).isEmpty());

        var missing = controlPlane.body();
        missing.withObject("spec").remove("version");
        assertFalse(CrdSchemas.problems(schema, missing).isEmpty());
    }

    private static List<String> problems(RenderedObject object)
    {
        List<String> problems = new ArrayList<>();
        JsonNode body = object.body();
        if (!body.path("apiVersion").isTextual() || !body.path("kind").isTextual()
                || object.name().isEmpty() || object.namespace().isEmpty() || !body.path("metadata").isObject()) {
            problems.add(object.describe() + ": incomplete identity");
        }
        if (object.kind().equals("Secret") && object.apiVersion().equals("v1")) {
            return problems;
        }
        Optional<JsonSchema> schema = schemas.schema(object.apiVersion(), object.kind());
        if (schema.isEmpty()) {
            WITHOUT_CRD.add(object.apiVersion() + " " + object.kind());
            return problems;
        }
        VALIDATED.add(object.apiVersion() + " " + object.kind());
        CrdSchemas.problems(schema.get(), body).forEach(problem -> problems.add(object.describe() + " (" + object.apiVersion() + "): " + problem));
        return problems;
    }
}
