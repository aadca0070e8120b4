package dev.kiln.cli;

import dev.kiln.state.backend.s3.HeaderStrippingProxy;
import dev.kiln.state.backend.s3.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("kiln with the state in S3 (S3Proxy): init, apply, pull and push, migration both ways, the conditional-write probe")
class S3StateTest
{
    private static final Pattern LINEAGE = Pattern.compile("\"lineage\": \"([0-9a-f-]{36})\"");
    private static final Pattern SERIAL = Pattern.compile("\"serial\": (\\d+)");

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
    @DisplayName("init checks the server and records the backend; apply keeps the state and its history in S3, nothing in a local file, and no key in any output")
    void initApplyPlan()
    {
        Path workspace = S3Configurations.writeS3(directory.resolve("w"), server.endpoint(), "init/kiln.state.json", 2, 400);
        CliRunner kiln = CliRunner.in(workspace).environment(S3Configurations.environment());

        CliRunner.Result init = assertSucceeded(kiln.run("init"), "honours conditional writes");
        String initText = init.out() + init.err();
        assertTrue(initText.contains("- State: s3://kiln/init/kiln.state.json at " + server.endpoint() + " (empty)"), initText);
        assertTrue(Files.exists(workspace.resolve(".kiln/backend.json")));
        List<CliRunner.Result> results = List.of(init,
                assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!"),
                assertSucceeded(kiln.run("plan"), "No changes."));
        assertFalse(Files.exists(workspace.resolve("kiln.state")), "no local state file");
        try (S3Client client = server.client()) {
            List<String> keys = client.listObjectsV2(request -> request.bucket(S3Configurations.BUCKET).prefix("init/")).contents().stream()
                    .map(object -> object.key())
                    .toList();
            assertTrue(keys.contains("init/kiln.state.json"), keys.toString());
            assertTrue(keys.stream().anyMatch(key -> key.startsWith("init/kiln.state.json.history/")), keys.toString());
            assertFalse(keys.contains("init/kiln.state.json.lock"), "the lock was released: " + keys);
        }
        for (CliRunner.Result result : results) {
            assertFalse((result.out() + result.err()).contains(S3ProxyServer.SECRET_KEY), "the secret key was printed");
        }
    }

    @Test
    @DisplayName("state push refuses a document of another lineage or an older serial, names the reason, and -force pushes it anyway")
    void pushRefusals()
            throws IOException
    {
        Path workspace = S3Configurations.writeS3(directory.resolve("w"), server.endpoint(), "push/kiln.state.json", 2, 400);
        CliRunner kiln = CliRunner.in(workspace).environment(S3Configurations.environment());
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        String pulled = assertSucceeded(kiln.run("state", "pull"), "\"lineage\"").out();
        String lineage = group(LINEAGE, pulled);

        Files.writeString(workspace.resolve("stranger.json"), pulled.replace(lineage, "00000000-0000-4000-8000-000000000000"));
        CliRunner.Result stranger = kiln.run("state", "push", "stranger.json");
        String strangerText = stranger.out() + stranger.err();
        assertEquals(ExitCodes.ERROR, stranger.exitCode());
        assertTrue(strangerText.contains("State lineage mismatch") && strangerText.contains("-force"), strangerText);

        Files.writeString(workspace.resolve("old.json"), pulled);
        assertSucceeded(kiln.run("apply", "-auto-approve", "-var", "generation=2"), "Apply complete!");
        CliRunner.Result stale = kiln.run("state", "push", "old.json");
        String staleText = stale.out() + stale.err();
        assertEquals(ExitCodes.ERROR, stale.exitCode());
        assertTrue(staleText.contains("Stale state") && staleText.contains("serial " + group(SERIAL, pulled)), staleText);

        assertSucceeded(kiln.run("state", "push", "-force", "old.json"), "Pushed the state");
        String forced = kiln.run("state", "pull").out();
        assertEquals(lineage, group(LINEAGE, forced), "the stored state keeps its lineage");
        assertTrue(Long.parseLong(group(SERIAL, forced)) > Long.parseLong(group(SERIAL, pulled)), forced);
        assertSucceeded(kiln.run("plan"), "Objects have changed outside of Kiln");
    }

    @Test
    @DisplayName("init -migrate-state moves the state from the local file to S3 and back; until then a changed backend is refused")
    void migrateBothWays()
            throws IOException
    {
        Path workspace = S3Configurations.writeLocal(directory.resolve("w"), 2, 400);
        Map<String, String> environment = new HashMap<>(S3Configurations.environment());
        CliRunner kiln = CliRunner.in(workspace).environment(environment);
        assertSucceeded(kiln.run("init"), "successfully initialized");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        String lineage = group(LINEAGE, kiln.run("state", "pull").out());

        S3Configurations.writeS3(workspace, server.endpoint(), "migrate/kiln.state.json", 2, 400);
        CliRunner.Result refused = kiln.run("plan");
        String refusedText = refused.out() + refused.err();
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        assertTrue(refusedText.contains("Backend configuration changed") && refusedText.contains("kiln init -migrate-state"), refusedText);
        CliRunner.Result unconfirmed = kiln.run("init", "-migrate-state");
        String unconfirmedText = unconfirmed.out() + unconfirmed.err();
        assertEquals(ExitCodes.ERROR, unconfirmed.exitCode());
        assertTrue(unconfirmedText.contains("-force-copy"), unconfirmedText);

        assertSucceeded(kiln.run("init", "-migrate-state", "-force-copy"), "Copied the state");
        assertSucceeded(kiln.run("plan"), "No changes.");
        try (S3Client client = server.client()) {
            String stored = client.getObjectAsBytes(request -> request.bucket(S3Configurations.BUCKET).key("migrate/kiln.state.json")).asUtf8String();
            assertEquals(lineage, group(LINEAGE, stored));
        }

        S3Configurations.writeLocal(workspace, 2, 400);
        CliRunner.Result refusedBack = kiln.run("plan");
        String refusedBackText = refusedBack.out() + refusedBack.err();
        assertEquals(ExitCodes.ERROR, refusedBack.exitCode());
        assertTrue(refusedBackText.contains("Backend configuration changed"), refusedBackText);
        CliRunner.Result noKeys = kiln.run("init", "-migrate-state", "-force-copy");
        String noKeysText = noKeys.out() + noKeys.err();
        assertTrue(noKeysText.contains("AWS_ACCESS_KEY_ID"), noKeysText);
        environment.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        assertSucceeded(kiln.environment(environment).run("init", "-migrate-state", "-force-copy"), "Copied the state");
        assertSucceeded(kiln.run("plan"), "No changes.");
        assertEquals(lineage, group(LINEAGE, Files.readString(workspace.resolve("kiln.state"))));
    }

    @Test
    @DisplayName("init refuses a server that ignores conditional writes, explains why and how to upgrade, and records nothing")
    void probeRefusal()
            throws IOException
    {
        try (S3ProxyServer open = S3ProxyServer.start(shared.resolve("old-server"), false);
                HeaderStrippingProxy old = HeaderStrippingProxy.start(open.endpoint())) {
            open.createBucket(S3Configurations.BUCKET);
            Path workspace = S3Configurations.writeS3(directory.resolve("w"), old.endpoint(), "old/kiln.state.json", 1, 400);
            CliRunner.Result init = CliRunner.in(workspace).environment(S3Configurations.environment()).run("init");
            String initText = init.out() + init.err();
            assertEquals(ExitCodes.ERROR, init.exitCode(), initText);
            assertTrue(initText.contains("S3 server ignores conditional writes"), initText);
            assertTrue(initText.contains("upgrade MinIO"), initText);
            assertFalse(Files.exists(workspace.resolve(".kiln/backend.json")));
        }
    }

    static CliRunner.Result assertSucceeded(CliRunner.Result result, String expected)
    {
        assertEquals(ExitCodes.OK, result.exitCode(), () -> result.out() + result.err());
        assertTrue(result.out().contains(expected), () -> "expected \"" + expected + "\" in:\n" + result.out() + result.err());
        return result;
    }

    private static String group(Pattern pattern, String text)
    {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " not in: " + text);
        return matcher.group(1);
    }
}
