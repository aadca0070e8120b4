package dev.kiln.providers;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.ResourceType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        assertEquals(List.of("backup_point", "cluster", "cluster_backup", "node", "registry", "worker_pool"), providers().resourceTypes().names());
    }

    @Test
    @DisplayName("A resource of a provider that does not manage its type is an error at its place, not a pretend plan")
    void unavailableProvider()
            throws IOException
    {
        write("""
                provider "capi" {}

                node "a" {
                  address = "10.0.0.1"
                }
                """);
        PlanResult result = new SimRun(directory).plan(VariableInputs.none(), PlanOptions.DEFAULT);
        assertTrue(result.hasErrors());
        Diagnostic diagnostic = result.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals("Resource type not supported by provider", diagnostic.summary());
        assertEquals("node.a is a node, which provider capi does not manage. Use a provider that does, such as sim or kubeadm.", diagnostic.detail());
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

    @Test
    @DisplayName("Diffs and refreshes go to the provider their request names, which the planner decided; an unavailable one is an error at the instance")
    void dispatchByRequest()
            throws IOException
    {
        write("""
                provider "sim" {}

                node "a" {
                  address  = "10.0.0.1"
                  provider = sim
                }
                """);
        ResourceChange created = new SimRun(directory).applicablePlan(VariableInputs.none()).changes().getFirst();
        Value planned = created.after().orElseThrow();
        Providers providers = providers();
        ResourceType node = providers.resourceTypes().find("node").orElseThrow();
        DiffResponse simulated = node.diffRule().diff(new DiffRequest(created.address(), "sim", node.schema(), Optional.empty(), Optional.of(planned)));
        assertEquals(created.steps(), ((DiffResponse.Create) simulated).steps());
        DiffResponse elsewhere = node.diffRule().diff(new DiffRequest(created.address(), "kubeadm", node.schema(), Optional.empty(), Optional.of(planned)));
        Diagnostic unavailable = elsewhere.diagnostics().getFirst();
        assertEquals("Provider not available", unavailable.summary());
        assertTrue(unavailable.detail().startsWith("node.a uses the kubeadm provider"), unavailable.detail());
        assertEquals(5, unavailable.subject().orElseThrow().start().line());
        RefreshResponse refreshed = providers.refresher().read(new RefreshRequest(created.address(), "sim.east", node, planned));
        assertEquals(Optional.of(planned), refreshed.observed());
        assertEquals("node.a uses provider sim.east, which the configuration does not define. "
                + "Add a provider \"sim\" block with alias = \"east\", or use provider = sim.", refreshed.diagnostics().getFirst().detail());
    }

    private Providers providers()
    {
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none());
        return Providers.of(loaded.config().orElseThrow(), directory);
    }

    private void write(String configuration)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), configuration);
    }
}
