package dev.kiln.cli;

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

/** kiln state list, show, mv, rm, pull and push; show and graph. */
class StateCommandsTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("State commands read and edit the recorded instances; sensitive values stay hidden")
    void stateCommands()
            throws IOException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        CliRunner kiln = CliRunner.in(quickstart);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        assertEquals("node.control[0]\nnode.worker[\"w1\"]\nnode.worker[\"w2\"]\n", kiln.run("state", "list", "node").out());
        assertEquals("node.worker[\"w1\"]\nnode.worker[\"w2\"]\n", kiln.run("state", "list", "node.worker").out());

        CliRunner.Result shown = kiln.run("state", "show", "cluster.demo");
        assertSucceeded(shown, "cluster \"demo\" {");
        assertTrue(shown.out().contains("kubeconfig"), shown.out());
        assertTrue(shown.out().contains("(sensitive value)"), shown.out());
        CliRunner.Result unknown = kiln.run("state", "show", "cluster.dmo");
        assertEquals(ExitCodes.ERROR, unknown.exitCode());
        assertTrue(unknown.err().contains("Did you mean \"cluster.demo\"?"), unknown.err());

        String pulled = kiln.run("state", "pull").out();
        assertTrue(pulled.contains("\"lineage\""), pulled);
        Files.writeString(directory.resolve("backup.state"), pulled);

        assertSucceeded(kiln.run("state", "mv", "node.worker[\"w2\"]", "node.worker[\"w9\"]"), "Moved node.worker[\"w2\"] to node.worker[\"w9\"].");
        assertTrue(kiln.run("state", "list").out().contains("node.worker[\"w9\"]"));
        assertSucceeded(kiln.run("state", "rm", "node.worker[\"w9\"]"), "Removed 1 resource instance(s)");
        assertFalse(kiln.run("state", "list").out().contains("w9"));
        assertTrue(kiln.run("plan").out().contains("node.worker[\"w2\"] will be created"));

        CliRunner.Result olderPush = kiln.run("state", "push", directory.resolve("backup.state").toString());
        assertEquals(ExitCodes.ERROR, olderPush.exitCode(), olderPush.out());

        assertSucceeded(kiln.run("graph"), "digraph");
        assertSucceeded(kiln.run("show"), "# cluster.demo:");
        assertSucceeded(kiln.run("show", "-json"), "\"root_module\"");
    }

    @Test
    @DisplayName("force-unlock asks for confirmation, refuses without a terminal unless -force, and reports an unknown lock")
    void forceUnlock()
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        assertSucceeded(kiln.run("init"), "initialized");
        CliRunner.Result refused = kiln.run("force-unlock", "0b8e3d2a-0000-0000-0000-000000000000");
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        assertTrue(refused.err().contains("-force"), refused.err());
        CliRunner.Result notLocked = kiln.run("force-unlock", "-force", "0b8e3d2a-0000-0000-0000-000000000000");
        assertEquals(ExitCodes.ERROR, notLocked.exitCode());
        assertTrue(notLocked.err().contains("is not locked"), notLocked.err());
    }
}
