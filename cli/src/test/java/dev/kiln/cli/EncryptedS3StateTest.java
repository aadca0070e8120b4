package dev.kiln.cli;

import dev.kiln.state.backend.s3.S3ProxyServer;
import dev.kiln.state.encryption.StateEncryption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("kiln with an encrypted state moved from a local file to S3 (S3Proxy)")
class EncryptedS3StateTest
{
    private static final String KEY = "encrypted/kiln.state.json";
    private static final String ENCRYPTION = """

            variable "state_passphrase" {
              type      = string
              sensitive = true
            }
            """;

    @TempDir
    static Path shared;

    private static S3ProxyServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer()
    {
        server = S3ProxyServer.start(shared.resolve("s3"));
        server.createBucket(S3Configurations.BUCKET);
    }

    @AfterAll
    static void stopServer()
    {
        server.close();
    }

    @Test
    @DisplayName("init -migrate-state copies the encrypted state to S3 still encrypted, with the configured key, and plans from there")
    void migrateEncrypted()
            throws IOException
    {
        Path workspace = S3Configurations.writeLocal(directory.resolve("w"), 2, 400);
        Path main = workspace.resolve("main.kiln.hcl");
        Files.writeString(main, Files.readString(main) + ENCRYPTION + "\nkiln {\n  encryption {\n    passphrase = var.state_passphrase\n  }\n}\n");
        Map<String, String> environment = new HashMap<>(S3Configurations.environment());
        environment.put("KILN_VAR_state_passphrase", "s3 passphrase");
        CliRunner kiln = CliRunner.in(workspace).environment(environment);
        assertSucceeded(kiln.run("init"), "successfully initialized");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        assertTrue(StateEncryption.isSealed(Files.readAllBytes(workspace.resolve("kiln.state"))));

        S3Configurations.writeS3(workspace, server.endpoint(), KEY, 2, 400);
        Files.writeString(main, Files.readString(main).replace("kiln {\n", "kiln {\n  encryption {\n    passphrase = var.state_passphrase\n  }\n\n") + ENCRYPTION);
        assertSucceeded(kiln.run("init", "-migrate-state", "-force-copy"), "Copied the state");
        try (S3Client client = server.client()) {
            byte[] stored = client.getObjectAsBytes(request -> request.bucket(S3Configurations.BUCKET).key(KEY)).asByteArray();
            assertTrue(StateEncryption.isSealed(stored), "the S3 object is encrypted");
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("\"lineage\""));
        }
        assertSucceeded(kiln.run("plan"), "No changes.");
        assertSucceeded(kiln.run("state", "pull"), "\"lineage\"");
    }
}
