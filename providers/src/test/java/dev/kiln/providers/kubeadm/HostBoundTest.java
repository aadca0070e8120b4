package dev.kiln.providers.kubeadm;

import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostBoundTest
{
    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} -> limit {1}")
    @CsvSource(delimiter = '|', value = {
            "''                          | 1",
            "max_parallel_per_host = 1   | 1",
            "max_parallel_per_host = 4   | 4"})
    @DisplayName("The walker's per-host bound of node and managed-registry actions is the provider's max_parallel_per_host (default 1)")
    void hostBoundIsMaxParallelPerHost(String setting, int limit)
            throws IOException
    {
        KubeadmProvider provider = provider(setting);
        Value node = Value.object(Map.of("address", Value.string("10.0.0.7")));
        Set<Bound> expected = Set.of(Bound.of("host:10.0.0.7", limit));
        assertEquals(expected, provider.driver("node").orElseThrow().bounds(change("node", "w", node)));
        Value registry = Value.object(Map.of("managed", Value.object(Map.of("node", node))));
        assertEquals(expected, provider.driver("registry").orElseThrow().bounds(change("registry", "local", registry)));
    }

    @Test
    @DisplayName("max_parallel_per_host below 1 is an error at its argument")
    void belowOneRefused()
            throws IOException
    {
        LoadResult loaded = load("max_parallel_per_host = 0");
        Diagnostic error = loaded.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow(() -> new AssertionError(loaded.diagnostics()));
        assertEquals("Invalid max_parallel_per_host", error.summary());
        assertEquals(2, error.subject().orElseThrow().start().line(), error::toString);
    }

    private KubeadmProvider provider(String setting)
            throws IOException
    {
        LoadResult loaded = load(setting);
        assertTrue(!loaded.hasErrors(), loaded.diagnostics()::toString);
        Config config = loaded.config().orElseThrow();
        ProviderSettings.Kubeadm settings = config.model().providers().stream()
                .filter(ProviderSettings.Kubeadm.class::isInstance).map(ProviderSettings.Kubeadm.class::cast).findFirst().orElseThrow();
        return KubeadmProvider.create(settings, config, directory);
    }

    private LoadResult load(String setting)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), """
                provider "kubeadm" {
                  %s
                }

                node "w" {
                  address = "10.0.0.7"
                }
                """.formatted(setting));
        return ConfigLoader.load(directory, VariableInputs.none());
    }

    private static ResourceChange change(String type, String name, Value after)
    {
        return new ResourceChange(new ResourceAddress(type, name, InstanceKey.NONE, Optional.empty()), "kubeadm", Action.CREATE, Optional.empty(),
                Optional.empty(), Optional.of(after), List.of(), List.of(), Optional.empty());
    }
}
