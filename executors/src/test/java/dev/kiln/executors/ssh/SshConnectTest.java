package dev.kiln.executors.ssh;

import dev.kiln.executors.ssh.testing.KeyGenerator;
import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SSH connections: retries, authentication, lost connections")
class SshConnectTest
{
    private static final SshOptions FAST_RETRIES = SshOptions.defaults().withConnectRetries(8, Duration.ofMillis(100), Duration.ofMillis(400));

    private static TestHosts hosts;

    @TempDir
    Path directory;

    @BeforeAll
    static void start()
    {
        hosts = TestHosts.start(3);
    }

    @AfterAll
    static void stop()
    {
        hosts.close();
    }

    @Test
    @DisplayName("a refused connect is retried with backoff and succeeds once the host comes up")
    void retriesUntilTheHostIsUp()
            throws Exception
    {
        hosts.host(2).kill();
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<CommandResult> result = executor.submit(() -> ssh.session(hosts.rootConfig(2)).run("gather facts", "hostname"));
            Thread.sleep(500);
            hosts.host(2).restart();
            assertEquals("kiln-host-2\n", result.get().stdout());
        }
        finally {
            hosts.host(2).restart();
        }
    }

    @Test
    @DisplayName("a connection that broke while idle (host restarted) is reopened by the next command")
    void reconnectsAfterIdleBreak()
    {
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES)) {
            SshSession session = ssh.session(hosts.rootConfig(2));
            assertEquals("kiln-host-2\n", session.run("before", "hostname").stdout());
            hosts.host(2).kill();
            hosts.host(2).restart();
            assertEquals("kiln-host-2\n", session.run("after restart", "hostname").stdout());
        }
        finally {
            hosts.host(2).restart();
        }
    }

    @Test
    @DisplayName("cancelling the action stops connect retries at once")
    void cancellationStopsRetries()
            throws Exception
    {
        hosts.host(2).kill();
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withConnectRetries(50, Duration.ofMillis(500), Duration.ofSeconds(2)));
                ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            TestActionContext context = new TestActionContext();
            Future<CommandResult> result = executor.submit(() -> ssh.session(hosts.rootConfig(2)).cancelledBy(context).run("gather facts", "true"));
            Thread.sleep(300);
            long cancelled = System.nanoTime();
            context.cancel();
            Exception thrown = assertThrows(Exception.class, result::get);
            assertTrue(thrown.getCause() instanceof CancellationException, thrown.toString());
            assertTrue(System.nanoTime() - cancelled < 1_000_000_000L);
        }
        finally {
            hosts.host(2).restart();
        }
    }

    @Test
    @DisplayName("an unreachable host fails after the configured attempts with an error naming the host, the step and the attempts")
    void unreachable()
    {
        hosts.host(2).kill();
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withConnectRetries(3, Duration.ofMillis(50), Duration.ofMillis(50)))) {
            HostUnreachableException failure = assertThrows(HostUnreachableException.class, () -> ssh.session(hosts.rootConfig(2)).run("gather facts", "true"));
            assertEquals("host-2", failure.host());
            assertEquals("gather facts", failure.step());
            assertTrue(failure.getMessage().startsWith("Cannot connect to host-2 (" + hosts.host(2).address() + ":" + hosts.port() + ") in step \"gather facts\" after 3 attempts"),
                    failure.getMessage());
        }
        finally {
            hosts.host(2).restart();
        }
    }

    @Test
    @DisplayName("a wrong password fails at once, without retries, naming the host and user")
    void wrongPasswordIsNotRetried()
            throws Exception
    {
        long failuresBefore = sshdLines(0, "Failed password for kiln");
        SshHostConfig config = SshHostConfig.of("host-0", hosts.host(0).address(), hosts.port(), TestHosts.USER,
                new SshAuthentication.Password("not-the-password"), new HostKeyPolicy.KnownHosts(hosts.knownHosts()));
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES)) {
            HostAuthenticationException failure = assertThrows(HostAuthenticationException.class, () -> ssh.session(config).run("login", "true"));
            assertTrue(failure.getMessage().contains("Authentication failed for host-0 (kiln@" + hosts.host(0).address()), failure.getMessage());
            assertTrue(failure.getMessage().contains("the password"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("not-the-password"), failure.getMessage());
        }
        Thread.sleep(100);
        assertEquals(failuresBefore + 1, sshdLines(0, "Failed password for kiln"));
    }

    @Test
    @DisplayName("a key the host does not accept fails at once, naming the key file")
    void wrongKeyIsNotRetried()
            throws Exception
    {
        long failuresBefore = sshdLines(0, "Disconnected from authenticating user root");
        Path otherKey = directory.resolve("other");
        KeyGenerator.generate(otherKey, "other");
        SshHostConfig config = SshHostConfig.of("host-0", hosts.host(0).address(), hosts.port(), "root",
                new SshAuthentication.PrivateKeyFile(otherKey, Optional.empty()), new HostKeyPolicy.KnownHosts(hosts.knownHosts()));
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES)) {
            HostAuthenticationException failure = assertThrows(HostAuthenticationException.class, () -> ssh.session(config).run("login", "true"));
            assertEquals("login", failure.step());
            assertTrue(failure.getMessage().contains("the private key " + otherKey), failure.getMessage());
        }
        Thread.sleep(100);
        assertEquals(failuresBefore + 1, sshdLines(0, "Disconnected from authenticating user root"));
    }

    @Test
    @DisplayName("a private key given inline and encrypted with a passphrase logs in; a wrong passphrase is an authentication error")
    void inlineKeyWithPassphrase()
            throws Exception
    {
        Path key = directory.resolve("encrypted");
        String publicKey = KeyGenerator.generate(key, "encrypted", "open sesame");
        Path authorized = hosts.directory().resolve("host-1/authorized_keys/root");
        Files.writeString(authorized, Files.readString(authorized) + publicKey + "\n");
        String keyText = Files.readString(key);
        SshHostConfig good = SshHostConfig.of("host-1", hosts.host(1).address(), hosts.port(), "root",
                new SshAuthentication.PrivateKey(keyText, Optional.of("open sesame")), new HostKeyPolicy.KnownHosts(hosts.knownHosts()));
        SshHostConfig bad = SshHostConfig.of("host-1", hosts.host(1).address(), hosts.port(), "root",
                new SshAuthentication.PrivateKey(keyText, Optional.of("wrong phrase")), new HostKeyPolicy.KnownHosts(hosts.knownHosts()));
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES)) {
            assertEquals("root\n", ssh.session(good).run("login", "whoami").stdout());
            HostAuthenticationException failure = assertThrows(HostAuthenticationException.class, () -> ssh.session(bad).run("login", "true"));
            assertTrue(failure.getMessage().contains("private key for host-1 could not be read"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("wrong phrase"), failure.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} key of {1} bits, format {2}, passphrase \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "ed25519 | 256 | RFC4716 | ''",
            "ecdsa | 256 | RFC4716 | ''",
            "rsa | 2048 | RFC4716 | ''",
            "rsa | 2048 | PEM | ''",
            "ecdsa | 384 | PKCS8 | ''",
            "rsa | 2048 | PEM | secret phrase",
    })
    @DisplayName("private keys of every common type and format log in")
    void keyTypes(String type, int bits, String format, String passphrase)
            throws Exception
    {
        Path key = directory.resolve("id_" + type);
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-m", format, "-N", passphrase, "-C", "test", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, keygen.waitFor());
        Path authorized = hosts.directory().resolve("host-1/authorized_keys/root");
        Files.writeString(authorized, Files.readString(authorized) + Files.readString(Path.of(key + ".pub")));
        Optional<String> phrase = passphrase.isEmpty() ? Optional.empty() : Optional.of(passphrase);
        SshHostConfig config = SshHostConfig.of("host-1", hosts.host(1).address(), hosts.port(), "root",
                new SshAuthentication.PrivateKey(Files.readString(key), phrase), new HostKeyPolicy.KnownHosts(hosts.knownHosts()));
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES)) {
            assertEquals("root\n", ssh.session(config).run("login", "whoami").stdout());
        }
    }

    @Test
    @DisplayName("when the host's sshd is killed mid-command the error names the host and step; after a restart the next command reconnects")
    void sshdKilledMidCommand()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(FAST_RETRIES); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            SshSession session = ssh.session(hosts.rootConfig(1));
            session.connect("connect");
            Future<CommandResult> running = executor.submit(() -> session.run("kubeadm init", "echo initialising; sleep 20"));
            Thread.sleep(400);
            hosts.host(1).kill();
            Exception thrown = assertThrows(Exception.class, running::get);
            HostCommandException failure = (HostCommandException) thrown.getCause();
            assertEquals("host-1", failure.host());
            assertEquals("kubeadm init", failure.step());
            assertTrue(failure.exitStatus().isEmpty());
            assertTrue(failure.getMessage().startsWith("Step \"kubeadm init\" failed on host-1: "), failure.getMessage());
            assertTrue(failure.getMessage().contains("lost its connection"), failure.getMessage());
            assertEquals(List.of("initialising"), failure.tail());
            hosts.host(1).restart();
            assertEquals("again\n", session.run("retry", "echo again").stdout());
        }
        finally {
            hosts.host(1).restart();
        }
    }

    private static long sshdLines(int host, String text)
            throws Exception
    {
        return Files.readAllLines(hosts.host(host).sshdLog()).stream().filter(line -> line.contains(text)).count();
    }
}
