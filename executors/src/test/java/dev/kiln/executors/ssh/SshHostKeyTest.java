package dev.kiln.executors.ssh;

import dev.kiln.executors.ssh.testing.KeyGenerator;
import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SSH host keys are verified, never ignored")
class SshHostKeyTest
{
    private static TestHosts hosts;
    private static String otherKey;
    private static String otherFingerprint;

    @TempDir
    Path directory;

    @BeforeAll
    static void start(@TempDir Path keys)
            throws Exception
    {
        hosts = TestHosts.start(2);
        otherKey = KeyGenerator.generate(keys.resolve("other_host_key"), "impostor");
        otherFingerprint = HostKeys.fingerprintOf(otherKey);
    }

    @AfterAll
    static void stop()
    {
        hosts.close();
    }

    @Test
    @DisplayName("a host listed in known_hosts with its key connects")
    void knownHostsMatch()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(0));
            assertEquals("ok\n", session.run("check", "echo ok").stdout());
            assertEquals(Optional.of(hosts.host(0).hostKey()), session.hostKey());
        }
    }

    @Test
    @DisplayName("hashed known_hosts entries (ssh-keygen -H) are matched too")
    void hashedKnownHosts()
            throws Exception
    {
        Path knownHosts = directory.resolve("known_hosts");
        Files.copy(hosts.knownHosts(), knownHosts);
        Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString()).redirectErrorStream(true).start();
        assertEquals(0, hash.waitFor());
        assertTrue(Files.readString(knownHosts).startsWith("|1|"), "hashed");
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            assertEquals("ok\n", ssh.session(hosts.rootConfig(1).withHostKeys(new HostKeyPolicy.KnownHosts(knownHosts))).run("check", "echo ok").stdout());
        }
    }

    @Test
    @DisplayName("a host whose known_hosts entry holds another key is refused, naming the host and both SHA256 fingerprints")
    void knownHostsMismatch()
            throws Exception
    {
        Path knownHosts = directory.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + hosts.host(0).address() + "]:" + hosts.port() + " " + otherKey + "\n");
        HostKeyVerificationException failure = refused(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.KnownHosts(knownHosts)));
        assertEquals(Optional.of(otherFingerprint), failure.expectedFingerprint());
        assertEquals(HostKeys.fingerprintOf(hosts.host(0).hostKey()), failure.presentedFingerprint());
        assertTrue(failure.getMessage().contains("Host key verification failed for host-0 (" + hosts.host(0).address()), failure.getMessage());
        assertTrue(failure.getMessage().contains("other than the one listed in " + knownHosts), failure.getMessage());
        assertTrue(failure.getMessage().contains("Expected " + otherFingerprint + ", presented " + failure.presentedFingerprint()), failure.getMessage());
    }

    @Test
    @DisplayName("a host missing from known_hosts is refused, and so is every host when the file does not exist")
    void knownHostsUnlisted()
            throws Exception
    {
        Path knownHosts = directory.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + hosts.host(1).address() + "]:" + hosts.port() + " " + hosts.host(1).hostKey() + "\n");
        HostKeyVerificationException failure = refused(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.KnownHosts(knownHosts)));
        assertTrue(failure.getMessage().contains("is not listed in " + knownHosts), failure.getMessage());
        assertTrue(failure.expectedFingerprint().isEmpty());
        assertTrue(failure.getMessage().contains("Expected (no known key), presented SHA256:"), failure.getMessage());
        refused(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.KnownHosts(directory.resolve("missing"))));
    }

    @Test
    @DisplayName("a pinned host_key connects when it matches and is refused with both fingerprints when it does not")
    void pinned()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshHostConfig pinned = hosts.rootConfig(1).withHostKeys(new HostKeyPolicy.Pinned(hosts.host(1).hostKey() + " comment"));
            assertEquals("ok\n", ssh.session(pinned).run("check", "echo ok").stdout());
        }
        HostKeyVerificationException failure = refused(hosts.rootConfig(1).withHostKeys(new HostKeyPolicy.Pinned(otherKey)));
        assertTrue(failure.getMessage().contains("other than the one pinned in its host_key"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Expected " + otherFingerprint + ", presented " + HostKeys.fingerprintOf(hosts.host(1).hostKey())), failure.getMessage());
    }

    @Test
    @DisplayName("trust on first use accepts the first key and reports it; with that key recorded it connects, with another it refuses")
    void trustOnFirstUse()
    {
        String seen;
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.TrustOnFirstUse(Optional.empty())));
            session.connect("first contact");
            seen = session.hostKey().orElseThrow();
        }
        assertEquals(hosts.host(0).hostKey(), seen);
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            assertEquals("ok\n", ssh.session(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.TrustOnFirstUse(Optional.of(seen)))).run("check", "echo ok").stdout());
        }
        HostKeyVerificationException failure = refused(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.TrustOnFirstUse(Optional.of(otherKey))));
        assertTrue(failure.getMessage().contains("other than the one recorded when it was first trusted"), failure.getMessage());
    }

    @Test
    @DisplayName("a malformed pinned key is a configuration error naming the host")
    void malformedPinnedKey()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> ssh.session(hosts.rootConfig(0).withHostKeys(new HostKeyPolicy.Pinned("ssh-ed25519"))).run("check", "true"));
            assertTrue(failure.getMessage().contains("the host_key of host-0"), failure.getMessage());
        }
    }

    private static HostKeyVerificationException refused(SshHostConfig config)
    {
        long started = System.nanoTime();
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            HostKeyVerificationException failure = assertThrows(HostKeyVerificationException.class, () -> ssh.session(config).run("connect", "true"));
            assertEquals("host-" + (config.address().endsWith(".2") ? 0 : 1), failure.host());
            assertEquals("connect", failure.step());
            assertTrue(System.nanoTime() - started < 3_000_000_000L, "refused at once, not retried");
            return failure;
        }
    }
}
