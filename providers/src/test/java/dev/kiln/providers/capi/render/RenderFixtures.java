package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The configurations the rendering tests use: the repository's examples with a Cluster API
 * cluster (with their {@code test.kilnvars}) and the per-flavour fixtures under
 * {@code src/test/resources/capi/render}.
 */
final class RenderFixtures
{
    static final Path EXAMPLES = Path.of("..", "examples");
    static final Path FIXTURES = Path.of("src", "test", "resources", "capi", "render");

    private RenderFixtures() {}

    /** {@code example/NAME} for each example with a capi cluster, {@code fixture/NAME} for each fixture, sorted. */
    static List<String> configurations()
    {
        return Stream.concat(
                        list(EXAMPLES).stream().filter(RenderFixtures::hasCapiCluster).map(path -> "example/" + path.getFileName()),
                        list(FIXTURES).stream().map(path -> "fixture/" + path.getFileName()))
                .sorted()
                .toList();
    }

    static Path directory(String configuration)
    {
        String name = configuration.substring(configuration.indexOf('/') + 1);
        return configuration.startsWith("example/") ? EXAMPLES.resolve(name) : FIXTURES.resolve(name);
    }

    static Model load(Path directory)
    {
        VariableInputs inputs = Files.exists(directory.resolve("test.kilnvars"))
                ? VariableInputs.builder().variableFile(directory.resolve("test.kilnvars")).build()
                : VariableInputs.none();
        LoadResult loaded = ConfigLoader.load(directory, inputs);
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics().toString());
        return loaded.config().orElseThrow().model();
    }

    /** Every capi cluster of the configuration rendered in {@code version}, ordered by address. */
    static List<RenderedCluster> render(String configuration, CapiApiVersion version)
    {
        Model model = load(directory(configuration));
        return model.clusters().values().stream()
                .filter(cluster -> cluster.providerType() == ProviderType.CAPI)
                .map(cluster -> render(model, cluster, version))
                .toList();
    }

    static RenderedCluster render(Model model, Cluster cluster, CapiApiVersion version)
    {
        return CapiRenderer.render(cluster, CapiRenderer.provider(model, cluster).orElseThrow(), version, RenderInputs.of(model, cluster));
    }

    private static List<Path> list(Path directory)
    {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> Files.exists(path.resolve("main.kiln.hcl"))).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasCapiCluster(Path example)
    {
        try {
            return Files.readString(example.resolve("main.kiln.hcl")).contains("provider \"capi\"");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
