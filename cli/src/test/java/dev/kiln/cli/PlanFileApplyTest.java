package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved plans: applied exactly, without a question; refused once the state moved or when it is another state. */
class PlanFileApplyTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("A saved plan applies exactly its changes; applying it again is refused as stale")
    void savedPlanThenStale()
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        CliRunner.Result planned = kiln.run("plan", "-out=tfplan");
        assertSucceeded(planned, "Saved the plan to: tfplan");
        assertSucceeded(kiln.run("show", "-format=markdown", "tfplan"), "**Plan:** 5 to add, 0 to change, 0 to destroy.");
        assertSucceeded(kiln.run("show", "-json", "tfplan"), "\"resource_changes\"");

        assertSucceeded(kiln.run("apply", "tfplan"), "Apply complete! Resources: 5 added, 0 changed, 0 destroyed.");
        CliRunner.Result again = kiln.run("apply", "tfplan");
        assertEquals(ExitCodes.ERROR, again.exitCode());
        assertTrue(again.err().contains("Saved plan is stale"), again.err());
    }

    @Test
    @DisplayName("A plain saved plan that changes a cluster with a sensitive kubeconfig applies, keeps the kubeconfig, and leaves no changes")
    void savedUpdateKeepsSensitiveValues()
            throws IOException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        CliRunner kiln = CliRunner.in(quickstart);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        String kubeconfig = kiln.run("output", "-raw", "kubeconfig").out();
        assertTrue(kubeconfig.contains("apiVersion"), kubeconfig);

        String workers = "worker_names=[\"w1\",\"w2\",\"w3\"]";
        assertSucceeded(kiln.run("plan", "-var", workers, "-var", "kubernetes_version=v1.32.0", "-out=upgrade.plan"), "Saved the plan to: upgrade.plan");
        assertTrue(!Files.readString(quickstart.resolve("upgrade.plan")).contains("apiVersion"), "a plain plan file holds no kubeconfig");
        CliRunner.Result applied = kiln.run("apply", "upgrade.plan");
        assertSucceeded(applied, "Apply complete! Resources: 1 added, 2 changed, 0 destroyed.");
        assertTrue(applied.out().contains("\"w3\" = \"10.42.0.102\""), "outputs use the saved plan's variables: " + applied.out());

        assertEquals(kubeconfig, kiln.run("output", "-raw", "kubeconfig").out());
        assertSucceeded(kiln.run("plan", "-var", workers, "-var", "kubernetes_version=v1.32.0"), "No changes.");
    }

    @Test
    @DisplayName("A plain saved plan that needs a sensitive variable names it when it is missing, and applies with it given again")
    void sensitiveVariableGivenAgain()
            throws IOException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Path main = quickstart.resolve("main.kiln.hcl");
        String text = Files.readString(main).replace("  kubernetes_version = var.kubernetes_version\n",
                "  kubernetes_version = var.kubernetes_version\n  encryption_provider_config = var.api_encryption_config\n");
        Files.writeString(main, text + "\nvariable \"api_encryption_config\" {\n  type      = string\n  sensitive = true\n}\n");
        String secret = "aescbc-key-5f1a";
        CliRunner withSecret = CliRunner.in(quickstart).environment(Map.of("KILN_VAR_api_encryption_config", secret));
        assertSucceeded(withSecret.run("plan", "-out=tfplan"), "Saved the plan to: tfplan");
        assertTrue(!Files.readString(quickstart.resolve("tfplan")).contains(secret), "a plain plan file holds no sensitive value");

        CliRunner.Result missing = CliRunner.in(quickstart).run("apply", "tfplan");
        assertEquals(ExitCodes.ERROR, missing.exitCode());
        String shown = missing.out() + missing.err();
        assertTrue(shown.contains("No value for required variable") && shown.contains("api_encryption_config"), shown);

        assertSucceeded(CliRunner.in(quickstart).run("apply", "tfplan", "-var", "api_encryption_config=" + secret), "Apply complete! Resources: 5 added");
        assertSucceeded(withSecret.run("plan"), "No changes.");
        CliRunner.Result changed = CliRunner.in(quickstart).environment(Map.of("KILN_VAR_api_encryption_config", "another-key")).run("plan");
        assertTrue(changed.out().contains("encryption_provider_config") && changed.out().contains("(sensitive value)"), "the applied value was the given one: " + changed.out());
    }

    @Test
    @DisplayName("A saved plan made for one state is refused on another state with a lineage message")
    void otherState()
            throws IOException
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        assertSucceeded(kiln.run("plan", "-destroy", "-out=destroy.plan"), "Saved the plan to: destroy.plan");

        Path other = Quickstart.copyTo(directory.resolve("other"));
        Files.copy(directory.resolve("quickstart/destroy.plan"), other.resolve("destroy.plan"));
        CliRunner otherKiln = CliRunner.in(other);
        assertSucceeded(otherKiln.run("apply", "-auto-approve"), "Apply complete!");
        CliRunner.Result refused = otherKiln.run("apply", "destroy.plan");
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        assertTrue(refused.err().contains("Saved plan is for a different state"), refused.err());
        assertTrue(refused.err().contains("lineage"), refused.err());
        assertTrue(otherKiln.run("state", "list").out().contains("cluster.demo"));
    }
}
