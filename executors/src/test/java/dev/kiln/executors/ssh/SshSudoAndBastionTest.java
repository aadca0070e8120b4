package dev.kiln.executors.ssh;

import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("sudo with the password on stdin, and jump hosts")
class SshSudoAndBastionTest
{
    private static TestHosts hosts;

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
    @DisplayName("a non-root user runs privileged commands through sudo with the password fed on stdin, never on the command line")
    void sudoWithPassword()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.userConfig(0));
            assertEquals("kiln\n", session.run("who", "whoami").stdout());
            CommandResult root = session.runSudo("who as root", "whoami; ps -o args= -p $PPID");
            assertTrue(root.stdout().startsWith("root\n"), root.stdout());
            assertFalse(root.stdout().contains(TestHosts.PASSWORD), root.stdout());
            assertEquals("", root.stderr());
        }
    }

    @Test
    @DisplayName("the command's own stdin reaches it through sudo, without the password in it")
    void sudoStdin()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.userConfig(0));
            CommandResult result = session.execute("write config", RemoteCommand.of("cat > /etc/kiln/config && cat /etc/kiln/config && stat -c %U /etc/kiln/config")
                    .withSudo().withStdin("line one\nline two\n"));
            assertEquals("line one\nline two\nroot\n", result.stdout());
        }
    }

    @Test
    @DisplayName("root's privileged commands run directly; a user without the sudo setting runs them as itself")
    void noSudoNeeded()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            assertEquals("root\n", ssh.session(hosts.rootConfig(0).withSudo(Optional.empty())).runSudo("who", "whoami").stdout());
            SshHostConfig plain = SshHostConfig.of("host-0", hosts.host(0).address(), hosts.port(), TestHosts.USER,
                    new SshAuthentication.Password(TestHosts.PASSWORD), new HostKeyPolicy.KnownHosts(hosts.knownHosts()));
            assertEquals("kiln\n", ssh.session(plain).runSudo("who", "whoami").stdout());
        }
    }

    @Test
    @DisplayName("a privileged command that times out is killed on the host, through sudo")
    void sudoCommandKilledOnTimeout()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession user = ssh.session(hosts.userConfig(2));
            HostCommandException failure = assertThrows(HostCommandException.class,
                    () -> user.execute("hang as root", RemoteCommand.of("sleep 4646; echo never").withSudo().withTimeout(Duration.ofSeconds(2))));
            assertTrue(failure.getMessage().contains("timed out after 2 s"), failure.getMessage());
            SshSession root = ssh.session(hosts.rootConfig(2));
            String left = "";
            for (int attempt = 0; attempt < 100; attempt++) {
                left = root.run("look", "pgrep -f 'sleep 46[4]6' || true").stdout();
                if (left.isEmpty()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("", left);
        }
    }

    @Test
    @DisplayName("a user sudo refuses gets an authentication error naming the host, the step and sudo's reason")
    void sudoRefused()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            HostAuthenticationException failure = assertThrows(HostAuthenticationException.class,
                    () -> ssh.session(hosts.refusedUserConfig(1)).runSudo("install kubelet", "true"));
            assertEquals("host-1", failure.host());
            assertEquals("install kubelet", failure.step());
            assertTrue(failure.getMessage().startsWith("sudo refused nosudo on host-1 in step \"install kubelet\""), failure.getMessage());
            assertTrue(failure.getMessage().contains("not in the sudoers file"), failure.getMessage());
            assertFalse(failure.getMessage().contains(TestHosts.PASSWORD), failure.getMessage());
        }
    }

    @Test
    @DisplayName("a wrong sudo password, or none when sudo asks, is refused quickly with a reason")
    void sudoWrongOrMissingPassword()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withCommandTimeout(Duration.ofSeconds(20)))) {
            HostAuthenticationException wrong = assertThrows(HostAuthenticationException.class,
                    () -> ssh.session(hosts.userConfig(2).withSudo(Optional.of("not-the-sudo-password"))).runSudo("step", "true"));
            assertTrue(wrong.getMessage().contains("the sudo password was rejected"), wrong.getMessage());
            assertFalse(wrong.getMessage().contains("not-the-sudo-password"), wrong.getMessage());
            HostAuthenticationException missing = assertThrows(HostAuthenticationException.class,
                    () -> ssh.session(hosts.userConfig(2).withSudo(Optional.empty())).runSudo("step", "true"));
            assertTrue(missing.getMessage().contains("sudo asks for a password and none is configured"), missing.getMessage());
        }
    }

    @Test
    @DisplayName("a host behind a bastion is reached through the bastion's connection (direct-tcpip)")
    void bastion()
            throws Exception
    {
        long bastionLogins = logins(0);
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshHostConfig target = hosts.userConfig(1).withBastion(hosts.rootConfig(0));
            SshSession session = ssh.session(target);
            assertEquals("kiln-host-1\n", session.run("hostname", "hostname").stdout());
            assertEquals("root\n", session.runSudo("who", "whoami").stdout());
            assertEquals("kiln-host-2\n", ssh.session(hosts.rootConfig(2).withBastion(hosts.rootConfig(0))).run("hostname", "hostname").stdout());
        }
        assertEquals(bastionLogins + 1, logins(0), "one bastion connection serves both hosts");
    }

    @Test
    @DisplayName("when the bastion is down the error names the target and the bastion")
    void bastionDown()
    {
        hosts.host(0).kill();
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withConnectRetries(2, Duration.ofMillis(50), Duration.ofMillis(50)))) {
            HostUnreachableException failure = assertThrows(HostUnreachableException.class,
                    () -> ssh.session(hosts.rootConfig(1).withBastion(hosts.rootConfig(0))).run("hostname", "hostname"));
            assertEquals("host-1", failure.host());
            assertTrue(failure.getMessage().startsWith("Cannot connect to host-1 (" + hosts.host(1).address() + ":" + hosts.port() + ") in step \"hostname\": its bastion host-0 is unreachable."),
                    failure.getMessage());
        }
        finally {
            hosts.host(0).restart();
        }
    }

    private static long logins(int host)
            throws Exception
    {
        return Files.readAllLines(hosts.host(host).sshdLog()).stream().filter(line -> line.contains("Accepted ")).count();
    }
}
