package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start's whole lifecycle through the CLI, in-process, on a copy of examples/quickstart. */
class LifecycleTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("Apply, plan says no changes, scale the pool, upgrade across two minors (JSON progress), status, drift made with kiln sim, destroy; every step through the CLI")
    void lifecycle()
            throws IOException
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        assertSucceeded(kiln.run("init"), "Kiln has been successfully initialized!");
        assertTrue(Files.isDirectory(directory.resolve("quickstart/.kiln")));

        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 5 added, 0 changed, 0 destroyed.");
        assertSucceeded(kiln.run("state", "list"), "cluster.demo.pool[\"default\"]");
        assertSucceeded(kiln.run("state", "show", "cluster.demo.pool[\"default\"]"), "worker_pool");
        assertSucceeded(kiln.run("plan"), "No changes.");
        assertEquals(ExitCodes.OK, kiln.run("plan", "-detailed-exitcode").exitCode());

        String[] scaled = {"-var", "worker_names=[\"w1\", \"w2\", \"w3\"]"};
        CliRunner.Result plan = kiln.run(concat(new String[] {"plan", "-detailed-exitcode"}, scaled));
        assertEquals(ExitCodes.CHANGES, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("Plan: 1 to add, 1 to change, 0 to destroy."), plan.out());
        assertSucceeded(kiln.run(concat(new String[] {"apply", "-auto-approve"}, scaled)), "Apply complete! Resources: 1 added, 1 changed, 0 destroyed.");
        assertSucceeded(kiln.run(concat(new String[] {"plan"}, scaled)), "No changes.");
        assertSucceeded(kiln.run("state", "list"), "node.worker[\"w3\"]");

        String[] upgraded = concat(scaled, new String[] {"-var", "kubernetes_version=v1.33.1"});
        CliRunner.Result chain = kiln.run(concat(new String[] {"plan"}, upgraded));
        assertSucceeded(chain, "Plan: 0 to add, 2 to change, 0 to destroy.");
        assertTrue(chain.out().contains("upgrade the control plane from v1.31.2 to v1.32."), chain.out());
        assertTrue(chain.out().contains(" to v1.33.1, one node at a time"), chain.out());
        assertTrue(chain.out().indexOf("to v1.32.") < chain.out().indexOf("to v1.33.1"), chain.out());
        assertTrue(chain.out().contains("upgrade worker pool \"default\" from v1.31.2 to v1.32."), chain.out());
        assertTrue(chain.out().indexOf("control plane from v1.32.") < chain.out().indexOf("worker pool \"default\" from v1.31.2"), chain.out());
        CliRunner.Result upgrading = kiln.run(concat(new String[] {"apply", "-auto-approve", "-json"}, upgraded));
        assertEquals(ExitCodes.OK, upgrading.exitCode(), upgrading::err);
        List<JsonNode> events = upgrading.out().lines().map(LifecycleTest::json).toList();
        assertEquals(List.of("apply_start", "apply_complete", "apply_start", "apply_complete", "change_summary"),
                events.stream().map(event -> event.path("type").asText()).filter(type -> !type.equals("apply_progress")).toList());
        assertEquals("cluster.demo", events.getFirst().path("hook").path("resource").path("addr").asText());
        assertEquals("update", events.getFirst().path("hook").path("action").asText());
        assertEquals("cluster.demo.pool[\"default\"]", events.get(events.size() - 2).path("hook").path("resource").path("addr").asText());
        assertEquals(2, events.getLast().path("changes").path("change").asInt());
        assertSucceeded(kiln.run(concat(new String[] {"plan"}, upgraded)), "No changes.");
        CliRunner.Result status = kiln.run(concat(new String[] {"status"}, upgraded));
        assertSucceeded(status, "cluster.demo  Healthy");
        assertTrue(status.out().contains("v1.33.1"), status.out());
        try (Stream<Path> logs = Files.walk(directory.resolve("quickstart/.kiln/logs"))) {
            assertTrue(logs.anyMatch(file -> file.getFileName().toString().equals("cluster.demo.log")));
        }

        assertSucceeded(kiln.run("sim", "remove-node", "node.worker[\"w2\"]"), "w2");
        CliRunner.Result drift = kiln.run(concat(new String[] {"plan"}, upgraded));
        assertSucceeded(drift, "Objects have changed outside of Kiln");
        assertTrue(drift.out().contains("node.worker[\"w2\"] will be created"), drift.out());
        assertTrue(drift.out().contains("# cluster.demo.pool[\"default\"] has changed"), drift.out());
        assertSucceeded(kiln.run(concat(new String[] {"status"}, upgraded)), "Abnormal");
        assertSucceeded(kiln.run(concat(new String[] {"apply", "-auto-approve"}, upgraded)), "Apply complete!");
        assertSucceeded(kiln.run(concat(new String[] {"plan"}, upgraded)), "No changes.");

        CliRunner.Result destroyed = kiln.run(concat(new String[] {"destroy", "-auto-approve"}, upgraded));
        assertSucceeded(destroyed, "Destroy complete! Resources: 6 destroyed.");
        assertSucceeded(kiln.run("show"), "The state is empty.");
        assertTrue(kiln.run("state", "list").out().isEmpty());
    }

    @Test
    @DisplayName("Apply asks for 'yes' on a terminal, refuses without one unless -auto-approve, and anything but 'yes' cancels")
    void approval()
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        CliRunner.Result refused = kiln.run("apply");
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        assertTrue(refused.err().contains("No terminal to confirm on"), refused.err());
        assertFalse(kiln.run("state", "list").out().contains("cluster.demo"));

        CliRunner.Result declined = kiln.terminal().environment(Map.of("NO_COLOR", "1")).standardInput("no\n").run("apply");
        assertEquals(ExitCodes.ERROR, declined.exitCode());
        assertTrue(declined.out().contains("Only 'yes' will be accepted to approve."), declined.out());
        assertTrue(declined.err().contains("Apply cancelled."), declined.err());

        CliRunner.Result approved = kiln.terminal().environment(Map.of("NO_COLOR", "1")).standardInput("yes\n").run("apply");
        assertSucceeded(approved, "Apply complete! Resources: 5 added");
    }

    @Test
    @DisplayName("Outputs: sensitive ones hidden unless asked for by name with -raw or -json; -raw prints a string as it is")
    void outputs()
            throws IOException
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        CliRunner.Result all = kiln.run("output");
        assertSucceeded(all, "kubeconfig = <sensitive>");
        assertTrue(all.out().contains("\"w1\" = \"10.42.0.100\""), all.out());
        assertEquals("<sensitive>\n", kiln.run("output", "kubeconfig").out());
        assertFalse(kiln.run("output", "-raw", "kubeconfig").out().contains("sensitive"));
        JsonNode document = new ObjectMapper().readTree(kiln.run("output", "-json").out());
        assertTrue(document.path("kubeconfig").path("sensitive").booleanValue());
        assertFalse(document.path("kubeconfig").has("value"));
        assertEquals("10.42.0.101", document.path("node_addresses").path("value").path("w2").textValue());
        assertEquals("10.42.0.100", kiln.run("output", "-json", "node_addresses").out().lines()
                .filter(line -> line.contains("w1")).findFirst().orElseThrow().replaceAll(".*: \"|\".*", ""));
        CliRunner.Result missing = kiln.run("output", "endpont");
        assertEquals(ExitCodes.ERROR, missing.exitCode());
        assertTrue(missing.err().contains("Did you mean \"endpoint\"?"), missing.err());
    }

    private static JsonNode json(String line)
    {
        try {
            return new ObjectMapper().readTree(line);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSucceeded(CliRunner.Result result, String expected)
    {
        assertEquals(ExitCodes.OK, result.exitCode(), () -> result.out() + result.err());
        assertTrue(result.out().contains(expected), () -> "expected \"" + expected + "\" in:\n" + result.out() + result.err());
    }

    static String[] concat(String[] first, String[] second)
    {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
