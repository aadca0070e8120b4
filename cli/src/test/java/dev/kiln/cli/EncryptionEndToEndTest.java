package dev.kiln.cli;

import dev.kiln.state.encryption.StateEncryption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State encryption through the CLI on the quick start: every file Kiln writes in the working
 * directory (state, backup, history, journal, saved plan, logs, its own output) holds no secret
 * in plaintext, a saved plan applies without its sensitive variables given again, and a bad
 * block, a missing or wrong passphrase are clear errors that leave the state untouched.
 * The simulator's world under {@code .kiln/sim} is the simulated infrastructure, not Kiln's
 * record of it, and is not encrypted (a real cluster holds its own credentials too).
 */
class EncryptionEndToEndTest
{
    private static final String PASSPHRASE = "end-to-end passphrase 7c1d";
    private static final String API_SECRET = "aescbc-key-9b2e4f";
    private static final String ENCRYPTION = """
            kiln {
              required_version = ">= 0.1.0"

              encryption {
                key_provider "pbkdf2" {
                  passphrase = var.state_passphrase
                }
              }
            }

            variable "state_passphrase" {
              type      = string
              sensitive = true
            }

            variable "api_encryption_config" {
              type      = string
              sensitive = true
            }
            """;

    @TempDir
    Path directory;

    @Test
    @DisplayName("no plaintext secret in any file Kiln writes, through an interrupted apply, a saved plan applied without its sensitive variable, and reads")
    void noPlaintextSecret()
            throws Exception
    {
        Path workspace = encryptedQuickstart("hang = [\"cluster.demo\"]");
        interruptedApply(workspace);
        Path journal = workspace.resolve(".kiln/journal");
        assertTrue(Files.size(journal) > 0, "the killed apply left journal records");
        assertTrue(StateEncryption.isSealed(Files.readAllBytes(journal)));
        Files.writeString(workspace.resolve("main.kiln.hcl"), Files.readString(workspace.resolve("main.kiln.hcl")).replace("hang = [\"cluster.demo\"]", ""));

        CliRunner kiln = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", PASSPHRASE, "KILN_VAR_api_encryption_config", API_SECRET));
        assertSucceeded(kiln.run("plan", "-out=tfplan"), "Saved the plan to: tfplan");
        assertTrue(StateEncryption.isSealed(Files.readAllBytes(workspace.resolve("tfplan"))));
        CliRunner passphraseOnly = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", PASSPHRASE));
        CliRunner.Result applied = passphraseOnly.run("apply", "tfplan");
        assertSucceeded(applied, "Apply complete!");
        assertFalse(applied.err().contains("Sensitive variable not given"), applied.err());
        assertSucceeded(kiln.run("plan"), "No changes.");
        assertSucceeded(passphraseOnly.run("state", "list"), "cluster.demo");
        assertSucceeded(passphraseOnly.run("output"), "endpoint");

        CliRunner.Result pulled = passphraseOnly.run("state", "pull");
        assertSucceeded(pulled, "\"lineage\"");
        assertTrue(pulled.out().contains(API_SECRET), "state pull prints the decrypted state, as asked");
        Matcher token = Pattern.compile("token: ([0-9a-f]{32})").matcher(pulled.out());
        assertTrue(token.find(), "the kubeconfig output is in the pulled state");

        List<String> secrets = List.of(PASSPHRASE, API_SECRET, token.group(1));
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.startsWith(workspace.resolve(".kiln/sim"))).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), () -> workspace.relativize(file) + " holds a secret in plaintext");
                }
                checked.add(workspace.relativize(file));
            }
        }
        for (String expected : List.of("kiln.state", "kiln.state.backup", ".kiln/journal", "tfplan", "apply.out")) {
            assertTrue(checked.contains(Path.of(expected)), "checked " + expected + " among " + checked);
        }
        assertTrue(checked.stream().anyMatch(file -> file.startsWith(".kiln/history")), checked.toString());
        assertTrue(checked.stream().anyMatch(file -> file.startsWith(".kiln/logs")), checked.toString());
        for (Path file : List.of(Path.of("kiln.state"), Path.of("kiln.state.backup"))) {
            assertTrue(StateEncryption.isSealed(Files.readAllBytes(workspace.resolve(file))), file + " is sealed");
        }
    }

    @Test
    @DisplayName("a missing or wrong passphrase and a bad encryption block are clear errors with their place, and the state stays byte for byte")
    void errors()
            throws Exception
    {
        Path workspace = encryptedQuickstart("");
        CliRunner kiln = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", PASSPHRASE, "KILN_VAR_api_encryption_config", API_SECRET));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        byte[] state = Files.readAllBytes(workspace.resolve("kiln.state"));

        CliRunner.Result missing = CliRunner.in(workspace).run("state", "list");
        assertEquals(ExitCodes.ERROR, missing.exitCode());
        String missingText = missing.out() + missing.err();
        assertTrue(missingText.contains("No value for required variable") && missingText.contains("on main.kiln.hcl line 26"), missingText);

        CliRunner.Result wrong = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", "not the passphrase", "KILN_VAR_api_encryption_config", API_SECRET))
                .run("plan");
        assertEquals(ExitCodes.ERROR, wrong.exitCode());
        String wrongText = (wrong.out() + wrong.err()).replaceAll("\\s+", " ");
        assertTrue(wrongText.contains("Failed to decrypt state") && wrongText.contains("wrong passphrase or corrupted file"), wrongText);
        assertFalse(wrongText.contains("Exception") || wrongText.contains("\tat "), "no stack trace: " + wrongText);

        Files.writeString(workspace.resolve("main.kiln.hcl"), Files.readString(workspace.resolve("main.kiln.hcl")).replace("  encryption {\n", "  encryption {\n    method = \"aes_cbc\"\n"));
        CliRunner.Result method = kiln.run("plan");
        assertEquals(ExitCodes.ERROR, method.exitCode());
        String methodText = method.out() + method.err();
        assertTrue(methodText.contains("Unsupported value") && methodText.contains("on main.kiln.hcl line 20") && methodText.contains("aes_gcm"), methodText);

        String configuration = Files.readString(workspace.resolve("main.kiln.hcl"));
        Files.writeString(workspace.resolve("main.kiln.hcl"), configuration.substring(0, configuration.indexOf("  encryption {"))
                + configuration.substring(configuration.indexOf("variable \"state_passphrase\"")).replaceFirst("^", "}\n\n"));
        CliRunner.Result unencrypted = kiln.run("state", "list");
        assertEquals(ExitCodes.ERROR, unencrypted.exitCode());
        String unencryptedText = (unencrypted.out() + unencrypted.err()).replaceAll("\\s+", " ");
        assertTrue(unencryptedText.contains("is encrypted but no encryption is configured"), unencryptedText);
        assertArrayEquals(state, Files.readAllBytes(workspace.resolve("kiln.state")));
    }

    @Test
    @DisplayName("turning encryption on encrypts the existing state and its copies at the next command; rotating through fallback moves it to the new key")
    void migrationAndRotation()
            throws Exception
    {
        Path workspace = Quickstart.copyTo(directory.resolve("quickstart"));
        assertSucceeded(CliRunner.in(workspace).run("apply", "-auto-approve"), "Apply complete!");
        assertFalse(StateEncryption.isSealed(Files.readAllBytes(workspace.resolve("kiln.state"))));

        Path main = workspace.resolve("main.kiln.hcl");
        String plaintextConfiguration = Files.readString(main);
        Files.writeString(main, plaintextConfiguration.replace("kiln {\n  required_version = \">= 0.1.0\"\n}\n", """
                kiln {
                  encryption {
                    passphrase = var.state_passphrase
                  }
                }

                variable "state_passphrase" {
                  type      = string
                  sensitive = true
                }
                """));
        CliRunner old = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", "old passphrase"));
        CliRunner.Result migrated = old.run("plan");
        assertSucceeded(migrated, "No changes.");
        assertTrue(migrated.out().contains("State encrypted"), migrated.out());
        assertSealed(workspace);

        Files.writeString(main, Files.readString(main).replace("""
                  encryption {
                    passphrase = var.state_passphrase
                  }
                """, """
                  encryption {
                    passphrase = var.new_passphrase
                    fallback {
                      passphrase = var.state_passphrase
                    }
                  }
                """) + "\nvariable \"new_passphrase\" {\n  type      = string\n  sensitive = true\n}\n");
        CliRunner rotating = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", "old passphrase", "KILN_VAR_new_passphrase", "new passphrase"));
        CliRunner.Result rotated = rotating.run("plan");
        assertSucceeded(rotated, "No changes.");
        assertTrue(rotated.out().contains("State encrypted with the new key"), rotated.out());

        Files.writeString(main, Files.readString(main).replace("""
                    fallback {
                      passphrase = var.state_passphrase
                    }
                """, ""));
        assertSucceeded(CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", "unused", "KILN_VAR_new_passphrase", "new passphrase")).run("plan"), "No changes.");
        CliRunner.Result oldAlone = CliRunner.in(workspace).environment(Map.of("KILN_VAR_state_passphrase", "unused", "KILN_VAR_new_passphrase", "old passphrase")).run("plan");
        assertEquals(ExitCodes.ERROR, oldAlone.exitCode());
        assertSealed(workspace);
    }

    private Path encryptedQuickstart(String providerArguments)
            throws IOException
    {
        Path workspace = Quickstart.copyTo(directory.resolve("quickstart"));
        Path main = workspace.resolve("main.kiln.hcl");
        String text = Files.readString(main)
                .replace("kiln {\n  required_version = \">= 0.1.0\"\n}\n", ENCRYPTION)
                .replace("provider \"sim\" {\n  speed = 100\n", "provider \"sim\" {\n  speed = 1000\n  " + providerArguments + "\n")
                .replace("  kubernetes_version = var.kubernetes_version\n", "  kubernetes_version = var.kubernetes_version\n  encryption_provider_config = var.api_encryption_config\n");
        assertTrue(text.contains("encryption_provider_config") && text.contains("key_provider"), text);
        Files.writeString(main, text);
        return workspace;
    }

    /** Runs apply in another process until the cluster's action hangs (its intent journaled), then kills it. */
    private static void interruptedApply(Path workspace)
            throws IOException, InterruptedException
    {
        Path output = workspace.resolve("apply.out");
        Process apply = KilnProcess.start(workspace, output, "apply", "-auto-approve",
                "-var", "state_passphrase=" + PASSPHRASE, "-var", "api_encryption_config=" + API_SECRET);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (apply.isAlive() && !Files.readString(output).contains("cluster.demo: Creating...") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(apply.isAlive(), () -> "the apply hangs on the cluster: " + readQuietly(output));
            Thread.sleep(300);
        }
        finally {
            apply.destroyForcibly();
            assertTrue(apply.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static void assertSealed(Path workspace)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().startsWith("kiln.state")).toList()) {
                if (!file.getFileName().toString().endsWith(".lock")) {
                    assertTrue(StateEncryption.isSealed(Files.readAllBytes(file)), workspace.relativize(file) + " is sealed");
                }
            }
        }
    }

    private static String readQuietly(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            return e.toString();
        }
    }
}
