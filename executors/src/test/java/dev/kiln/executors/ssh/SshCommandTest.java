package dev.kiln.executors.ssh;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SSH commands on real sshd")
class SshCommandTest
{
    private static TestHosts hosts;

    @TempDir
    Path logs;

    @BeforeAll
    static void start()
    {
        hosts = TestHosts.start(2);
    }

    @AfterAll
    static void stop()
    {
        hosts.close();
    }

    @ParameterizedTest(name = "`{0}` exits {1}")
    @CsvSource(delimiter = '|', value = {
            "true | 0",
            "false | 1",
            "exit 7 | 7",
            "sh -c 'kill -TERM $$' ; exit 143 | 143",
            "no-such-command-anywhere | 127",
    })
    @DisplayName("an unchecked command returns its exit status")
    void exitStatus(String command, int status)
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            assertEquals(status, ssh.session(hosts.rootConfig(0)).execute("probe", RemoteCommand.of(command).unchecked()).exitStatus());
        }
    }

    @Test
    @DisplayName("stdout and stderr are kept apart in the result and streamed line by line to the host's log with host and step")
    void outputAndLog()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withLogDirectory(logs))) {
            CommandResult result = ssh.session(hosts.rootConfig(0)).run("print things", "echo one; echo two >&2; printf 'three'");
            assertEquals("one\nthree\n", result.stdout());
            assertEquals("two\n", result.stderr());
            assertEquals("host-0", result.host());
            assertEquals("print things", result.step());
        }
        List<String> lines = Files.readAllLines(logs.resolve("host-0.log"));
        assertTrue(lines.stream().anyMatch(line -> line.contains(" host-0 [print things] out| one")), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" host-0 [print things] err| two")), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" host-0 [print things] out| three")), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" host-0 [print things] --- exit 0 after")), lines::toString);
        assertTrue(lines.stream().allMatch(line -> line.contains(" host-0 [")), lines::toString);
    }

    @Test
    @DisplayName("a failed command's error names the host, the step, the exit status and its last output lines")
    void failureNamesHostStepAndTail()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            HostCommandException failure = assertThrows(HostCommandException.class, () -> ssh.session(hosts.rootConfig(1))
                    .run("install containerd", "for i in $(seq 1 30); do echo line $i; done; echo 'E: no such package' >&2; exit 100"));
            assertEquals("host-1", failure.host());
            assertEquals("install containerd", failure.step());
            assertEquals(100, failure.exitStatus().orElseThrow());
            assertTrue(failure.tail().size() <= 21, failure.tail()::toString);
            assertTrue(failure.tail().contains("E: no such package"), failure.tail()::toString);
            assertTrue(failure.tail().contains("line 30"), failure.tail()::toString);
            assertFalse(failure.tail().contains("line 1"), failure.tail()::toString);
            assertTrue(failure.getMessage().startsWith("Step \"install containerd\" failed on host-1: "), failure.getMessage());
            assertTrue(failure.getMessage().contains("exited with status 100"), failure.getMessage());
            assertTrue(failure.getMessage().contains("E: no such package"), failure.getMessage());
        }
    }

    @Test
    @DisplayName("stdin is fed to the command and closed, so commands that read it end")
    void stdin()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(0));
            assertEquals("hello\nworld\n", session.execute("stdin", RemoteCommand.of("cat").withStdin("hello\nworld\n")).stdout());
            assertEquals("", session.run("no stdin", "cat").stdout());
        }
    }

    @Test
    @DisplayName("many commands, concurrent ones included, share one TCP connection per host")
    void connectionReuse()
            throws Exception
    {
        long loginsBefore = logins(0);
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults()); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int index = 0; index < 40; index++) {
                int number = index;
                results.add(executor.submit(() -> ssh.session(hosts.rootConfig(0)).run("command " + number, "echo " + number)));
            }
            for (int index = 0; index < results.size(); index++) {
                assertEquals(index + "\n", results.get(index).get().stdout());
            }
            assertEquals(1, established(ssh, 0));
        }
        assertEquals(loginsBefore + 1, logins(0));
    }

    @Test
    @DisplayName("a command running past its timeout is stopped and reported with the host and step")
    void timeout()
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(1));
            session.connect("connect");
            long started = System.nanoTime();
            HostCommandException failure = assertThrows(HostCommandException.class, () -> session.execute("wait for kubelet",
                    RemoteCommand.of("echo waiting; sleep 30").withTimeout(Duration.ofMillis(500))));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
            assertTrue(failure.getMessage().contains("timed out after 500 ms"), failure.getMessage());
            assertEquals("host-1", failure.host());
            assertEquals(List.of("waiting"), failure.tail());
            assertTrue(failure.exitStatus().isEmpty());
            assertEquals("ok\n", session.run("after", "echo ok").stdout());
        }
    }

    @Test
    @DisplayName("a stopped command's processes are killed on the host, not left running")
    void stoppedCommandIsKilled()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(1));
            assertThrows(HostCommandException.class, () -> session.execute("hang",
                    RemoteCommand.of("sleep 4242 & sleep 4343; echo never").withTimeout(Duration.ofMillis(400))));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String left = "";
            while (System.nanoTime() < deadline) {
                left = session.execute("look", RemoteCommand.of("pgrep -f 'sleep 4[23]4[23]' || true")).stdout();
                if (left.isEmpty()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("", left);
        }
    }

    @Test
    @DisplayName("cancelling the action's context closes the running command's channel and throws CancellationException")
    void cancellation()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults()); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            TestActionContext context = new TestActionContext();
            SshSession session = ssh.session(hosts.rootConfig(0)).cancelledBy(context);
            session.connect("connect");
            Future<CommandResult> running = executor.submit(() -> session.run("long step", "echo started; sleep 30"));
            Thread.sleep(300);
            long started = System.nanoTime();
            context.cancel();
            Exception failure = assertThrows(Exception.class, running::get);
            assertTrue(failure.getCause() instanceof CancellationException, failure.toString());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
            assertThrows(CancellationException.class, () -> session.run("next", "true"));
            assertEquals("ok\n", ssh.session(hosts.rootConfig(0)).run("other action", "echo ok").stdout());
        }
    }

    @Test
    @DisplayName("interrupting the calling thread stops the command")
    void interruption()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(0));
            session.connect("connect");
            List<Throwable> thrown = new ArrayList<>();
            Thread worker = Thread.ofVirtual().start(() -> {
                try {
                    session.run("long step", "sleep 30");
                }
                catch (Throwable e) {
                    thrown.add(e);
                }
            });
            Thread.sleep(300);
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
            assertFalse(worker.isAlive());
            assertTrue(thrown.getFirst() instanceof CancellationException, thrown.toString());
        }
    }

    static long logins(int host)
            throws Exception
    {
        return Files.readAllLines(hosts.host(host).sshdLog()).stream().filter(line -> line.contains("Accepted ")).count();
    }

    /** Established TCP connections from this JVM to the host's sshd. */
    static long established(SshHosts ssh, int host)
            throws Exception
    {
        String target = String.format("%08X:%04X", Integer.reverseBytes(ipv4(hosts.host(host).address())), hosts.port());
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
        return lines.stream()
                .map(String::strip)
                .map(line -> line.split("\\s+"))
                .filter(fields -> fields.length > 3 && fields[2].endsWith(target) && fields[3].equals("01"))
                .count();
    }

    private static int ipv4(String address)
    {
        String[] parts = address.split("\\.");
        int value = 0;
        for (String part : parts) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }
}
