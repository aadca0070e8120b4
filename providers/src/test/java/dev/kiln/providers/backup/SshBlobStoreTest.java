package dev.kiln.providers.backup;

import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.ssh.testing.TestHosts;
import dev.kiln.state.blob.BlobStore;
import dev.kiln.state.blob.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup point's directory on a node over SSH (a real sshd on loopback) passes the blob store contract. */
class SshBlobStoreTest
        extends BlobStoreContract
{
    private static TestHosts hosts;
    private static SshHosts ssh;
    private static Path root;
    private static SshBlobStore store;

    private String prefix;

    @BeforeAll
    static void start()
            throws Exception
    {
        hosts = TestHosts.start(1);
        ssh = SshHosts.open(SshOptions.defaults());
        root = Files.createDirectories(hosts.directory().resolve("backups"));
        store = new SshBlobStore(ssh.session(hosts.rootConfig(0)), root.toString());
    }

    @AfterAll
    static void stop()
    {
        ssh.close();
        hosts.close();
    }

    @BeforeEach
    void newPrefix()
    {
        prefix = "t-" + UUID.randomUUID() + "/";
    }

    @Override
    protected BlobStore store()
    {
        return store;
    }

    @Override
    protected String prefix()
    {
        return prefix;
    }

    @Test
    @DisplayName("blobs are files under the node's directory, private to their owner, and the location names the node")
    void filesOnTheNode()
            throws Exception
    {
        store.put(prefix + "snapshot.db", new ByteArrayInputStream("bytes".getBytes(UTF_8)));
        Path file = root.resolve(prefix + "snapshot.db");
        assertEquals("bytes", Files.readString(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(store.location().startsWith("ssh://") && store.location().endsWith(root + "/"), store.location());
    }
}
