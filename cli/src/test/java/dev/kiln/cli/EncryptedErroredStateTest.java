package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.encryption.Pbkdf2KeyProvider;
import dev.kiln.state.encryption.StateEncryption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A state the backend could not store goes to errored.kiln.state encrypted like the state, and kiln state push opens it with the same key. */
class EncryptedErroredStateTest
{
    private static final String PASSPHRASE = "errored passphrase";
    private static final String SECRET = "errored-secret-5d1c";

    @TempDir
    Path directory;

    @Test
    @DisplayName("errored.kiln.state is sealed with the configured key, holds no secret readable, and state push stores it")
    void sealedAndPushed()
            throws Exception
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), """
                variable "state_passphrase" {
                  type      = string
                  sensitive = true
                }

                kiln {
                  encryption {
                    passphrase = var.state_passphrase
                  }
                }
                """);
        Map<String, String> environment = Map.of("KILN_VAR_state_passphrase", PASSPHRASE);
        Invocation invocation = new Invocation(List.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                environment, directory, false);
        Workspace workspace = new Workspace(invocation, directory);
        workspace.encryptWith(StateEncryption.of(Pbkdf2KeyProvider.withIterations(PASSPHRASE, 1_000), Optional.empty()));
        State stored = State.create("0.1.0");
        State produced = stored.withResource(ResourceInstance.created(ResourceAddress.of("node", "m1"), "sim",
                StateJson.object().put("password", SECRET), Instant.parse("2026-11-22T00:00:00Z")));

        StateException reported = ErroredState.save(workspace, stored, produced, StateException.error("Failed to upload the state", "the bucket is unreachable"));
        assertTrue(reported.diagnostic().detail().contains("kiln state push errored.kiln.state"), reported.diagnostic().detail());
        byte[] errored = Files.readAllBytes(directory.resolve(ErroredState.FILE_NAME));
        assertTrue(StateEncryption.isSealed(errored));
        assertFalse(new String(errored, StandardCharsets.ISO_8859_1).contains(SECRET));

        CliRunner kiln = CliRunner.in(directory).environment(environment);
        assertSucceeded(kiln.run("state", "push", "-force", ErroredState.FILE_NAME), "Pushed the state");
        assertSucceeded(kiln.run("state", "list"), "node.m1");
    }
}
