package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup point of the kubeadm provider is a real store: created on apply, its location recorded, forgotten on destroy. */
class BackupPointWithoutSimulatorTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("A kubeadm backup point prepares its directory on apply and records its location; destroying an empty point is allowed")
    void realStore()
            throws Exception
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), """
                provider "kubeadm" {}

                backup_point "local" {
                  provider = kubeadm
                  fs {
                    path = "backups/etcd"
                  }
                }
                """);
        CliRunner kiln = CliRunner.in(directory);
        assertSucceeded(kiln.run("plan"), "prepare the backup store");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete! Resources: 1 added");
        assertTrue(Files.isDirectory(directory.resolve("backups/etcd")));
        assertSucceeded(kiln.run("state", "show", "backup_point.local"), directory.resolve("backups/etcd").toUri().toString());
        assertSucceeded(kiln.run("plan"), "No changes.");
        assertSucceeded(kiln.run("destroy", "-auto-approve"), "Destroy complete!");
        assertFalse(kiln.run("state", "list").out().contains("backup_point.local"));
    }
}
