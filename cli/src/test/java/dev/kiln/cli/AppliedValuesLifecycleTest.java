package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arguments that reference attributes known only after apply get their values during the apply that creates them. */
class AppliedValuesLifecycleTest
{
    private static final String CHAIN = """
            provider "sim" {
              speed = 1000
            }

            node "a" {
              address = "10.0.0.10"
            }

            node "b" {
              address = "10.0.0.11"
              labels  = { peer = node.a.hostname }
            }

            node "c" {
              address = "10.0.0.12"
              labels  = { peer = node.b.labels["peer"], arch = node.b.architecture }
            }
            """;

    @TempDir
    Path directory;

    @Test
    @DisplayName("A cluster whose backup block references a backup point created in the same apply is applied from scratch in one go, then nothing changes")
    void backupPointCreatedInTheSameApply()
            throws IOException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Path main = quickstart.resolve("main.kiln.hcl");
        Files.writeString(quickstart.resolve("backups.kiln.hcl"), """
                backup_point "local" {
                  fs {
                    path = "backups"
                  }
                }
                """);
        Files.writeString(main, Files.readString(main).replace("cluster \"demo\" {\n", """
                cluster "demo" {
                  backup {
                    point    = backup_point.local
                    schedule = "@daily"
                    keep     = 3
                  }
                """));
        CliRunner kiln = CliRunner.in(quickstart);
        CliRunner.Result plan = kiln.run("plan");
        assertSucceeded(plan, "(known after apply)");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        JsonNode schedule = new ObjectMapper().readTree(quickstart.resolve(".kiln/sim/schedules/cluster.demo.json").toFile());
        assertEquals(3, schedule.path("keep").asInt());
        assertSucceeded(kiln.run("plan"), "No changes.");
    }

    @Test
    @DisplayName("A chain of labels that reference attributes computed by the instances before them is resolved in one apply")
    void chainOfComputedReferences()
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), CHAIN);
        CliRunner kiln = CliRunner.in(directory);
        assertSucceeded(kiln.run("plan"), "\"peer\" = (known after apply)");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
        assertChainResolved(kiln);
    }

    @Test
    @DisplayName("A saved plan with values known only after apply gets them while it is applied")
    void savedPlanWithUnknowns()
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), CHAIN);
        CliRunner kiln = CliRunner.in(directory);
        assertSucceeded(kiln.run("plan", "-out=chain.plan"), "Saved the plan to: chain.plan");
        assertSucceeded(kiln.run("apply", "chain.plan"), "Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
        assertChainResolved(kiln);
    }

    private static void assertChainResolved(CliRunner kiln)
            throws IOException
    {
        JsonNode a = attributes(kiln, "node.a");
        JsonNode b = attributes(kiln, "node.b");
        JsonNode c = attributes(kiln, "node.c");
        String hostname = a.path("hostname").asText();
        assertFalse(hostname.isEmpty(), a.toString());
        assertEquals(hostname, b.path("labels").path("peer").asText(), b.toString());
        assertEquals(hostname, c.path("labels").path("peer").asText(), c.toString());
        assertEquals(b.path("architecture").asText(), c.path("labels").path("arch").asText(), c.toString());
        assertFalse(c.path("labels").path("arch").asText().isEmpty(), c.toString());
        assertSucceeded(kiln.run("plan"), "No changes.");
    }

    private static JsonNode attributes(CliRunner kiln, String address)
            throws IOException
    {
        CliRunner.Result pulled = kiln.run("state", "pull");
        assertEquals(ExitCodes.OK, pulled.exitCode(), pulled.err());
        for (JsonNode resource : new ObjectMapper().readTree(pulled.out()).path("resources")) {
            if (resource.path("address").asText().equals(address)) {
                return resource.path("attributes");
            }
        }
        throw new AssertionError(address + " is not in the state: " + pulled.out());
    }
}
