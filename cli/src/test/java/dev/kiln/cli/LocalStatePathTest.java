package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.StateJson;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code state "local" { path }}: the state file where the configuration says, and a changed path treated like a changed backend. */
class LocalStatePathTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("The state, its backup and nothing else go to the configured path, private to their owner; a second plan has no changes")
    void configuredPath()
            throws IOException
    {
        Path workspace = Quickstart.copyTo(directory.resolve("quickstart"));
        useStatePath(workspace, "states/demo.kiln.state");
        CliRunner kiln = CliRunner.in(workspace);
        assertSucceeded(kiln.run("init"), "State: " + workspace.resolve("states/demo.kiln.state"));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 5 added");
        assertSucceeded(kiln.run("plan"), "No changes.");

        Path stateFile = workspace.resolve("states/demo.kiln.state");
        assertTrue(Files.readString(stateFile).contains("cluster.demo"));
        assertTrue(Files.exists(workspace.resolve("states/demo.kiln.state.backup")));
        assertFalse(Files.exists(workspace.resolve("kiln.state")));
        assertTrue(Files.readString(workspace.resolve(".kiln/backend.json")).contains("states/demo.kiln.state"));
        assumeTrue(AtomicFiles.isPosix());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile)));
    }

    @Test
    @DisplayName("A changed path is refused like a changed backend, and init -migrate-state moves the state there with a leftover journal folded in")
    void changedPathMigrates()
            throws IOException
    {
        Path workspace = Quickstart.copyTo(directory.resolve("quickstart"));
        CliRunner kiln = CliRunner.in(workspace);
        assertSucceeded(kiln.run("init"), "Kiln has been successfully initialized!");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        leaveJournalRecord(workspace.resolve(".kiln/journal"), ResourceAddress.of("node", "extra"));

        useStatePath(workspace, "moved.kiln.state");
        CliRunner.Result refused = kiln.run("plan");
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        String shown = refused.out() + refused.err();
        assertTrue(shown.contains("Backend configuration changed"), shown);
        assertTrue(shown.contains("the local file moved.kiln.state"), shown);

        CliRunner.Result migrated = kiln.run("init", "-migrate-state", "-force-copy");
        assertSucceeded(migrated, "Recorded what an interrupted run left in the journal");
        assertTrue(migrated.out().contains("6 resource instances) from " + workspace.resolve("kiln.state") + " to " + workspace.resolve("moved.kiln.state")),
                migrated.out());
        assertEquals(0, Files.size(workspace.resolve(".kiln/journal")), "the journal is cleared once folded");
        assertTrue(Files.readString(workspace.resolve("kiln.state")).contains("node.extra"), "the old copy holds the journal's result too");
        assertTrue(kiln.run("state", "list").out().contains("node.extra"));
        assertTrue(Files.readString(workspace.resolve(".kiln/backend.json")).contains("moved.kiln.state"));

        assertSucceeded(kiln.run("state", "rm", "node.extra"), "Removed");
        assertSucceeded(kiln.run("plan"), "No changes.");
    }

    private static void useStatePath(Path workspace, String path)
            throws IOException
    {
        Path main = workspace.resolve("main.kiln.hcl");
        String text = Files.readString(main);
        String required = "required_version = \">= 0.1.0\"";
        assertTrue(text.contains(required));
        Files.writeString(main, text.replace(required, required + "\n\n  state \"local\" {\n    path = \"" + path + "\"\n  }"));
    }

    /** What an apply killed right after one action finished leaves: an intent and its result, not yet folded into the state. */
    private static void leaveJournalRecord(Path file, ResourceAddress address)
            throws IOException
    {
        Journal journal = Journal.open(file, "killed-run", Clock.systemUTC());
        try {
            JournalRecord.Intent intent = journal.intent(address, JournalAction.CREATE, "sim", List.of(), StateJson.object());
            journal.succeeded(intent, Optional.of(StateJson.object().put("address", "10.42.0.200")), List.of());
            journal.sync();
        }
        finally {
            journal.close();
        }
    }
}
