package dev.kiln.executors.ssh;

import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Test hosts")
class SshTestHostsTest
{
    private static TestHosts hosts;
    private static SshHosts ssh;

    @BeforeAll
    static void start()
    {
        hosts = TestHosts.start(3);
        ssh = SshHosts.open(SshOptions.defaults());
    }

    @AfterAll
    static void stop()
    {
        ssh.close();
        hosts.close();
    }

    @Test
    @DisplayName("each host has its own hostname and its own files under the private paths")
    void ownHostnameAndFiles()
            throws Exception
    {
        SshSession first = ssh.session(hosts.rootConfig(0));
        SshSession second = ssh.session(hosts.rootConfig(1));
        assertEquals("kiln-host-0\n", first.run("hostname", "hostname").stdout());
        assertEquals("kiln-host-1\n", second.run("hostname", "hostname").stdout());
        first.run("write", "echo first > /etc/kubernetes/marker");
        assertEquals("first\n", Files.readString(hosts.host(0).path("/etc/kubernetes/marker")));
        assertFalse(Files.exists(hosts.host(1).path("/etc/kubernetes/marker")));
        assertEquals(1, second.execute("read", RemoteCommand.of("cat /etc/kubernetes/marker").unchecked()).exitStatus());
    }

    @Test
    @DisplayName("scripts installed into /usr/local/bin run on that host only, and the cluster directory is shared")
    void scriptsAndSharedDirectory()
            throws Exception
    {
        hosts.host(2).installExecutable("kiln-stand-in", "#!/bin/sh\necho \"stand-in $(hostname) $*\" | tee -a " + TestHosts.CLUSTER_PATH + "/calls\n");
        assertEquals("stand-in kiln-host-2 a b\n", ssh.session(hosts.rootConfig(2)).run("call", "kiln-stand-in a b").stdout());
        assertEquals(127, ssh.session(hosts.rootConfig(0)).execute("call", RemoteCommand.of("kiln-stand-in").unchecked()).exitStatus());
        assertTrue(Files.readString(hosts.clusterDirectory().resolve("calls")).contains("stand-in kiln-host-2 a b"));
        assertEquals("stand-in kiln-host-2 a b\n", ssh.session(hosts.rootConfig(0)).run("read shared", "cat " + TestHosts.CLUSTER_PATH + "/calls").stdout());
    }

    @Test
    @DisplayName("killing a host's connections drops them while its listener stays up; the next command reconnects")
    void killConnections()
            throws Exception
    {
        SshSession session = ssh.session(hosts.rootConfig(1));
        session.run("before", "true");
        long logins = Files.readAllLines(hosts.host(1).sshdLog()).stream().filter(line -> line.contains("Accepted ")).count();
        hosts.host(1).killConnections();
        assertTrue(hosts.host(1).isRunning());
        assertEquals("after\n", session.run("after", "echo after").stdout());
        assertEquals(logins + 1, Files.readAllLines(hosts.host(1).sshdLog()).stream().filter(line -> line.contains("Accepted ")).count());
    }

    @Test
    @DisplayName("the test user logs in with its password and sudo works with it")
    void userAndSudo()
    {
        SshSession user = ssh.session(hosts.userConfig(0));
        assertEquals("kiln\n", user.run("whoami", "whoami").stdout());
        assertEquals("root\n", user.runSudo("whoami", "whoami").stdout());
    }
}
