package dev.kiln.cli;

import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kiln backup create, list, restore and delete against a backup point in a directory on a node, over SSH to a real sshd. */
class BackupPointOnNodeTest
{
    private static final Pattern CREATED = Pattern.compile("Backup (demo-\\S+) created in backup_point\\.vault");
    private static final String DIRECTORY = "/var/lib/kiln/etcd-backups";

    @TempDir
    static Path directory;

    private static TestHosts hosts;
    private static Path quickstart;
    private static CliRunner kiln;

    @BeforeAll
    static void apply()
            throws Exception
    {
        hosts = TestHosts.start(1);
        quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Files.writeString(quickstart.resolve("backups.kiln.hcl"), """
                node "vault" {
                  address = "%s"

                  ssh {
                    port        = %d
                    private_key = "%s"
                    host_key    = "%s"
                  }
                }

                backup_point "vault" {
                  fs {
                    node = node.vault
                    path = "%s"
                  }
                }
                """.formatted(hosts.host(0).address(), hosts.port(), hosts.clientKey(), hosts.host(0).hostKey(), DIRECTORY));
        kiln = CliRunner.in(quickstart);
        CliRunner.Result applied = kiln.run("apply", "-auto-approve");
        assertSucceeded(applied, "Apply complete!");
        assertTrue(applied.out().contains("ssh://" + hosts.host(0).address() + DIRECTORY + "/"), applied.out());
    }

    @AfterAll
    static void stop()
    {
        hosts.close();
    }

    @Test
    @DisplayName("A sim cluster backed up into a directory on a node: the snapshot lands on that host, is listed, restores, and is deleted from the host")
    void createListRestoreDelete()
            throws Exception
    {
        CliRunner.Result created = kiln.run("backup", "create", "cluster.demo", "-point", "vault");
        assertSucceeded(created, "created in backup_point.vault");
        Matcher matcher = CREATED.matcher(created.out());
        assertTrue(matcher.find(), created.out());
        String id = matcher.group(1);
        Path snapshot = hosts.host(0).path(DIRECTORY + "/" + id + "/snapshot.db");
        assertTrue(Files.isRegularFile(snapshot), snapshot.toString());
        assertFalse(Files.exists(quickstart.resolve(DIRECTORY.substring(1))));

        assertSucceeded(kiln.run("backup", "list"), id + "  cluster.demo  backup_point.vault  v1.31.2");

        CliRunner.Result restored = kiln.run("backup", "restore", "cluster.demo", id);
        assertSucceeded(restored, "Restore complete: cluster.demo runs on backup " + id);

        CliRunner.Result refused = kiln.run("plan", "-destroy");
        assertEquals(ExitCodes.ERROR, refused.exitCode(), refused.out() + refused.err());
        assertTrue((refused.out() + refused.err()).replaceAll("\\s+", " ").contains("backup_point.vault cannot be destroyed while it holds backups: " + id),
                refused.out() + refused.err());

        assertSucceeded(kiln.run("backup", "delete", id), "Deleted backup " + id + " from backup_point.vault.");
        assertFalse(Files.exists(snapshot), snapshot.toString());
        assertSucceeded(kiln.run("backup", "list"), "No backups in the state's backup points.");
    }

    @Test
    @DisplayName("A kubeadm backup point on a node creates its directory on that host over SSH and records an ssh:// location; destroying it while empty is allowed")
    void kubeadmPointPreparesTheNodeDirectory()
            throws Exception
    {
        Path workspace = Files.createDirectories(directory.resolve("kubeadm"));
        String path = "/var/lib/kiln/kubeadm-backups/etcd";
        Files.writeString(workspace.resolve("main.kiln.hcl"), """
                provider "sim" {
                  speed = 1000
                }
                provider "kubeadm" {}

                node "vault" {
                  provider = sim
                  address  = "%s"

                  ssh {
                    port        = %d
                    private_key = "%s"
                    host_key    = "%s"
                  }
                }

                backup_point "kube" {
                  provider = kubeadm
                  fs {
                    node = node.vault
                    path = "%s"
                  }
                }
                """.formatted(hosts.host(0).address(), hosts.port(), hosts.clientKey(), hosts.host(0).hostKey(), path));
        CliRunner runner = CliRunner.in(workspace);
        assertSucceeded(runner.run("apply", "-auto-approve"), "Apply complete!");
        assertTrue(Files.isDirectory(hosts.host(0).path(path)), hosts.host(0).path(path).toString());
        assertSucceeded(runner.run("state", "show", "backup_point.kube"), "ssh://node.vault" + path + "/");
        assertSucceeded(runner.run("plan"), "No changes.");
        assertSucceeded(runner.run("destroy", "-auto-approve"), "Destroy complete!");
    }
}
