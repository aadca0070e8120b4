package dev.kiln.providers.capi.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rendered YAML of every capi example and fixture, in v1beta1 and v1beta2, matches its
 * golden file under {@code src/test/resources/golden/capi/} ({@code -Dgolden.update=true}
 * rewrites them; review the diff).
 */
class RenderGoldenTest
{
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "capi");

    static Stream<Arguments> cases()
    {
        return RenderFixtures.configurations().stream()
                .flatMap(configuration -> Arrays.stream(CapiApiVersion.values()).map(version -> Arguments.of(configuration, version)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    @DisplayName("The rendered objects match the golden YAML")
    void matchesGolden(String configuration, CapiApiVersion version)
    {
        StringBuilder yaml = new StringBuilder();
        for (RenderedCluster cluster : RenderFixtures.render(configuration, version)) {
            yaml.append(CapiYaml.cluster(cluster.name(), cluster));
        }
        assertMatches(configuration.replace('/', '-') + "." + version.label() + ".yaml", yaml.toString());
    }

    private static void assertMatches(String name, String actual)
    {
        Path file = GOLDEN.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("golden file " + file + " is missing; run with -Dgolden.update=true to create it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "rendering differs from " + file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
