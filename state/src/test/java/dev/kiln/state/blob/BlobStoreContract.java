package dev.kiln.state.blob;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every blob store must do, run against each implementation (a directory, S3Proxy, a directory on a node over SSH); public for stores in other modules.
 * Each test works under its own key prefix, so one store serves the whole class.
 */
public abstract class BlobStoreContract
{
    /** Content larger than one part of the stores under test (their part size is 5 MiB). */
    public static final int LARGE = 12 * 1024 * 1024 + 17;

    protected abstract BlobStore store();

    protected abstract String prefix();

    @Test
    @DisplayName("A stored blob reads back byte for byte, with its size and SHA-256 computed while streaming")
    void roundTrip()
            throws Exception
    {
        byte[] content = "etcd snapshot bytes".getBytes(UTF_8);
        StoredBlob stored = store().put(prefix() + "a/snapshot.db", new ByteArrayInputStream(content));
        assertEquals(new StoredBlob(prefix() + "a/snapshot.db", content.length, sha256(content)), stored);
        assertArrayEquals(content, read(prefix() + "a/snapshot.db"));
        assertTrue(store().exists(prefix() + "a/snapshot.db"));
    }

    @Test
    @DisplayName("A blob larger than a part streams through whole, and its checksum covers every byte")
    void largeBlob()
            throws Exception
    {
        StoredBlob stored = store().put(prefix() + "large.db", new PatternStream(LARGE));
        assertEquals(LARGE, stored.size());
        byte[] back = read(prefix() + "large.db");
        assertEquals(LARGE, back.length);
        assertEquals(sha256(back), stored.sha256());
        assertArrayEquals(new PatternStream(LARGE).readAllBytes(), back);
    }

    @Test
    @DisplayName("An empty blob is a blob")
    void emptyBlob()
            throws Exception
    {
        StoredBlob stored = store().put(prefix() + "empty", InputStream.nullInputStream());
        assertEquals(0, stored.size());
        assertArrayEquals(new byte[0], read(prefix() + "empty"));
    }

    @Test
    @DisplayName("Putting a key again replaces its content")
    void replace()
            throws Exception
    {
        store().put(prefix() + "key", new ByteArrayInputStream("first".getBytes(UTF_8)));
        store().put(prefix() + "key", new ByteArrayInputStream("second".getBytes(UTF_8)));
        assertEquals("second", new String(read(prefix() + "key"), UTF_8));
    }

    @Test
    @DisplayName("Reading a missing blob is a NoSuchBlobException naming the key")
    void missing()
    {
        NoSuchBlobException thrown = assertThrows(NoSuchBlobException.class, () -> store().get(prefix() + "nothing").close());
        assertTrue(thrown.getMessage().contains(prefix() + "nothing"), thrown.getMessage());
    }

    @Test
    @DisplayName("Listing by prefix finds exactly the blobs under it, ordered by key, with their sizes")
    void listByPrefix()
            throws Exception
    {
        store().put(prefix() + "b/2", new ByteArrayInputStream(new byte[2]));
        store().put(prefix() + "b/1", new ByteArrayInputStream(new byte[1]));
        store().put(prefix() + "c/3", new ByteArrayInputStream(new byte[3]));
        assertEquals(List.of(new BlobInfo(prefix() + "b/1", 1), new BlobInfo(prefix() + "b/2", 2)), store().list(prefix() + "b/"));
        assertEquals(3, store().list(prefix()).size());
        assertEquals(List.of(), store().list(prefix() + "z"));
    }

    @Test
    @DisplayName("Delete removes a blob once and says whether there was one")
    void delete()
            throws Exception
    {
        store().put(prefix() + "gone", new ByteArrayInputStream(new byte[1]));
        assertTrue(store().delete(prefix() + "gone"));
        assertFalse(store().exists(prefix() + "gone"));
        assertFalse(store().delete(prefix() + "gone"));
        assertEquals(List.of(), store().list(prefix() + "gone"));
    }

    @Test
    @DisplayName("A put whose content fails midway stores nothing under the key")
    void failedPut()
    {
        assertThrows(IOException.class, () -> store().put(prefix() + "broken", new FailingStream(LARGE / 2)));
        assertThrows(NoSuchBlobException.class, () -> store().get(prefix() + "broken").close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/absolute", "a//b", "a/../b", "..", "trailing/", "back\\slash", "./a"})
    @DisplayName("Keys that could escape the store or are ambiguous are refused")
    void badKeys(String key)
    {
        assertThrows(IllegalArgumentException.class, () -> store().put(key, InputStream.nullInputStream()));
    }

    byte[] read(String key)
            throws IOException
    {
        try (InputStream in = store().get(key)) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] content)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** {@code length} bytes of a fixed pattern, produced on the fly. */
    static final class PatternStream
            extends InputStream
    {
        private final long length;
        private long position;

        PatternStream(long length)
        {
            this.length = length;
        }

        @Override
        public int read()
        {
            if (position >= length) {
                return -1;
            }
            return (int) (position++ * 31 % 251);
        }

        @Override
        public int read(byte[] buffer, int offset, int count)
        {
            if (position >= length) {
                return -1;
            }
            int produced = (int) Math.min(count, length - position);
            for (int index = 0; index < produced; index++) {
                buffer[offset + index] = (byte) (position++ * 31 % 251);
            }
            return produced;
        }
    }

    /** Produces {@code failAfter} bytes, then fails like a broken connection. */
    static final class FailingStream
            extends InputStream
    {
        private final PatternStream pattern;
        private final long failAfter;
        private long position;

        FailingStream(long failAfter)
        {
            this.pattern = new PatternStream(Long.MAX_VALUE);
            this.failAfter = failAfter;
        }

        @Override
        public int read()
                throws IOException
        {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count)
                throws IOException
        {
            if (position >= failAfter) {
                throw new IOException("connection reset while streaming");
            }
            int produced = pattern.read(buffer, offset, (int) Math.min(count, failAfter - position));
            position += produced;
            return produced;
        }
    }
}
