package dev.kiln.state.blob;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("FileSystemBlobStore")
class FileSystemBlobStoreTest
        extends BlobStoreContract
{
    @TempDir
    static Path directory;

    private static FileSystemBlobStore store;
    private String prefix;

    @BeforeEach
    void open(TestInfo test)
    {
        if (store == null) {
            store = new FileSystemBlobStore(directory.resolve("store"));
        }
        prefix = test.getTestMethod().orElseThrow().getName() + "-" + Math.abs(test.getDisplayName().hashCode()) + "/";
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
    @DisplayName("Blob files are private to their owner and no temporary file stays behind, even after a failed put")
    void privateFilesWithoutLeftovers()
            throws Exception
    {
        store.put(prefix + "secret.db", new ByteArrayInputStream(new byte[10]));
        assertThrows(java.io.IOException.class, () -> store.put(prefix + "broken.db", new FailingStream(100)));
        Path folder = store.root().resolve(prefix);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("secret.db"))));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    @DisplayName("Its location is the directory's file URL")
    void location()
    {
        assertEquals(store.root().toUri().toString(), store.location());
    }
}
