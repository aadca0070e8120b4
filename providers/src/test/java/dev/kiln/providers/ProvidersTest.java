package dev.kiln.providers;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider registry: every resource type, each instance sent to its own provider, honest errors for providers still to come. */
class ProvidersTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("Every resource type is registered, in documentation order")
    void types()
            throws IOException
    {
        write("""
                provider "sim" {}
                """);
        assertEquals(List.of("backup_point", "cluster", "node", "registry"), providers().resourceTypes().names());
    }

    @Test
    @DisplayName("A resource of a provider this Kiln does not have yet is an error at its place, not a pretend plan")
    void unavailableProvider()
            throws IOException
    {
        write("""
                provider "kubeadm" {}

                node "a" {
                  address = "10.0.0.1"
                }
                """);
        PlanResult result = new SimRun(directory).plan(VariableInputs.none(), PlanOptions.DEFAULT);
        assertTrue(result.hasErrors());
        Diagnostic diagnostic = result.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals("Provider not available", diagnostic.summary());
        assertEquals("node.a uses the kubeadm provider, which arrives in a later version of Kiln. "
                + "This version makes clusters real only in the embedded simulator: use provider = sim to try the configuration there.", diagnostic.detail());
        assertTrue(diagnostic.subject().isPresent());
    }

    @Test
    @DisplayName("A resource with no provider to fall back on is an error that says how to choose one")
    void noProvider()
            throws IOException
    {
        write("""
                node "a" {
                  address = "10.0.0.1"
                }
                """);
        PlanResult result = new SimRun(directory).plan(VariableInputs.none(), PlanOptions.DEFAULT);
        Diagnostic diagnostic = result.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals("No provider for resource", diagnostic.summary());
    }

    @Test
    @DisplayName("Simulator resources are planned by the simulator's rules, and its drivers are found by provider and type")
    void simulatorInstances()
            throws IOException
    {
        write("""
                provider "sim" {}

                node "a" {
                  address = "10.0.0.1"
                }
                """);
        PlanResult result = new SimRun(directory).plan(VariableInputs.none(), PlanOptions.DEFAULT);
        assertEquals(List.of(), result.diagnostics());
        ResourceChange change = result.plan().orElseThrow().changes().getFirst();
        assertEquals(Action.CREATE, change.action());
        assertEquals(List.of("provision the machine at 10.0.0.1", "install the container runtime and kubelet"), change.steps());
        Providers providers = providers();
        assertNotSame(providers.driver("sim", "node"), providers.driver("sim", "cluster"));
        IllegalArgumentException unavailable = assertThrows(IllegalArgumentException.class, () -> providers.driver("kubeadm", "node"));
        assertEquals("no driver for resource type node of provider \"kubeadm\"", unavailable.getMessage());
    }

    private Providers providers()
    {
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none());
        return Providers.of(loaded.config().orElseThrow(), State.create("0.1.0"), directory);
    }

    private void write(String configuration)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), configuration);
    }
}
