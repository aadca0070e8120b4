package dev.kiln.cli;

import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.providers.kubeadm.testing.KubeadmTestBed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration directory for a kubeadm cluster on test hosts: the client key in a file the
 * configuration reads, an offline bundle, and main.kiln.hcl written from the hosts chosen as
 * control planes and workers. Every CLI run's output is kept, so a test can check that no
 * secret ever appeared in it.
 */
final class KubeadmWorkspace
{
    private final KubeadmTestBed bed;
    private final Path directory;
    private final CliRunner kiln;
    private final List<String> outputs = new ArrayList<>();
    private String preamble = "";
    private boolean online;

    KubeadmWorkspace(KubeadmTestBed bed, Path directory, List<String> releases)
    {
        this.bed = bed;
        this.directory = directory;
        this.kiln = CliRunner.in(directory);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("client_key"), bed.clientKey());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KubeadmTestBed.bundle(directory.resolve("bundle"), releases);
    }

    Path directory()
    {
        return directory;
    }

    /** Top-level blocks written before the cluster (a registry, say) by the next {@link #configure}. */
    void preamble(String blocks)
    {
        this.preamble = blocks;
    }

    /** Later configurations install from the package repository (install.mode = "online"), not the bundle. */
    void online()
    {
        this.online = true;
    }

    /**
     * Writes the configuration: hosts {@code controlPlanes} as node.cp[*], {@code workers} as
     * node.w[*] in worker pool "a", Kubernetes {@code version}; {@code extra} goes inside the cluster block.
     */
    void configure(List<Integer> controlPlanes, List<Integer> workers, String version, String controlPlaneExtra, String extra)
    {
        StringBuilder hcl = new StringBuilder("""
                provider "kubeadm" {}

                """);
        hcl.append(nodes("cp", controlPlanes));
        hcl.append(nodes("w", workers));
        hcl.append(preamble);
        hcl.append("""
                cluster "lab" {
                  provider           = kubeadm
                  kubernetes_version = "%s"

                  control_plane {
                    nodes = node.cp[*]
                %s  }
                %s
                %s
                %s}

                output "kubeconfig" {
                  value     = cluster.lab.kubeconfig
                  sensitive = true
                }
                """.formatted(version, controlPlaneExtra, workers.isEmpty() ? "" : """

                  worker_pool "a" {
                    nodes           = node.w[*]
                    max_unavailable = 2
                  }
                """, online ? """
                  install {
                    mode = "online"
                  }""" : """
                  install {
                    mode   = "offline"
                    bundle = "bundle"
                  }""", extra));
        try {
            Files.writeString(directory.resolve("main.kiln.hcl"), hcl.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CliRunner.Result run(String... arguments)
    {
        CliRunner.Result result = kiln.run(arguments);
        outputs.add(result.out());
        outputs.add(result.err());
        return result;
    }

    /** A run whose output is meant to hold a secret ({@code output -raw kubeconfig}): not kept for the check. */
    CliRunner.Result reveal(String... arguments)
    {
        CliRunner.Result result = kiln.run(arguments);
        assertEquals(ExitCodes.OK, result.exitCode(), result::err);
        return result;
    }

    CliRunner.Result succeed(String expected, String... arguments)
    {
        CliRunner.Result result = run(arguments);
        assertEquals(ExitCodes.OK, result.exitCode(), () -> String.join(" ", arguments) + " failed:\n" + result.out() + "\n" + result.err());
        assertTrue(result.out().contains(expected), () -> "expected \"" + expected + "\" in:\n" + result.out() + "\n" + result.err());
        return result;
    }

    void assertNoChanges()
    {
        succeed("No changes.", "plan");
    }

    /** Every CLI output so far and every log file under .kiln/logs, joined. */
    String everythingPrinted()
    {
        StringBuilder text = new StringBuilder(String.join("\n", outputs));
        for (Path file : KubeadmTestBed.files(directory.resolve(".kiln").resolve("logs"))) {
            try {
                text.append('\n').append(Files.readString(file));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    /**
     * The secrets of the test cluster: the admin kubeconfig's key and certificate data, the SSH
     * client key's body, every bootstrap token and the certificate key.
     */
    static List<String> secrets(KubeadmTestBed bed)
    {
        List<String> secrets = new ArrayList<>();
        bed.clusterFile("admin.conf").lines().filter(line -> line.contains("-data:")).map(line -> line.substring(line.indexOf(':') + 1).strip()).forEach(secrets::add);
        bed.clientKey().lines().filter(line -> !line.startsWith("-----")).forEach(secrets::add);
        bed.clusterFile("tokens").lines().forEach(secrets::add);
        secrets.add(bed.clusterFile("certificate-key"));
        return secrets.stream().filter(secret -> secret.length() >= 16).toList();
    }

    /** Asserts none of {@code secrets} appears in any output or log. */
    void assertNothingPrinted(List<String> secrets)
    {
        assertFalse(secrets.isEmpty(), "no secrets to look for");
        String printed = everythingPrinted();
        for (String secret : secrets) {
            int at = printed.indexOf(secret);
            assertFalse(at >= 0, () -> "a secret appeared in the output or logs: " + secret.substring(0, 6) + "... in: "
                    + printed.substring(Math.max(0, at - 300), Math.min(printed.length(), at + 40)).replace(secret, "<SECRET>"));
        }
    }

    private String nodes(String name, List<Integer> indexes)
    {
        if (indexes.isEmpty()) {
            return "";
        }
        List<TestHost> hosts = indexes.stream().map(bed::host).toList();
        return """
                locals {
                  %1$s_hosts = [%2$s]
                }

                node "%1$s" {
                  count   = %3$d
                  address = local.%1$s_hosts[count.index].address
                  ssh {
                    port        = %4$d
                    private_key = file("client_key")
                    host_key    = local.%1$s_hosts[count.index].key
                  }
                }

                """.formatted(name, hosts.stream().map(host -> "{ address = \"" + host.address() + "\", key = \"" + host.hostKey() + "\" }")
                .collect(Collectors.joining(", ")), hosts.size(), bed.hosts().port());
    }
}
